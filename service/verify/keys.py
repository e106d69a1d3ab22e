"""Public keys from JWKs, PEM text, did:key / did:jwk identifiers and supplied key documents.

A key is only as trustworthy as where it came from, so every key carries `source` and the `issuer`
it is bound to: a did:key or did:jwk is bound to its own DID, a supplied key to the issuer/owner
the caller recorded for it, a key from a JWS header or an embedded profile to nobody in particular.
The issuer-binding check reads those fields; this module only decodes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    PublicFormat,
    load_pem_public_key,
)

from service.verify.encoding import b64url_decode, b64url_json, multibase_decode, read_varint

PublicKey = ed25519.Ed25519PublicKey | ec.EllipticCurvePublicKey | rsa.RSAPublicKey

# multicodec codes of the public-key types that did:key and Multikey carry.
_ED25519_PUB = 0xED
_P256_PUB = 0x1200
_P384_PUB = 0x1201
_EC_CURVES: dict[str, ec.EllipticCurve] = {"P-256": ec.SECP256R1(), "P-384": ec.SECP384R1()}


@dataclass(frozen=True)
class TrustedKey:
    """A public key and what is known of it: its id, the issuer it belongs to, where it came from.

    `issuer` None means "not bound to a particular issuer" (a bare PEM the caller handed over, a
    key from the token header): such a key proves no issuer (see binding). A key embedded in the
    badge's own issuer profile carries the owner the badge claims, which binding disregards.
    """

    key: PublicKey
    kid: str | None
    issuer: str | None
    source: str


def did_of(did_url: str) -> str:
    """The DID part of a DID URL: `did:key:z6Mk...#z6Mk...` -> `did:key:z6Mk...`."""
    return did_url.split("#", 1)[0]


def key_from_jwk(jwk: Mapping[str, Any]) -> PublicKey:
    """Build a public key from a JWK (OKP Ed25519, EC P-256/P-384, RSA); private parts ignored."""
    kty = jwk.get("kty")
    if kty == "OKP":
        if jwk.get("crv") != "Ed25519":
            raise ValueError(f"unsupported OKP curve {jwk.get('crv')!r}")
        return ed25519.Ed25519PublicKey.from_public_bytes(b64url_decode(jwk["x"]))
    if kty == "EC":
        curve = _EC_CURVES.get(str(jwk.get("crv")))
        if curve is None:
            raise ValueError(f"unsupported EC curve {jwk.get('crv')!r}")
        point = b"\x04" + b64url_decode(jwk["x"]) + b64url_decode(jwk["y"])
        return ec.EllipticCurvePublicKey.from_encoded_point(curve, point)
    if kty == "RSA":
        n = int.from_bytes(b64url_decode(jwk["n"]), "big")
        e = int.from_bytes(b64url_decode(jwk["e"]), "big")
        return rsa.RSAPublicNumbers(e, n).public_key()
    raise ValueError(f"unsupported JWK key type {kty!r}")


def key_from_pem(pem: str) -> PublicKey:
    """Load a PEM public key (SubjectPublicKeyInfo or PKCS#1 RSA) or a certificate's key."""
    data = pem.strip().encode("ascii")
    if b"BEGIN CERTIFICATE" in data:
        key = x509.load_pem_x509_certificate(data).public_key()
    else:
        key = load_pem_public_key(data)
    if not isinstance(key, ed25519.Ed25519PublicKey | ec.EllipticCurvePublicKey | rsa.RSAPublicKey):
        raise ValueError(f"unsupported PEM key type {type(key).__name__}")
    return key


def key_from_multikey(value: str) -> PublicKey:
    """Decode a multibase multicodec public key, as in did:key and Multikey `publicKeyMultibase`."""
    raw = multibase_decode(value)
    code, used = read_varint(raw)
    body = raw[used:]
    if code == _ED25519_PUB:
        return ed25519.Ed25519PublicKey.from_public_bytes(body)
    if code == _P256_PUB:
        return ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), body)
    if code == _P384_PUB:
        return ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP384R1(), body)
    raise ValueError(f"unsupported multicodec key type 0x{code:x}")


def key_from_did(did_url: str) -> TrustedKey | None:
    """Resolve a did:key or did:jwk offline; None for any other DID method (or no DID at all).

    Both methods carry the key in the identifier itself, so the key is bound to that DID: whoever
    controls the private key *is* that DID. Other methods (did:web...) would need the network.
    """
    did = did_of(did_url)
    if did.startswith("did:key:"):
        key = key_from_multikey(did.removeprefix("did:key:"))
        return TrustedKey(key, did_url, did, "did:key")
    if did.startswith("did:jwk:"):
        jwk = b64url_json(did.removeprefix("did:jwk:"))
        if not isinstance(jwk, dict):
            raise ValueError("did:jwk does not hold a JSON object")
        return TrustedKey(key_from_jwk(jwk), did_url, did, "did:jwk")
    return None


def _bound_issuer(doc: Mapping[str, Any]) -> str | None:
    """Who a supplied key document says owns the key: issuer, owner (OB 2.0) or controller (DID)."""
    for name in ("issuer", "owner", "controller"):
        value = doc.get(name)
        if isinstance(value, str) and value:
            return value
    return None


def _key_from_document(doc: Mapping[str, Any]) -> tuple[PublicKey, str | None]:
    """Decode a supplied key document: a JWK, an OB 2.0 CryptographicKey, a Multikey or a
    JsonWebKey verification method. Returns the key and its identifier."""
    if "kty" in doc:
        return key_from_jwk(doc), doc.get("kid") or doc.get("id")
    if isinstance(doc.get("publicKeyPem"), str):
        return key_from_pem(doc["publicKeyPem"]), doc.get("id")
    if isinstance(doc.get("publicKeyMultibase"), str):
        return key_from_multikey(doc["publicKeyMultibase"]), doc.get("id")
    if isinstance(doc.get("publicKeyJwk"), Mapping):
        return key_from_jwk(doc["publicKeyJwk"]), doc.get("id")
    raise ValueError("key document has no kty, publicKeyPem, publicKeyMultibase or publicKeyJwk")


def supplied_key(entry: Mapping[str, Any] | str, source: str = "supplied") -> TrustedKey:
    """Normalise one caller-supplied key: a PEM string, a did:key/did:jwk string, or a document."""
    if isinstance(entry, str):
        if entry.startswith("did:"):
            resolved = key_from_did(entry)
            if resolved is None:
                raise ValueError(f"cannot resolve {entry!r} offline")
            return TrustedKey(resolved.key, resolved.kid, resolved.issuer, source)
        return TrustedKey(key_from_pem(entry), None, None, source)
    if not isinstance(entry, Mapping):
        raise ValueError(f"a key must be a PEM string, a DID or a dict, not {type(entry).__name__}")
    key, kid = _key_from_document(entry)
    return TrustedKey(key, kid if isinstance(kid, str) else None, _bound_issuer(entry), source)


def load_keys(entries: Iterable[Mapping[str, Any] | str]) -> tuple[list[TrustedKey], list[str]]:
    """Normalise all caller-supplied keys; a key that cannot be read is skipped with a warning.

    Skipping rather than raising: one bad row in the caller's key store should not make every
    badge unverifiable, and a skipped key can only make a result less verified, never more.
    """
    keys: list[TrustedKey] = []
    warnings: list[str] = []
    for index, entry in enumerate(entries):
        try:
            keys.append(supplied_key(entry))
        except (ValueError, KeyError, TypeError) as exc:
            warnings.append(f"supplied key #{index} ignored: {exc}")
    return keys, warnings


def same_key(a: PublicKey, b: PublicKey) -> bool:
    """Compare two public keys by their encoded public numbers."""
    spki = Encoding.DER, PublicFormat.SubjectPublicKeyInfo
    return a.public_bytes(*spki) == b.public_bytes(*spki)
