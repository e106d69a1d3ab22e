"""Inputs that are not signed badges: unsigned credentials, garbage, other documents, odd keys."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from service.verify import verify_badge
from tests.verify.badges import ISSUER, NOW, ob3_credential, vc_jwt
from tests.verify.signing import b64url_json, public_jwk


def test_unsigned_credential_is_unverified_no_proof():
    credential = ob3_credential()
    result = verify_badge(credential, now=NOW)
    assert (result.status, result.reason, result.format) == ("unverified", "no_proof", "ob3-json")
    assert (result.issuer, result.document) == (ISSUER, credential)


def test_unsigned_credential_still_fails_its_dates():
    result = verify_badge(ob3_credential(valid_until="2025-01-01T00:00:00Z"), now=NOW)
    assert (result.status, result.reason) == ("failed", "expired")


def test_json_text_is_parsed_like_a_dict():
    result = verify_badge(json.dumps(ob3_credential()), now=NOW)
    assert (result.status, result.reason) == ("unverified", "no_proof")


def test_vc_1_1_dates_are_read():
    credential = ob3_credential()
    del credential["validFrom"]
    credential["issuanceDate"] = "2024-01-01T00:00:00Z"
    credential["expirationDate"] = "2025-02-01T00:00:00Z"
    result = verify_badge(credential, now=NOW)
    assert result.reason == "expired"


GARBAGE = [
    "",
    "not a badge",
    "a.b.c",
    "{not json",
    "[1, 2]",
    b"\xff\xfe",
    42,
    None,
    ["a list"],
    {},
    {"type": "BadgeClass", "name": "A badge class is not an award"},
    {"type": ["VerifiableCredential"], "credentialSubject": {}},  # no issuer
    {"type": ["VerifiableCredential"], "issuer": ISSUER},  # no subject
    {**ob3_credential(), "validFrom": "last Tuesday"},
    {**ob3_credential(), "proof": "a string"},
    {**ob3_credential(), "proof": []},
    f"{b64url_json({'alg': 'EdDSA'})}.{b64url_json([1, 2])}.AAAA",
    f"{b64url_json({'alg': 'EdDSA'})}.{b64url_json({'hello': 'world'})}.AAAA",
    f"{b64url_json({'alg': 'EdDSA', 'crit': ['exp']})}.{b64url_json({'vc': {}})}.AAAA",
    f"{b64url_json({'alg': 'EdDSA', 'kid': 'did:key:zNotBase58!'})}."
    f"{b64url_json({'vc': ob3_credential()})}.AAAA",
    "eyJhbGciOiJFZERTQSJ9." + "A" * 10 + "=.AAAA",
    "[" * 100000 + "]" * 100000,
]


@pytest.mark.parametrize("doc", GARBAGE, ids=range(len(GARBAGE)))
def test_garbage_is_malformed_never_an_exception(doc):
    result = verify_badge(doc, now=NOW)
    assert (result.status, result.reason) == ("failed", "malformed"), result.message
    assert result.message


def test_a_token_with_a_bad_jwk_header_is_malformed(ed_key):
    token = vc_jwt(ob3_credential(), ed_key, "none")
    head, payload, sig = token.split(".")
    head = b64url_json({"alg": "EdDSA", "jwk": {"kty": "OKP", "crv": "Ed25519", "x": "!!"}})
    assert verify_badge(f"{head}.{payload}.{sig}", now=NOW).reason == "malformed"


def test_unreadable_supplied_keys_are_skipped_with_a_warning(ed_key):
    keys = ["nonsense", {}, {**public_jwk(ed_key), "issuer": ISSUER}]
    result = verify_badge(vc_jwt(ob3_credential(), ed_key, "jwk"), now=NOW, keys=keys)
    assert result.status == "verified", result.message
    assert len(result.warnings) == 2


def test_naive_now_is_taken_as_utc():
    naive = datetime(2025, 6, 1, 12, 0)
    assert verify_badge(ob3_credential(), now=naive).status == "unverified"


def test_now_must_be_a_datetime():
    with pytest.raises(TypeError):
        verify_badge(ob3_credential(), now="2025-06-01")  # type: ignore[arg-type]
