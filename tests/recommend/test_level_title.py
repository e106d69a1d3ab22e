"""A title of a level read in the learner's trade (service/recommend/level_title.py): the
sentence and warning it answers with, and, on the real model, the readings a careers adviser
expects from a CV's job."""

from __future__ import annotations

from collections import defaultdict

import pytest
from sqlmodel import Session

from service.recommend.level_title import LevelReading, read_in_trade
from service.titles.resolver import GENERIC_TITLE, TitleCandidate


def test_the_reading_says_what_was_chosen_and_from_which_job():
    cand = TitleCandidate(7, 1.0, 1.0, "team leader", "curated title")
    got = LevelReading(cand, "call centre supervisor", "Call centre agent", 0.4)
    assert got.sentence() == (
        "read as call centre supervisor from your experience as a call centre agent"
    )
    assert LevelReading(cand, "head chef", "IT support", 0.4).sentence().endswith("an IT support")
    assert got.warning().startswith(GENERIC_TITLE.split(":")[0] + ": read as call centre")
    assert got.warning().endswith(GENERIC_TITLE.split(": ", 1)[1])


def test_no_job_or_no_title_of_a_level_reads_nothing(runtime):
    with Session(runtime.engine) as s:
        plain = runtime.titles.resolve("data scientist")
        assert read_in_trade(runtime, s, plain, {1: "call centre agent"}) is None


# the learner's own words -> the title typed -> the reading an adviser expects
LEARNERS = [
    ("Call centre agent for four years: handling inbound calls, resolving complaints.",
     "team leader", "call centre supervisor"),
    ("Warehouse operative for three years: picking and packing orders, forklift driving.",
     "supervisor", "warehouse manager"),
    ("Line cook for five years in a busy restaurant: grilling meat, food hygiene.",
     "shift manager", "head chef"),
    ("Care assistant in a care home for six years: personal care, medication rounds.",
     "team leader", "residential care home worker"),
]  # fmt: skip


@pytest.mark.slow
@pytest.mark.parametrize("text,title,expected", LEARNERS)
def test_a_title_of_a_level_takes_the_trade_of_the_learners_job(real_runtime, text, title,
                                                                 expected):  # fmt: skip
    from service.profiles.experience import experience_evidence

    with Session(real_runtime.engine) as s:
        jobs = experience_evidence(real_runtime, s, text, defaultdict(list), trust=0.6)
        resolution = real_runtime.titles.resolve(title)
        got = read_in_trade(real_runtime, s, resolution, {j.occupation_id: j.phrase for j in jobs})
        default = read_in_trade(real_runtime, s, resolution, {})
    assert got is not None and got.label == expected, got
    assert got.job_phrase.lower() in text.lower() and got.sentence().startswith("read as")
    assert default is None  # no trade: the commonest reading and the warning stay


def test_the_role_answer_carries_the_reading_only_when_one_was_made():
    from service.matching.types import RoleProfile
    from service.recommend.answers import role_json, to_json

    role = RoleProfile("call centre supervisor", [], "occupation:x")
    said = to_json(role_json(role, {"title_reading": "read as x from your experience as a y"}))
    assert said["title_reading"] == "read as x from your experience as a y"
    assert "title_reading" not in to_json(role_json(role, {}))
