"""OB 3.0 VC-JWT, each case with an Ed25519 (EdDSA) and a P-256 (ES256) issuer key."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives.asymmetric import ec, ed25519

from service.verify import verify_badge
from tests.verify.badges import (
    ISSUER,
    LEARNER_DID,
    LEARNER_EMAIL,
    NOW,
    jwt_claims,
    ob3_credential,
    salted_sha256,
    vc_jwt,
)
from tests.verify.signing import (
    b64url_json,
    did_jwk,
    did_key,
    encoded_status_list,
    public_jwk,
    public_pem,
    replace_payload,
    sign_jws,
)

STATUS_LIST_URL = "https://badges.example.org/status/1"
REVOCATION_LIST_URL = "https://badges.example.org/revocations/1"


def pinned(private, issuer: str = ISSUER) -> dict:
    """The signer's public JWK recorded for `issuer`, as a tenant's trust store holds it."""
    return {**public_jwk(private), "issuer": issuer}


def check(token: str, pin=None, **kwargs):
    """Verify at NOW; with `pin`, that key is pinned for ISSUER (for the tests about anything
    but the key, whose badges are signed with a jwk header key and an https issuer)."""
    if pin is not None:
        kwargs["keys"] = [*kwargs.get("keys", []), pinned(pin)]
    return verify_badge(token, now=NOW, **kwargs)


# --- where the key comes from ----------------------------------------------------------------


def test_jwk_header_key_pinned_for_the_issuer_verifies_and_unwraps_the_credential(signer):
    credential = ob3_credential()
    result = check(vc_jwt(credential, signer, "jwk"), pin=signer)
    assert (result.status, result.reason) == ("verified", "ok"), result.message
    assert result.format == "ob3-vc-jwt"
    assert result.key_source == "jwk-header"
    assert result.issuer == ISSUER
    assert result.credential_id == credential["id"]
    assert result.document == credential
    assert result.valid_from is not None and result.valid_from.year == 2024


def test_did_key_kid_verifies_when_the_did_is_the_issuer(signer):
    token = vc_jwt(ob3_credential(issuer=did_key(signer)), signer, "did:key")
    result = check(token)
    assert (result.status, result.key_source) == ("verified", "did:key"), result.message


def test_did_jwk_kid_verifies_when_the_did_is_the_issuer(signer):
    token = vc_jwt(ob3_credential(issuer=did_jwk(signer)), signer, "did:jwk")
    result = check(token)
    assert (result.status, result.key_source) == ("verified", "did:jwk"), result.message


def test_supplied_jwk_found_by_kid(signer):
    key = {**public_jwk(signer), "kid": "https://badges.example.org/keys/1", "issuer": ISSUER}
    result = check(vc_jwt(ob3_credential(), signer, "kid"), keys=[key])
    assert (result.status, result.key_source) == ("verified", "supplied"), result.message


def test_supplied_pem_owned_by_the_issuer_without_any_kid(signer):
    key = {"id": "https://badges.example.org/keys/1", "owner": ISSUER}
    key["publicKeyPem"] = public_pem(signer)
    result = check(vc_jwt(ob3_credential(), signer, "none"), keys=[key])
    assert (result.status, result.key_source) == ("verified", "supplied"), result.message


def test_unknown_key_is_unverified_not_failed(signer):
    result = check(vc_jwt(ob3_credential(), signer, "kid"))
    assert (result.status, result.reason) == ("unverified", "unknown_key")
    assert result.document is not None


def test_a_key_of_the_wrong_type_is_not_tried(signer, rsa_key):
    result = check(vc_jwt(ob3_credential(), signer, "none"), keys=[public_pem(rsa_key)])
    assert (result.status, result.reason) == ("unverified", "unknown_key")


# --- signatures ------------------------------------------------------------------------------


def test_tampered_payload_fails(signer):
    credential = ob3_credential()
    token = vc_jwt(credential, signer, "jwk")
    forged = {**credential, "name": "Brain surgery badge"}
    result = check(replace_payload(token, jwt_claims(forged)))
    assert (result.status, result.reason) == ("failed", "bad_signature")


def test_bad_signature_is_reported_before_expiry(signer):
    credential = ob3_credential(valid_until="2024-06-01T00:00:00Z")
    token = vc_jwt(credential, signer, "jwk")
    tampered = replace_payload(token, {**jwt_claims(credential), "jti": "urn:uuid:other"})
    assert check(tampered).reason == "bad_signature"


def _same_type_key(signer):
    if isinstance(signer, ed25519.Ed25519PrivateKey):
        return ed25519.Ed25519PrivateKey.generate()
    return ec.generate_private_key(ec.SECP256R1())


def test_signature_by_another_key_than_the_header_names(signer):
    token = sign_jws(jwt_claims(ob3_credential()), _same_type_key(signer), jwk=public_jwk(signer))
    result = check(token)
    assert (result.status, result.reason) == ("failed", "bad_signature")


def test_alg_that_does_not_fit_the_header_key(signer):
    alg = "ES256" if isinstance(signer, ed25519.Ed25519PrivateKey) else "EdDSA"
    token = sign_jws(jwt_claims(ob3_credential()), signer, alg=alg, jwk=public_jwk(signer))
    assert (check(token).status, check(token).reason) == ("failed", "bad_signature")


def test_alg_none_fails():
    token = f"{b64url_json({'alg': 'none'})}.{b64url_json(jwt_claims(ob3_credential()))}."
    result = check(token)
    assert (result.status, result.reason) == ("failed", "bad_signature")


def test_unknown_alg_is_unsupported(signer):
    claims = jwt_claims(ob3_credential())
    token = sign_jws(claims, signer, alg="XS999", jwk=public_jwk(signer))
    assert (check(token).status, check(token).reason) == ("unverified", "unsupported_proof")


# --- issuer binding --------------------------------------------------------------------------


def test_iss_claim_other_than_the_credential_issuer(signer):
    token = vc_jwt(ob3_credential(), signer, "jwk", iss="https://impostor.example.com")
    result = check(token)
    assert (result.status, result.reason) == ("failed", "issuer_mismatch")


@pytest.mark.parametrize("key_in", ["did:key", "did:jwk"])
def test_did_kid_of_an_https_issuer_is_unbound_unless_pinned(signer, key_in):
    """An https: issuer may well sign with a did:key, but offline nothing shows it does."""
    token = vc_jwt(ob3_credential(issuer=ISSUER), signer, key_in)
    result = check(token)
    assert (result.status, result.reason) == ("unverified", "unbound_key"), result.message
    assert result.key_source == key_in
    assert check(token, pin=signer).status == "verified"


@pytest.mark.parametrize("key_in", ["did:key", "did:jwk"])
def test_did_kid_of_another_did_than_the_issuer(signer, key_in):
    victim = _same_type_key(signer)
    issuer = did_key(victim) if key_in == "did:key" else did_jwk(victim)
    result = check(vc_jwt(ob3_credential(issuer=issuer), signer, key_in))
    assert (result.status, result.reason) == ("failed", "issuer_mismatch")


def test_supplied_key_recorded_for_another_issuer(signer):
    key = {
        **public_jwk(signer),
        "kid": "https://badges.example.org/keys/1",
        "issuer": "https://x.org",
    }
    result = check(vc_jwt(ob3_credential(), signer, "kid"), keys=[key])
    assert (result.status, result.reason) == ("failed", "issuer_mismatch")


def test_header_key_must_be_a_pinned_key_when_the_issuer_has_some(signer, other_ed_key):
    pinned = {**public_jwk(other_ed_key), "issuer": ISSUER}
    result = check(vc_jwt(ob3_credential(), signer, "jwk"), keys=[pinned])
    assert (result.status, result.reason) == ("failed", "issuer_mismatch")
    same = {**public_jwk(signer), "issuer": ISSUER}
    assert check(vc_jwt(ob3_credential(), signer, "jwk"), keys=[same]).status == "verified"


def test_jti_must_be_the_credential_id(signer):
    result = check(vc_jwt(ob3_credential(), signer, "jwk", jti="urn:uuid:another"), pin=signer)
    assert (result.status, result.reason) == ("failed", "claim_mismatch")


def test_sub_must_be_the_subject(signer):
    result = check(
        vc_jwt(ob3_credential(), signer, "jwk", sub="did:example:someone-else"), pin=signer
    )
    assert (result.status, result.reason) == ("failed", "claim_mismatch")


# --- dates -----------------------------------------------------------------------------------


def test_expired(signer):
    credential = ob3_credential(valid_until="2025-01-01T00:00:00Z")
    result = check(vc_jwt(credential, signer, "jwk"), pin=signer)
    assert (result.status, result.reason) == ("failed", "expired")
    assert result.valid_until is not None and result.valid_until.year == 2025


def test_not_yet_valid(signer):
    credential = ob3_credential(valid_from="2026-01-01T00:00:00Z")
    result = check(vc_jwt(credential, signer, "jwk"), pin=signer)
    assert (result.status, result.reason) == ("failed", "not_yet_valid")


def test_exp_claim_must_match_valid_until(signer):
    credential = ob3_credential(valid_until="2030-01-01T00:00:00Z")
    result = check(vc_jwt(credential, signer, "jwk", exp=1700000000), pin=signer)
    assert (result.status, result.reason) == ("failed", "claim_mismatch")


def test_exp_claim_alone_expires_the_token(signer):
    result = check(vc_jwt(ob3_credential(), signer, "jwk", exp=1700000000), pin=signer)
    assert (result.status, result.reason) == ("failed", "expired")


# --- revocation ------------------------------------------------------------------------------


def _edtech_status() -> dict:
    return {"id": REVOCATION_LIST_URL, "type": "1EdTechRevocationList"}


def _revocation_list(*credential_ids: str) -> dict:
    entries = [{"id": i, "revocationReason": "Issued by mistake."} for i in credential_ids]
    return {"id": REVOCATION_LIST_URL, "issuer": ISSUER, "revokedCredentials": entries}


def test_revoked_by_1edtech_revocation_list(signer):
    credential = ob3_credential(status=_edtech_status())
    result = check(
        vc_jwt(credential, signer, "jwk"),
        pin=signer,
        revocations=[_revocation_list(credential["id"])],
    )
    assert (result.status, result.reason) == ("failed", "revoked")
    assert "Issued by mistake." in result.message


def test_1edtech_list_without_the_credential(signer):
    credential = ob3_credential(status=_edtech_status())
    result = check(
        vc_jwt(credential, signer, "jwk"), revocations=[_revocation_list("urn:uuid:x")], pin=signer
    )
    assert result.status == "verified"


def test_1edtech_list_of_another_issuer_is_ignored(signer):
    credential = ob3_credential(status=_edtech_status())
    foreign = {**_revocation_list(credential["id"]), "issuer": "https://troll.example.com"}
    result = check(vc_jwt(credential, signer, "jwk"), revocations=[foreign], pin=signer)
    assert result.status == "verified"
    assert any("another issuer" in w for w in result.warnings)


def test_missing_revocation_list_is_a_warning(signer):
    result = check(vc_jwt(ob3_credential(status=_edtech_status()), signer, "jwk"), pin=signer)
    assert result.status == "verified"
    assert any(REVOCATION_LIST_URL in w for w in result.warnings)


def _bitstring_status(index: int, purpose: str = "revocation") -> dict:
    return {
        "id": f"{STATUS_LIST_URL}#{index}",
        "type": "BitstringStatusListEntry",
        "statusPurpose": purpose,
        "statusListIndex": str(index),
        "statusListCredential": STATUS_LIST_URL,
    }


def _status_list_credential(revoked: list[int], purpose: str = "revocation") -> dict:
    return {
        "id": STATUS_LIST_URL,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": ISSUER,
        "credentialSubject": {
            "id": f"{STATUS_LIST_URL}#list",
            "type": "BitstringStatusList",
            "statusPurpose": purpose,
            "encodedList": encoded_status_list(revoked),
        },
    }


@pytest.mark.parametrize("index", [0, 7, 8, 94567])
def test_revoked_by_bitstring_status_list(signer, index):
    credential = ob3_credential(status=_bitstring_status(index))
    lists = [_status_list_credential([index])]
    result = check(vc_jwt(credential, signer, "jwk"), revocations=lists, pin=signer)
    assert (result.status, result.reason) == ("failed", "revoked")


def test_bitstring_bit_of_another_credential(signer):
    credential = ob3_credential(status=_bitstring_status(41))
    lists = [_status_list_credential([40, 42])]
    assert (
        check(vc_jwt(credential, signer, "jwk"), revocations=lists, pin=signer).status == "verified"
    )


def test_suspended_by_bitstring_status_list(signer):
    credential = ob3_credential(status=_bitstring_status(3, "suspension"))
    lists = [_status_list_credential([3], "suspension")]
    result = check(vc_jwt(credential, signer, "jwk"), revocations=lists, pin=signer)
    assert (result.status, result.reason) == ("failed", "suspended")


# --- recipient -------------------------------------------------------------------------------


def test_right_recipient_by_subject_id(signer):
    result = check(vc_jwt(ob3_credential(), signer, "jwk"), recipient_ids=[LEARNER_DID], pin=signer)
    assert result.status == "verified"


def test_wrong_recipient_by_subject_id(signer):
    result = check(
        vc_jwt(ob3_credential(), signer, "jwk"), recipient_ids=["did:example:bob"], pin=signer
    )
    assert (result.status, result.reason) == ("failed", "recipient_mismatch")


def _hashed_identifier() -> list[dict]:
    return [
        {
            "type": "IdentityObject",
            "identityType": "emailAddress",
            "hashed": True,
            "salt": "s4lt",
            "identityHash": salted_sha256(LEARNER_EMAIL.lower(), "s4lt"),
        }
    ]


def test_right_recipient_by_salted_sha256_email(signer):
    credential = ob3_credential(subject_id=None, identifier=_hashed_identifier())
    result = check(
        vc_jwt(credential, signer, "jwk"), recipient_ids=[LEARNER_EMAIL.upper()], pin=signer
    )
    assert result.status == "verified", result.message


def test_wrong_recipient_by_salted_sha256_email(signer):
    credential = ob3_credential(subject_id=None, identifier=_hashed_identifier())
    result = check(vc_jwt(credential, signer, "jwk"), recipient_ids=["eve@example.org"], pin=signer)
    assert (result.status, result.reason) == ("failed", "recipient_mismatch")


def test_wrong_recipient_by_plain_email(signer):
    identifier = [
        {
            "type": "IdentityObject",
            "identityType": "emailAddress",
            "hashed": False,
            "identityHash": LEARNER_EMAIL,
        }
    ]
    credential = ob3_credential(subject_id=None, identifier=identifier)
    token = vc_jwt(credential, signer, "jwk")
    assert (
        check(token, recipient_ids=["eve@example.org"], pin=signer).reason == "recipient_mismatch"
    )
    assert check(token, recipient_ids=["ada.learner@EXAMPLE.org"], pin=signer).status == "verified"


def test_no_recipient_ids_skips_the_check(signer):
    assert (
        check(vc_jwt(ob3_credential(), signer, "jwk"), recipient_ids=[], pin=signer).status
        == "verified"
    )


def test_vc_claim_may_leave_issuer_id_and_subject_to_the_registered_claims(signer):
    credential = ob3_credential()
    claims = jwt_claims(credential)
    lean = {k: v for k, v in credential.items() if k not in ("issuer", "id")}
    lean["credentialSubject"] = {
        k: v for k, v in credential["credentialSubject"].items() if k != "id"
    }
    token = sign_jws({**claims, "vc": lean}, signer, jwk=public_jwk(signer))
    result = check(token, recipient_ids=[LEARNER_DID], pin=signer)
    assert (result.status, result.issuer) == ("verified", ISSUER), result.message
    assert result.credential_id == credential["id"]
    assert result.document["credentialSubject"]["id"] == LEARNER_DID


def test_a_single_key_need_not_be_wrapped_in_a_list(signer):
    key = {**public_jwk(signer), "kid": "https://badges.example.org/keys/1", "issuer": ISSUER}
    assert check(vc_jwt(ob3_credential(), signer, "kid"), keys=key).status == "verified"
