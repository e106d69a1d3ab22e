"""Every taxonomy endpoint with its errors, on the mini taxonomy and the FakeEncoder."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlmodel import Session

from models.tables import Occupation, Skill


def _skill_id(runtime, label: str) -> int:
    with Session(runtime.engine) as s:
        return s.execute(select(Skill.id).where(Skill.preferred_label == label)).scalar_one()


def _occupation_id(runtime, label: str) -> int:
    with Session(runtime.engine) as s:
        return s.execute(
            select(Occupation.id).where(Occupation.preferred_label == label)
        ).scalar_one()


def test_health_and_ready(client):
    assert client.get("/health").json() == {"status": "ok"}
    r = client.get("/ready")
    assert r.status_code == 200 and r.json()["skills"] > 500


def test_ready_is_503_until_the_runtime_loads(settings):
    from fastapi.testclient import TestClient

    from service.api.app import create_app

    app = create_app(settings)  # no runtime, lifespan not entered
    c = TestClient(app)
    r = c.get("/ready")
    assert r.status_code == 503 and "loading" in r.json()["detail"]
    assert c.get("/health").status_code == 200


def test_about_names_model_taxonomy_and_attribution(client, runtime):
    body = client.get("/v1/about").json()
    assert body["model"] == runtime.encoder.model_id and body["dim"] == 64
    assert "ESCO v1.1.1" in body["taxonomy"] and "O*NET" in body["taxonomy"]
    assert any("ESCO classification of the European Commission" in a for a in body["attribution"])
    assert body["counts"]["skills"] == len(runtime.skills)


def test_search_skills_by_alias(client):
    hits = client.get("/v1/skills", params={"q": "PostgreSQL", "limit": 5}).json()["items"]
    assert hits[0]["preferred_label"] == "PostgreSQL"
    assert len(hits) <= 5 and all(h["score"] <= hits[0]["score"] for h in hits)


def test_search_skills_filters_by_source(client):
    hits = client.get("/v1/skills", params={"q": "Adobe Photoshop", "source": "onet"}).json()[
        "items"
    ]
    assert hits and all(h["source"] == "onet" for h in hits)
    assert hits[0]["preferred_label"] == "Adobe Photoshop"


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({}, "query.q"),
        ({"q": ""}, "query.q"),
        ({"q": "x", "limit": 0}, "query.limit"),
        ({"q": "x", "limit": "many"}, "query.limit"),
    ],
)
def test_search_skills_bad_input_names_the_field(client, params, field):
    r = client.get("/v1/skills", params=params)
    assert r.status_code == 422
    assert r.json()["field"] == field


def test_search_skills_oversize_query(client, settings):
    r = client.get("/v1/skills", params={"q": "a" * (settings.max_query_chars + 1)})
    assert r.status_code == 422 and r.json()["field"] == "q"


def test_get_skill_with_hierarchy(client, runtime):
    sid = _skill_id(runtime, "Python (computer programming)")
    body = client.get(f"/v1/skills/{sid}").json()
    assert body["uri"].startswith("http://data.europa.eu/esco/skill/")
    assert "Python" in body["alt_labels"] or body["alt_labels"]
    assert body["skill_type"] == "knowledge" and body["broader"]
    assert body["broader"][0]["preferred_label"]


def test_get_skill_errors(client):
    assert client.get("/v1/skills/99999999").status_code == 404
    assert client.get("/v1/skills/99999999").json()["field"] == "skill_id"
    r = client.get("/v1/skills/abc")  # the path takes integers only (so /skills/extract is free)
    assert r.status_code == 404


def test_extract_returns_skills_with_evidence_spans(client):
    text = (
        "We are hiring a backend developer.\nYou know PostgreSQL and Python (computer "
        "programming) well, and you use Git every day."
    )
    # the hashing encoder scores low: a lower floor (each phrase is read too: "You know PostgreSQL")
    body = client.post("/v1/skills/extract", json={"text": text, "min_score": 0.3}).json()
    labels = {s["preferred_label"] for s in body["skills"]}
    assert "PostgreSQL" in labels
    for s in body["skills"]:
        assert s["evidence"], s
        for ev in s["evidence"]:
            assert text[ev["start"] : ev["end"]] == ev["text"]
    pg = next(s for s in body["skills"] if s["preferred_label"] == "PostgreSQL")
    assert any("PostgreSQL" in ev["text"] for ev in pg["evidence"])


@pytest.mark.parametrize("text", ["", "   \n  "])
def test_extract_rejects_empty_text(client, text):
    r = client.post("/v1/skills/extract", json={"text": text})
    assert r.status_code == 422 and r.json()["field"] == "body.text"


def test_extract_rejects_oversize_text(client, settings):
    r = client.post("/v1/skills/extract", json={"text": "word " * settings.max_text_chars})
    assert r.status_code == 422 and "limit" in r.json()["detail"]


def test_extract_bad_body(client):
    r = client.post("/v1/skills/extract", json={"txt": "python"})  # neither text nor texts
    assert r.status_code == 422 and r.json()["field"] == "body"
    assert "`text` or `texts`" in r.json()["detail"]
    r = client.post("/v1/skills/extract", json={"text": "python", "max_skills": 0})
    assert r.status_code == 422 and r.json()["field"] == "body.max_skills"


def test_search_occupations_exact_title_first(client):
    hits = client.get("/v1/occupations", params={"q": "Software Developer"}).json()["items"]
    assert hits[0]["preferred_label"] == "software developer"
    assert hits[0]["isco_code"]


def test_search_occupations_errors(client):
    assert client.get("/v1/occupations").status_code == 422
    assert client.get("/v1/occupations", params={"q": "x", "limit": 1000}).status_code == 422


def test_get_occupation_with_essential_and_optional_skills(client, runtime):
    oid = _occupation_id(runtime, "software developer")
    body = client.get(f"/v1/occupations/{oid}").json()
    assert body["preferred_label"] == "software developer"
    assert len(body["essential_skills"]) > 5 and body["optional_skills"]
    ess = {s["preferred_label"] for s in body["essential_skills"]}
    assert ess.isdisjoint({s["preferred_label"] for s in body["optional_skills"]})
    assert any(s["source"] == "onet" for s in body["optional_skills"])  # through the crosswalk


def test_get_occupation_404(client):
    r = client.get("/v1/occupations/4242424")
    assert r.status_code == 404 and r.json()["field"] == "occupation_id"
