"""A forged Open Badge (issue 13, defect 1) sent over HTTP: an OB 3.0 VC-JWT that names someone
else as issuer, signed with the forger's own key placed in the `jwk` header, must never come back
`verified` nor weigh as verified evidence, on POST /v1/candidates (an employer's candidate) and in
`learner.badges` of POST /v1/recommendations (anyone, no key). Keys are generated here."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives.asymmetric import ed25519
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlmodel import Session

from models.tables import Skill, Tenant
from service.employer.tenants import create_key, create_tenant
from tests.utils.queries import essential_skills
from tests.verify.badges import jwt_claims, ob3_credential, salted_sha256
from tests.verify.signing import did_jwk, public_jwk, sign_jws

EMAIL = "fay@example.org"
HTTPS_ISSUER = "https://academy.example.org/issuers/9"


def _badge(issuer: str, signer, uri: str) -> str:
    """A VC-JWT for `issuer`, aligned to one skill, signed by `signer` whose public JWK is in
    the header (no kid): genuine when `signer` is the issuer's own key, forged otherwise."""
    credential = ob3_credential(
        issuer=issuer,
        subject_id=None,
        identifier=[
            {"type": "IdentityObject", "identityType": "emailAddress", "hashed": True,
             "salt": "nacl", "identityHash": salted_sha256(EMAIL, "nacl")}
        ],
    )  # fmt: skip
    credential["credentialSubject"]["achievement"]["alignment"] = [
        {"type": ["Alignment"], "targetName": "skill", "targetUrl": uri}
    ]
    return sign_jws(jwt_claims(credential), signer, jwk=public_jwk(signer))


@pytest.fixture(scope="module")
def scene(app, runtime):
    """A tenant, an occupation's skills, a victim issuer (did:jwk) and a forger, with badges:
    one genuine (victim-signed), one forged as the victim, one forged as an https: issuer."""
    with Session(runtime.engine) as s:
        found = s.execute(select(Tenant).where(Tenant.name == "forgery-check")).scalar_one_or_none()
        tenant = found or create_tenant(s, "forgery-check")
        _row, key = create_key(s, tenant.id, ["write"])
    oid, ess = essential_skills(runtime.engine, "data scientist")
    victim, forger = ed25519.Ed25519PrivateKey.generate(), ed25519.Ed25519PrivateKey.generate()
    with Session(runtime.engine) as s:
        ids = dict(s.execute(select(Skill.uri, Skill.id).where(Skill.uri.in_(ess[:3]))).all())
    return {
        "http": TestClient(app, headers={"Authorization": f"Bearer {key}"}),
        "occupation_id": oid,
        "skill": {
            name: ids[uri]
            for name, uri in zip(("genuine", "as_did", "as_https"), ess[:3], strict=True)
        },
        "badges": [
            _badge(did_jwk(victim), victim, ess[0]),  # genuine: the header key is the issuer
            _badge(did_jwk(victim), forger, ess[1]),  # the issue's forgery
            _badge(HTTPS_ISSUER, forger, ess[2]),  # a forgery of an https: issuer
        ],
    }


def _no_verified_weight(confidences: dict[int, float], skill_id: int, runtime) -> None:
    s = runtime.settings
    assert confidences.get(skill_id, 0.0) <= s.trust_badge_unverified + 1e-6
    assert s.trust_badge_unverified < s.trust_badge_verified


def test_forged_badges_on_candidates_are_never_verified(scene, runtime):
    r = scene["http"].post(
        "/v1/candidates",
        json={"name": "Fay", "identifiers": [EMAIL], "badges": scene["badges"]},
    )
    assert r.status_code == 201, r.text
    got = [(b["status"], b["reason"]) for b in r.json()["badges"]]
    assert got == [("verified", "ok"), ("failed", "issuer_mismatch"), ("unverified", "unbound_key")]
    conf = {x["skill_id"]: x["confidence"] for x in r.json()["skills"]}
    skill = scene["skill"]
    assert abs(conf[skill["genuine"]] - runtime.settings.trust_badge_verified) < 1e-6
    assert skill["as_did"] not in conf  # a failed badge is no evidence
    _no_verified_weight(conf, skill["as_https"], runtime)
    assert scene["http"].delete(f"/v1/candidates/{r.json()['id']}").status_code == 204


def test_a_pinned_issuer_key_makes_the_https_forgery_fail(scene):
    """With the real key of the https: issuer in the tenant's trust store, the forger's header
    key is not one of the issuer's keys: failed. The genuine key, pinned, verifies."""
    issuer = "https://pinned-academy.example.org/issuers/1"  # pinned for this test only
    real, forger = ed25519.Ed25519PrivateKey.generate(), ed25519.Ed25519PrivateKey.generate()
    doc = {**public_jwk(real), "kid": f"{issuer}#key-1", "issuer": issuer}
    r = scene["http"].post("/v1/trust", json={"kind": "key", "document": doc})
    assert r.status_code == 201, r.text
    uri = "https://example.org/no-such-skill"
    body = {
        "identifiers": [EMAIL],
        "badges": [_badge(issuer, real, uri), _badge(issuer, forger, uri)],
    }
    r = scene["http"].post("/v1/candidates", json=body)
    assert r.status_code == 201, r.text
    got = [(b["status"], b["reason"]) for b in r.json()["badges"]]
    assert got == [("verified", "ok"), ("failed", "issuer_mismatch")]
    assert scene["http"].delete(f"/v1/candidates/{r.json()['id']}").status_code == 204


def test_forged_learner_badges_in_recommendations_are_never_verified(scene, anon, runtime):
    body = {
        "learner": {"badges": scene["badges"], "identifiers": [EMAIL]},
        "target": {"occupation_id": scene["occupation_id"]},
    }
    r = anon.post("/v1/recommendations", json=body)
    assert r.status_code == 200, r.text
    learner = r.json()["learner"]
    got = [(b["status"], b["reason"]) for b in learner["badges"]]
    assert got == [("verified", "ok"), ("failed", "issuer_mismatch"), ("unverified", "unbound_key")]
    conf = {x["skill_id"]: x["confidence"] for x in learner["skills"]}
    skill = scene["skill"]
    assert abs(conf[skill["genuine"]] - runtime.settings.trust_badge_verified) < 1e-6
    assert skill["as_did"] not in conf
    _no_verified_weight(conf, skill["as_https"], runtime)
