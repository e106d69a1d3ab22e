"""Issuer binding: a signature proves a badge is its issuer's only when the signing key is bound
to that issuer (the issuer's own did:key / did:jwk, or a key pinned for it). One test per way a
key is found: jwk header, did kid, opaque kid, supplied keys, Data Integrity verification method,
OB 2.0 embedded profile (the last two also in test_data_integrity / test_ob2). Every forger's key
here is generated in the test."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives.asymmetric import ec, ed25519

from service.verify import verify_badge
from tests.verify.badges import ISSUER, NOW, jwt_claims, ob3_credential, vc_jwt
from tests.verify.signing import (
    add_proof,
    did_jwk,
    did_key,
    did_key_url,
    public_jwk,
    public_pem,
    sign_jws,
)


def _fresh(like):
    if isinstance(like, ed25519.Ed25519PrivateKey):
        return ed25519.Ed25519PrivateKey.generate()
    return ec.generate_private_key(ec.SECP256R1())


def forged_vc_jwt(victim_did: str, forger) -> str:
    """The issue's forgery: the victim's DID as issuer (iss and vc.issuer.id), signed by the
    forger, whose public JWK is in the header; no kid."""
    claims = jwt_claims(ob3_credential(issuer=victim_did))
    return sign_jws(claims, forger, jwk=public_jwk(forger))


# --- jwk header ------------------------------------------------------------------------------


@pytest.mark.parametrize("did_of", [did_jwk, did_key], ids=["did:jwk", "did:key"])
def test_forged_badge_of_someone_elses_did_fails(signer, did_of):
    victim, forger = signer, _fresh(signer)
    token = forged_vc_jwt(did_of(victim), forger)
    assert "kid" not in token.split(".")[0]
    result = verify_badge(token, now=NOW)
    assert (result.status, result.reason) == ("failed", "issuer_mismatch"), result.message
    # The victim's own key pinned changes nothing: the forger's key is still not it.
    pinned = {**public_jwk(victim), "issuer": did_of(victim)}
    assert verify_badge(token, now=NOW, keys=[pinned]).status == "failed"


@pytest.mark.parametrize("did_of", [did_jwk, did_key], ids=["did:jwk", "did:key"])
def test_jwk_header_key_that_is_the_issuers_did_verifies(signer, did_of):
    token = sign_jws(jwt_claims(ob3_credential(issuer=did_of(signer))), signer,
                     jwk=public_jwk(signer))  # fmt: skip
    result = verify_badge(token, now=NOW)
    assert (result.status, result.key_source) == ("verified", "jwk-header"), result.message


@pytest.mark.parametrize(
    "issuer", [ISSUER, "did:web:badges.example.org", "urn:uuid:0b9ab1b4-9e13-4b0e-8d5a-0c1d"]
)
def test_jwk_header_key_of_an_issuer_with_no_pinned_key_is_unbound(signer, issuer):
    token = vc_jwt(ob3_credential(issuer=issuer), signer, "jwk")
    result = verify_badge(token, now=NOW)
    assert (result.status, result.reason) == ("unverified", "unbound_key"), result.message
    assert "not bound to the issuer" in result.message
    assert result.document is not None  # still readable, trusted only as unverified


def test_jwk_header_key_with_an_opaque_kid_is_still_unbound(signer):
    token = sign_jws(jwt_claims(ob3_credential()), signer, jwk=public_jwk(signer),
                     kid="https://badges.example.org/keys/1")  # fmt: skip
    assert verify_badge(token, now=NOW).reason == "unbound_key"


def test_jwk_header_key_recorded_for_another_issuer_fails(signer):
    other = {**public_jwk(signer), "issuer": "https://other-academy.example.net"}
    result = verify_badge(vc_jwt(ob3_credential(), signer, "jwk"), now=NOW, keys=[other])
    assert (result.status, result.reason) == ("failed", "issuer_mismatch")


def test_jwk_header_and_did_kid_naming_different_keys_is_malformed(signer):
    forger = _fresh(signer)
    kid = f"{did_jwk(signer)}#0"
    token = sign_jws(jwt_claims(ob3_credential(issuer=did_jwk(signer))), forger,
                     jwk=public_jwk(forger), kid=kid)  # fmt: skip
    assert verify_badge(token, now=NOW).reason == "malformed"


def test_an_issuer_did_jwk_that_does_not_decode_is_malformed(signer):
    token = vc_jwt(ob3_credential(issuer="did:jwk:bm90IGEgandr"), signer, "jwk")
    result = verify_badge(token, now=NOW)
    assert (result.status, result.reason) == ("failed", "malformed")
    assert "cannot be decoded" in result.message


# --- supplied keys ---------------------------------------------------------------------------


def test_supplied_key_recorded_for_no_issuer_is_unbound(signer):
    token = vc_jwt(ob3_credential(), signer, "none")
    for key in (public_pem(signer), public_jwk(signer)):
        result = verify_badge(token, now=NOW, keys=[key])
        assert (result.status, result.reason) == ("unverified", "unbound_key"), result.message


def test_supplied_key_found_by_kid_but_recorded_for_no_issuer_is_unbound(signer):
    key = {**public_jwk(signer), "kid": "https://badges.example.org/keys/1"}
    result = verify_badge(vc_jwt(ob3_credential(), signer, "kid"), now=NOW, keys=[key])
    assert (result.status, result.reason) == ("unverified", "unbound_key")


def test_unbound_supplied_key_fails_when_the_issuer_has_other_pinned_keys(signer):
    pinned = {**public_jwk(_fresh(signer)), "issuer": ISSUER}
    keys = [public_pem(signer), pinned]
    result = verify_badge(vc_jwt(ob3_credential(), signer, "none"), now=NOW, keys=keys)
    assert (result.status, result.reason) == ("failed", "issuer_mismatch")


def test_supplied_did_string_is_a_key_of_that_did_only(signer):
    token = vc_jwt(ob3_credential(), signer, "none")
    result = verify_badge(token, now=NOW, keys=[did_key(signer)])
    assert (result.status, result.reason) == ("unverified", "unknown_key")
    token = vc_jwt(ob3_credential(issuer=did_key(signer)), signer, "none")
    assert verify_badge(token, now=NOW, keys=[did_key(signer)]).status == "verified"


# --- alg -------------------------------------------------------------------------------------


@pytest.mark.parametrize("alg", ["HS256", "HS384", "HS512"])
def test_shared_secret_macs_fail(alg):
    import hashlib
    import hmac

    from tests.verify.signing import b64url, b64url_json

    signing_input = f"{b64url_json({'alg': alg})}.{b64url_json(jwt_claims(ob3_credential()))}"
    digest = {"HS256": hashlib.sha256, "HS384": hashlib.sha384, "HS512": hashlib.sha512}[alg]
    mac = hmac.new(b"a secret anyone may share", signing_input.encode(), digest).digest()
    result = verify_badge(f"{signing_input}.{b64url(mac)}", now=NOW)
    assert (result.status, result.reason) == ("failed", "bad_signature")


# --- Data Integrity --------------------------------------------------------------------------


def test_forged_data_integrity_badge_of_someone_elses_did_key_fails(ed_key):
    forger = ed25519.Ed25519PrivateKey.generate()
    credential = add_proof(ob3_credential(issuer=did_key(ed_key)), forger,
                           cryptosuite="eddsa-jcs-2022",
                           verification_method=did_key_url(forger))  # fmt: skip
    result = verify_badge(credential, now=NOW)
    assert (result.status, result.reason) == ("failed", "issuer_mismatch")
