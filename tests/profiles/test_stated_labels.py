"""Stated skill names through ingest and the API: each is kept with what it became (linked,
doubtful, unlinked), links carry the name and its confidence, unlinked names are visible on the
record and searchable, never stored as a skill; the same rules for a learner's declarations."""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import replace

import pytest
from sqlalchemy import func, select
from sqlmodel import Session

UNLINKED = "Xqzvw"  # a name that is no label


@contextmanager
def thresholds(runtime, **values):
    """The linker's stated-name thresholds set for a while. The hashing encoder's scores mean
    nothing, so the tests set the bands they need: by default, only an exact label links."""
    values = values or {"stated_link_min": 9.0, "stated_doubt_min": 9.0, "stated_short_min": 9.0}
    saved = runtime.linker.config
    runtime.linker.config = replace(saved, **values)
    try:
        yield
    finally:
        runtime.linker.config = saved


def _doc(ext: str, labels: list[str], title: str = "Relational schemas (stated names)") -> dict:
    return {
        "external_id": ext,
        "kind": "course",
        "title": title,
        "description": "Schemas, keys and queries.",
        "skills": [{"label": label} for label in labels],
    }


@pytest.fixture(scope="module")
def stated(client, runtime):
    with thresholds(runtime):
        r = client.post("/v1/credentials", json=[_doc("stated:a", ["PostgreSQL", UNLINKED])])
    assert r.status_code == 201, r.text
    return r.json()["items"][0]


def test_an_unlinked_name_is_a_warning_and_a_label_never_a_skill(client, stated):
    warnings = {w["field"]: w["message"] for w in stated["warnings"]}
    assert "kept as an unlinked label" in warnings["skills[1].label"]
    assert "skills[0].label" not in warnings  # an exact label: a sure link
    rec = client.get(f"/v1/credentials/{stated['id']}").json()
    assert [(s["position"], s["label"], s["status"]) for s in rec["stated"]] == [
        (0, "PostgreSQL", "linked"),
        (1, UNLINKED, "unlinked"),
    ]
    unlinked = rec["stated"][1]
    assert unlinked["skill_id"] is None and "unlinked label" in unlinked["note"]
    skills = {s["preferred_label"]: s for s in rec["skills"]}
    assert set(skills) == {"PostgreSQL"}  # nothing stored for the unlinked name
    assert skills["PostgreSQL"]["label"] == "PostgreSQL"
    assert skills["PostgreSQL"]["confidence"] == 1.0 == rec["stated"][0]["confidence"]
    assert skills["PostgreSQL"]["origin"] == "explicit"
    assert client.get(f"/v1/credentials/{stated['id']}/skills").json()[0]["label"] == "PostgreSQL"


def test_a_stated_name_is_searchable_in_any_case_linked_or_not(client, stated):
    for label in (UNLINKED, UNLINKED.upper(), f"  {UNLINKED.lower()} "):
        items = client.get("/v1/credentials", params={"label": label}).json()["items"]
        assert [i["id"] for i in items] == [stated["id"]], label
    # other tests' records state "PostgreSQL" too: each one found states it
    both = {"label": "postgresql", "external_id": "stated:a"}
    assert [i["id"] for i in client.get("/v1/credentials", params=both).json()["items"]] == [
        stated["id"]
    ]
    items = client.get("/v1/credentials", params={"label": "postgresql"}).json()
    assert items["items"]
    for i in items["items"]:
        labels = [
            s["label"].lower() for s in client.get(f"/v1/credentials/{i['id']}").json()["stated"]
        ]
        assert "postgresql" in labels
    assert client.get("/v1/credentials", params={"label": "a\x00b"}).status_code == 200
    for label in ("%", "Xqz%", "' OR 1=1 --", "Xqzv"):  # no pattern, no injection, whole names
        assert client.get("/v1/credentials", params={"label": label}).json()["items"] == []
    r = client.get("/v1/credentials", params={"label": "x" * 513})
    assert r.status_code == 422 and "label" in r.text


def test_a_doubtful_link_is_stored_with_its_warning_and_confidence(client, runtime):
    # every link that is not an exact label falls in the doubtful band
    band = {"stated_link_min": 9.0, "stated_doubt_min": -9.0, "stated_short_min": -9.0}
    with thresholds(runtime, **band):
        r = client.post("/v1/credentials", json=[_doc("stated:doubt", ["database design course"])])
    item = r.json()["items"][0]
    (warning,) = item["warnings"]
    assert warning["field"] == "skills[0].label" and "with a doubt" in warning["message"]
    rec = client.get(f"/v1/credentials/{item['id']}").json()
    (entry,) = rec["stated"]
    assert entry["status"] == "doubtful" and entry["skill_id"] is not None
    (skill,) = [s for s in rec["skills"] if s["origin"] == "explicit"]
    assert skill["id"] == entry["skill_id"] and skill["label"] == "database design course"
    assert skill["confidence"] == entry["confidence"] <= 0.7


def test_labels_are_replaced_on_update_and_go_with_the_record(client, runtime):
    from models.tables import CredentialLabel

    with thresholds(runtime):
        first = client.post("/v1/credentials", json=[_doc("stated:upd", [UNLINKED, "SQL"])])
    first = first.json()
    rid = first["items"][0]["id"]
    again = client.post("/v1/credentials", json=[_doc("stated:upd", ["SQL"], "SQL basics")])
    assert again.json()["items"][0]["status"] == "updated"
    rec = client.get(f"/v1/credentials/{rid}").json()
    assert [s["label"] for s in rec["stated"]] == ["SQL"]
    assert client.delete(f"/v1/credentials/{rid}").status_code == 204
    with Session(runtime.engine) as s:
        left = s.execute(
            select(func.count()).where(CredentialLabel.credential_id == rid)
        ).scalar_one()
    assert left == 0


def test_a_posting_keeps_its_stated_names_too(client, runtime):
    doc = {
        "external_id": "stated:post",
        "title": "Database administrator",
        "description": "Look after PostgreSQL databases.",
        "skills": [{"label": "PostgreSQL", "relation": "essential"}, {"label": UNLINKED}],
    }
    with thresholds(runtime):
        item = client.post("/v1/postings", json=[doc]).json()["items"][0]
    rec = client.get(f"/v1/postings/{item['id']}").json()
    assert [s["status"] for s in rec["stated"]] == ["linked", "unlinked"]
    found = client.get("/v1/postings", params={"label": UNLINKED}).json()["items"]
    assert [p["id"] for p in found] == [item["id"]]


def test_declared_names_carry_their_link_and_an_unlinked_one_only_warns(client, runtime):
    from sqlalchemy import select as sel

    from models.tables import Occupation

    with Session(runtime.engine) as s:
        occ = s.execute(sel(Occupation.id).limit(1)).scalar_one()
    body = {
        "learner": {"skills": ["PostgreSQL", UNLINKED]},
        "target": {"occupation_id": occ},
    }
    with thresholds(runtime):
        out = client.post("/v1/gap", json=body).json()
    warnings = {w["field"]: w["message"] for w in out["learner"]["warnings"]}
    assert "kept as an unlinked label" in warnings["learner.skills[1]"]
    declared = [
        e for s in out["learner"]["skills"] for e in s["evidence"] if e["source"] == "declared"
    ]
    assert [(e["text"], e["link_confidence"]) for e in declared] == [("PostgreSQL", 1.0)]
    assert declared[0]["confidence"] == pytest.approx(runtime.settings.trust_declared)


def test_a_record_whose_stated_names_all_stay_unlinked_gets_skills_from_its_text(client, runtime):
    assert runtime.settings.ingest_extract == "if_no_explicit"
    with thresholds(runtime):
        r = client.post("/v1/credentials", json=[_doc("stated:none", [UNLINKED, "Qwxzk"])])
    rec = client.get(f"/v1/credentials/{r.json()['items'][0]['id']}").json()
    assert [s["status"] for s in rec["stated"]] == ["unlinked", "unlinked"]
    assert rec["skills"] and {s["origin"] for s in rec["skills"]} == {"extracted"}
