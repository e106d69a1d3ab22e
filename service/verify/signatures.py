"""Signature checks: JWS algorithms (RFC 7518) and the raw signatures of Data Integrity proofs.

The algorithm decides which key type is acceptable, never the other way round: an RS256 token is
never checked against an EC key and so on, which closes the classic JWS algorithm-confusion holes.
`alg: none` is not an algorithm here at all.
"""

from __future__ import annotations

from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, padding, rsa
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

from service.verify.keys import PublicKey


class UnsupportedAlgorithm(ValueError):
    """A JWS `alg` this module does not implement (the badge may be fine; we cannot tell)."""


@dataclass(frozen=True)
class _Alg:
    family: str  # "eddsa" | "ecdsa" | "rsa-pkcs1" | "rsa-pss"
    hash: type[hashes.HashAlgorithm] | None = None
    curve: str | None = None  # EC curve name as cryptography spells it


_JWS_ALGS: dict[str, _Alg] = {
    "EdDSA": _Alg("eddsa"),
    "Ed25519": _Alg("eddsa"),  # RFC 9864's fully specified name
    "ES256": _Alg("ecdsa", hashes.SHA256, "secp256r1"),
    "ES384": _Alg("ecdsa", hashes.SHA384, "secp384r1"),
    "RS256": _Alg("rsa-pkcs1", hashes.SHA256),
    "RS384": _Alg("rsa-pkcs1", hashes.SHA384),
    "RS512": _Alg("rsa-pkcs1", hashes.SHA512),
    "PS256": _Alg("rsa-pss", hashes.SHA256),
    "PS384": _Alg("rsa-pss", hashes.SHA384),
    "PS512": _Alg("rsa-pss", hashes.SHA512),
}

SUPPORTED_JWS_ALGS = frozenset(_JWS_ALGS)


def key_fits(alg: str, key: PublicKey) -> bool:
    """Whether `key` is of the type `alg` requires (so a key of another type is not even tried)."""
    spec = _JWS_ALGS.get(alg)
    if spec is None:
        return False
    if spec.family == "eddsa":
        return isinstance(key, ed25519.Ed25519PublicKey)
    if spec.family == "ecdsa":
        return isinstance(key, ec.EllipticCurvePublicKey) and key.curve.name == spec.curve
    return isinstance(key, rsa.RSAPublicKey) and key.key_size >= 2048


def _raw_ecdsa_to_der(signature: bytes, key: ec.EllipticCurvePublicKey) -> bytes:
    """JWS and Data Integrity carry ECDSA as fixed-size r||s; cryptography wants DER."""
    size = (key.curve.key_size + 7) // 8
    if len(signature) != 2 * size:
        raise InvalidSignature("ECDSA signature has the wrong length")
    r = int.from_bytes(signature[:size], "big")
    s = int.from_bytes(signature[size:], "big")
    return encode_dss_signature(r, s)


def verify_jws(alg: str, key: PublicKey, signing_input: bytes, signature: bytes) -> bool:
    """Check a JWS signature; False when it does not verify or the key does not fit `alg`.

    Raises UnsupportedAlgorithm for an `alg` outside the table, so that the caller can tell
    "cannot check" from "checked and wrong".
    """
    spec = _JWS_ALGS.get(alg)
    if spec is None:
        raise UnsupportedAlgorithm(f"JWS algorithm {alg!r} is not supported")
    if not key_fits(alg, key):
        return False
    try:
        _verify(spec, key, signing_input, signature)
    except InvalidSignature:
        return False
    return True


def _verify(spec: _Alg, key: PublicKey, data: bytes, signature: bytes) -> None:
    if isinstance(key, ed25519.Ed25519PublicKey):
        key.verify(signature, data)
    elif isinstance(key, ec.EllipticCurvePublicKey):
        assert spec.hash is not None
        key.verify(_raw_ecdsa_to_der(signature, key), data, ec.ECDSA(spec.hash()))
    else:
        assert spec.hash is not None
        if spec.family == "rsa-pss":
            pss = padding.PSS(mgf=padding.MGF1(spec.hash()), salt_length=spec.hash.digest_size)
            key.verify(signature, data, pss, spec.hash())
        else:
            key.verify(signature, data, padding.PKCS1v15(), spec.hash())


def verify_raw(key: PublicKey, data: bytes, signature: bytes) -> bool:
    """Check a Data Integrity signature: Ed25519 over `data`, or ECDSA (SHA-256 on P-256,
    SHA-384 on P-384) with r||s encoding, as the eddsa-* and ecdsa-* cryptosuites define."""
    if isinstance(key, ed25519.Ed25519PublicKey):
        return verify_jws("EdDSA", key, data, signature)
    if isinstance(key, ec.EllipticCurvePublicKey) and key.curve.name == "secp256r1":
        return verify_jws("ES256", key, data, signature)
    if isinstance(key, ec.EllipticCurvePublicKey) and key.curve.name == "secp384r1":
        return verify_jws("ES384", key, data, signature)
    return False
