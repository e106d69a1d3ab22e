"""A learner's words, a fourteenth round (docs/quality.md): a job said with a short person's
word ("Sales rep selling printing services", "Postman delivering letters", "Farm hand milking",
"Bar staff serving drinks", "Barista making lattes": `experience._PERSON`), and an earlier job
after a break ("before that a legal secretary", "previously a receptionist", "prior to that, a
nanny": `experience._AS_A`). The real model: POST /v1/skills/extract {"jobs": true} on the last
30 lines of tests/fixtures/cv_lines.json (their "jobs")."""

from __future__ import annotations

import time
from collections import defaultdict

import pytest
from sqlmodel import Session

from service.profiles.experience import experience_evidence, title_before_doing, title_phrases


@pytest.mark.parametrize(
    ("title", "head"),
    [
        ("Sales rep selling printing services", "Sales rep"),
        ("Area sales exec visiting garages", "Area sales exec"),
        ("IT tech fixing laptops", "IT tech"),
        ("Store mgr running a team", "Store mgr"),
        ("Care asst turning residents", "Care asst"),
        ("Postman delivering letters", "Postman"),
        ("Dinner lady serving lunches", None),  # "lady": no word of a trade's person
        ("Farm hand milking cows", "Farm hand"),
        ("Bar staff serving drinks", "Bar staff"),
        ("Cabin crew serving passengers", "Cabin crew"),
        ("Barista making lattes", "Barista"),
        ("Midwife delivering babies", "Midwife"),
        # words of a person's ending that name no job's person
        ("German speaking customers", None),
        ("Human resources", None),
        ("Woman cleaning offices", None),
    ],
)
def test_a_short_persons_word_before_a_word_of_doing(title, head):
    assert title_before_doing(title) == head


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Raising my children; before that a legal secretary, audio typing", "legal secretary"),
        ("Career break. Previously a receptionist at a GP surgery", "receptionist"),
        ("Prior to that, a nanny for two families", "nanny"),
        ("Formerly an HGV driver for Eddie Stobart", "HGV driver"),
        ("Before then a postman", "postman"),
    ],
)
def test_an_earlier_job_after_a_break(text, phrase):
    assert phrase in [p for p, *_ in title_phrases(text)]


def test_an_earlier_time_without_an_article_names_no_job():
    phrases = [p for p, *_ in title_phrases("Previously worked in retail; before that at home")]
    assert not {"worked in retail", "at home", "home"} & set(phrases)


def _growth(read, make, n=5_000):
    """Seconds for an input four times as long over those for `make(n)` (best of 3): about 4
    where the time grows linearly, 16 where it grows with the square."""

    def best(x):
        text, times = make(x), []
        for _ in range(3):
            t0 = time.perf_counter()
            read(text)
            times.append(time.perf_counter() - t0)
        return max(min(times), 1e-3)

    return best(4 * n) / best(n)


@pytest.mark.parametrize(
    ("read", "make"),
    [
        (lambda t: list(title_phrases(t)), lambda n: "before that a " * n),
        (lambda t: list(title_phrases(t)), lambda n: "previously, a rep selling " * n),
        (title_before_doing, lambda n: "rep selling " * n),
        (title_before_doing, lambda n: "postman " * n + "delivering"),
    ],
)
def test_hostile_long_and_repeated_input_grows_linearly(read, make):
    assert _growth(read, make) < 8


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "occupation"),
    [
        (
            "Sales rep selling printing services to local businesses",
            "commercial sales representative",
        ),
        ("Postman delivering letters and parcels on a walking round", "postman/postwoman"),
        ("Barista making lattes and flat whites for a busy commuter crowd", "barista"),
        (
            "Returning to work after 8 years raising my children; before that a legal"
            " secretary, audio typing",
            "legal administrative assistant",
        ),
    ],
)
def test_the_rounds_jobs_on_the_real_model(real_runtime, text, occupation):
    with Session(real_runtime.engine) as s:
        read = experience_evidence(real_runtime, s, text, defaultdict(list), trust=0.6)
    assert [j.title for j in read] == [occupation]
