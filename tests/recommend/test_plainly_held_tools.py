"""What a learner's tools plainly show is not left open, on the real model: the development
learners of rounds h-plans8 and h-plans9 (tests/fixtures/plan_learners.json; docs/planning.md):
a designer using Photoshop holds *graphics editor software*, a React developer *web
programming*, a Hadoop engineer *database management systems* (the held-out learners are
measured, not asserted)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlmodel import Session

from models.matching import RecommendIn
from service.recommend.gap import compute

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "plan_learners.json"
ROUNDS = ("h-plans8", "h-plans9")


def _learners() -> list[dict]:
    learners = json.loads(FIXTURE.read_text())["learners"]
    return [
        x
        for x in learners
        if x.get("round") in ROUNDS and x["split"] == "dev" and x["plainly_held"]
    ]


def test_the_rounds_have_development_learners_to_check():
    assert {x["round"] for x in _learners()} == set(ROUNDS)


@pytest.mark.slow
@pytest.mark.parametrize("learner", _learners(), ids=lambda x: x["id"])
def test_what_a_learners_tools_plainly_show_is_not_left_open(real_runtime, learner):
    body = RecommendIn.model_validate(
        {
            "learner": {"text": learner["cv"]},
            "target": {"title": learner["title"]},
            "constraints": {"max_hours": learner["max_hours"]},
        }
    )
    with Session(real_runtime.engine) as session:
        gap = compute(real_runtime, session, body, with_plan=False)["gap"]
    status = {item["label"]: item["status"] for item in gap["items"]}
    for label in learner["plainly_held"]:
        assert status.get(label) == "covered", (label, status.get(label))
