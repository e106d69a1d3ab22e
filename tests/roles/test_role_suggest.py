"""POST /v1/roles/suggest: occupations ranked by the learner's essential coverage (the gap's
partial credit, held means held), with the ISCO filter, pages, the plan that closes each gap, and
its errors; and the vectorised score against the gap computed occupation by occupation."""

from __future__ import annotations

import math
import random

import numpy as np
import pytest
from sqlalchemy import select
from sqlmodel import Session

from models.tables import CredentialSkill, Occupation, OccupationSkill, Skill
from service.matching import GapConfig, LearnerProfile, compute_gap
from service.profiles.neighbours import neighbours, skill_hierarchy
from service.profiles.role import role_from_occupation
from service.roles import matrix as rm
from service.roles import score as rs
from service.roles.graph import between, skill_graph
from tests.utils.queries import essential_skills

URL = "/v1/roles/suggest"


def _suggest(client, body: dict, status: int = 200) -> dict:
    r = client.post(URL, json=body)
    assert r.status_code == status, r.text
    return r.json()


def _occupation_ids(runtime) -> dict[str, int]:
    with Session(runtime.engine) as s:
        return dict(s.execute(select(Occupation.preferred_label, Occupation.id)).all())


@pytest.fixture(scope="module")
def cook(client, runtime):
    """The cook's essential skills, and a course teaching the last two of them."""
    oid, ess = essential_skills(runtime.engine, "cook")
    assert len(ess) >= 6
    skills = [{"uri": u} for u in ess[-2:]]
    doc = {"external_id": "roles:cook-course", "title": "Kitchen course", "kind": "course",
           "hours": 7, "cost": 70, "currency": "EUR", "skills": skills}  # fmt: skip
    r = client.post("/v1/credentials", json=[doc])
    assert r.status_code in (200, 201), r.text
    return {"occupation_id": oid, "essential": ess, "course": r.json()["items"][0]["id"]}


# ------------------------------------------------------------------------------ the ranking


def test_the_occupation_whose_essentials_are_declared_comes_first(client, runtime, cook):
    out = _suggest(client, {"learner": {"skills": cook["essential"]}})
    first = out["items"][0]
    assert first["rank"] == 1 and first["occupation"]["id"] == cook["occupation_id"]
    assert first["occupation"]["isco_code"] == "5120" and first["occupation"]["uri"]
    n = len(cook["essential"])
    assert first["n_essential"] == n and first["counts"]["covered"] == n
    assert first["n_missing_essential"] == 0 and first["coverage_held"] == 1.0
    # held means held: covered whatever the trust; the trust weighs the coverage
    assert first["coverage"] == pytest.approx(runtime.settings.trust_declared)
    assert first["to_close"]["total_hours"] == 0 and first["to_close"]["credentials"] == []
    carried = first["carried_by"]
    assert 0 < len(carried) <= 5
    assert all(c["held"] and c["evidence_kinds"] == ["declared"] for c in carried)
    assert all(c["via"] is None for c in carried)
    scores = [i["score"] for i in out["items"]]
    assert scores == sorted(scores, reverse=True) and out["total"] >= len(out["items"])
    assert first["score"] == max(scores) > 0
    assert [i["rank"] for i in out["items"]] == list(range(1, len(out["items"]) + 1))


def test_a_suggested_role_says_whether_the_profession_is_regulated(client, runtime):
    nurse = "nurse responsible for general care"  # ESCO marks it regulated; cook is not
    oid, ess = essential_skills(runtime.engine, nurse)
    out = _suggest(client, {"learner": {"skills": ess}, "limit": 50})
    flags = {i["occupation"]["preferred_label"]: i["occupation"]["regulated"] for i in out["items"]}
    assert flags[nurse] is True
    assert set(flags.values()) == {True, False} and flags.get("cook", False) is False


def test_declared_skills_count_as_held_as_in_the_gap(client, runtime, cook):
    declared = cook["essential"][: len(cook["essential"]) // 2]
    learner = {"skills": declared, "trust": {"declared": 0.3}}
    out = _suggest(client, {"learner": learner, "limit": 50})
    item = next(i for i in out["items"] if i["occupation"]["id"] == cook["occupation_id"])
    assert item["counts"]["covered"] >= len(declared)
    gap = client.post(
        "/v1/gap", json={"learner": learner, "target": {"occupation_id": cook["occupation_id"]}}
    ).json()["gap"]
    ess = [i for i in gap["items"] if i["essential"]]
    total = sum(i["weight"] for i in ess)
    assert item["coverage"] == pytest.approx(sum(i["weight"] * i["credit"] for i in ess) / total,
                                             abs=1e-4)  # fmt: skip
    held = sum(i["weight"] for i in ess if i["status"] == "covered")
    assert item["coverage_held"] == pytest.approx(held / total, abs=1e-4)
    assert item["n_missing_essential"] == sum(1 for i in ess if i["status"] != "covered")
    assert sum(1 for i in ess if i["held"]) == len(declared)
    assert item["coverage"] < item["coverage_held"]  # weighed by the low trust, held all the same


def test_the_hours_and_cost_to_close_come_from_the_catalog_under_constraints(client, cook):
    learner = {"skills": cook["essential"][:-2]}
    item = _suggest(client, {"learner": learner})["items"][0]
    assert item["occupation"]["id"] == cook["occupation_id"]
    close = item["to_close"]
    assert item["n_missing_essential"] == 2 and close["planner"].startswith("greedy")
    assert cook["course"] in [c["id"] for c in close["credentials"]]
    assert close["total_hours"] == pytest.approx(sum(c["hours"] for c in close["credentials"]))
    assert close["total_cost"] == pytest.approx(sum(c["cost"] for c in close["credentials"]))
    assert close["feasible"] is True and close["coverage_after"] > item["coverage"]
    tight = _suggest(client, {"learner": learner, "constraints": {"max_hours": 1}})["items"][0]
    close = tight["to_close"]
    assert close["feasible"] is False and close["total_hours"] <= 1
    assert cook["course"] not in [c["id"] for c in close["credentials"]]
    assert {u["skill_id"] for u in close["unmet"]}  # what the budget leaves open is named


def test_what_the_catalog_cannot_teach_is_named(client, runtime):
    """The one essential skill the learner lacks is never dropped silently: under constraints no
    credential meets, it is named as `uncoverable` when no credential of the catalog teaches it
    (the mini catalog), else as `unmet` (other tests in the session may add a course for it)."""
    oid, ess = essential_skills(runtime.engine, "bricklayer")
    body = {
        "learner": {"skills": ess[:-1]},
        "isco_major": 7,
        "constraints": {"languages": ["zz-no-such-language"]},
    }
    item = next(i for i in _suggest(client, body)["items"] if i["occupation"]["id"] == oid)
    with Session(runtime.engine) as s:
        last = s.execute(select(Skill.id).where(Skill.uri == ess[-1])).scalar_one()
        taught = s.execute(
            select(CredentialSkill.credential_id).where(CredentialSkill.skill_id == last).limit(1)
        ).first()
    close = item["to_close"]
    assert item["n_missing_essential"] == 1
    uncoverable = [u["skill_id"] for u in close["uncoverable"]]
    unmet = [u["skill_id"] for u in close["unmet"]]
    if taught is None:
        assert uncoverable == [last] and close["credentials"] == []
        assert close["feasible"] is False and close["total_hours"] == 0
    else:
        assert uncoverable == [] and last in unmet


def test_a_neighbour_carries_the_match_with_its_evidence_kind(client, runtime):
    """A skill of the occupation that is not held gets the gap's partial credit from a held
    broader or narrower skill; the carrier names it and the learner's evidence kind."""
    matrix, hier = _matrix(runtime)
    found = []
    for row in range(len(matrix.occ_ids)):
        lo, hi = matrix.req_ptr[row], matrix.req_ptr[row + 1]
        required = set(matrix.req_skill[lo:hi].tolist())
        for sid in matrix.req_skill[lo:hi][matrix.req_essential[lo:hi]].tolist():
            found += [(row, sid, o) for o in sorted(hier.get(sid, set()) - required)]
    row, _sid, near = found[0]
    with Session(runtime.engine) as s:
        uri = s.get(Skill, near).uri
    learner = {"skills": [uri], "trust": {"declared": 1.0}}
    out = _suggest(client, {"learner": learner, "limit": 50})
    item = next(i for i in out["items"] if i["occupation"]["id"] == matrix.occ_ids[row])
    lent = [c for c in item["carried_by"] if not c["held"]]
    assert lent and all(
        c["via"] == {"skill_id": near, "label": s_label(runtime, near)} for c in lent
    )
    assert all(c["evidence_kinds"] == ["declared"] for c in lent)
    assert all(c["credit"] >= runtime.settings.partial_hierarchy_credit for c in lent)
    assert item["coverage_held"] == 0 and item["coverage"] > 0  # partial credit, nothing held


def s_label(runtime, sid: int) -> str:
    return runtime.skills[sid].preferred_label


# ------------------------------------------------------------------------- filter and pages


@pytest.mark.parametrize("major", [2, "2", [2], ["2", "5"], [5, "2"]])
def test_isco_major_filters_the_occupations(client, cook, major):
    learner = {"skills": cook["essential"] + ["Python (computer programming)", "SQL"]}
    out = _suggest(client, {"learner": learner, "isco_major": major, "limit": 50})
    wanted = {str(m) for m in (major if isinstance(major, list) else [major])}
    majors = {i["occupation"]["isco_code"][0] for i in out["items"]}
    assert out["items"] and majors <= wanted and out["total"] == len(out["items"])
    assert ("5" in wanted) == (
        cook["occupation_id"] in [i["occupation"]["id"] for i in out["items"]]
    )


def test_pages_follow_the_ranking_to_an_empty_page(client, cook):
    learner = {"skills": cook["essential"][:4] + ["Python (computer programming)", "SQL", "Git"]}
    whole = _suggest(client, {"learner": learner, "limit": 50})
    assert whole["total"] >= 3 and whole["next_cursor"] is None
    seen, cursor = [], None
    while True:
        page = _suggest(
            client, {"learner": learner, "limit": 2} | ({"cursor": cursor} if cursor else {})
        )
        seen += [(i["rank"], i["occupation"]["id"]) for i in page["items"]]
        assert page["total"] == whole["total"] and len(page["items"]) <= 2
        cursor = page["next_cursor"]
        if cursor is None:
            break
        assert cursor.isdigit()
    assert seen == [(i["rank"], i["occupation"]["id"]) for i in whole["items"]]
    for past in (str(whole["total"]), "9999999999"):
        end = _suggest(client, {"learner": learner, "limit": 2, "cursor": past})
        assert end["items"] == [] and end["next_cursor"] is None


def test_a_learner_whose_evidence_names_no_skill_gets_an_empty_ranking(client):
    out = _suggest(client, {"learner": {"badges": ["not.a.jwt"]}})  # fails: not counted
    assert out["total"] == 0 and out["items"] == [] and out["next_cursor"] is None
    assert [w["field"] for w in out["warnings"]] == ["learner"]
    assert out["learner"]["badges"][0]["status"] == "failed"
    assert [w["field"] for w in out["learner"]["warnings"]] == ["learner.badges[0]"]


# ------------------------------------------------------------------------------------ errors


def _error(client, body, field: str, status: int = 422) -> str:
    r = client.post(URL, json=body)
    assert r.status_code == status, r.text
    assert r.json()["field"] == field, r.text
    return r.json()["detail"]


@pytest.mark.parametrize(
    "learner",
    [{}, {"text": ""}, {"text": " \n\t "}, {"skills": []}, {"identifiers": ["a@b.c"]},
     {"trust": {"declared": 0.5}}, {"credentials": [], "badges": [], "text": "  "}],
)  # fmt: skip
def test_a_learner_without_evidence_is_refused_naming_it(client, learner):
    message = _error(client, {"learner": learner}, "body.learner")
    assert "learner gives no evidence" in message


def test_the_learner_is_required(client):
    assert "required" in _error(client, {"limit": 3}, "body.learner").lower()


@pytest.mark.parametrize(
    "major", [10, -1, "10", "a", "", " 2", "2 ", "٢", 2.5, True, [], ["2", "x"],
              [1] * 11, {"major": 2}, 1e308]
)  # fmt: skip
def test_a_bad_isco_major_is_refused(client, major):
    _error(
        client,
        {"learner": {"skills": ["SQL"]}, "isco_major": major},
        "body.isco_major",
    )


@pytest.mark.parametrize("limit", [0, 51, -1, "5", True, 2.5, 1e308, None])
def test_a_limit_out_of_range_is_refused(client, limit):
    _error(client, {"learner": {"skills": ["SQL"]}, "limit": limit}, "body.limit")


@pytest.mark.parametrize("cursor", ["abc", "-1", "1.5", "12345678901", "", 5, "１"])
def test_a_bad_cursor_is_refused(client, cursor):
    _error(client, {"learner": {"skills": ["SQL"]}, "cursor": cursor}, "body.cursor")


@pytest.mark.parametrize(
    ("body", "status", "field"),
    [
        ({"learner": {"credentials": [99999999]}}, 404, "learner.credentials[0]"),
        ({"learner": {"skills": ["http://example.org/no-such-skill"]}}, 404, "learner.skills[0]"),
        ({"learner": {"skills": ["SQL"]}, "constraints": {"max_hours": -1}}, 422,
         "body.constraints.max_hours"),
        ({"learner": {"skills": ["SQL"], "trust": {"text": 2}}}, 422, "body.learner.trust.text"),
        ({"learner": ["SQL"]}, 422, "body.learner"),
    ],
)  # fmt: skip
def test_other_errors_name_their_field(client, body, status, field):
    _error(client, body, field, status)


def test_anonymous_callers_get_the_anonymous_limits(anon, runtime):
    n = runtime.settings.anonymous_max_learner_skills
    message = _error(anon, {"learner": {"skills": ["SQL"] * (n + 1)}}, "learner.skills")
    assert "without an API key" in message
    assert _suggest(anon, {"learner": {"skills": ["SQL"]}})["learner"]["skills"]


# ----------------------------------------------------------- the vectorised score, known answer


def _matrix(runtime):
    with Session(runtime.engine) as s:
        return rm.role_matrix(runtime, s), skill_hierarchy(runtime, s)


def _learner(runtime, seed: int = 3) -> LearnerProfile:
    """Essential skills of the occupations and their broader or narrower skills, at mixed
    trust."""
    matrix, hier = _matrix(runtime)
    rng = random.Random(seed)
    essential = set(matrix.req_skill[matrix.req_essential].tolist())
    pool = sorted({o for s in essential for o in hier.get(s, ())} | essential)
    chosen = rng.sample(pool, 60)
    confs = (0.3, 0.6, 0.9, 1.0)
    kinds = ("declared", "credential", "verified_badge", "text")
    skills = {s: rng.choice(confs) for s in chosen}
    return LearnerProfile(skills, evidence_kinds={s: (rng.choice(kinds),) for s in chosen})


def _terms(profile: LearnerProfile, whole: dict, best: dict, df: dict) -> dict[int, tuple]:
    """Occupation id -> (reach, precision, score) as score.py defines them."""
    n_occ = len(whole)
    w = {sid: c * math.log((n_occ + 1) / (df.get(sid, 0) + 1)) for sid, c in profile.skills.items()}
    terms = {}
    for oid, reach in whole.items():
        prec = sum(w[sid] * m for sid, m in best[oid].items()) / sum(w.values())
        terms[oid] = (reach, prec, math.sqrt(reach * prec))
    return terms


def _brute_force(runtime, profile: LearnerProfile, cfg: GapConfig) -> tuple[dict, int, dict]:
    """Occupation id -> essential (coverage, coverage held, covered, partial, missing), each
    from the occupation's own gap, as POST /v1/gap computes it; whether a skill the occupation
    requires was a neighbour of one of its essentials (the gap leaves it out); and occupation id
    -> (reach, precision, score), from the whole role's gap and the credit between each learner
    skill and each requirement."""
    out, excluded, whole, best, df = {}, 0, {}, {}, {}
    with Session(runtime.engine) as s:
        for oid in s.execute(select(Occupation.id)).scalars():
            role = role_from_occupation(s, oid, runtime.settings)
            required = [r.skill_id for r in role.skills]
            nb = neighbours(runtime, s, required, profile.skills)
            every = neighbours(runtime, s, required, profile.skills, keep_required=True)
            excluded += sum(
                1 for r in role.skills if r.essential
                for o in every.get(r.skill_id, {}) if o in set(required) and o != r.skill_id
            )  # fmt: skip
            gap = compute_gap(role, profile, nb, cfg)
            total_w = sum(it.weight for it in gap.items)
            whole[oid] = gap.coverage * total_w / (total_w + rs.SHRINK) if total_w else 0.0
            best[oid] = {
                sid: max([1.0 if sid in required else 0.0]
                         + [every.get(q, {}).get(sid, 0.0) for q in required])
                for sid in profile.skills
            }  # fmt: skip
            for q in required:
                df[q] = df.get(q, 0) + 1
            ess = [it for it in gap.items if it.essential]
            total = sum(it.weight for it in ess)
            if not total:
                continue
            n = {
                k: sum(1 for it in ess if it.status == k) for k in ("covered", "partial", "missing")
            }
            out[oid] = (
                sum(it.weight * it.credit for it in ess) / total,
                sum(it.weight for it in ess if it.status == "covered") / total,
                n["covered"], n["partial"], n["missing"],
            )  # fmt: skip
    return out, excluded, _terms(profile, whole, best, df)


@pytest.mark.parametrize("seed", [3, 11])
def test_the_vectorised_score_is_the_gap_of_each_occupation(runtime, seed):
    cfg = GapConfig(runtime.settings.gap_partial_min, runtime.settings.gap_covered_min)
    profile = _learner(runtime, seed)
    expected, excluded, terms = _brute_force(runtime, profile, cfg)
    assert excluded > 0  # the learner holds neighbours the occupations themselves require
    with Session(runtime.engine) as s:
        matrix = rm.role_matrix(runtime, s)
        pairs = rm.learner_pairs(runtime, s, matrix, profile)
    sc = rs.score(matrix, profile, pairs, cfg)
    got = {}
    for row, oid in enumerate(matrix.occ_ids.tolist()):
        mine = (sc.reach[row], sc.precision[row], sc.score[row])
        assert mine == pytest.approx(terms[oid], abs=1e-9), oid
        if matrix.ess_total[row] > 0:
            counts = (int(sc.covered[row]), int(sc.partial[row]), int(sc.missing[row]))
            got[oid] = (float(sc.coverage[row]), float(sc.coverage_held[row]), *counts)
    assert set(got) == set(expected)
    assert any(0 < v[3] for v in expected.values())  # partial credit happened
    assert any(0 < t[1] < 1 and t[0] > 0 for t in terms.values())
    for oid, want in expected.items():
        assert got[oid][:2] == pytest.approx(want[:2], abs=1e-9), oid
        assert got[oid][2:] == want[2:], oid
    ranked = [int(matrix.occ_ids[r]) for r in rs.rank(matrix, sc)]

    def key(o: int) -> tuple:
        to_close = expected[o][3] + expected[o][4]
        return (-round(terms[o][2], 9), -round(expected[o][0], 9), to_close, o)

    brute = sorted((o for o in expected if terms[o][2] > 0), key=key)
    assert ranked == brute


def test_the_cached_role_is_the_gap_role_of_each_occupation(runtime):
    with Session(runtime.engine) as s:
        matrix = rm.role_matrix(runtime, s)
        for row, oid in enumerate(matrix.occ_ids.tolist()):
            want = role_from_occupation(s, oid, runtime.settings)
            assert rm.role_profile(runtime, s, matrix, row) == want
            essential = [r for r in want.skills if r.essential]
            assert rm.role_profile(runtime, s, matrix, row, essential_only=True).skills == essential
        n_ess = s.execute(
            select(OccupationSkill.occupation_id).where(OccupationSkill.relation == "essential")
        ).all()
    assert int(matrix.n_essential.sum()) == len(n_ess)


def test_anonymous_text_over_the_anonymous_limit_is_refused(anon, runtime):
    n = runtime.settings.anonymous_max_text_chars
    message = _error(anon, {"learner": {"text": "cook " * (n // 5 + 1)}}, "learner.text")
    assert "without an API key" in message


def test_a_cancelled_deadline_stops_the_work(runtime, cook):
    from service.deadline import Deadline, TimedOut
    from service.roles.suggest import RolesSuggestIn, suggest

    body = RolesSuggestIn.model_validate({"learner": {"skills": cook["essential"]}})
    deadline = Deadline()
    deadline.cancel()
    with Session(runtime.engine) as s, pytest.raises(TimedOut):
        suggest(runtime, s, body, deadline=deadline)
    assert deadline.stopped


def test_neighbours_between_required_skills_only_when_asked(runtime):
    """keep_required: the credit between two different required skills (as the ranking needs
    it, both ways alike), never a skill's credit for itself."""
    matrix, hier = _matrix(runtime)
    a = next(s for s in matrix.skills if hier.get(s))
    b = min(hier[a])
    with Session(runtime.engine) as s:
        assert neighbours(runtime, s, [a, b], [a, b]) == {}
        both = neighbours(runtime, s, [a, b], [a, b], keep_required=True)
        one_way = neighbours(runtime, s, [a], [b])
    assert both[a][b] == both[b][a] == one_way[a][b] >= runtime.settings.partial_hierarchy_credit
    assert a not in both[a] and b not in both[b]


# ------------------------------------------------------------- the ranking's rules (issue 15)


def _cook_only_optional(runtime) -> tuple[int, list[str]]:
    """The cook's id and the URIs of its optional ESCO skills that no other occupation needs."""
    with Session(runtime.engine) as s:
        oid = s.execute(select(Occupation.id).where(Occupation.preferred_label == "cook")).scalar()
        links = s.execute(
            select(OccupationSkill.occupation_id, Skill.uri, OccupationSkill.relation).join(
                Skill, Skill.id == OccupationSkill.skill_id
            )
        ).all()
    elsewhere = {uri for o, uri, _r in links if o != oid}
    return oid, sorted(
        u for o, u, r in links if o == oid and r == "optional" and u not in elsewhere
    )


def test_a_role_that_uses_the_learners_skills_comes_first_without_its_essentials(client, runtime):
    """The line cook of issue 15: skills a cook uses (optional ones) make the cook the first
    role, though none of its essential skills is covered; the score and the carriers say why."""
    oid, optional = _cook_only_optional(runtime)
    assert len(optional) >= 3
    out = _suggest(client, {"learner": {"skills": optional[:3]}})
    first = out["items"][0]
    assert first["occupation"]["id"] == oid and first["score"] > 0
    assert first["counts"]["covered"] == 0 and first["n_missing_essential"] == first["n_essential"]
    held = [c for c in first["carried_by"] if c["held"]]
    assert len(held) == 3 and all(not c["essential"] and c["weight"] == 0.5 for c in held)
    scores = [i["score"] for i in out["items"]]
    assert scores == sorted(scores, reverse=True) and out["total"] == len(out["items"])


def test_the_ranking_terms_on_a_learner_of_one_role(runtime):
    """Precision: a learner whose skills one occupation requires all has precision 1 there;
    reach: the whole role's coverage shrunk by SHRINK, so a small role gains no edge from it."""
    oid, ess = essential_skills(runtime.engine, "cook")
    with Session(runtime.engine) as s:
        ids = s.execute(select(Skill.id).where(Skill.uri.in_(ess[:3]))).scalars().all()
        matrix = rm.role_matrix(runtime, s)
        profile = LearnerProfile(dict.fromkeys(ids, 1.0))
        pairs = rm.learner_pairs(runtime, s, matrix, profile)
    cfg = GapConfig(runtime.settings.gap_partial_min, runtime.settings.gap_covered_min)
    sc = rs.score(matrix, profile, pairs, cfg)
    row = int(np.flatnonzero(matrix.occ_ids == oid)[0])
    assert sc.precision[row] == pytest.approx(1.0)
    assert sc.reach[row] == pytest.approx(3 / (matrix.req_total[row] + rs.SHRINK))
    assert sc.score[row] == pytest.approx(np.sqrt(sc.reach[row]))
    assert sc.coverage[row] == pytest.approx(3 / matrix.ess_total[row])
    assert rs.rank(matrix, sc)[0] == row


def test_the_skill_graph_gives_what_neighbours_computes(runtime):
    rng = random.Random(5)
    ids = sorted(runtime.skills)
    with Session(runtime.engine) as s:
        graph = skill_graph(runtime, s)
        credits = {c for mine in graph.values() for c in mine.values()}
        assert runtime.settings.partial_hierarchy_credit in credits and len(credits) > 1
        for _ in range(4):
            required = rng.sample(ids, 40)
            others = set(rng.sample(ids, 300)) | set(required[:5])
            assert between(graph, required, others) == neighbours(runtime, s, required, others)
            assert between(graph, required, ()) == {}
