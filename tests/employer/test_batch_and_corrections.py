"""Employers import several candidates at once (each item answered on its own) and correct a
candidate's skills; the correction is stored and the next ranking uses it. Rankings carry one
plain sentence per candidate."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlmodel import Session

from models.employer import MAX_CANDIDATE_BATCH
from models.tables import CandidateSkill
from tests.employer.test_employers import _tenant_client
from tests.utils.queries import essential_skills


@pytest.fixture(scope="module")
def shop(app, runtime):
    """A tenant with an opening of six essential skills, and a read-only key."""
    _oid, ess = essential_skills(runtime.engine, "data scientist")
    w = _tenant_client(app, runtime, "batchco", ["write"])
    ro = _tenant_client(app, runtime, "batchco", ["read"])
    other = _tenant_client(app, runtime, "otherco", ["write"])
    opening = {
        "external_id": "batch-job",
        "title": "Data scientist",
        "skills": [{"uri": u, "relation": "essential"} for u in ess[:6]],
    }
    r = w.post("/v1/postings", json=opening)
    assert r.status_code == 201, r.text
    return {"w": w, "ro": ro, "other": other, "ess": ess, "post": r.json()["items"][0]["id"]}


def _rank(client, post: int) -> dict:
    r = client.post(f"/v1/openings/{post}/candidates", json={"limit": 20, "plan": False})
    assert r.status_code == 200, r.text
    return {it["candidate"]["name"]: it for it in r.json()["items"]}


def test_batch_saves_good_items_and_answers_bad_ones(shop):
    ess = shop["ess"]
    items = [
        {"name": "Batch Ana", "skills": ess[:4]},
        {"name": "Bad\nname", "skills": ess[:1]},  # control character in a name
        {"name": "Empty"},  # nothing to read skills from
        {"name": "Unknown uri", "skills": ["http://data.europa.eu/esco/skill/nope"]},
        {"name": "Huge", "text": "x" * 30_000},  # over the text limit
        {"name": "Batch Ben", "skills": ess[:1]},
    ]
    r = shop["w"].post("/v1/candidate-batches", json={"items": items})
    assert r.status_code == 200, r.text
    out = r.json()
    status = {it["position"]: it["status"] for it in out["items"]}
    assert out["summary"] == {"created": 2, "failed": len(items) - 2}
    assert status[0] == "created" and status[len(items) - 1] == "created"
    failed = [it for it in out["items"] if it["status"] == "failed"]
    assert all(it["errors"] and it["errors"][0]["field"].startswith("items[") for it in failed)
    fields = {it["errors"][0]["field"] for it in failed}
    assert "items[1].name" in fields
    assert any(f.endswith(".text") for f in fields), fields
    assert any("skills" in f for f in fields), fields
    ana = out["items"][0]
    assert ana["id"] and len(ana["skills"]) >= 4  # the skills read are named, not counted
    ranked = _rank(shop["w"], shop["post"])
    assert {"Batch Ana", "Batch Ben"} <= set(ranked)
    assert "Huge" not in ranked and "Empty" not in ranked


def test_batch_limits_and_scopes(shop):
    one = {"name": "N", "skills": shop["ess"][:1]}
    too_many = shop["w"].post(
        "/v1/candidate-batches", json={"items": [one] * (MAX_CANDIDATE_BATCH + 1)}
    )
    assert too_many.status_code == 422
    assert "items" in too_many.json()["field"]
    empty = shop["w"].post("/v1/candidate-batches", json={"items": []})
    assert empty.status_code == 422
    assert shop["w"].post("/v1/candidate-batches", json=[one]).status_code == 422
    not_object = shop["w"].post("/v1/candidate-batches", json={"items": [one, "text"]})
    assert not_object.status_code == 422  # the schema's shape, before anything is saved
    assert not_object.json()["field"].startswith("body.items.1")
    assert shop["ro"].post("/v1/candidate-batches", json={"items": [one]}).status_code == 403
    all_good = shop["w"].post("/v1/candidate-batches", json={"items": [one]})
    assert all_good.status_code == 201, all_good.text
    shop["w"].delete(f"/v1/candidates/{all_good.json()['items'][0]['id']}")


def test_correcting_skills_is_stored_and_changes_the_ranking(shop, runtime):
    ess = shop["ess"]
    r = shop["w"].post("/v1/candidates", json={"name": "Fixme", "skills": ess[:3]})
    assert r.status_code == 201, r.text
    cand = r.json()
    before = _rank(shop["w"], shop["post"])["Fixme"]
    wrong = cand["skills"][0]["skill_id"]
    fix = shop["w"].patch(
        f"/v1/candidates/{cand['id']}/skills", json={"remove": [wrong], "add": ess[3:5]}
    )
    assert fix.status_code == 200, fix.text
    held = {s["skill_id"] for s in fix.json()["skills"]}
    assert wrong not in held and len(held) == 4
    added = [s for s in fix.json()["skills"] if s["uri"] in ess[3:5]]
    assert all(e["text"] == "added on review" for s in added for e in s["evidence"])
    with Session(runtime.engine) as s:  # the database holds the correction
        stored = s.execute(
            select(CandidateSkill.skill_id).where(CandidateSkill.candidate_id == cand["id"])
        ).scalars()
        assert set(stored) == held
    after = _rank(shop["w"], shop["post"])["Fixme"]
    assert after["coverage_held"] > before["coverage_held"]
    assert wrong in {m["skill_id"] for m in after["missing_essential"]}
    assert shop["w"].get(f"/v1/candidates/{cand['id']}").json()["declared_skills"] == ess[1:3]


def test_correction_errors_name_the_item(shop):
    ess = shop["ess"]
    cid = shop["w"].post("/v1/candidates", json={"name": "Err", "skills": ess[:1]}).json()["id"]
    url = f"/v1/candidates/{cid}/skills"
    stale = shop["w"].patch(url, json={"remove": [999_999]})  # not held: the page is stale
    assert stale.status_code == 409, stale.text
    assert stale.json()["field"] == "body.remove[0]"
    for ref in ("http://data.europa.eu/esco/skill/nope", "zzqx qqzx"):
        unknown = shop["w"].patch(url, json={"add": [ref]})  # links to nothing: said, not stored
        assert unknown.status_code == 200, unknown.text
        assert unknown.json()["warnings"][0]["field"] == "body.add[0]"
        assert len(unknown.json()["skills"]) == 1
    same = shop["w"].patch(url, json={})  # nothing named: nothing changes
    assert same.status_code == 200 and len(same.json()["skills"]) == 1
    cases = [
        ({"add": [""]}, "body.add.0"),
        ({"remove": [0]}, "body.remove.0"),
        ({"remove": [1.5]}, "body.remove.0"),
        ({"remove": [True]}, "body.remove.0"),
        ({"add": ess[:1] * 51}, "body.add"),
    ]
    for body, field in cases:
        r = shop["w"].patch(url, json=body)
        assert r.status_code == 422, (body, r.text)
        assert r.json()["field"] == field, (body, r.json())
    assert shop["ro"].patch(url, json={"add": ess[1:2]}).status_code == 403
    assert shop["other"].patch(url, json={"add": ess[1:2]}).status_code == 404


def test_each_ranked_candidate_has_a_sentence(shop):
    ess = shop["ess"]
    shop["w"].post("/v1/candidates", json={"name": "Sentence", "skills": ess[:2]})
    item = _rank(shop["w"], shop["post"])["Sentence"]
    text = item["summary"]
    assert text.startswith("Holds 2 of 6 essential skills (") and text.endswith(".")
    assert "missing" in text and "declared, not evidenced" in text
    for m in item["missing_essential"][:3]:
        assert m["label"] in text
