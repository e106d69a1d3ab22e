"""A learner's words, a fifteenth round (docs/quality.md): a service of the armed forces before a
trade ("Army chef": `service.titles.names`), "tech" last in a title a technician ("IT tech":
`words.CLIPPED_WORDS`), a dinner lady and a dairy farm hand (`curated.CURATED_TITLES`), a word
of doing done to a customer ("Data entry clerk keying customer orders": `experience._NO_PERSON`).
The real model: POST /v1/skills/extract {"jobs": true} on the last 30 lines of
tests/fixtures/cv_lines.json (their "jobs")."""

from __future__ import annotations

import pytest

from service.profiles.experience import title_before_doing
from service.titles.curated import CURATED_TITLES, KITCHEN_ASSISTANT, LIVESTOCK_WORKER
from service.titles.names import without_names
from service.titles.words import normalise_title
from tests.growth import assert_linear
from tests.profiles.reading import jobs_read

_KNOWN = {"army", "navy", "captain", "chef", "mechanic", "driver", "royal"}


def _without(title):
    return without_names(title, _KNOWN, lambda _w: None)


@pytest.mark.parametrize(
    ("title", "trade"),
    [
        ("Army chef", "chef"),
        ("Royal Navy chef", "chef"),
        ("British Army driver", "driver"),
        ("RAF Brize mechanic", "mechanic"),  # a service, then a station's name
        ("Royal Marines cook", "cook"),
        ("Army captain", "captain"),  # read whole first by `experience._job_of`
    ],
)
def test_a_service_of_the_forces_before_a_trade_is_a_name(title, trade):
    assert _without(title) == trade


@pytest.mark.parametrize("title", ["Army", "army chef", "Navy"])
def test_a_service_alone_or_unwritten_as_a_name_keeps_the_title(title):
    assert _without(title) in (None, title.split(maxsplit=1)[-1])
    assert _without("Army") is None  # a word of a trade must be left


@pytest.mark.parametrize(
    ("title", "normal"),
    [
        ("IT tech", "it technician"),
        ("Lab tech", "lab technician"),
        ("Tech lead", "tech lead"),  # before a word: left as written
        ("Tech support analyst", "tech support analyst"),
    ],
)
def test_tech_last_is_a_technician(title, normal):
    assert normalise_title(title).endswith(normal)


def test_the_rounds_curated_titles():
    assert CURATED_TITLES["dinner lady"] == (KITCHEN_ASSISTANT, *CURATED_TITLES["dinner lady"][1:])
    for kind in ("dairy farm hand", "dairy farm worker", "pig farm hand", "sheep farm worker"):
        assert CURATED_TITLES[kind] == (LIVESTOCK_WORKER,)
    assert "farm hand" not in CURATED_TITLES  # ESCO's label: a crop worker's


@pytest.mark.parametrize(
    ("title", "head"),
    [
        ("Data entry clerk keying customer orders", "Data entry clerk"),
        ("Clerk sorting letter post", "Clerk"),
        ("Senior nursing assistant helping residents", "Senior nursing assistant"),  # a kind
        ("Theater lighting technician", None),
    ],
)
def test_a_customer_after_a_word_of_doing_is_no_kind_of_person(title, head):
    assert title_before_doing(title) == head


@pytest.mark.parametrize(
    ("read", "make"),
    [
        (_without, lambda n: "Army " * n + "chef"),
        (_without, lambda n: "Royal Navy Royal " * n),
        (normalise_title, lambda n: "IT tech " * n),
        (title_before_doing, lambda n: "clerk keying customer " * n),
    ],
)
def test_hostile_long_and_repeated_input_grows_linearly(read, make):
    assert_linear(read, make, n=2_000)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "occupation"),
    [
        ("Army chef for 4 years, cooking for troops on exercise", "chef"),
        ("Royal Navy chef for 6 years, cooking for 200 crew at sea", "chef"),
        ("Army captain for 10 years", "army captain"),
        ("IT tech for a GP practice, setting up PCs", "ICT technician"),
        ("Dinner lady at the local primary for 8 years", "kitchen assistant"),
        ("Dairy farm hand, milking the herd", "livestock worker"),
        ("Data entry clerk keying customer orders into the system", "data entry clerk"),
    ],
)
def test_the_rounds_jobs_on_the_real_model(real_runtime, text, occupation):
    assert jobs_read(real_runtime, text) == [occupation]
