"""Credentials and postings over HTTP: search with filters and cursors, detail, skills, errors."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def catalog(client):
    docs = [
        {
            "external_id": "api:py",
            "kind": "course",
            "title": "Python programming basics",
            "description": "Write Python programs and use Git for version control.",
            "hours": 20,
            "cost": 0,
            "currency": "EUR",
            "language": "en",
            "skills": [{"label": "PostgreSQL"}],
        },
        {
            "external_id": "api:pg",
            "kind": "certificate",
            "title": "PostgreSQL database design",
            "description": "Design PostgreSQL databases and write SQL.",
            "hours": 60,
            "cost": 300,
            "currency": "EUR",
            "language": "de",
        },
        {
            "external_id": "api:cook",
            "kind": "badge",
            "title": "Kitchen hygiene",
            "description": "Apply food safety and hygiene rules in a kitchen.",
            "hours": 4,
            "cost": 25,
            "currency": "EUR",
            "language": "en",
        },
    ] + [
        {
            "external_id": f"api:py{i}",
            "kind": "badge",
            "title": f"Python exercise {i}",
            "description": "Python programming practice.",
            "hours": 2,
            "cost": 5,
            "currency": "EUR",
        }
        for i in range(7)
    ]
    r = client.post("/v1/credentials", json=docs)
    assert r.status_code == 201, r.text
    return {i["external_id"]: i["id"] for i in r.json()["items"]}


def test_semantic_search_ranks_the_matching_credential_first(client, catalog):
    items = client.get("/v1/credentials", params={"q": "PostgreSQL database design"}).json()[
        "items"
    ]
    assert items[0]["external_id"] == "api:pg" and items[0]["score"] is not None


def test_filters_kind_hours_cost_language_and_skill(client, catalog, runtime):
    q = {"q": "python"}
    kinds = {
        i["kind"]
        for i in client.get("/v1/credentials", params=q | {"kind": "badge"}).json()["items"]
    }
    assert kinds == {"badge"}
    items = client.get("/v1/credentials", params=q | {"max_hours": 10}).json()["items"]
    assert items and all(i["hours"] <= 10 for i in items)
    items = client.get("/v1/credentials", params={"max_cost": 100, "language": "de"}).json()[
        "items"
    ]
    assert items == []
    items = client.get("/v1/credentials", params={"language": "de"}).json()["items"]
    assert [i["external_id"] for i in items if i["external_id"].startswith("api:")] == ["api:pg"]
    skills = client.get(f"/v1/credentials/{catalog['api:py']}/skills").json()
    git = next(s for s in skills if s["preferred_label"] == "PostgreSQL")
    assert git["origin"] == "explicit"
    # other tests' records may teach PostgreSQL too: rank by the course's own words
    params = {"skill": git["uri"], "q": "python", "limit": 50}
    items = client.get("/v1/credentials", params=params).json()["items"]
    assert "api:py" in {i["external_id"] for i in items}
    assert all(i["external_id"] != "api:cook" for i in items)


def test_cursor_pages_cover_all_results_without_repeats(client, catalog):
    seen, cursor = [], None
    for _ in range(10):
        params = {"q": "Python exercise", "kind": "badge", "limit": 3}
        if cursor:
            params["cursor"] = cursor
        page = client.get("/v1/credentials", params=params).json()
        seen += [i["external_id"] for i in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    ours = [s for s in seen if s.startswith("api:")]
    assert len(ours) == len(set(ours)) and {f"api:py{i}" for i in range(7)} <= set(ours)


def test_listing_without_query_pages_by_id(client, catalog):
    page = client.get("/v1/credentials", params={"limit": 2}).json()
    assert len(page["items"]) == 2 and page["next_cursor"]
    nxt = client.get("/v1/credentials", params={"limit": 2, "cursor": page["next_cursor"]}).json()
    assert nxt["items"][0]["id"] > page["items"][1]["id"]


def test_bad_search_input(client, catalog):
    r = client.get("/v1/credentials", params={"cursor": "!!not-a-cursor"})  # cursors are digits
    assert r.status_code == 422 and r.json()["field"] == "query.cursor"
    r = client.get("/v1/credentials", params={"cursor": "9999999999"})  # past the end: no page
    assert r.status_code == 200 and r.json()["items"] == [] and r.json()["next_cursor"] is None
    r = client.get("/v1/credentials", params={"max_hours": -1})
    assert r.status_code == 422 and r.json()["field"] == "query.max_hours"
    r = client.get("/v1/credentials", params={"skill": "http://example.org/no-such-skill"})
    assert r.status_code == 404 and r.json()["field"] == "skill"


def test_get_credential_keeps_original_and_skills_with_evidence(client, catalog):
    body = client.get(f"/v1/credentials/{catalog['api:py']}").json()
    assert body["original"]["title"] == "Python programming basics"
    assert body["source_format"] == "native"
    # it states its skills, so by default (ingest_extract=if_no_explicit) none is extracted
    assert {s["origin"] for s in body["skills"]} == {"explicit"}
    body = client.get(f"/v1/credentials/{catalog['api:pg']}").json()  # states none
    extracted = [s for s in body["skills"] if s["origin"] == "extracted"]
    assert extracted, body["skills"]
    for s in extracted:
        for ev in s["evidence"]:
            src = body["title"] if ev["field"] == "title" else body["description"]
            assert src[ev["start"] : ev["end"]] == ev["text"]


def test_single_bad_document_is_422_with_field(client):
    r = client.post("/v1/credentials", json={"external_id": "x", "title": "t", "kind": "diploma"})
    assert r.status_code == 422 and r.json()["field"] == "kind"
    r = client.post(
        "/v1/credentials", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert r.status_code == 422 and r.json()["field"] == "body"
    r = client.post("/v1/credentials", json=[{}] * 2, params={"format": "pdf"})
    assert r.status_code == 422 and r.json()["field"] == "query.format"


def test_batch_over_the_limit_is_422(client, settings):
    docs = [{"external_id": f"big{i}", "title": "t"} for i in range(settings.max_batch_records + 1)]
    r = client.post("/v1/credentials", json=docs)
    assert r.status_code == 422 and r.json()["field"] == "body"


def test_unknown_ids_are_404(client):
    for path in (
        "/v1/credentials/999999",
        "/v1/credentials/999999/skills",
        "/v1/postings/999999",
        "/v1/postings/999999/skills",
    ):
        assert client.get(path).status_code == 404, path
    assert client.delete("/v1/postings/999999").status_code == 404


def test_postings_round_trip_with_occupation_and_stated_skills(client):
    doc = {
        "external_id": "api:job1",
        "title": "software developer",
        "description": "We build web services in Python and PostgreSQL.",
        "skills": [
            {"label": "PostgreSQL", "relation": "essential"},
            {"label": "Python (computer programming)", "relation": "optional"},
        ],
    }
    r = client.post("/v1/postings", json=doc)
    assert r.status_code == 201, r.text
    pid = r.json()["items"][0]["id"]
    body = client.get(f"/v1/postings/{pid}").json()
    assert body["occupation"]["preferred_label"] == "software developer"
    rel = {s["preferred_label"]: s["relation"] for s in body["skills"] if s["origin"] == "explicit"}
    assert rel == {"PostgreSQL": "essential", "Python (computer programming)": "optional"}
    hits = client.get("/v1/postings", params={"q": "Python web services"}).json()["items"]
    assert hits[0]["external_id"] == "api:job1"
    assert client.post("/v1/postings", json=doc).json()["items"][0]["status"] == "unchanged"


def test_extraction_policy_always_adds_extracted_skills_to_stated_ones(runtime):
    from service.ingest.pipeline import Ingestor

    old = runtime.settings
    runtime.settings = old.model_copy(update={"ingest_extract": "always"})
    try:
        res = Ingestor(runtime, "credential").ingest(
            [
                {
                    "external_id": "api:always",
                    "title": "PostgreSQL and Python",
                    "description": "Write SQL for PostgreSQL.",
                    "skills": [{"label": "Python (computer programming)"}],
                }
            ]
        )
    finally:
        runtime.settings = old
    from sqlmodel import Session

    from service.repo.records import record_skills

    with Session(runtime.engine) as s:
        skills = record_skills(s, kind="credential", record_id=res.items[0].id)
    origins = {x.preferred_label: x.origin for x in skills}
    assert origins["Python (computer programming)"] == "explicit"
    assert origins.get("PostgreSQL") == "extracted"
    extracted = [x for x in skills if x.origin == "extracted"]
    assert all(x.weight < 1.0 and 0 < x.confidence <= 1.0 for x in extracted)
