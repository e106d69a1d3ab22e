"""OB 2.0 signed assertions (RS256 JWS) and hosted assertions (plain JSON)."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from service.verify import verify_badge
from tests.verify.badges import ISSUER, LEARNER_EMAIL, NOW, ob2_assertion
from tests.verify.signing import public_jwk, public_pem, replace_payload, sign_jws

CREATOR = "https://badges.example.org/keys/ob2-key.json"


def crypto_key(rsa_key, owner: str = ISSUER) -> dict:
    """An OB 2.0 CryptographicKey document as an issuer publishes it."""
    return {
        "@context": "https://w3id.org/openbadges/v2",
        "type": "CryptographicKey",
        "id": CREATOR,
        "owner": owner,
        "publicKeyPem": public_pem(rsa_key),
    }


def test_valid_with_supplied_key_owned_by_the_issuer(rsa_key):
    assertion = ob2_assertion()
    result = verify_badge(sign_jws(assertion, rsa_key), now=NOW, keys=[crypto_key(rsa_key)])
    assert (result.status, result.reason) == ("verified", "ok"), result.message
    assert result.format == "ob2-jws"
    assert result.issuer == ISSUER
    assert result.document == assertion
    assert result.credential_id == assertion["id"]


def test_valid_with_supplied_jwk_recorded_for_the_issuer(rsa_key):
    key = {**public_jwk(rsa_key), "issuer": ISSUER}
    result = verify_badge(sign_jws(ob2_assertion(), rsa_key), now=NOW, keys=[key])
    assert result.status == "verified", result.message


@pytest.mark.parametrize("form", ["pem", "jwk"])
def test_a_supplied_key_recorded_for_no_issuer_is_unbound(rsa_key, form):
    """A bare key says nothing about whose it is: its signature proves no issuer."""
    key = public_pem(rsa_key) if form == "pem" else public_jwk(rsa_key)
    result = verify_badge(sign_jws(ob2_assertion(), rsa_key), now=NOW, keys=[key])
    assert (result.status, result.reason) == ("unverified", "unbound_key"), result.message


def test_valid_with_supplied_cryptographic_key_document(rsa_key):
    token = sign_jws(ob2_assertion(), rsa_key)
    result = verify_badge(token, now=NOW, keys=[crypto_key(rsa_key)])
    assert (result.status, result.key_source) == ("verified", "supplied"), result.message


def test_cryptographic_key_owned_by_another_issuer(rsa_key):
    token = sign_jws(ob2_assertion(), rsa_key)
    result = verify_badge(token, now=NOW, keys=[crypto_key(rsa_key, owner="https://other.org")])
    assert (result.status, result.reason) == ("failed", "issuer_mismatch")


def test_issuer_taken_from_the_key_owner_when_the_badge_is_not_embedded(rsa_key):
    assertion = {**ob2_assertion(), "badge": "https://badges.example.org/badges/sql"}
    result = verify_badge(sign_jws(assertion, rsa_key), now=NOW, keys=[crypto_key(rsa_key)])
    assert (result.status, result.issuer) == ("verified", ISSUER)


def test_embedded_issuer_public_key_is_unbound_unless_pinned(rsa_key):
    """Anyone can write their own key into the issuer profile of a badge they make up."""
    token = sign_jws(ob2_assertion(public_key_pem=public_pem(rsa_key)), rsa_key)
    result = verify_badge(token, now=NOW)
    assert (result.status, result.reason) == ("unverified", "unbound_key"), result.message
    assert result.key_source == "embedded-profile"
    result = verify_badge(token, now=NOW, keys=[{**public_jwk(rsa_key), "issuer": ISSUER}])
    assert (result.status, result.reason) == ("verified", "ok"), result.message


def test_forged_assertion_with_the_forgers_key_in_the_victims_profile(rsa_key):
    """The forger signs with their own key and embeds it, owner and all, in the victim's
    profile; the victim's real key is pinned: the badge fails. Without a pin: unverified."""
    forger = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    token = sign_jws(ob2_assertion(public_key_pem=public_pem(forger)), forger)
    result = verify_badge(token, now=NOW, keys=[crypto_key(rsa_key)])
    assert (result.status, result.reason) == ("failed", "issuer_mismatch")
    assert verify_badge(token, now=NOW).status == "unverified"


def test_embedded_key_must_be_pinned_when_the_caller_knows_the_issuer_keys(rsa_key, ed_key):
    token = sign_jws(ob2_assertion(public_key_pem=public_pem(rsa_key)), rsa_key)
    pinned = {**public_jwk(ed_key), "issuer": ISSUER}
    result = verify_badge(token, now=NOW, keys=[pinned])
    assert (result.status, result.reason) == ("failed", "issuer_mismatch")


def test_tampered_assertion(rsa_key):
    token = sign_jws(ob2_assertion(public_key_pem=public_pem(rsa_key)), rsa_key)
    forged = ob2_assertion(public_key_pem=public_pem(rsa_key))
    forged["badge"]["name"] = "Rocket science"
    result = verify_badge(replace_payload(token, forged), now=NOW)
    assert (result.status, result.reason) == ("failed", "bad_signature")


def test_signed_by_a_key_nobody_supplied(rsa_key):
    result = verify_badge(sign_jws(ob2_assertion(), rsa_key), now=NOW)
    assert (result.status, result.reason) == ("unverified", "unknown_key")


def revocation_list(*entries) -> dict:
    return {
        "@context": "https://w3id.org/openbadges/v2",
        "id": "https://badges.example.org/revocations.json",
        "type": "RevocationList",
        "issuer": ISSUER,
        "revokedAssertions": list(entries),
    }


@pytest.mark.parametrize(
    ("entry", "reason"),
    [
        ("urn:uuid:7d1f0c9e-35aa-4c1b-8f2e-6a1d2b3c4d5e", None),
        (
            {"id": "urn:uuid:7d1f0c9e-35aa-4c1b-8f2e-6a1d2b3c4d5e", "revocationReason": "Cheating"},
            "Cheating",
        ),
        ({"uid": "abc123", "revocationReason": "Issued in error."}, "Issued in error."),
    ],
)
def test_revoked_by_revocation_list(rsa_key, entry, reason):
    assertion = {**ob2_assertion(), "uid": "abc123"}
    token = sign_jws(assertion, rsa_key)
    lists = [revocation_list("urn:uuid:0000", entry)]
    result = verify_badge(token, now=NOW, keys=[crypto_key(rsa_key)], revocations=lists)
    assert (result.status, result.reason) == ("failed", "revoked")
    if reason:
        assert reason in result.message


def test_revocation_list_of_another_issuer_is_ignored(rsa_key):
    assertion = ob2_assertion()
    foreign = {**revocation_list(assertion["id"]), "issuer": "https://troll.example.com"}
    token = sign_jws(assertion, rsa_key)
    result = verify_badge(token, now=NOW, keys=[crypto_key(rsa_key)], revocations=[foreign])
    assert result.status == "verified"


def test_revocation_list_that_does_not_name_the_assertion(rsa_key):
    token = sign_jws(ob2_assertion(), rsa_key)
    lists = [revocation_list("urn:uuid:someone-else")]
    result = verify_badge(token, now=NOW, keys=[crypto_key(rsa_key)], revocations=lists)
    assert result.status == "verified"


def test_expired(rsa_key):
    token = sign_jws(ob2_assertion(expires="2025-01-01T00:00:00Z"), rsa_key)
    result = verify_badge(token, now=NOW, keys=[crypto_key(rsa_key)])
    assert (result.status, result.reason) == ("failed", "expired")


def test_issued_in_the_future(rsa_key):
    assertion = {**ob2_assertion(), "issuedOn": "2030-01-01T00:00:00Z"}
    result = verify_badge(sign_jws(assertion, rsa_key), now=NOW, keys=[crypto_key(rsa_key)])
    assert (result.status, result.reason) == ("failed", "not_yet_valid")


@pytest.mark.parametrize(
    ("recipient", "status"),
    [(LEARNER_EMAIL, "verified"), ("ADA.LEARNER@example.org", "verified"), ("x@y.org", "failed")],
)
def test_hashed_email_recipient(rsa_key, recipient, status):
    token = sign_jws(ob2_assertion(), rsa_key)
    result = verify_badge(token, now=NOW, keys=[crypto_key(rsa_key)], recipient_ids=[recipient])
    assert result.status == status
    if status == "failed":
        assert result.reason == "recipient_mismatch"


def test_plain_email_recipient_ignores_case():
    assertion = ob2_assertion()
    assertion["recipient"] = {"type": "email", "hashed": False, "identity": "Ada@Example.org"}
    assert verify_badge(assertion, now=NOW, recipient_ids=["ada@example.org"]).reason == "no_proof"
    mismatch = verify_badge(assertion, now=NOW, recipient_ids=["bob@example.org"])
    assert mismatch.reason == "recipient_mismatch"


def test_md5_hashed_recipient():
    import hashlib

    assertion = ob2_assertion()
    digest = hashlib.md5(b"ada@example.orgNaCl").hexdigest()
    assertion["recipient"] = {
        "type": "email",
        "hashed": True,
        "salt": "NaCl",
        "identity": f"md5${digest}",
    }
    assert (
        verify_badge(assertion, now=NOW, recipient_ids=["ada@example.org"]).status == "unverified"
    )
    assert verify_badge(assertion, now=NOW, recipient_ids=["eve@example.org"]).status == "failed"


# --- hosted (plain JSON) ---------------------------------------------------------------------


def test_hosted_assertion_is_unverified_no_proof():
    assertion = {**ob2_assertion(), "verification": {"type": "hosted"}}
    result = verify_badge(assertion, now=NOW)
    assert (result.status, result.reason, result.format) == ("unverified", "no_proof", "ob2-json")
    assert result.document == assertion


def test_hosted_assertion_marked_revoked():
    result = verify_badge(
        {**ob2_assertion(), "revoked": True, "revocationReason": "Fraud"}, now=NOW
    )
    assert (result.status, result.reason) == ("failed", "revoked")
    assert "Fraud" in result.message


def test_hosted_assertion_expired():
    result = verify_badge(ob2_assertion(expires="2024-12-31"), now=NOW)
    assert (result.status, result.reason) == ("failed", "expired")


def test_hosted_assertion_revoked_by_list():
    assertion = ob2_assertion()
    result = verify_badge(assertion, now=NOW, revocations=[revocation_list(assertion["id"])])
    assert (result.status, result.reason) == ("failed", "revoked")
