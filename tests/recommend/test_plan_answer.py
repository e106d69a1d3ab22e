"""The plan answer: max_steps from the request (1..30) and the settings; Open Badges 3.0 hours
from creditsAvailable said and never silently dropped; unknown hours and prices shown as unknown
or a labelled estimate, with the budget policy of the settings; the demo catalog switched off;
skill credits that weigh link confidence."""

from __future__ import annotations

import gzip
import json
from types import SimpleNamespace

import pytest
from sqlalchemy import select
from sqlmodel import Session

from models.tables import Credential, CredentialSkill, Skill
from service.catalog.cache import CatalogCache
from service.catalog.effort import taught_credit
from service.defaults import load_default_data
from tests.utils.queries import essential_skills

ROLE = "bricklayer"
ISSUER = "Plan Answer Academy"


@pytest.fixture(scope="module")
def bricks(client, runtime):
    """One 2-hour badge per essential skill of the role, all from ISSUER."""
    oid, uris = essential_skills(runtime.engine, ROLE)
    assert len(uris) >= 4
    docs = [
        {"external_id": f"pa:{i}", "title": f"Brick badge {i}", "kind": "badge", "hours": 2,
         "cost": 0, "issuer": {"name": ISSUER}, "skills": [{"uri": u}]}
        for i, u in enumerate(uris)
    ]  # fmt: skip
    r = client.post("/v1/credentials", json=docs)
    assert r.status_code in (200, 201), r.text
    return {"occupation_id": oid, "uris": uris}


def _ob3(ext: str, uri: str, issuer: str, **extra) -> dict:
    return {
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "type": ["Achievement"],
        "id": ext,
        "name": f"Badge {ext.rsplit('/', 1)[-1]}",
        "description": "A portal's own badge.",
        "criteria": {"narrative": "Pass the assessment."},
        "creator": {"id": "https://issuer.example.org", "type": ["Profile"], "name": issuer},
        "alignment": [{"type": ["Alignment"], "targetName": "skill", "targetUrl": uri}],
        **extra,
    }


def _recommend(client, bricks, constraints: dict | None = None) -> dict:
    body = {"target": {"occupation_id": bricks["occupation_id"]}}
    if constraints is not None:
        body["constraints"] = constraints
    r = client.post("/v1/recommendations", json=body)
    assert r.status_code == 200, r.text
    return r.json()["plan"]


@pytest.mark.parametrize("value", [0, 31, -1, "3", 2.5, None])
def test_max_steps_outside_1_to_30_is_refused_naming_the_field(client, bricks, value):
    body = {"target": {"occupation_id": bricks["occupation_id"]}, "constraints": {}}
    body["constraints"]["max_steps"] = value
    r = client.post("/v1/recommendations", json=body)
    if value is None:  # null: the settings' limit
        assert r.status_code == 200
        return
    assert r.status_code == 422, r.text
    assert r.json()["field"] == "body.constraints.max_steps"


def test_max_steps_from_the_request_and_from_the_settings(client, runtime, bricks, monkeypatch):
    only = {"include_issuers": [ISSUER]}
    p = _recommend(client, bricks, only | {"max_steps": 2})
    assert len(p["steps"]) == 2
    assert sum("max_steps 2" in why for why in p["skipped"].values()) >= 2
    monkeypatch.setattr(
        runtime, "settings", runtime.settings.model_copy(update={"plan_max_steps": 3})
    )
    assert len(_recommend(client, bricks, only)["steps"]) == 3
    assert runtime.settings.plan_max_steps == 3


def test_a_40_credit_badge_is_said_over_budget_not_silently_dropped(client, bricks):
    doc = _ob3("https://portal.example.org/a/forty", bricks["uris"][0], "Forty Credits Org")
    doc["creditsAvailable"] = 40
    r = client.post("/v1/credentials", json={"documents": [doc], "format": "ob3"})
    assert r.status_code in (200, 201), r.text
    p = _recommend(client, bricks, {"max_hours": 150})
    why = p["skipped"]["https://portal.example.org/a/forty"]
    assert "1,200 h (40 credits x 30 h (creditsAvailable))" in why and "max_hours is 150" in why


def test_hours_and_price_an_ob3_badge_does_not_state_are_unknown(client, runtime, bricks):
    ext = "https://portal.example.org/a/no-duration"
    doc = _ob3(ext, bricks["uris"][1], "No Duration Org")
    r = client.post("/v1/credentials", json={"documents": [doc], "format": "ob3"})
    assert r.status_code in (200, 201), r.text
    p = _recommend(client, bricks, {"include_issuers": ["No Duration Org"]})
    step = next(s for s in p["steps"] if s["credential"]["external_id"] == ext)
    c = step["credential"]
    assert c["hours"] is None and c["cost"] is None  # never 0 h nor free
    assert c["hours_estimate"] > 0 and c["hours_note"].startswith("estimate: median of ")
    assert "free" not in step["explanation"] and "about " in step["explanation"]
    assert p["hours_estimated"] == pytest.approx(c["hours_estimate"])


def test_the_exclude_setting_leaves_unknown_hours_out_of_a_budget(
    client, runtime, bricks, monkeypatch
):
    ext = "https://portal.example.org/a/no-duration-2"
    doc = _ob3(ext, bricks["uris"][2], "Exclude Org")
    assert client.post("/v1/credentials", json={"documents": [doc], "format": "ob3"}).is_success
    update = {"plan_unknown_effort": "exclude"}
    monkeypatch.setattr(runtime, "settings", runtime.settings.model_copy(update=update))
    p = _recommend(client, bricks, {"include_issuers": ["Exclude Org"], "max_hours": 500})
    assert p["steps"] == []
    assert "unknown_effort=exclude" in p["skipped"][ext]


def test_a_switched_off_demo_catalog_is_left_out_of_plans(client, runtime, bricks, monkeypatch):
    doc = {"external_id": "demo:cred:plan-answer", "title": "Demo bricks", "kind": "badge",
           "hours": 3, "issuer": {"name": "Demo Issuer"},
           "skills": [{"uri": bricks["uris"][3]}]}  # fmt: skip
    assert client.post("/v1/credentials", json=[doc]).is_success
    only = {"include_issuers": ["Demo Issuer"]}
    assert [s["credential"]["external_id"] for s in _recommend(client, bricks, only)["steps"]] == [
        "demo:cred:plan-answer"
    ]
    off = runtime.settings.model_copy(update={"demo_catalog": False})
    monkeypatch.setattr(runtime, "settings", off)
    monkeypatch.setattr(runtime, "catalog", CatalogCache(runtime.engine, off))
    assert _recommend(client, bricks, only)["steps"] == []


def test_the_default_loader_skips_a_switched_off_demo_catalog(runtime, tmp_path):
    (tmp_path / "catalog").mkdir()
    row = {"external_id": "demo:cred:loader-test", "title": "Loader test", "kind": "badge",
           "hours": 1, "skills": [], "source_format": "native"}  # fmt: skip
    with gzip.open(tmp_path / "catalog" / "credentials.jsonl.gz", "wt") as fh:
        fh.write(json.dumps(row) + "\n")
    for on in (False, True):
        settings = runtime.settings.model_copy(update={"data_dir": tmp_path, "demo_catalog": on})
        rt = SimpleNamespace(settings=settings, engine=runtime.engine, encoder=runtime.encoder)
        rt.__dict__.update({k: getattr(runtime, k) for k in vars(runtime) if k not in vars(rt)})
        out = load_default_data(rt, force=True)
        with Session(runtime.engine) as s:
            found = s.execute(
                select(Credential).where(Credential.external_id == "demo:cred:loader-test")
            ).first()
        assert ("credentials" in out) is on and (found is not None) is on


def test_planning_credit_weighs_link_confidence(runtime):
    assert taught_credit(0.63, "extracted", 0.9) == pytest.approx(0.9)  # not 0.7 x 0.9
    assert taught_credit(1.0, "explicit", None) == 1.0
    assert taught_credit(0.8, "explicit", 0.5) == pytest.approx(0.4)
    with Session(runtime.engine) as s:
        sid = s.execute(
            select(Skill.id).where(Skill.source == "esco").order_by(Skill.id).limit(1)
        ).scalar_one()
        row = Credential(external_id="pa:text", kind="badge", title="Text-linked badge",
                         source_format="native", content_hash="x", hours=4.0)  # fmt: skip
        s.add(row)
        s.flush()
        s.add(CredentialSkill(credential_id=row.id, skill_id=sid, weight=0.63,
                              source="extracted", confidence=0.9))  # fmt: skip
        s.commit()
    options, _ = CatalogCache(runtime.engine, runtime.settings).options({sid: 1.0})
    text = next(c for c in options if c.external_id == "pa:text")
    assert text.skills[sid] == pytest.approx(0.9)


def test_skills_held_on_ones_word_alone_are_evidenced_else_the_plan_says_what_it_did(
    client, bricks
):
    """Every essential skill declared (weak evidence): the plan evidences them with the brick
    badges; under a budget no badge fits, the plan of the gap as it is (nothing to add)."""
    body = {
        "learner": {"skills": bricks["uris"]},
        "target": {"occupation_id": bricks["occupation_id"]},
        "constraints": {"max_hours": 40, "include_issuers": [ISSUER]},
    }
    r = client.post("/v1/recommendations", json=body)
    assert r.status_code == 200, r.text
    plan = r.json()["plan"]
    assert plan["message"].startswith("By your own account you hold every essential skill")
    assert plan["steps"] and all(
        s["explanation"].startswith("Evidences") for s in plan["steps"] if not s["optional"]
    )
    body["constraints"]["max_hours"] = 1  # no 2-hour badge fits: nothing is planned
    r = client.post("/v1/recommendations", json=body)
    plan = r.json()["plan"]
    assert plan["steps"] == [] and "By your own account" not in plan["message"]


def test_a_beginner_course_evidences_nothing_a_learner_says_they_can_do(client, bricks):
    """Every essential skill held on the learner's word (a working practitioner, or a job
    title that names the role): the plan evidences them above the beginner level, though a
    beginner badge is shorter; a learner who lacks the skills is still sent on the basics."""
    issuer = "Plan Answer Basics"
    docs = [
        {"external_id": f"pab:{i}", "title": f"Brick basics {i}", "kind": "badge", "hours": 1,
         "cost": 0, "issuer": {"name": issuer}, "level": "beginner", "skills": [{"uri": u}]}
        for i, u in enumerate(bricks["uris"])
    ]  # fmt: skip
    r = client.post("/v1/credentials", json=docs)
    assert r.status_code in (200, 201), r.text
    body = {
        "learner": {"skills": bricks["uris"]},
        "target": {"occupation_id": bricks["occupation_id"]},
        "constraints": {"max_hours": 40, "include_issuers": [ISSUER, issuer]},
    }
    plan = client.post("/v1/recommendations", json=body).json()["plan"]
    assert plan["message"].startswith("By your own account you hold every essential skill")
    steps = [s["credential"]["external_id"] for s in plan["steps"]]
    assert steps and not any(e.startswith("pab:") for e in steps)
    assert any(e.startswith("pa:") for e in steps)
    body["learner"] = {}
    plan = client.post("/v1/recommendations", json=body).json()["plan"]
    assert any(s["credential"]["external_id"].startswith("pab:") for s in plan["steps"])
