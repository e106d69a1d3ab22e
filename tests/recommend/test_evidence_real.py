"""A plan that evidences what a learner holds on their word uses courses about the role's work,
on the real model: a dinner lady holds a kitchen assistant's essentials by her job, and the
plan that evidences her food hygiene is no "Plant Disease Control Essentials" (whose focus on
the role was measured over the skills to evidence, not the role: service.recommend.plan)."""

from __future__ import annotations

import pytest
from sqlmodel import Session

from models.matching import RecommendIn
from service.recommend.gap import compute


@pytest.mark.slow
def test_a_dinner_ladys_evidence_is_no_plant_disease_course(real_runtime):
    body = RecommendIn.model_validate(
        {
            "learner": {
                "text": "Dinner lady at a primary school, serving lunches and wiping tables"
            },
            "target": {"title": "catering assistant"},
            "constraints": {"max_hours": 40},
        }  # fmt: skip
    )
    with Session(real_runtime.engine) as session:
        plan = compute(real_runtime, session, body, with_plan=True)["plan"]
    assert plan["message"].startswith("By your own account"), plan["message"]
    titles = [s["credential"]["title"] for s in plan["steps"]]
    assert titles and not any("Plant" in t or "Pest" in t for t in titles), titles
