"""Jobs whose place, object or second trade changes the reading (round "jobs-18",
docs/quality.md): the trade after "and" ("Tiler and kitchen fitter": `trade_after_and`), a
workplace's work said as the workplace ("Retail banking cashier": `placed_form`, "bank
cashier"), the trade after a shop's word in a title too long for one ("Mobile phone shop sales
assistant": `trade_after_shop`), a -ment word that is no person ("HR assistant handling
recruitment admin"), a shepherd's "-herd". The real model on the round's development lines of
tests/fixtures/cv_lines.json."""

from __future__ import annotations

import pytest

from service.profiles.experience import title_before_doing, title_phrases, trade_after_and
from service.profiles.title_tails import placed_form, trade_after_shop
from service.titles.work_titles import SCIENTIFIC_LABORATORY_TECHNICIAN, WORK_TITLES
from tests.growth import assert_linear
from tests.profiles.reading import jobs_read, round_lines


def _after_and(text: str, first: str) -> str | None:
    got = trade_after_and(text, text.index(first) + len(first))
    if got is None:
        return None
    phrase, start, end = got
    assert text[start:end] == phrase
    return phrase


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ("Tiler and kitchen fitter", "Tiler", "kitchen fitter"),
        ("Painter and plasterer on new builds", "Painter", "plasterer"),
        ("Payroll & HR assistant", "Payroll", "HR assistant"),
        # a short phrase is cut before its word of doing by `read_jobs`, as a title is
        (
            "Painter and plasterer fitting coving in new flats",
            "Painter",
            "plasterer fitting coving",
        ),
        ("Painter and plasterer fitting coving to new build flats", "Painter", "plasterer"),
        ("Cleaner and I also cook", "Cleaner", None),  # a sentence's subject, no title
        ("Tiler and. Then a kitchen fitter", "Tiler", None),  # the sentence ended
        ("Tiler, kitchen fitter", "Tiler", None),  # no "and"
        ("Tiler and kitchen fitter and plumber", "Tiler", "kitchen fitter"),  # one at a time
        ("Chef and managed the kitchen", "Chef", None),  # a verb of the past
    ],
)
def test_the_trade_after_and(text, first, second):
    assert _after_and(text, first) == second


@pytest.mark.parametrize(
    ("title", "form"),
    [
        ("banking cashier", "bank cashier"),
        ("Farming assistant", "farm assistant"),
        ("marketing assistant", None),  # no workplace
        ("banking", None),  # no trade after it
        ("bank cashier", None),
    ],
)
def test_a_workplaces_work_is_said_as_the_workplace(title, form):
    assert placed_form(title) == form


@pytest.mark.parametrize(
    ("phrase", "trade"),
    [
        ("Mobile phone shop sales assistant", "sales assistant"),
        ("Garden centre plant area sales assistant", "plant area sales assistant"),
        ("Mobile  phone shop  sales assistant", "sales assistant"),  # its own spacing
        ("Senior mobile phone shop sales assistant", None),  # the shop's word too far
        ("Electrician shop counter assistant", None),  # a person's word before the shop's
        ("Mobile phone shop", None),  # no trade after it
        ("Big shop one two three four five", None),  # too long for a title after it
    ],
)
def test_the_trade_after_a_shops_word(phrase, trade):
    assert trade_after_shop(phrase) == trade


def test_a_long_title_is_read_after_its_shops_word():
    text = "Mobile phone shop sales assistant"
    assert list(title_phrases(text)) == [("sales assistant", 18, 33)]


@pytest.mark.parametrize(
    ("title", "head"),
    [
        ("HR assistant handling recruitment admin", "HR assistant"),  # a -ment word: no person
        ("Clerk doing payment runs", "Clerk"),
        ("Shepherd lambing 600 ewes", "Shepherd"),
        ("Goatherd milking goats", "Goatherd"),
        ("Senior nursing assistant helping residents", "Senior nursing assistant"),  # as before
    ],
)
def test_a_word_of_doing_after_a_persons_word(title, head):
    assert title_before_doing(title) == head


def test_a_lab_technician_is_a_scientific_laboratory_technician_first():
    for lab in ("lab", "laboratory", "science"):
        assert WORK_TITLES[f"{lab} technician"][0] == SCIENTIFIC_LABORATORY_TECHNICIAN
    assert len(WORK_TITLES["housing officer"]) == 2


@pytest.mark.parametrize(
    ("read", "make"),
    [
        (lambda t: list(title_phrases(t)), lambda n: "Tiler and kitchen fitter, " * n),
        (lambda t: trade_after_and(t, 5), lambda n: "Tiler and " + "kitchen " * n + "fitter"),
        (trade_after_shop, lambda n: "phone " * n + "shop sales assistant"),
        (lambda t: list(title_phrases(t)), lambda n: "Mobile phone shop " * n),
        (title_before_doing, lambda n: "Shepherd recruitment " * n),
    ],
)
def test_hostile_long_and_repeated_input_grows_linearly(read, make):
    assert_linear(read, make, n=2_000)


def _dev_lines() -> list[dict]:
    return round_lines("jobs-18")


def test_the_round_has_development_lines():
    assert len(_dev_lines()) == 10


# "Farm worker milking cows and driving tractors" was a *crop production worker* (ESCO's "farm
# worker"); round jobs-19 reads a farm worker by the line's work (test_jobs_nineteenth.py)
_LEFT: set[str] = set()


@pytest.mark.slow
@pytest.mark.parametrize(
    "line", [x for x in _dev_lines() if x["text"] not in _LEFT], ids=lambda x: x["text"][:40]
)
def test_the_rounds_jobs_on_the_real_model(real_runtime, line):
    read = jobs_read(real_runtime, line["text"])
    assert read and read[0] in line["jobs"], read


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "jobs"),
    [
        ("Tiler and kitchen fitter", ["tile fitter", "kitchen unit installer"]),
        ("Painter and decorator", ["construction painter"]),  # a title of two words, as before
        ("Cleaner and caretaker at a primary school", ["building cleaner", "building caretaker"]),
        # a second trade is read by a label exactly: "service technician" was a computer's
        ("MOT tester and service technician at an independent garage", ["vehicle technician"]),
        ("Nursing home care assistant on nights", ["healthcare assistant"]),  # jobs-17's miss
    ],
)
def test_two_trades_joined_by_and_on_the_real_model(real_runtime, text, jobs):
    assert jobs_read(real_runtime, text) == jobs


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "jobs"),
    [
        # a workplace word that makes the trade specific stays read (review of the round)
        ("Surgery receptionist for 5 years", ["front line medical receptionist"]),
        ("Clinic receptionist", ["medical administrative assistant"]),
        ("Pharmacy counter assistant", ["pharmacy assistant"]),
        # a member of the family before "and" is no job, nor the care after it
        ("Mum and carer for my disabled son", []),
        ("Full-time mum and carer for my dad", []),
    ],
)
def test_a_place_that_makes_the_trade_and_a_family_member_on_the_real_model(
    real_runtime, text, jobs
):
    assert jobs_read(real_runtime, text) == jobs
