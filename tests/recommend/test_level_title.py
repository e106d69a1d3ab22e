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
    title_case = LevelReading(cand, "x", "Assistant Store Manager at McDonald's NHS", 0.4)
    assert title_case.sentence().endswith("an assistant store manager at McDonald's NHS")
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
    # a reading of the job's own ISCO minor group (522: ESCO lists few sales assistant skills,
    # and their share with *call centre supervisor* was the larger)
    ("Sales assistant in a supermarket for two years: tills, stock, customer queries.",
     "team leader", "shop supervisor"),
    # the job's noun of two words ("crew member"): ESCO's own fast food team leader
    ("Crew member at McDonald's for two years: drive-thru, grill, cleaning.",
     "team leader", "quick service restaurant team leader"),
    # a chain's area manager (ESCO's only "area manager" is a fire commissioner's)
    ("Assistant store manager at Boots for five years: a team of 12, rotas, sales targets.",
     "area manager", "trade regional manager"),
    ("Store manager for a chain of phone shops, 4 years.", "district manager",
     "trade regional manager"),
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


# --- a reading from the CV's words (no job named, or none related) -------------------------


class _Titles:
    def __init__(self, sims):
        self.sims = sims
        self.asked: list[str] = []

    def description_similarity(self, text, ids):
        self.asked.append(text)
        return self.sims[: len(ids)]


class _Runtime:
    def __init__(self, sims):
        self.titles = _Titles(sims)


def _readings(n=3, tier=0):
    from service.titles.resolver import TitleResolution

    cands = [
        TitleCandidate(i + 1, 1.0, 1.0, "team leader", "curated title", True, tier)
        for i in range(n)
    ]
    return TitleResolution("team leader", cands, True, GENERIC_TITLE)


@pytest.mark.parametrize(
    ("sims", "chosen"),
    [
        ([0.25, 0.38, 0.21], 2),  # nearest by more than the margin
        ([0.40, 0.44, 0.10], None),  # nearer by less than TEXT_MARGIN: the commonest stays
        ([0.05, 0.15, 0.10], None),  # nothing near enough
        ([0.50, 0.30, 0.30], None),  # the commonest is the nearest
        ([0.10, 0.30, 0.30], 2),  # of equals, the commoner
    ],
)
def test_the_cv_words_choose_a_reading_only_when_plainly_nearer(sims, chosen):
    from service.recommend.level_title import FROM_TEXT, _from_text

    got = _from_text(_Runtime(sims), _readings(), "I answer customer calls all day")
    if chosen is None:
        assert got is None
    else:
        assert got is not None and got.candidate.occupation_id == chosen
        assert got.job_phrase == FROM_TEXT and got.relation == sims[chosen - 1]


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_no_words_read_nothing_and_encode_nothing(text):
    from service.recommend.level_title import _from_text

    rt = _Runtime([0.1, 0.9, 0.1])
    assert _from_text(rt, _readings(), text) is None
    assert rt.titles.asked == []


def test_a_title_with_one_reading_or_no_curated_readings_reads_nothing_from_words():
    from service.recommend.level_title import _from_text

    assert _from_text(_Runtime([0.1, 0.9]), _readings(n=1), "calls") is None
    assert _from_text(_Runtime([0.1, 0.9, 0.1]), _readings(tier=4), "calls") is None


def test_the_sentence_of_a_reading_from_words_names_no_job():
    from service.recommend.level_title import FROM_TEXT

    cand = TitleCandidate(7, 1.0, 1.0, "team leader", "curated title")
    got = LevelReading(cand, "call centre supervisor", FROM_TEXT, 0.4)
    assert got.sentence() == "read as call centre supervisor from the words of your CV"


# a CV without a job title (or with a job no reading shares a skill with) -> the reading
TEXT_LEARNERS = [
    ("I answer customer calls all day, handle complaints, log tickets in the CRM and hit my "
     "call targets.", "team leader", "call centre supervisor"),
    ("Grill and sauce section, prepping for 200 covers, food hygiene level 2.", "team leader",
     "head chef"),
    ("Leisure centre assistant for two years: pool lifeguard, gym inductions, opening up the "
     "centre, handling bookings.", "duty manager", "sport facility manager"),
    ("Waiting tables, taking orders, serving wine.", "assistant manager", "restaurant manager"),
]  # fmt: skip


@pytest.mark.slow
@pytest.mark.parametrize("text,title,expected", TEXT_LEARNERS)
def test_a_title_of_a_level_takes_the_trade_of_the_cv_words(real_runtime, text, title, expected):
    from service.profiles.experience import experience_evidence

    with Session(real_runtime.engine) as s:
        jobs = experience_evidence(real_runtime, s, text, defaultdict(list), trust=0.6)
        resolution = real_runtime.titles.resolve(title)
        named = {j.occupation_id: j.phrase for j in jobs}
        got = read_in_trade(real_runtime, s, resolution, named, text)
        unread = read_in_trade(real_runtime, s, resolution, {}, "")
    assert got is not None and got.label == expected, got
    # the commonest reading without the words (nor the jobs they name: "Waiting tables" is a
    # waiter's, read by `doing_jobs`)
    assert unread is None
