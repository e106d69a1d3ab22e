"""Gap and recommendations over HTTP on the mini taxonomy with a small known catalog."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlmodel import Session

from models.tables import Skill
from tests.utils.queries import essential_skills

REGULATED_NURSE = "http://data.europa.eu/esco/occupation/8d3e8aaa-791b-4c75-a465-f3f827028f50"


@pytest.fixture(scope="module")
def role(client, runtime):
    oid, ess = essential_skills(runtime.engine, "data scientist")
    assert len(ess) >= 8
    sk = [{"uri": u} for u in ess]
    docs = [
        {
            "external_id": "m:held",
            "title": "Held badge",
            "kind": "badge",
            "hours": 5,
            "cost": 0,
            "skills": sk[0:2],
        },
        {
            "external_id": "m:a",
            "title": "Course A",
            "kind": "course",
            "hours": 10,
            "cost": 100,
            "currency": "EUR",
            "skills": sk[2:5],
        },
        {
            "external_id": "m:b",
            "title": "Course B",
            "kind": "course",
            "hours": 12,
            "cost": 100,
            "currency": "USD",
            "skills": sk[5:8],
            "prerequisites": [{"kind": "credential", "ref": "m:a"}],
        },
        {
            "external_id": "m:big",
            "title": "Big certificate",
            "kind": "certificate",
            "hours": 200,
            "cost": 2000,
            "currency": "EUR",
            "skills": sk[2:8],
        },
    ]
    r = client.post("/v1/credentials", json=docs)
    assert r.status_code in (200, 201), r.text
    ids = {i["external_id"]: i["id"] for i in r.json()["items"]}
    return {"occupation_id": oid, "ids": ids, "essential": ess}


def test_recommendation_orders_prerequisites_first_and_respects_hours(client, role):
    body = {
        "learner": {"credentials": [role["ids"]["m:held"]]},
        "target": {"occupation_id": role["occupation_id"]},
        "constraints": {"max_hours": 60},
    }
    r = client.post("/v1/recommendations", json=body)
    assert r.status_code == 200, r.text
    out = r.json()
    plan = out["plan"]
    order = [s["credential"]["external_id"] for s in plan["steps"]]
    assert order.index("m:a") < order.index("m:b")  # the prerequisite comes first
    assert "m:big" not in order and "m:held" not in order
    assert plan["total_hours"] <= 60 and plan["coverage_after"] > plan["coverage_before"]
    for step in plan["steps"]:  # a prerequisite may add nothing itself, and says so
        assert step["explanation"]
        assert step["covers"] or step["explanation"].startswith("Prerequisite for"), step
    assert out["gap"]["counts"]["covered"] >= 2  # the held badge's two skills


def test_without_a_budget_the_big_certificate_is_not_needed(client, role):
    body = {"target": {"occupation_id": role["occupation_id"]}}
    plan = client.post("/v1/recommendations", json=body).json()["plan"]
    assert {"m:a", "m:b"} <= {s["credential"]["external_id"] for s in plan["steps"]}


def test_infeasible_budget_gives_a_message_and_best_partial_plan(client, role):
    body = {"target": {"occupation_id": role["occupation_id"]}, "constraints": {"max_hours": 1}}
    plan = client.post("/v1/recommendations", json=body).json()["plan"]
    assert plan["feasible"] is False and plan["message"]
    assert plan["total_hours"] <= 1


def test_gap_alone(client, role):
    body = {
        "learner": {"credentials": [role["ids"]["m:held"]]},
        "target": {"occupation_id": role["occupation_id"]},
    }
    out = client.post("/v1/gap", json=body).json()
    assert "plan" not in out
    items = {i["skill_id"]: i for i in out["gap"]["items"]}
    assert sum(1 for i in items.values() if i["status"] == "covered") >= 2
    assert 0 < out["gap"]["coverage"] < 1


def test_the_learners_skills_carry_their_uri_and_label(client, runtime, role):
    """Issue 19: a label beside each id, so a client needs no call per skill."""
    body = {
        "learner": {"credentials": [role["ids"]["m:held"]]},
        "target": {"occupation_id": role["occupation_id"]},
    }
    skills = client.post("/v1/gap", json=body).json()["learner"]["skills"]
    assert skills
    for s in skills:
        entry = runtime.skills[s["skill_id"]]
        assert (s["uri"], s["preferred_label"]) == (entry.uri, entry.preferred_label)


def test_the_learners_held_credentials_carry_their_external_id_and_title(client, role):
    """Issue 19: held credentials named beside their ids (by id or by external id, held once);
    held_credentials stays the list of ids."""
    ids = role["ids"]
    body = {
        "learner": {"credentials": [ids["m:a"], ids["m:held"]], "credential_refs": ["m:held"]},
        "target": {"occupation_id": role["occupation_id"]},
    }
    learner = client.post("/v1/gap", json=body).json()["learner"]
    held = sorted([ids["m:a"], ids["m:held"]])
    assert learner["held_credentials"] == held
    titles = {ids["m:a"]: ("m:a", "Course A"), ids["m:held"]: ("m:held", "Held badge")}
    assert learner["held_credential_items"] == [
        {"id": i, "external_id": titles[i][0], "title": titles[i][1]} for i in held
    ]
    r = client.post("/v1/roles/suggest", json={"learner": {"credential_refs": ["m:b"]}})
    assert r.status_code == 200, r.text
    assert r.json()["learner"]["held_credential_items"] == [
        {"id": ids["m:b"], "external_id": "m:b", "title": "Course B"}
    ]
    nothing = {"learner": {"skills": []}, "target": {"occupation_id": role["occupation_id"]}}
    learner = client.post("/v1/gap", json=nothing).json()["learner"]
    assert learner["held_credentials"] == [] == learner["held_credential_items"]


def test_occupation_credentials_ranked_by_role_coverage(client, role):
    out = client.get(f"/v1/occupations/{role['occupation_id']}/credentials").json()
    assert out["items"][0]["external_id"] == "m:big"
    assert out["items"][0]["covers"]


@pytest.mark.parametrize(
    ("body", "status", "field"),
    [
        (
            {"learner": {"credentials": [99999999]}, "target": {"occupation_id": 1}},
            404,
            "learner.credentials[0]",
        ),
        ({"target": {"occupation_id": 99999999}}, 404, "target.occupation_id"),
        ({"target": {"posting_id": 99999999}}, 404, "target.posting_id"),
        ({"target": {}}, 422, "body.target"),
        ({"target": {"occupation_id": 1, "title": "x"}}, 422, "body.target"),
        (
            {"target": {"occupation_id": 1}, "constraints": {"max_hours": -1}},
            422,
            "body.constraints.max_hours",
        ),
        ({"target": {"occupation_id": 1}, "mode": "magic"}, 422, "body.mode"),
    ],
)
def test_errors(client, body, status, field):
    r = client.post("/v1/recommendations", json=body)
    assert r.status_code == status, r.text
    assert r.json()["field"] == field


def test_unknown_occupation_credentials_404(client):
    assert client.get("/v1/occupations/99999999/credentials").status_code == 404


def test_target_by_title_is_resolved(client, role):
    out = client.post("/v1/gap", json={"target": {"title": "Data Scientist"}}).json()
    assert out["role"]["title"] == "data scientist"
    assert out["role"]["title_resolution"][0]["preferred_label"] == "data scientist"


def test_a_title_with_seniority_words_resolves_to_the_same_role(client):
    out = client.post("/v1/gap", json={"target": {"title": "Senior Data Scientist (m/f/d)"}})
    assert out.status_code == 200
    role = out.json()["role"]
    assert role["title"] == "data scientist"
    assert 1 <= len(role["title_resolution"]) <= 5
    assert all("rank_score" in h and "score" in h for h in role["title_resolution"])


def test_a_gibberish_title_gets_no_plan_but_the_closest_occupations(client):
    r = client.post(
        "/v1/recommendations", json={"target": {"title": "asdfgh qwerty"}, "learner": {}}
    )
    assert r.status_code == 404
    err = r.json()
    assert err["field"] == "target.title"
    assert "confidently" in err["detail"] and "closest:" in err["detail"]


def test_a_learner_level_in_a_title_reads_the_role_and_says_so(client):
    """ "Student Data Scientist": the role is the data scientist's, and a warning says that
    'student' was read as the learner's level (service/titles/qualifiers.py)."""
    out = client.post("/v1/gap", json={"target": {"title": "Student Data Scientist"}})
    assert out.status_code == 200, out.text
    role = out.json()["role"]
    assert role["title"] == "data scientist"
    said = [w for w in role["warnings"] if "'student'" in w["message"]]
    assert len(said) == 1 and said[0]["field"] == "target.title"


def test_a_title_of_level_words_alone_is_a_404_that_says_why(client):
    r = client.post(
        "/v1/recommendations", json={"target": {"title": "junior trainee"}, "learner": {}}
    )
    assert r.status_code == 404
    err = r.json()
    assert err["field"] == "target.title"
    assert "only a level" in err["detail"] and "closest:" in err["detail"]


def test_a_title_without_a_word_is_no_match_not_a_server_error(client):
    assert client.get("/v1/occupations", params={"q": "|"}).json() == {
        "items": [],
        "next_cursor": None,
        "total": 0,
    }
    r = client.post("/v1/gap", json={"target": {"title": "\U0001f60d -"}})
    assert r.status_code == 404 and r.json()["field"] == "target.title"


def test_costs_are_planned_in_one_currency(client, role):
    body = {
        "learner": {"credentials": [role["ids"]["m:held"]]},
        "target": {"occupation_id": role["occupation_id"]},
    }
    plan = client.post("/v1/recommendations", json=body).json()["plan"]
    step_b = next(s for s in plan["steps"] if s["credential"]["external_id"] == "m:b")
    assert step_b["credential"]["cost"] == 92.0 and step_b["credential"]["currency"] == "EUR"
    assert plan["currency"] == "EUR"


def test_a_held_part_counts_towards_its_program(client, role):
    docs = [
        {
            "external_id": "m:prog",
            "title": "Data programme",
            "kind": "stackable_program",
            "hours": 30,
            "has_part": ["m:part1", "m:part2"],
            "skills": [{"uri": role["essential"][0]}],
        },
        {
            "external_id": "m:part1",
            "title": "Part one",
            "kind": "badge",
            "hours": 3,
            "is_part_of": ["m:prog"],
            "skills": [{"uri": role["essential"][0]}],
        },
        {
            "external_id": "m:part2",
            "title": "Part two",
            "kind": "badge",
            "hours": 3,
            "is_part_of": ["m:prog"],
            "skills": [{"uri": role["essential"][1]}],
        },
    ]
    ids = {
        i["external_id"]: i["id"] for i in client.post("/v1/credentials", json=docs).json()["items"]
    }
    body = {
        "learner": {"credentials": [ids["m:part1"]]},
        "target": {"occupation_id": role["occupation_id"]},
    }
    stacks = client.post("/v1/recommendations", json=body).json()["plan"]["stacks_into"]
    prog = next(s for s in stacks if s["program_external_id"] == "m:prog")
    assert prog["title"] == "Data programme" and prog["total"] == 2 and prog["held"] == 1


def test_partial_credit_from_the_hierarchy_and_similarity(runtime):
    from sqlalchemy.orm import aliased

    from models.tables import SkillBroader
    from service.profiles.neighbours import neighbours

    a, b = aliased(Skill), aliased(Skill)
    with Session(runtime.engine) as s:
        child, parent = s.execute(
            select(a.id, b.id)
            .join(SkillBroader, SkillBroader.uri == a.uri)
            .join(b, b.uri == SkillBroader.broader_uri)
            .limit(1)
        ).one()
        nb = neighbours(runtime, s, [parent], [child])
        assert nb[parent][child] == runtime.settings.partial_hierarchy_credit
        nb = neighbours(runtime, s, [child], [parent])  # narrower and broader alike
        assert nb[child][parent] >= runtime.settings.partial_hierarchy_credit


def test_learner_from_badges_declared_skills_and_text(client, role):
    import json
    from pathlib import Path

    badge = json.loads(
        (
            Path(__file__).resolve().parents[1] / "ingest" / "fixtures" / "ob2_badgeclass.json"
        ).read_text()
    )
    body = {
        "learner": {
            "badges": [badge],
            "skills": ["PostgreSQL", role["essential"][0]],
            "text": "I wrote Python (computer programming) every day.",
        },
        "target": {"occupation_id": role["occupation_id"]},
    }
    out = client.post("/v1/gap", json=body).json()
    sources = {e["source"].split(":")[0] for s in out["learner"]["skills"] for e in s["evidence"]}
    assert {"badge", "declared", "text"} <= sources
    text_ev = next(
        e for s in out["learner"]["skills"] for e in s["evidence"] if e["source"] == "text"
    )
    assert body["learner"]["text"][text_ev["start"] : text_ev["end"]] == text_ev["text"]
    conf = {s["skill_id"]: s["confidence"] for s in out["learner"]["skills"]}
    assert all(0 < c <= 1 for c in conf.values())
    bad = client.post(
        "/v1/gap",
        json={
            "learner": {"badges": [{"type": "Issuer"}]},
            "target": {"occupation_id": role["occupation_id"]},
        },
    )
    # a badge that cannot be read is not counted, with a warning (as for candidates)
    assert bad.status_code == 200
    warnings = bad.json()["learner"]["warnings"]
    assert any(w["field"].startswith("learner.badges[0]") for w in warnings), warnings


@pytest.mark.parametrize(
    ("target", "regulated"),
    [
        ({"title": "nurse responsible for general care"}, True),  # ESCO marks it regulated
        ({"occupation_uri": REGULATED_NURSE}, True),
        ({"title": "cook"}, False),
        ({"description": "We need a nurse who can plan nursing care."}, False),  # not an occupation
    ],
)
def test_the_role_says_whether_the_profession_is_regulated(client, target, regulated):
    for path in ("/v1/gap", "/v1/recommendations"):
        r = client.post(path, json={"target": target})
        assert r.status_code == 200, r.text
        role = r.json()["role"]
        assert role["regulated"] is regulated, (path, target)
        said = [w for w in role["warnings"] if "regulated profession" in w["message"]]
        assert len(said) == int(regulated) and all(w["field"] == "target" for w in said)
        if path == "/v1/recommendations":
            message = r.json()["plan"]["message"]
            assert ("recognised qualification" in message) is regulated, message


@pytest.mark.parametrize(
    "target",
    [{"occupation_id": 99999999}, {"title": "asdfgh qwerty"}, {"posting_id": 99999999}],
)
def test_a_bad_target_is_refused_before_the_learner_is_read(client, monkeypatch, target):
    """A learner's long text costs extraction: a target that cannot be built is refused first,
    and the learner is never read (its own error comes second)."""
    from service.recommend import gap

    calls = []
    monkeypatch.setattr(gap, "learner_of", lambda *a, **k: calls.append(1))
    body = {"learner": {"credentials": [99999999], "text": "Barista. " * 500}, "target": target}
    r = client.post("/v1/recommendations", json=body)
    assert r.status_code == 404, r.text
    assert r.json()["field"].startswith("target.") and calls == []


@pytest.mark.parametrize(("warning", "read"), [(None, False), ("level", True)])
def test_the_learners_jobs_are_asked_for_only_by_a_title_of_a_level(
    client, runtime, role, monkeypatch, warning, read
):
    """build_role calls `jobs` only for a title read in the learner's trade (level_title.py)."""
    from sqlmodel import Session

    from models.matching import TargetIn
    from service.recommend import role as role_module
    from service.titles.resolver import GENERIC_TITLE, TitleCandidate, TitleResolution

    cand = TitleCandidate(role["occupation_id"], 1.0, 1.0, "data scientist", "label")
    flag = GENERIC_TITLE if warning else None
    resolution = TitleResolution("data scientist", [cand], True, flag)
    monkeypatch.setattr(role_module, "resolve_title", lambda *a: resolution)
    asked = []
    with Session(runtime.engine) as s:
        built, _ = role_module.build_role(
            runtime, s, TargetIn(title="data scientist"), jobs=lambda: asked.append(1) or {}
        )
    assert built.skills and asked == ([1] if read else [])
