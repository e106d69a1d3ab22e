"""A stored CV read for a role (service/profiles/role_reading.py `readings_to_store`, source
"text:role"): saved with the candidate, counted by a ranking only for a skill the opening asks
for (both ways: an opening's candidates, a candidate's openings), shown with its span, never in
the candidate's own skill list, and removable as any skill is."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import numpy as np
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlmodel import Session

from indexing.encoder import normalize_rows
from indexing.extract import units
from indexing.role_reading import plain_readings, read_for_skills
from models.employer import CandidateIn
from models.tables import ROLE_READING_SOURCE, Candidate, CandidateSkill, Skill, Tenant
from service.employer.candidates import save_candidate
from service.employer.tenants import create_key, create_tenant
from tests.utils.queries import essential_skills

LOOSE = {"min_score": 0.0, "max_rank": 4, "margin": 10.0}


def _skill_id(runtime, uri: str) -> int:
    with Session(runtime.engine) as s:
        return s.execute(select(Skill.id).where(Skill.uri == uri)).scalar_one()


@pytest.fixture(scope="module")
def setup(app, runtime):
    _oid, ess = essential_skills(runtime.engine, "data scientist")
    with Session(runtime.engine) as s:
        tenant = create_tenant(s, "initech")
        _row, key = create_key(s, tenant.id, ["write"])
        tenant_id = tenant.id
    c = TestClient(app, headers={"Authorization": f"Bearer {key}"})
    opening = {"external_id": "rr-1", "title": "Data scientist", "description": "",
               "skills": [{"uri": u, "relation": "essential"} for u in ess[:3]]}  # fmt: skip
    r = c.post("/v1/postings", json=opening)
    assert r.status_code == 201, r.text
    post = r.json()["items"][0]["id"]
    ids = {}
    for name in ("Dee", "Eve"):  # the same declared skill; Dee's CV also reads as ess[1]
        r = c.post("/v1/candidates", json={"name": name, "skills": [ess[0]]})
        assert r.status_code == 201, r.text
        ids[name] = r.json()["id"]
    read, other = _skill_id(runtime, ess[1]), _skill_id(runtime, ess[5])
    with Session(runtime.engine) as s:
        for sid in (read, other):  # ess[5]: a reading of a skill the opening does not ask for
            row = CandidateSkill(
                candidate_id=ids["Dee"],
                skill_id=sid,
                confidence=0.6,
                source=ROLE_READING_SOURCE,
                evidence="I crunch the numbers",
            )
            s.add(row)
        cand = s.get(Candidate, ids["Dee"])
        cand.updated_at = datetime.now(UTC)  # the pool is read anew
        s.add(cand)
        s.commit()
    return {"c": c, "post": post, "ids": ids, "read": read, "other": other, "ess": ess,
            "tenant_id": tenant_id}  # fmt: skip


def _ranked(setup) -> dict[str, dict]:
    r = setup["c"].post(f"/v1/openings/{setup['post']}/candidates", json={"limit": 10})
    assert r.status_code == 200, r.text
    return {i["candidate"]["name"]: i for i in r.json()["items"]}


def test_an_opening_counts_a_reading_of_a_skill_it_asks_for(setup):
    got = _ranked(setup)
    dee, eve = got["Dee"], got["Eve"]
    assert dee["coverage"] > eve["coverage"] > 0
    matched = {m["skill_id"]: m for m in dee["matched"]}
    assert setup["read"] in matched and setup["read"] not in {m["skill_id"] for m in eve["matched"]}
    (ev,) = matched[setup["read"]]["evidence"]
    assert ev["source"] == ROLE_READING_SOURCE and ev["text"] == "I crunch the numbers"
    assert setup["read"] not in {m["skill_id"] for m in dee["missing_essential"]}
    # the reading of a skill the opening does not ask for earns nothing, not even as a neighbour
    assert all((m["via"] or {}).get("skill_id") != setup["other"] for m in dee["matched"])
    assert setup["other"] not in matched


def test_a_candidates_openings_count_it_too(setup):
    def coverage(name: str) -> float:
        cid = setup["ids"][name]
        r = setup["c"].post(f"/v1/candidates/{cid}/openings", json={"limit": 50})
        assert r.status_code == 200, r.text
        (item,) = [i for i in r.json()["items"] if i["opening"]["id"] == setup["post"]]
        return item["coverage"]

    assert coverage("Dee") > coverage("Eve") > 0


def test_the_candidates_own_skills_do_not_list_readings(setup):
    r = setup["c"].get(f"/v1/candidates/{setup['ids']['Dee']}")
    assert r.status_code == 200, r.text
    shown = {s["skill_id"] for s in r.json()["skills"]}
    assert shown and setup["read"] not in shown and setup["other"] not in shown
    readings = {s["skill_id"]: s for s in r.json()["readings"]}  # listed apart, with the span
    assert set(readings) == {setup["read"], setup["other"]}
    (ev,) = readings[setup["read"]]["evidence"]
    assert ev["source"] == ROLE_READING_SOURCE and ev["text"] == "I crunch the numbers"


def test_a_reading_is_removed_as_any_skill_is(setup):
    cid = setup["ids"]["Dee"]
    r = setup["c"].patch(f"/v1/candidates/{cid}/skills", json={"remove": [setup["read"]]})
    assert r.status_code == 200, r.text
    assert setup["read"] not in {s["skill_id"] for s in r.json()["readings"]}
    got = _ranked(setup)
    assert got["Dee"]["coverage"] == pytest.approx(got["Eve"]["coverage"])


def test_a_saved_cv_stores_exactly_the_readings_extraction_did_not_make(runtime):
    skills = list(runtime.skills.values())
    a, b, c = skills[3], skills[7], skills[11]
    text = f"I {a.preferred_label} at work. Also {b.preferred_label}, and {c.preferred_label}."
    loose = runtime.settings.model_copy(
        update={
            "role_reading_min_score": 0.0,
            "role_reading_margin": 10.0,
            "role_reading_max_rank": 4,
        }  # fmt: skip
    )
    rt = replace(runtime, settings=loose)
    with Session(runtime.engine) as s:
        tenant = s.execute(select(Tenant).where(Tenant.name == "initech")).scalar_one_or_none()
        tenant = tenant or create_tenant(s, "initech")
        cid = save_candidate(rt, s, tenant.id, CandidateIn(name="Flo", text=text))
        rows = s.execute(select(CandidateSkill).where(CandidateSkill.candidate_id == cid)).all()
    rows = [r[0] for r in rows]
    held = {r.skill_id for r in rows if r.source != ROLE_READING_SOURCE}
    stored = {r.skill_id for r in rows if r.source == ROLE_READING_SOURCE}
    assert stored and not stored & held
    expected = {r.skill_id for r in plain_readings(runtime.linker, text, **LOOSE)} - held
    assert stored == expected
    for r in rows:
        if r.source == ROLE_READING_SOURCE:
            assert r.evidence in text and 0 < r.confidence <= loose.trust_text


def _brute_force(linker, text, *, min_score, max_rank, margin):
    """The module docstring's rule, skill by skill over the whole units x skills matrix."""
    pairs = units(text)
    q = normalize_rows(linker.encoder.encode_queries([u.text for _, u in pairs]))
    dense = linker.views.dense(q, linker.config.description_weight)
    best = dense.max(axis=1)
    out = set()
    for row, skill in enumerate(linker.skills):
        col = dense[:, row]
        u = int(np.argmax(col))
        score = float(col[u])
        rank = int((dense[u] > score).sum())
        if score >= min_score and score >= float(best[u]) - margin and rank <= max_rank:
            out.add((skill.id, rank, pairs[u][1].text))
    return out


@pytest.mark.parametrize("chunk", [1, 2, 32])
def test_plain_readings_follow_the_rule_for_every_skill(runtime, monkeypatch, chunk):
    import indexing.role_reading as rr

    monkeypatch.setattr(rr, "UNIT_CHUNK", chunk)  # chunk borders must not change the answer
    skills = list(runtime.skills.values())
    text = f"I {skills[2].preferred_label}. Then {skills[9].preferred_label} and more. Also this."
    for floors in (LOOSE, {**LOOSE, "max_rank": 0}, {**LOOSE, "margin": 0.05}):
        got = plain_readings(runtime.linker, text, **floors)
        assert got, floors
        assert {(r.skill_id, r.rank, r.evidence.text) for r in got} == _brute_force(
            runtime.linker, text, **floors
        )
        ids = [r.skill_id for r in got][::2]
        assert read_for_skills(runtime.linker, text, [*ids, -1], **floors) == [
            r for r in got if r.skill_id in ids
        ]
    some = {r.skill_id for r in plain_readings(runtime.linker, text, **LOOSE)}
    left = plain_readings(runtime.linker, text, **LOOSE, exclude=some)
    assert some and not left
    assert plain_readings(runtime.linker, text, **{**LOOSE, "max_rank": -1}) == []


def test_a_reading_is_never_a_neighbour_of_another_asked_skill(setup, runtime):
    """A reading counts for the skill it reads, at full credit, and gives no partial credit to
    another skill the opening asks for, though another candidate holds it (so it is among the
    pool's neighbours of that skill)."""
    from service.profiles.neighbours import neighbours

    ess = setup["ess"]
    ids = [_skill_id(runtime, u) for u in ess]
    with Session(runtime.engine) as s:
        pair = next(
            (
                (r, o)
                for r in ids
                for o in ids
                if o != r and neighbours(runtime, s, [r], [o]).get(r)
            ),
            None,
        )
    if pair is None:
        pytest.skip("no two essential skills of the mini role are neighbours")
    r, o = pair
    uri = dict(zip(ids, ess, strict=True))
    c = setup["c"]
    opening = {"external_id": "rr-2", "title": "Data scientist", "description": "",
               "skills": [{"uri": uri[r], "relation": "essential"},
                          {"uri": uri[o], "relation": "essential"}]}  # fmt: skip
    post = c.post("/v1/postings", json=opening).json()["items"][0]["id"]
    assert c.post("/v1/candidates", json={"name": "Hal", "skills": [uri[o]]}).status_code == 201
    gus = c.post("/v1/candidates", json={"name": "Gus", "skills": []}).json()["id"]
    with Session(runtime.engine) as s:
        s.add(CandidateSkill(candidate_id=gus, skill_id=o, confidence=0.6,
                             source=ROLE_READING_SOURCE, evidence="o"))  # fmt: skip
        cand = s.get(Candidate, gus)
        cand.updated_at = datetime.now(UTC)
        s.add(cand)
        s.commit()
    # an opening that asks for r alone first: the pool keeps o among r's neighbours (cached per
    # pool version), which the second opening, asking for both, then reads
    only_r = {**opening, "external_id": "rr-3", "skills": opening["skills"][:1]}
    first = c.post("/v1/postings", json=only_r).json()["items"][0]["id"]
    assert c.post(f"/v1/openings/{first}/candidates", json={"limit": 5}).status_code == 200
    r_ = c.post(f"/v1/openings/{post}/candidates", json={"limit": 50})
    assert r_.status_code == 200, r_.text
    (item,) = [i for i in r_.json()["items"] if i["candidate"]["id"] == gus]
    matched = {m["skill_id"]: m for m in item["matched"]}
    assert o in matched and r not in matched, matched
    assert r in {m["skill_id"] for m in item["missing_essential"]}
    assert item["coverage"] == pytest.approx(0.6 / 2, abs=1e-3)  # o read at 0.6, r nothing
