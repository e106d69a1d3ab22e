"""A workplace said before "as (a)" and the title ("I have worked in a care home for 6 years as a
senior carer", "I work in a hospital as a porter"): read into the title as a place said after it
is (`workplace.place_titles_before`, `title_readings.at_place`). Before, the senior carer read
*home care aide* (a carer in people's own homes: "buy groceries", "iron textiles"), the bank's
cashier a shop's *cashier*, the hotel's housekeeper and the hospital's porter no job."""

from __future__ import annotations

import pytest

from service.profiles.experience import title_phrases
from service.profiles.workplace import place_titles_before
from tests.growth import assert_linear
from tests.profiles.reading import jobs_read


def _before(text: str, title: str) -> list[str]:
    return place_titles_before(text, text.rindex(title), title)


@pytest.mark.parametrize(
    ("text", "title", "first"),
    [
        (
            "I have worked in a care home for 6 years as a senior carer.",
            "senior carer",
            "care home senior carer",
        ),
        ("Worked at a hotel as a housekeeper for 3 years", "housekeeper", "hotel housekeeper"),
        (
            "I was in a bank for ten years as a cashier",
            "cashier",
            "bank cashier",
        ),  # "for": no place
        (
            "In a primary school as a teaching assistant",
            "teaching assistant",
            "primary school teaching assistant",
        ),
        ("I work in a hospital as porter", "porter", "hospital porter"),  # no article
        # the place nearest the title (review: a hotel's kitchen porter read a *hotel porter*)
        ("I worked at a hotel in the kitchen as a porter", "porter", "kitchen porter"),
        ("I worked at a hotel in the bar as a waiter", "waiter", "bar waiter"),
    ],
)
def test_the_place_before_as_is_read_into_the_title(text, title, first):
    assert _before(text, title)[0] == first


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("I worked at Tesco as a cashier", "cashier"),  # an employer, no kind of place
        ("I live in a small town. I work as a cleaner", "cleaner"),  # another sentence
        ("At home as a carer for my mum", "carer"),  # "at home" says no workplace
        ("I worked in a care home and then as a carer", "carer"),  # "and then": not the place's
        ("Care home. Senior carer", "carer"),  # no "as"
        # another person's workplace, or another clause's (review)
        ("My wife works in a school while I work as a driver", "driver"),
        ("My dad worked in a garage so I started as a cleaner", "cleaner"),
        ("in a village near Leeds working as a cleaner", "cleaner"),
        ("in a hotel " + "word " * 10 + "as a porter", "porter"),  # too far from its title
    ],
)
def test_no_place_where_none_is_said_before_as(text, title):
    assert _before(text, title) == []


def test_a_place_said_with_as_present_tense_is_a_title_phrase():
    said = [t for t, _, _ in title_phrases("I work in a hospital as a porter")]
    assert "porter" in said


def test_hostile_long_input_grows_linearly():
    assert_linear(
        lambda t: _before(t, "porter"), lambda n: "in a hotel " * n + "as a porter", n=2_000
    )


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "job"),
    [
        (
            "I have worked in a care home for 6 years as a senior carer.",
            "residential care home worker",
        ),
        ("I work in a nursing home as a carer", "residential care home worker"),
        ("Worked at a hotel as a housekeeper for 3 years", "room attendant"),
        ("I was in a bank for ten years as a cashier", "bank teller"),
        ("I work in a hospital as a porter", "hospital porter"),
        ("I worked in a restaurant as a manager", "restaurant manager"),
        ("I work as a carer", "home care aide"),  # no place: as before
    ],
)
def test_the_job_with_its_place_on_the_real_model(real_runtime, text, job):
    assert jobs_read(real_runtime, text)[:1] == [job]
