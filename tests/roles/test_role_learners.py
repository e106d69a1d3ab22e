"""Roles judged as a careers adviser would (service/evaluation/roles.py): the fixture of learners
in plain words (tests/fixtures/role_learners.json), hit@5 and MRR computed by hand, the
evaluation on the mini taxonomy, and the fixture on the real model and the full default data
(the `real_runtime` fixture) with floors that guard the ranking."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select
from sqlmodel import Session

from models.tables import Occupation
from service.evaluation.roles import (
    FIXTURE,
    evaluate_roles,
    judge,
    read_role_learners,
    summarise,
)
from tests.utils.queries import essential_skills


def test_the_fixture_is_large_varied_and_names_occupations_once():
    learners = read_role_learners()
    assert len(learners) >= 12 and len({x["id"] for x in learners}) == len(learners)
    sectors = {x["sector"] for x in learners}
    assert {"care", "logistics", "retail", "office", "trades", "teaching", "hospitality",
            "IT"} <= sectors  # fmt: skip
    for x in learners:
        assert x["learner"]["text"] and x["learner"]["skills"], x["id"]
        assert x["accept"] and x["must_not"] and not set(x["accept"]) & set(x["must_not"])


def test_hit_and_reciprocal_rank_are_counted_by_hand(tmp_path):
    ranked = ["a", "bad", "c", "d", "e", "ok", "ok2"]
    got = judge(ranked, accept=["ok", "ok2"], must_not=["bad", "zz"])
    assert got == {"top": ranked[:5], "first_accepted": 6, "hit": False, "rr": 1 / 6,
                   "must_not_found": ["bad"]}  # fmt: skip
    hit = judge(["x", "ok"], accept=["ok"], must_not=[])
    none = judge(["x"], accept=["ok"], must_not=["x"])
    assert hit["hit"] and hit["rr"] == 0.5 and none["first_accepted"] is None and none["rr"] == 0
    summary = summarise([got, hit, none])
    assert summary == {"learners": 3, "hit@5": 33.3, "mrr": round(100 * (1 / 6 + 0.5) / 3, 1),
                       "must_not_in_top5": 2}  # fmt: skip
    path = tmp_path / "other.json"
    path.write_text(json.dumps({"lines": []}))
    with pytest.raises(ValueError, match="'learners'"):
        read_role_learners(path)


def test_the_evaluation_runs_the_service_ranking_on_the_mini_taxonomy(runtime):
    """A learner declaring a bricklayer's essential skills: the bricklayer is accepted and
    first, the accountant must not be in the top five."""
    _oid, ess = essential_skills(runtime.engine, "bricklayer")
    learners = [
        {"id": "brick", "learner": {"skills": ess[:4]}, "accept": ["bricklayer"],
         "must_not": ["accountant"]},
        {"id": "none", "learner": {"skills": ess[:1]}, "accept": ["no such occupation"],
         "must_not": ["bricklayer"]},
    ]  # fmt: skip
    got = evaluate_roles(runtime, learners)
    brick, none = got["per_learner"]
    assert brick["first_accepted"] == 1 and brick["top"][0] == "bricklayer"
    assert none["first_accepted"] is None and none["must_not_found"] == ["bricklayer"]
    assert {k: got[k] for k in ("learners", "hit@5", "mrr", "must_not_in_top5")} == {
        "learners": 2, "hit@5": 50.0, "mrr": 50.0, "must_not_in_top5": 1}  # fmt: skip
    with Session(runtime.engine) as s:
        labels = set(s.execute(select(Occupation.preferred_label)).scalars())
    assert set(brick["top"]) <= labels


@pytest.mark.slow
def test_the_fixture_on_the_real_model(real_runtime, capsys):
    """The fixture on the real model and the full default data (tests/conftest.py). The
    floors sit under the figures of docs/planning.md (hit@5 80, MRR 67): they guard the
    ranking's rules, the extraction of the learners' skills moves them too."""
    got = evaluate_roles(real_runtime, read_role_learners(FIXTURE))
    with capsys.disabled():
        print({k: v for k, v in got.items() if k != "per_learner"})
    assert got["learners"] >= 12
    # measured 93.3 / 90.7 / 0 with the ISCO level step (before it: 4, nurse roles for the care
    # assistant and the nurse aide; docs/planning.md)
    assert got["hit@5"] >= 85 and got["mrr"] >= 80 and got["must_not_in_top5"] <= 1
