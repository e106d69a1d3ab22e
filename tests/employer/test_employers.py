"""Employers over HTTP: tenants and keys, private openings, candidates with badges, matching
both ways, and isolation: another tenant's ids answer 404 on every route that takes one."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlmodel import Session

from models.tables import (
    Candidate,
    CandidateBadge,
    CandidateSkill,
    Tenant,
)
from service.employer.tenants import authenticate, create_key, create_tenant, hash_key
from tests.utils.queries import essential_skills


def _tenant_client(app, runtime, name: str, scopes: list[str]) -> TestClient:
    with Session(runtime.engine) as s:
        found = s.execute(select(Tenant).where(Tenant.name == name)).scalar_one_or_none()
        tenant = found or create_tenant(s, name)
        _row, key = create_key(s, tenant.id, scopes)
    return TestClient(app, headers={"Authorization": f"Bearer {key}"})


@pytest.fixture(scope="module")
def world(app, runtime, client):
    """Two employers, their keys, one private opening each, and a few candidates."""
    oid, ess = essential_skills(runtime.engine, "data scientist")
    a = _tenant_client(app, runtime, "acme", ["write"])
    a_read = _tenant_client(app, runtime, "acme", ["read"])
    b = _tenant_client(app, runtime, "globex", ["write"])
    # a small catalog for the plans
    catalog = [
        {"external_id": f"emp:c{i}", "title": f"Course {i}", "kind": "course", "hours": 10 + i,
         "cost": 50, "currency": "EUR", "skills": [{"uri": ess[i]}]}
        for i in range(6)
    ]  # fmt: skip
    assert client.post("/v1/credentials", json=catalog).status_code in (200, 201)
    opening = {
        "external_id": "job-1",
        "title": "Data scientist",
        "description": "We need a data scientist.",
        "skills": [{"uri": u, "relation": "essential"} for u in ess[:6]],
    }
    ra = a.post("/v1/postings", json=opening)
    assert ra.status_code == 201, ra.text
    rb = b.post("/v1/postings", json=opening)  # the same external id in another tenant
    assert rb.status_code == 201, rb.text
    a_post, b_post = ra.json()["items"][0]["id"], rb.json()["items"][0]["id"]
    assert a_post != b_post

    def badge(name: str, uris: list[str]) -> dict:
        return {
            "@context": "https://w3id.org/openbadges/v2",
            "type": "Assertion",
            "id": f"https://issuer.example/assertions/{name}",
            "recipient": {"type": "email", "hashed": False, "identity": "ana@example.org"},
            "issuedOn": "2024-01-01T00:00:00Z",
            "verification": {"type": "hosted"},
            "badge": {
                "type": "BadgeClass",
                "id": f"https://issuer.example/badges/{name}",
                "name": name,
                "description": f"The holder shows {name}.",
                "criteria": {"narrative": "Pass the assessment."},
                "issuer": {"type": "Profile", "id": "https://issuer.example", "name": "Issuer"},
                "alignment": [{"targetName": "skill", "targetUrl": u} for u in uris],
            },
        }

    strong = a.post(
        "/v1/candidates",
        json={"name": "Ana", "identifiers": ["ana@example.org"],
              "badges": [badge("analytics", ess[:4])]},
    )  # fmt: skip
    assert strong.status_code == 201, strong.text
    weak = a.post("/v1/candidates", json={"name": "Ben", "skills": [ess[0]]})
    assert weak.status_code == 201, weak.text
    other = b.post("/v1/candidates", json={"name": "Cy", "skills": ess[:6]})
    assert other.status_code == 201, other.text
    return {
        "a": a,
        "a_read": a_read,
        "b": b,
        "ess": ess,
        "a_post": a_post,
        "b_post": b_post,
        "strong": strong.json(),
        "weak": weak.json(),
        "other": other.json(),
    }


def test_keys_are_stored_only_as_hashes_and_authenticate(runtime):
    from models.tables import ApiKey

    with Session(runtime.engine) as s:
        tenant = create_tenant(s, "hash-check")
        row, key = create_key(s, tenant.id, ["read"])
        stored = s.get(ApiKey, row.id)
        assert key not in (stored.key_hash, stored.prefix) and stored.key_hash == hash_key(key)
        p = authenticate(s, key)
        assert p is not None and p.tenant_id == tenant.id and p.can("read") and not p.can("write")
        assert authenticate(s, key + "x") is None


def test_writes_need_a_key_with_write_scope(anon, world):
    body = {"name": "X"}
    r = anon.post("/v1/candidates", json=body)
    assert r.status_code == 401 and r.json()["field"] == "authorization"
    r = world["a_read"].post("/v1/candidates", json=body)
    assert r.status_code == 403
    assert world["a_read"].post("/v1/postings", json={"title": "t"}).status_code == 403
    assert anon.post("/v1/credentials", json={"title": "t"}).status_code == 401
    r = anon.get("/v1/candidates", headers={"Authorization": "Bearer sm_not-a-key"})
    assert r.status_code == 401
    # a tenant's write key cannot touch the shared catalog or publish public postings
    assert world["a"].post("/v1/credentials", json={"title": "t"}).status_code == 403
    r = world["a"].post("/v1/postings?visibility=public", json={"title": "t"})
    assert r.status_code == 403
    # public reads stay open
    assert anon.get("/v1/credentials").status_code == 200


def test_private_openings_are_invisible_to_others(anon, world, client):
    a, b, pid = world["a"], world["b"], world["a_post"]
    assert a.get(f"/v1/postings/{pid}").json()["private"] is True
    assert a.get(f"/v1/postings/{pid}").json()["external_id"] == "job-1"
    for c in (b, anon, client):
        assert c.get(f"/v1/postings/{pid}").status_code == 404
        assert c.get(f"/v1/postings/{pid}/skills").status_code == 404
        ids = [p["id"] for p in c.get("/v1/postings", params={"limit": 100}).json()["items"]]
        assert pid not in ids
        ids = [
            p["id"] for p in c.get("/v1/postings", params={"q": "data scientist"}).json()["items"]
        ]
        assert pid not in ids
    mine = a.get("/v1/postings", params={"mine": "true"}).json()["items"]
    assert [p["id"] for p in mine] == [pid]
    body = {"target": {"posting_id": pid}}
    assert b.post("/v1/recommendations", json=body).status_code == 404
    assert anon.post("/v1/gap", json=body).status_code == 404
    assert a.post("/v1/gap", json=body).status_code == 200
    assert b.delete(f"/v1/postings/{pid}").status_code == 404


def test_cross_tenant_ids_answer_404_on_every_route(world):
    b, cid, pid = world["b"], world["strong"]["id"], world["a_post"]
    assert b.get(f"/v1/candidates/{cid}").status_code == 404
    assert b.put(f"/v1/candidates/{cid}", json={"name": "hijack"}).status_code == 404
    assert b.delete(f"/v1/candidates/{cid}").status_code == 404
    assert b.post(f"/v1/candidates/{cid}/openings", json={}).status_code == 404
    assert b.post(f"/v1/openings/{pid}/candidates", json={}).status_code == 404
    assert b.get(f"/v1/postings/{pid}").status_code == 404
    trust = world["a"].post("/v1/trust", json={"kind": "key", "document": {"kty": "OKP"}})
    assert trust.status_code == 201
    assert b.delete(f"/v1/trust/{trust.json()['id']}").status_code == 404
    listed = [c["id"] for c in b.get("/v1/candidates").json()["items"]]
    assert cid not in listed and world["other"]["id"] in listed
    # and the owner still sees it all
    assert world["a"].get(f"/v1/candidates/{cid}").json()["name"] == "Ana"


def test_candidate_badges_carry_status_and_skills(world):
    cand = world["strong"]
    assert cand["badges"][0]["status"] == "unverified"
    assert cand["badges"][0]["title"] == "analytics"
    got = {s["uri"] for s in cand["skills"]}
    assert set(world["ess"][:4]) <= got
    ev = next(s for s in cand["skills"] if s["uri"] == world["ess"][0])["evidence"]
    assert any(e["source"] == "badge" and e["badge_id"] == cand["badges"][0]["id"] for e in ev)


def test_opening_ranks_candidates_with_evidence_missing_and_plan(world):
    r = world["a_read"].post(f"/v1/openings/{world['a_post']}/candidates", json={"limit": 10})
    assert r.status_code == 200, r.text
    out = r.json()
    names = [i["candidate"]["name"] for i in out["items"]]
    assert names == ["Ana", "Ben"]  # only acme's candidates, best first
    first = out["items"][0]
    assert first["coverage"] > out["items"][1]["coverage"] > 0
    matched = {m["skill_id"]: m for m in first["matched"]}
    assert all(
        any(e.get("badge", {}).get("status") == "unverified" for e in m["evidence"])
        for m in matched.values()
        if m["via"] is None and m["credit"] >= 0.5
    )
    missing = {m["label"] for m in first["missing_essential"]}
    assert len(missing) >= 2
    plan = first["plan"]
    assert plan is not None and plan["steps"], plan
    covered = {c["label"] for s in plan["steps"] for c in s["covers"]}
    assert missing & covered


def test_candidate_ranks_openings(world):
    r = world["a"].post(f"/v1/candidates/{world['strong']['id']}/openings", json={"limit": 5})
    assert r.status_code == 200, r.text
    items = r.json()["items"]
    assert items[0]["opening"]["id"] == world["a_post"] and items[0]["opening"]["private"]
    assert world["b_post"] not in {i["opening"]["id"] for i in items}
    scores = [i["coverage"] for i in items]
    assert scores == sorted(scores, reverse=True)


def test_pagination_of_ranked_candidates(world):
    c = world["a_read"]
    url = f"/v1/openings/{world['a_post']}/candidates"
    p1 = c.post(url, json={"limit": 1, "plan": False}).json()
    assert len(p1["items"]) == 1 and p1["next_cursor"]
    p2 = c.post(url, json={"limit": 1, "plan": False, "cursor": p1["next_cursor"]}).json()
    assert p2["items"][0]["rank"] == 2
    assert p2["items"][0]["candidate"]["id"] != p1["items"][0]["candidate"]["id"]
    assert c.post(url, json={"limit": 1000}).status_code == 422


def test_verified_badges_weigh_more_than_unverified(world, runtime):
    s = runtime.settings
    assert s.trust_badge_verified > s.trust_badge_unverified
    ev = next(x for x in world["strong"]["skills"] if x["uri"] == world["ess"][0])
    assert ev["confidence"] <= s.trust_badge_unverified + 1e-6


def test_delete_candidate_removes_it_everywhere(world, runtime):
    a = world["a"]
    made = a.post("/v1/candidates", json={"name": "Temp", "skills": world["ess"][:2]}).json()
    url = f"/v1/openings/{world['a_post']}/candidates"
    ranked = [i["candidate"]["id"] for i in a.post(url, json={"plan": False}).json()["items"]]
    assert made["id"] in ranked
    assert a.delete(f"/v1/candidates/{made['id']}").status_code == 204
    with Session(runtime.engine) as s:
        for table, col in (
            (Candidate, Candidate.id),
            (CandidateSkill, CandidateSkill.candidate_id),
            (CandidateBadge, CandidateBadge.candidate_id),
        ):
            n = s.execute(select(func.count()).select_from(table).where(col == made["id"]))
            assert n.scalar_one() == 0
    ranked = [i["candidate"]["id"] for i in a.post(url, json={"plan": False}).json()["items"]]
    assert made["id"] not in ranked
    assert a.get(f"/v1/candidates/{made['id']}").status_code == 404


def _signed_badge(key, uri: str, *, email: str, **kw) -> tuple[str, dict]:
    from tests.verify.badges import ob3_credential, salted_sha256, vc_jwt
    from tests.verify.signing import did_key

    cred = ob3_credential(
        issuer=did_key(key),
        subject_id=None,
        identifier=[
            {"type": "IdentityObject", "identityType": "emailAddress", "hashed": True,
             "salt": "pepper", "identityHash": salted_sha256(email, "pepper")}
        ],
        **kw,
    )  # fmt: skip
    cred["credentialSubject"]["achievement"]["alignment"] = [
        {"type": ["Alignment"], "targetName": "skill", "targetUrl": uri}
    ]
    return vc_jwt(cred, key, "did:key"), cred


def test_signed_badges_are_verified_and_weigh_more(world, runtime):
    from cryptography.hazmat.primitives.asymmetric import ec, ed25519

    from tests.verify.signing import did_key, replace_payload

    a, uri, s = world["a"], world["ess"][5], runtime.settings
    ed, p256 = ed25519.Ed25519PrivateKey.generate(), ec.generate_private_key(ec.SECP256R1())
    good, _ = _signed_badge(ed, uri, email="eve@example.org")
    good_p256, _ = _signed_badge(p256, uri, email="eve@example.org")
    tampered_src, cred = _signed_badge(ed, uri, email="eve@example.org")
    cred["credentialSubject"]["achievement"]["name"] = "Forged"
    from tests.verify.badges import jwt_claims

    tampered = replace_payload(tampered_src, jwt_claims(cred))
    other, _ = _signed_badge(ed, uri, email="mallory@example.org")
    expired, _ = _signed_badge(ed, uri, email="eve@example.org", valid_until="2025-01-01T00:00:00Z")
    revoked_src, revoked_cred = _signed_badge(
        ed, world["ess"][4], email="eve@example.org",
        status={"id": "https://badges.example/rl/1", "type": "1EdTechRevocationList"},
    )  # fmt: skip
    trust = {
        "id": "https://badges.example/rl/1",
        "issuer": did_key(ed),
        "revokedCredentials": [{"id": revoked_cred["id"], "revocationReason": "cheating"}],
    }
    assert a.post("/v1/trust", json={"kind": "revocation", "document": trust}).status_code == 201
    r = a.post(
        "/v1/candidates",
        json={"name": "Eve", "identifiers": ["eve@example.org"],
              "badges": [good, good_p256, tampered, other, expired, revoked_src]},
    )  # fmt: skip
    assert r.status_code == 201, r.text
    badges = r.json()["badges"]
    got = [(b["status"], b["reason"]) for b in badges]
    assert got == [
        ("verified", "ok"),
        ("verified", "ok"),
        ("failed", "bad_signature"),
        ("failed", "recipient_mismatch"),
        ("failed", "expired"),
        ("failed", "revoked"),
    ]
    skills = {x["uri"]: x for x in r.json()["skills"]}
    assert abs(skills[uri]["confidence"] - s.trust_badge_verified) < 1e-6  # verified weight
    failed_ids = {b["id"] for b in badges if b["status"] == "failed"}
    assert not any(e.get("badge_id") in failed_ids for x in skills.values() for e in x["evidence"])
    assert world["ess"][4] not in skills  # only the revoked badge taught it
    ranked = a.post(f"/v1/openings/{world['a_post']}/candidates", json={"plan": False}).json()
    eve = next(i for i in ranked["items"] if i["candidate"]["name"] == "Eve")
    m = next(x for x in eve["matched"] if x["skill_id"] == skills[uri]["skill_id"])
    assert m["evidence"][0]["badge"]["status"] == "verified"
    assert a.delete(f"/v1/candidates/{r.json()['id']}").status_code == 204


def test_learner_badges_are_verified_in_recommendations(world, anon, runtime):
    from cryptography.hazmat.primitives.asymmetric import ed25519

    from tests.verify.badges import jwt_claims
    from tests.verify.signing import replace_payload

    key, uri = ed25519.Ed25519PrivateKey.generate(), world["ess"][5]
    good, cred = _signed_badge(key, uri, email="lea@example.org")
    cred["credentialSubject"]["achievement"]["name"] = "Forged"
    forged = replace_payload(good, jwt_claims(cred))
    body = {
        "learner": {"badges": [good, forged], "identifiers": ["lea@example.org"]},
        "target": {"posting_id": world["a_post"]},
    }
    r = world["a"].post("/v1/gap", json=body)
    assert r.status_code == 200, r.text
    learner = r.json()["learner"]
    assert [b["status"] for b in learner["badges"]] == ["verified", "failed"]
    assert any("not counted" in w["message"] for w in learner["warnings"])
    conf = {x["skill_id"]: x["confidence"] for x in learner["skills"]}
    sid = next(i["skill_id"] for i in r.json()["gap"]["items"] if i["credit"] > 0)
    assert abs(conf[sid] - runtime.settings.trust_badge_verified) < 1e-6


def test_min_coverage_leaves_weak_openings_out_of_a_candidates_list(world):
    a, ess = world["a"], world["ess"]
    far = [{"uri": u, "relation": "essential"} for u in ess[-6:]]  # skills Ana lacks
    posted = a.post("/v1/postings", json={"external_id": "far-away", "title": "Far", "skills": far})
    assert posted.status_code == 201, posted.text
    try:
        url = f"/v1/candidates/{world['strong']['id']}/openings"
        every = a.post(url, json={"limit": 100, "include_public": False}).json()
        coverages = sorted(i["coverage"] for i in every["items"])
        assert len(coverages) >= 2 and coverages[0] < coverages[-1], coverages
        floor = (coverages[0] + coverages[-1]) / 2
        body = {"limit": 100, "include_public": False, "min_coverage": floor}
        kept = a.post(url, json=body).json()
        assert kept["items"] and all(i["coverage"] >= floor - 1e-4 for i in kept["items"])
        assert kept["total"] == sum(c >= floor for c in coverages) < every["total"]
        for bad in (-0.1, 1.5, "0.5", None):
            r = a.post(url, json={"min_coverage": bad})
            assert r.status_code == 422 and r.json()["field"] == "body.min_coverage", r.text
    finally:
        a.delete(f"/v1/postings/{posted.json()['items'][0]['id']}")
