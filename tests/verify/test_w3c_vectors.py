"""The W3C JCS test vectors (see w3c_vectors.py): their signatures check, a tampered copy fails,
and the issuer binding comes out as the rule says: an https: issuer whose proof names a did:key
(or its own https: key) is `unverified` offline, and `verified` once that key is pinned for it."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

import pytest

from service.verify import verify_badge
from tests.verify import w3c_vectors as w3c
from tests.verify.signing import base58btc, jcs

NOW = datetime(2024, 1, 1, tzinfo=UTC)


def _pinned_jwk(issuer: str = w3c.ISSUER) -> dict:
    """The issue's pinned key: the vector's key as a JWK, with the vm as kid, for the issuer."""
    return {
        "kty": "OKP",
        "crv": "Ed25519",
        "x": w3c.ED25519_X,
        "kid": w3c.ED25519_DID_KEY_VM,
        "issuer": issuer,
    }


def test_the_jwk_is_the_published_multikey():
    import base64

    raw = base64.urlsafe_b64decode(w3c.ED25519_X + "=")
    assert "z" + base58btc(b"\xed\x01" + raw) == w3c.ED25519_MULTIKEY


def test_eddsa_jcs_2022_hashes_match_the_published_ones():
    signed = w3c.eddsa_jcs_2022()
    options = {k: v for k, v in signed["proof"].items() if k != "proofValue"}
    document = {k: v for k, v in signed.items() if k != "proof"}
    assert hashlib.sha256(jcs(options)).hexdigest() == w3c.PROOF_HASH_HEX
    assert hashlib.sha256(jcs(document)).hexdigest() == w3c.DOCUMENT_HASH_HEX


def test_eddsa_jcs_2022_with_no_pinned_key_is_unverified_not_failed():
    result = verify_badge(w3c.eddsa_jcs_2022(), now=NOW)
    assert (result.status, result.reason) == ("unverified", "unbound_key"), result.message
    assert result.key_source == "did:key"
    assert w3c.ISSUER in result.message


@pytest.mark.parametrize("form", ["jwk", "multikey"])
def test_eddsa_jcs_2022_with_its_key_pinned_for_the_issuer_verifies(form):
    if form == "jwk":
        key = _pinned_jwk()
    else:
        key = {"controller": w3c.ISSUER, "publicKeyMultibase": w3c.ED25519_MULTIKEY}
    result = verify_badge(w3c.eddsa_jcs_2022(), now=NOW, keys=[key])
    assert (result.status, result.reason) == ("verified", "ok"), result.message


def test_eddsa_jcs_2022_with_its_key_pinned_for_another_issuer_fails():
    key = _pinned_jwk("https://vc.example/issuers/0000")
    result = verify_badge(w3c.eddsa_jcs_2022(), now=NOW, keys=[key])
    assert (result.status, result.reason) == ("failed", "issuer_mismatch")


def test_eddsa_jcs_2022_tampered_fails_even_when_pinned():
    for keys in ([], [_pinned_jwk()]):
        result = verify_badge(w3c.tampered(w3c.eddsa_jcs_2022()), now=NOW, keys=keys)
        assert (result.status, result.reason) == ("failed", "bad_signature")


@pytest.mark.parametrize("index", [0, 1], ids=["4ced3573", "369f0f00"])
def test_eddsa_jcs_2022_with_the_issuers_https_method(index):
    signed = w3c.eddsa_jcs_2022_https_method()[index]
    unknown = verify_badge(signed, now=NOW)
    assert (unknown.status, unknown.reason) == ("unverified", "unknown_key")
    method = {
        "id": w3c.ED25519_HTTPS_VM,
        "type": "Multikey",
        "controller": w3c.ISSUER,
        "publicKeyMultibase": w3c.ED25519_MULTIKEY,
    }
    result = verify_badge(signed, now=NOW, keys=[method])
    assert (result.status, result.key_source) == ("verified", "supplied"), result.message
    assert verify_badge(w3c.tampered(signed), now=NOW, keys=[method]).reason == "bad_signature"


@pytest.mark.parametrize("curve", ["P-256", "P-384"])
def test_ecdsa_jcs_2019(curve):
    signed, multikey = w3c.ecdsa_jcs_2019()[curve]
    result = verify_badge(signed, now=NOW)
    assert (result.status, result.reason) == ("unverified", "unbound_key"), result.message
    pin = {"controller": w3c.ISSUER, "publicKeyMultibase": multikey}
    result = verify_badge(signed, now=NOW, keys=[pin])
    assert (result.status, result.reason) == ("verified", "ok"), result.message
    assert verify_badge(w3c.tampered(signed), now=NOW, keys=[pin]).reason == "bad_signature"
