"""The issuer's side, for tests: sign JWS, encode did:key / did:jwk, build Data Integrity proofs and
status lists. Written independently of service.verify (only `cryptography`, `rfc8785` and PyLD),
so that a verifier bug cannot cancel out against the same bug in the signer."""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
from collections.abc import Callable, Iterable
from typing import Any

import rfc8785
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, padding, rsa
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

PrivateKey = ed25519.Ed25519PrivateKey | ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey

_B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_json(value: Any) -> str:
    return b64url(json.dumps(value, separators=(",", ":")).encode("utf-8"))


def base58btc(data: bytes) -> str:
    number = int.from_bytes(data, "big")
    out = ""
    while number:
        number, rest = divmod(number, 58)
        out = _B58[rest] + out
    return "1" * (len(data) - len(data.lstrip(b"\0"))) + out


# --- keys ------------------------------------------------------------------------------------


def _int_b64(value: int, size: int) -> str:
    return b64url(value.to_bytes(size, "big"))


def public_jwk(private: PrivateKey) -> dict[str, str]:
    """The public JWK of a private key (RFC 7517/8037)."""
    public = private.public_key()
    if isinstance(public, ed25519.Ed25519PublicKey):
        raw = public.public_bytes(Encoding.Raw, PublicFormat.Raw)
        return {"kty": "OKP", "crv": "Ed25519", "x": b64url(raw)}
    if isinstance(public, ec.EllipticCurvePublicKey):
        numbers = public.public_numbers()
        size = (public.curve.key_size + 7) // 8
        crv = {"secp256r1": "P-256", "secp384r1": "P-384"}[public.curve.name]
        x, y = _int_b64(numbers.x, size), _int_b64(numbers.y, size)
        return {"kty": "EC", "crv": crv, "x": x, "y": y}
    numbers = public.public_numbers()
    return {
        "kty": "RSA",
        "n": _int_b64(numbers.n, (numbers.n.bit_length() + 7) // 8),
        "e": _int_b64(numbers.e, 3),
    }


def public_pem(private: PrivateKey) -> str:
    return (
        private.public_key()
        .public_bytes(Encoding.PEM, PublicFormat.SubjectPublicKeyInfo)
        .decode("ascii")
    )


def multikey(private: PrivateKey) -> str:
    """Multibase (base58btc) multicodec public key: ed25519-pub 0xed, p256-pub 0x1200."""
    public = private.public_key()
    if isinstance(public, ed25519.Ed25519PublicKey):
        body = b"\xed\x01" + public.public_bytes(Encoding.Raw, PublicFormat.Raw)
    elif isinstance(public, ec.EllipticCurvePublicKey):
        body = b"\x80\x24" + public.public_bytes(Encoding.X962, PublicFormat.CompressedPoint)
    else:
        raise TypeError("did:key is only made for Ed25519 and P-256 here")
    return "z" + base58btc(body)


def did_key(private: PrivateKey) -> str:
    return f"did:key:{multikey(private)}"


def did_key_url(private: PrivateKey) -> str:
    """The did:key verification method: DID plus '#' plus the same multibase value."""
    return f"{did_key(private)}#{multikey(private)}"


def did_jwk(private: PrivateKey) -> str:
    return f"did:jwk:{b64url_json(public_jwk(private))}"


# --- JWS -------------------------------------------------------------------------------------


def _raw_ecdsa(
    private: ec.EllipticCurvePrivateKey, data: bytes, digest: hashes.HashAlgorithm
) -> bytes:
    r, s = decode_dss_signature(private.sign(data, ec.ECDSA(digest)))
    size = (private.curve.key_size + 7) // 8
    return r.to_bytes(size, "big") + s.to_bytes(size, "big")


def sign_bytes(private: PrivateKey, data: bytes) -> bytes:
    """EdDSA / ES256 (r||s) / RS256 signature of `data`, chosen by key type."""
    if isinstance(private, ed25519.Ed25519PrivateKey):
        return private.sign(data)
    if isinstance(private, ec.EllipticCurvePrivateKey):
        return _raw_ecdsa(private, data, hashes.SHA256())
    return private.sign(data, padding.PKCS1v15(), hashes.SHA256())


def alg_for(private: PrivateKey) -> str:
    if isinstance(private, ed25519.Ed25519PrivateKey):
        return "EdDSA"
    if isinstance(private, ec.EllipticCurvePrivateKey):
        return "ES256"
    return "RS256"


def sign_jws(payload: dict[str, Any], private: PrivateKey, **header: Any) -> str:
    """Compact JWS of a JSON payload; `alg` defaults to the one that fits the key."""
    header = {"alg": alg_for(private), **header}
    signing_input = f"{b64url_json(header)}.{b64url_json(payload)}"
    return f"{signing_input}.{b64url(sign_bytes(private, signing_input.encode('ascii')))}"


def replace_payload(token: str, payload: dict[str, Any]) -> str:
    """The token with another payload and the old signature: a tampered token."""
    head, _, sig = token.split(".")
    return f"{head}.{b64url_json(payload)}.{sig}"


# --- Data Integrity --------------------------------------------------------------------------


def jcs(value: Any) -> bytes:
    return rfc8785.dumps(value)


def rdfc_with(contexts: dict[str, Any]) -> Callable[[Any], bytes]:
    """An RDFC-1.0 canonicalizer that reads contexts from a dict, straight from PyLD."""
    from pyld import jsonld
    from pyld.context_resolver import ContextResolver

    def load(url: str, options: Any = None) -> dict[str, Any]:
        return {"contextUrl": None, "documentUrl": url, "document": contexts[url]}

    def canonical(doc: Any) -> bytes:
        options = {
            "algorithm": "URDNA2015",
            "format": "application/n-quads",
            "documentLoader": load,
            "contextResolver": ContextResolver({}, load),
        }
        return jsonld.normalize(doc, options).encode("utf-8")

    return canonical


def add_proof(
    document: dict[str, Any],
    private: PrivateKey,
    *,
    cryptosuite: str,
    verification_method: str,
    canonical: Callable[[Any], bytes] = jcs,
    created: str = "2024-01-01T00:00:00Z",
) -> dict[str, Any]:
    """The document with a DataIntegrityProof: signature over
    sha256(canonical(proof options)) || sha256(canonical(document))."""
    options: dict[str, Any] = {
        "type": "DataIntegrityProof",
        "cryptosuite": cryptosuite,
        "created": created,
        "verificationMethod": verification_method,
        "proofPurpose": "assertionMethod",
    }
    config = dict(options)
    if "rdfc" in cryptosuite:
        config["@context"] = document["@context"]
    hash_data = (
        hashlib.sha256(canonical(config)).digest() + hashlib.sha256(canonical(document)).digest()
    )
    proof_value = "z" + base58btc(sign_bytes(private, hash_data))
    return {**document, "proof": {**options, "proofValue": proof_value}}


# --- status lists ----------------------------------------------------------------------------


def encoded_status_list(revoked: Iterable[int], size_bits: int = 131072) -> str:
    """Bitstring Status List `encodedList`: multibase 'u' + base64url(GZIP(bits)), index 0 is
    the most significant bit of the first byte."""
    bits = bytearray(size_bits // 8)
    for index in revoked:
        bits[index // 8] |= 0x80 >> (index % 8)
    return "u" + b64url(gzip.compress(bytes(bits)))
