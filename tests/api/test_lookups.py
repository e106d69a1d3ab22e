"""Item 5 of issue 19: skills and occupations by URI, held credentials by external id, and batch
extraction (bounded: too many texts, too long, empty, both forms at once)."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlmodel import Session

from models.tables import Occupation, Skill
from models.taxonomy import MAX_EXTRACT_TEXTS
from tests.utils.errors import assert_error
from tests.utils.queries import essential_skills


def _row(runtime, table, label: str):
    with Session(runtime.engine) as s:
        return s.execute(select(table).where(table.preferred_label == label)).scalar_one()


def test_skill_by_uri_is_the_skill_by_id(client, runtime):
    skill = _row(runtime, Skill, "PostgreSQL")
    by_uri = client.get("/v1/skills/lookup", params={"uri": skill.uri})
    assert by_uri.status_code == 200, by_uri.text
    assert by_uri.json() == client.get(f"/v1/skills/{skill.id}").json()


def test_esco_uri_with_https_and_a_trailing_slash_is_found(client, runtime):
    skill = _row(runtime, Skill, "PostgreSQL")
    assert skill.uri.startswith("http://data.europa.eu/esco/")
    uri = "https://" + skill.uri[len("http://") :] + "/"
    r = client.get("/v1/skills/lookup", params={"uri": uri})
    assert r.status_code == 200, r.text
    assert r.json()["uri"] == skill.uri


def test_onet_skill_by_urn(client, runtime):
    with Session(runtime.engine) as s:
        onet = s.execute(select(Skill).where(Skill.source == "onet").limit(1)).scalar_one()
    r = client.get("/v1/skills/lookup", params={"uri": onet.uri})
    assert r.status_code == 200 and r.json()["source"] == "onet"


def test_occupation_by_uri_is_the_occupation_by_id(client, runtime):
    occ = _row(runtime, Occupation, "data scientist")
    r = client.get("/v1/occupations/lookup", params={"uri": occ.uri})
    assert r.status_code == 200, r.text
    assert r.json() == client.get(f"/v1/occupations/{occ.id}").json()
    assert r.json()["essential_skills"]


@pytest.mark.parametrize("path", ["/v1/skills/lookup", "/v1/occupations/lookup"])
@pytest.mark.parametrize(
    ("uri", "status"),
    [
        ("http://data.europa.eu/esco/skill/00000000-0000-0000-0000-000000000000", 404),
        ("not a uri at all", 404),
        ("' OR 1=1 --", 404),
        ("", 422),
        ("   ", 422),
        ("x" * 513, 422),
    ],
)
def test_lookup_of_an_unknown_or_bad_uri(anon, path, uri, status):
    r = anon.get(path, params={"uri": uri})
    assert_error(r, status, "uri" if status == 404 else "query.uri")


@pytest.mark.parametrize("path", ["/v1/skills/lookup", "/v1/occupations/lookup"])
def test_lookup_without_a_uri_names_the_parameter(anon, path):
    assert_error(anon.get(path), 422, "query.uri")


def test_a_skill_uri_is_no_occupation(anon, runtime):
    skill = _row(runtime, Skill, "PostgreSQL")
    assert_error(anon.get("/v1/occupations/lookup", params={"uri": skill.uri}), 404, "uri")


# ------------------------------------------------------------------ held credentials by id


@pytest.fixture(scope="module")
def held(client, runtime):
    oid, ess = essential_skills(runtime.engine, "data scientist")
    doc = {
        "external_id": "https://badges.example.org/achievements/lookup-held",
        "title": "Lookup held badge",
        "kind": "badge",
        "hours": 4,
        "skills": [{"uri": u} for u in ess[:3]],
    }
    r = client.post("/v1/credentials", json=[doc])
    assert r.status_code in (200, 201), r.text
    return {"occupation_id": oid, "id": r.json()["items"][0]["id"], "ext": doc["external_id"]}


def _gap(client, learner: dict, oid: int) -> dict:
    r = client.post("/v1/gap", json={"learner": learner, "target": {"occupation_id": oid}})
    assert r.status_code == 200, r.text
    return r.json()["gap"]


def test_a_credential_held_by_external_id_counts_as_by_id(client, held):
    by_ref = _gap(client, {"credential_refs": [held["ext"]]}, held["occupation_id"])
    by_id = _gap(client, {"credentials": [held["id"]]}, held["occupation_id"])
    nothing = _gap(client, {}, held["occupation_id"])
    assert by_ref == by_id
    assert by_ref["counts"]["covered"] >= 3 > nothing["counts"]["covered"]
    both = {"credentials": [held["id"]], "credential_refs": [held["ext"]]}
    assert _gap(client, both, held["occupation_id"]) == by_id  # held once, named twice


def test_recommendations_and_roles_take_external_ids(client, held):
    body = {
        "learner": {"credential_refs": [held["ext"]]},
        "target": {"occupation_id": held["occupation_id"]},
    }
    plan = client.post("/v1/recommendations", json=body).json()["plan"]
    assert held["ext"] not in {s["credential"]["external_id"] for s in plan["steps"]}
    r = client.post("/v1/roles/suggest", json={"learner": {"credential_refs": [held["ext"]]}})
    assert r.status_code == 200, r.text


@pytest.mark.parametrize(
    ("refs", "status", "field"),
    [
        (["no-such-credential"], 404, "learner.credential_refs[0]"),
        (["", "x"], 422, "body.learner.credential_refs.0"),
        (["bad\u0000id"], 422, "body.learner.credential_refs.0"),
        (["x" * 513], 422, "body.learner.credential_refs.0"),
        (["x"] * 201, 422, "body.learner.credential_refs"),
        ("m:held", 422, "body.learner.credential_refs"),
        ([7], 422, "body.learner.credential_refs.0"),
    ],
)
def test_bad_external_ids_name_the_field(client, held, refs, status, field):
    body = {"learner": {"credential_refs": refs}, "target": {"occupation_id": 1}}
    assert_error(client.post("/v1/gap", json=body), status, field)


# ------------------------------------------------------------------------- batch extraction


def test_a_batch_answers_one_result_per_text_as_single_calls_do(client):
    texts = ["You know PostgreSQL and Docker.", "Adobe Photoshop for posters.", "Nothing here."]
    r = client.post("/v1/skills/extract", json={"texts": texts, "max_skills": 5})
    assert r.status_code == 200, r.text
    results = r.json()["results"]
    assert len(results) == 3
    for text, got in zip(texts, results, strict=True):
        one = client.post("/v1/skills/extract", json={"text": text, "max_skills": 5}).json()
        assert got == one and got["n_chars"] == len(text)
    assert "PostgreSQL" in {s["preferred_label"] for s in results[0]["skills"]}


def test_the_single_form_is_unchanged(client):
    r = client.post("/v1/skills/extract", json={"text": "PostgreSQL"})
    assert r.status_code == 200 and set(r.json()) == {"n_chars", "skills"}


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"texts": ["a"] * (MAX_EXTRACT_TEXTS + 1)}, "body.texts"),
        ({"texts": []}, "body.texts"),
        ({"texts": ["PostgreSQL", ""]}, "body.texts.1"),
        ({"texts": ["PostgreSQL", " \n\t "]}, "body.texts.1"),
        ({"texts": ["PostgreSQL", None]}, "body.texts.1"),
        ({"texts": "PostgreSQL"}, "body.texts"),
        ({"texts": None}, "body.texts"),
        ({"text": "PostgreSQL", "texts": ["Docker"]}, "body"),
        ({}, "body"),
        ({"max_skills": 3}, "body"),
    ],
)
def test_hostile_batches_name_the_field(client, body, field):
    assert_error(client.post("/v1/skills/extract", json=body), 422, field)


def test_a_text_over_the_limit_in_a_batch_is_named_before_any_work(client, settings):
    texts = ["PostgreSQL", "x " * (settings.max_text_chars // 2 + 1)]
    r = client.post("/v1/skills/extract", json={"texts": texts})
    assert_error(r, 422, "texts[1]")


def test_without_a_key_each_text_of_a_batch_has_the_anonymous_limit(anon, settings):
    long = "y " * (settings.anonymous_max_text_chars // 2 + 1)
    r = anon.post("/v1/skills/extract", json={"texts": ["PostgreSQL", long]})
    body = assert_error(r, 422, "texts[1]")
    assert "without an API key" in str(body)
