"""Jobs a learner names: read from a text by POST /v1/skills/extract (jobs: true), and sent by
ESCO occupation URI as learner.jobs, where each counts as a job read from learner.text does."""

from __future__ import annotations

import pytest
from sqlmodel import Session, select

from models.tables import Occupation, OccupationSkill, Skill
from service.profiles.experience import CONFIDENCE

OCCUPATION = "http://data.europa.eu/esco/occupation/no-such-occupation"

# every endpoint that takes a learner
LEARNER_ENDPOINTS = [
    ("/v1/gap", True),
    ("/v1/recommendations", True),
    ("/v1/recommendations/export", True),
    ("/v1/roles/suggest", False),
]


@pytest.fixture(scope="module")
def job(runtime):
    """An occupation with essential ESCO skills: (uri, label, the essential skills' URIs)."""
    with Session(runtime.engine) as s:
        for occ in s.exec(select(Occupation).order_by(Occupation.id)).all():
            uris = s.exec(
                select(Skill.uri)
                .join(OccupationSkill, OccupationSkill.skill_id == Skill.id)
                .where(
                    OccupationSkill.occupation_id == occ.id,
                    OccupationSkill.relation == "essential",
                    OccupationSkill.source == "esco",
                )
            ).all()
            if len(uris) >= 3:
                return occ.uri, occ.preferred_label, set(uris)
    pytest.skip("the mini taxonomy has no occupation with three essential skills")


def _body(url: str, learner: dict, target_uri: str) -> dict:
    if url.endswith("/roles/suggest"):
        return {"learner": learner}
    body = {"learner": learner, "target": {"occupation_uri": target_uri}}
    return body | {"format": "csv"} if url.endswith("/export") else body


def _gap(client, learner: dict, target_uri: str) -> dict:
    r = client.post("/v1/gap", json=_body("/v1/gap", learner, target_uri))
    assert r.status_code == 200, r.text
    return r.json()


# ----------------------------------------------------------------- extract reads the jobs


def test_extract_with_jobs_names_the_job_its_words_and_its_essential_skills(client, job):
    uri, label, essentials = job
    text = f"{label.capitalize()} for six years: long shifts."
    r = client.post("/v1/skills/extract", json={"text": text, "jobs": True})
    assert r.status_code == 200, r.text
    (read,) = r.json()["jobs"]
    assert read["occupation"]["uri"] == uri
    assert read["occupation"]["preferred_label"] == label
    assert text[read["start"] : read["end"]] == read["phrase"] == label.capitalize()
    assert read["n_essential"] >= len(essentials) and 0.85 <= read["score"] <= 1.0


def test_extract_without_jobs_answers_as_before(client, job):
    text = f"{job[1].capitalize()} for six years: long shifts."
    for body in ({"text": text}, {"text": text, "jobs": False}, {"texts": [text]}):
        r = client.post("/v1/skills/extract", json=body)
        assert r.status_code == 200, r.text
        results = r.json().get("results", [r.json()])
        assert all("jobs" not in res for res in results), r.text


def test_a_batch_with_jobs_reads_each_texts_jobs(client, job):
    text = f"{job[1].capitalize()} for six years."
    body = {"texts": [text, "Qwxzv plorb for years."], "jobs": True}
    r = client.post("/v1/skills/extract", json=body)
    assert r.status_code == 200, r.text
    first, second = r.json()["results"]
    assert [j["occupation"]["uri"] for j in first["jobs"]] == [job[0]] and second["jobs"] == []


@pytest.mark.parametrize("jobs", ["yes", 1, None, "true"])
def test_extract_jobs_is_a_boolean(client, jobs):
    r = client.post("/v1/skills/extract", json={"text": "Barista", "jobs": jobs})
    assert r.status_code == 422 and r.json()["field"] == "body.jobs", r.text


# ----------------------------------------------------------------- learner.jobs counts them


def test_a_job_sent_counts_its_essential_skills_as_weak_text_evidence(client, runtime, job):
    uri, label, essentials = job
    before = _gap(client, {"skills": []}, uri)
    after = _gap(client, {"jobs": [uri]}, uri)
    assert before["gap"]["coverage_held"] == 0 < after["gap"]["coverage_held"]
    held = {s["uri"]: s for s in after["learner"]["skills"]}
    assert essentials <= set(held)
    want = runtime.settings.trust_text * CONFIDENCE
    for u in essentials:
        (ev,) = held[u]["evidence"]
        assert ev["kind"] == "text" and ev["text"] == label
        assert ev["confidence"] == pytest.approx(want, abs=1e-3)
    items = {i["label"]: i for i in after["gap"]["items"]}
    assert all(i["weak"] for i in items.values() if i["held"])


def test_a_job_sent_and_read_from_the_text_counts_once(client, job):
    uri, label, essentials = job
    text = f"{label.capitalize()} for six years: long shifts."
    both = _gap(client, {"jobs": [uri, uri], "text": text}, uri)
    for s in both["learner"]["skills"]:
        if s["uri"] in essentials:
            quoting = [e for e in s["evidence"] if e["text"].lower() == label.lower()]
            assert len(quoting) == 1, s
    once = _gap(client, {"jobs": [uri]}, uri)
    twice = _gap(client, {"jobs": [uri, uri]}, uri)
    assert once["learner"] == twice["learner"] and once["gap"] == twice["gap"]


def test_roles_suggest_takes_jobs_as_evidence_alone(client, job):
    r = client.post("/v1/roles/suggest", json={"learner": {"jobs": [job[0]]}})
    assert r.status_code == 200, r.text
    assert {s["uri"] for s in r.json()["learner"]["skills"]} >= job[2]


# ----------------------------------------------------------------- hostile learner.jobs


def _skill_uri(runtime) -> str:
    with Session(runtime.engine) as s:
        return s.exec(select(Skill.uri).where(Skill.source == "esco")).first()


@pytest.mark.parametrize(("url", "_target"), LEARNER_ENDPOINTS)
def test_a_uri_that_is_no_occupations_is_refused_naming_it(client, runtime, job, url, _target):
    """An occupation URI none has is a 404, as an unknown skill URI of learner.skills is; what
    is no ESCO occupation URI at all (a skill's, a title) the schema refuses with a 422."""
    skill = _skill_uri(runtime)
    unknown = "http://data.europa.eu/esco/occupation/no-such-occupation"
    for jobs, status, field, words in [
        ([job[0], unknown], 404, "learner.jobs[1]", "no ESCO occupation has the URI"),
        ([job[0], job[0], skill], 422, "body.learner.jobs.2", "a skill's URI, not an occupation"),
        (["barista"], 422, "body.learner.jobs.0", "not an ESCO occupation URI"),
        (["urn:onet:technology:123"], 422, "body.learner.jobs.0", "a skill's URI"),
    ]:
        r = client.post(url, json=_body(url, {"jobs": jobs}, job[0]))
        assert r.status_code == status, r.text
        assert r.json()["field"] == field and words in r.json()["detail"], r.text


@pytest.mark.parametrize(("url", "_target"), LEARNER_ENDPOINTS)
@pytest.mark.parametrize(
    ("jobs", "field"),
    [
        ([OCCUPATION] * 11, "body.learner.jobs"),
        ([OCCUPATION, 5], "body.learner.jobs.1"),
        ([OCCUPATION + "x" * 10_000], "body.learner.jobs.0"),
        (["x" * 10_000], "body.learner.jobs.0"),
        ([""], "body.learner.jobs.0"),
        (["   "], "body.learner.jobs.0"),
        (OCCUPATION, "body.learner.jobs"),
        ([None], "body.learner.jobs.0"),
        ([[OCCUPATION]], "body.learner.jobs.0"),
        ([{"uri": OCCUPATION}], "body.learner.jobs.0"),
    ],
)
def test_a_malformed_jobs_list_is_a_422_naming_the_field(client, job, url, _target, jobs, field):
    r = client.post(url, json=_body(url, {"jobs": jobs, "skills": ["SQL"]}, job[0]))
    assert r.status_code == 422, r.text
    assert r.json()["field"] == field, r.text
