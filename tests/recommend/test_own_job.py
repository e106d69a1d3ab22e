"""A typed title that is the learner's own job ("Coach driver" is ESCO's *bus driver*, the job of
a bus driver of 8 years): the answer says so first, since its plan can only evidence what the job
shows (`service.recommend.gap.own_job_sentence`)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from sqlmodel import Session

from models.matching import RecommendIn
from service.profiles.experience import JobRead
from service.recommend.gap import compute, own_job_sentence

URI = "http://data.europa.eu/esco/occupation/bus"


def _role(uri: str = URI):
    return SimpleNamespace(title="bus driver", source=f"occupation:{uri}")


def test_the_role_of_the_learners_own_job_is_said_so():
    learner = SimpleNamespace(job_reads=[JobRead(1, "bus driver", "Bus driver", 0, 10, uri=URI)])
    said = own_job_sentence(_role(), learner)
    assert said.startswith("Bus driver is the job you already hold:"), said
    written = SimpleNamespace(job_reads=[JobRead(1, "bus driver", "Coach driver", uri=URI)])
    assert '("Coach driver")' in own_job_sentence(_role(), written)


def test_another_role_or_no_job_says_nothing():
    learner = SimpleNamespace(job_reads=[JobRead(1, "taxi driver", "Taxi driver", uri=URI + "x")])
    assert own_job_sentence(_role(), learner) == ""
    assert own_job_sentence(_role(), SimpleNamespace(job_reads=[])) == ""
    nameless = SimpleNamespace(job_reads=[JobRead(1, "bus driver", "Bus driver", uri="")])
    assert own_job_sentence(_role(""), nameless) == ""  # a role of no occupation (a posting's)


def _answer(runtime, cv: str, title: str) -> dict:
    body = RecommendIn.model_validate(
        {"learner": {"text": cv}, "target": {"title": title}, "constraints": {"max_hours": 60}}
    )
    with Session(runtime.engine) as session:
        return compute(runtime, session, body, with_plan=True)


@pytest.mark.slow
def test_a_bus_driver_typing_coach_driver_is_told_it_is_the_job_held(real_runtime):
    out = _answer(real_runtime, "Bus driver for 8 years", "Coach driver")
    assert out["role"]["title"] == "bus driver"
    messages = [w["message"] for w in out["role"]["warnings"]]
    assert any(m.startswith("Bus driver is the job you already hold") for m in messages), messages
    moved = _answer(real_runtime, "Taxi driver for 15 years", "Bus driver")
    assert not any("already hold" in w["message"] for w in moved["role"]["warnings"])


def test_a_kitchens_deputy_is_held_as_the_chef():
    from service.profiles.title_forms import held_as

    for title in ("Sous chef", "sous-chef", "Junior sous chef", "Second chef", " SOUS CHEF ",
                  "Senior sous chef", "Executive sous chef", "Relief sous chef"):  # fmt: skip
        assert held_as(title) == "chef", title
    for title in ("Head chef", "Chef", "Sous chef de partie", "Sous vide chef", "Pastry chef"):
        assert held_as(title) is None, title


@pytest.mark.slow
def test_a_sous_chefs_plan_to_head_chef_teaches_the_head_chefs_work(real_runtime):
    """A sous chef's job was ESCO's head chef, the role she aims at: every essential was held on
    her word and the plan "evidenced" them with a 55 h cooking course. Read as the chef, the plan
    is the head chef's own work (staff, shifts, budgets) and no cooking course."""
    cv = "Sous chef in a gastro pub, running the kitchen on head chef's days off"
    body = RecommendIn.model_validate(
        {
            "learner": {"text": cv},
            "target": {"title": "Head chef"},
            "constraints": {"max_hours": 150},
        }
    )
    with Session(real_runtime.engine) as session:
        out = compute(real_runtime, session, body, with_plan=True)
    assert [j["occupation"]["preferred_label"] for j in out["learner"]["jobs"]] == ["chef"]
    taught = {c["label"] for st in out["plan"]["steps"] for c in st["covers"]}
    assert "use cooking techniques" not in taught, taught
    assert {"schedule shifts", "manage budgets"} <= taught, taught
    assert not any("already hold" in w["message"] for w in out["role"]["warnings"])
