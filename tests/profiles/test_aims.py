"""An aim is no skill held (service/profiles/aims.py): "looking to move into nursing" gave
*provide nursing advice on healthcare*, "I would like to learn Python" *Python*."""

from __future__ import annotations

import pytest
from sqlmodel import Session

from service.profiles.aims import aim_spans, without_aims
from service.profiles.learner import build_learner
from tests.growth import assert_linear


@pytest.mark.parametrize(
    ("text", "aim"),
    [
        ("Caring support worker looking to move into nursing.", "looking to move into nursing"),
        ("I want to become a nurse.", "I want to become a nurse"),
        ("Aspiring data analyst.", "Aspiring data analyst"),
        ("I am an aspiring chef with 2 years in kitchens.", "I am an aspiring chef"),
        ("Currently seeking new opportunities in retail.", "seeking new opportunities in retail"),
        ("Seeking a role in project management", "Seeking a role in project management"),
        ("I would like to learn Python, SQL and Excel.",
         "I would like to learn Python, SQL and Excel"),
        ("Keen to develop my leadership skills; 5 years in retail.",
         "Keen to develop my leadership skills"),
        ("Looking to move into IT, and I have built two websites.", "Looking to move into IT"),
        ("Hoping to retrain as an electrician but still driving a van.",
         "Hoping to retrain as an electrician"),
        ("My career goal is to manage a team\nCashier for 3 years",
         "My career goal is to manage a team"),
    ],
)  # fmt: skip
def test_an_aim_is_blanked_to_the_end_of_its_clause(text, aim):
    spans = aim_spans(text)
    assert [text[a:b].strip() for a, b in spans] == [aim]
    blanked = without_aims(text)
    assert len(blanked) == len(text)
    assert aim not in blanked and blanked.replace(" ", "") == text.replace(aim, "").replace(" ", "")


@pytest.mark.parametrize(
    "text",
    [
        "I wanted to cut waiting times, so I built a booking system.",  # a past aim is a deed
        "Mentored aspiring chefs and ran the pass.",  # others' aims
        "Managed attention-seeking behaviour calmly.",
        "Supported clients with job seeking and CVs.",
        "Looking after children aged 2 to 5 in a nursery.",
        "Interested in people.",  # no aim of work
        "Managed stock, rotas and training for 12 staff.",
        "",
    ],
)
def test_words_that_are_no_aim_are_kept(text):
    assert without_aims(text) == text


@pytest.mark.parametrize(
    "make",
    [
        lambda n: "keen to " * n,
        lambda n: "looking to" + " x" * n,
        lambda n: "I want to become " * n,
    ],
)
def test_hostile_aims_are_read_in_linear_time(make):
    text = make(20_000)
    assert len(without_aims(text)) == len(text)
    assert_linear(without_aims, make)


@pytest.mark.slow
def test_an_aim_reads_no_skill_and_the_job_before_it_still_reads(real_runtime):
    with Session(real_runtime.engine) as s:
        aim = build_learner(real_runtime, s, text="Support worker looking to move into nursing.")
        plain = build_learner(real_runtime, s, text="I would like to learn Python and SQL.")
    labels = {real_runtime.skills[sid].preferred_label for sid in aim.evidence}
    assert not any("nurs" in lab for lab in labels), labels
    assert aim.job_titles, "the support worker's job is still read"
    assert plain.evidence == {}


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Senior Care Assistant (2020 - present)", "Senior Care Assistant (2020 -        )"),
        ("Cashier, March 2019 – Present: tills", "Cashier, March 2019 –        : tills"),
        ("2018 to date, store manager", "2018 to     , store manager"),
        ("I present reports to the board", "I present reports to the board"),
        ("Presented at 2019 conference; present weekly updates", None),
    ],
)
def test_the_open_end_of_a_date_range_is_no_skill(text, kept):
    from service.profiles.dates import without_dates

    got = without_dates(text)
    assert len(got) == len(text)
    assert got == (kept if kept is not None else text)
