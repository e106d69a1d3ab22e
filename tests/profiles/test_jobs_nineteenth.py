"""Jobs a learner's line names that ESCO files elsewhere or not at all (round "jobs-19",
docs/quality.md): a farm worker of animals, not crops (`several.SHARED_TITLES`: the line's work
says which), a herdsman, a tenancy officer, a chambermaid, a developer (curated titles), a
building society's cashier (`place_names`: a bank's), a school's cook (`title_readings.
_another_trade`: O*NET's "School Cafeteria Cook" is filed under fast food crews). The real model
on the round's development lines of tests/fixtures/cv_lines.json."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from service.profiles.place_names import as_known_place
from service.profiles.title_readings import _another_trade
from service.titles.curated import CURATED_TITLES, ROOM_ATTENDANT
from service.titles.several import CROP_PRODUCTION_WORKER, SHARED_TITLES
from service.titles.tech_titles import SOFTWARE_DEVELOPER
from service.titles.work_titles import HOUSING_MANAGER, LIVESTOCK_WORKER
from tests.growth import assert_linear
from tests.profiles.reading import jobs_read, round_lines


@pytest.mark.parametrize(
    ("title", "said"),
    [
        ("Building society cashier", "bank cashier"),
        ("building  society clerk", "bank clerk"),  # its own spacing
        ("Credit union teller", "bank teller"),
        ("Bank cashier", None),  # the taxonomy's name already
        ("Society cashier", None),  # no workplace's other name
        ("Buildings cashier", None),
    ],
)
def test_a_workplace_said_by_its_other_name(title, said):
    assert as_known_place(title) == said


def _read(kind: str) -> SimpleNamespace:
    return SimpleNamespace(label_kind=kind)


@pytest.mark.parametrize(
    ("kind", "labels", "trade", "another"),
    [
        # O*NET's "School Cafeteria Cook", filed under fast food crews: no label says "cook"
        ("known title", ("quick service restaurant crew member", "fast food worker"), "cook", True),
        # a "medical receptionist" is the receptionist's trade: kept
        (
            "known title",
            ("medical administrative assistant", "medical receptionist"),
            "receptionist",
            False,
        ),
        # an ESCO label read loosely is the taxonomy's own: kept
        ("alternative", ("front line medical receptionist",), "receptionist", False),
        ("known title", ("head chef", "sous chef"), "chef", False),
        ("known title", ("baker",), "", False),  # no trade's word
    ],
)
def test_a_known_titles_reading_of_another_trade(kind, labels, trade, another):
    assert _another_trade(_read(kind), labels, trade) is another


def test_the_rounds_curated_titles():
    assert SHARED_TITLES["farm worker"] == (CROP_PRODUCTION_WORKER, LIVESTOCK_WORKER)
    assert SHARED_TITLES["farm hand"] == SHARED_TITLES["farm worker"]
    for herd in ("herdsman", "dairy herdsman", "herdswoman", "cattle herdsperson"):
        assert CURATED_TITLES[herd][0] == LIVESTOCK_WORKER
    assert CURATED_TITLES["tenancy officer"][0] == HOUSING_MANAGER
    assert CURATED_TITLES["chambermaid"] == (ROOM_ATTENDANT,)
    assert CURATED_TITLES["developer"][0] == SOFTWARE_DEVELOPER
    assert "farm worker" not in CURATED_TITLES  # a title of two trades, read by its line


def test_hostile_long_and_repeated_input_grows_linearly():
    assert_linear(as_known_place, lambda n: "building society " * n + "cashier", n=2_000)
    assert_linear(as_known_place, lambda n: "building " * n + "cashier", n=2_000)


def _dev_lines() -> list[dict]:
    return round_lines("jobs-19")


def test_the_round_has_development_lines():
    assert len(_dev_lines()) == 13


@pytest.mark.slow
@pytest.mark.parametrize("line", _dev_lines(), ids=lambda x: x["text"][:40])
def test_the_rounds_jobs_on_the_real_model(real_runtime, line):
    read = jobs_read(real_runtime, line["text"])
    assert read and read[0] in line["jobs"], read


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "jobs"),
    [
        # the line's work says the farm's kind; a line that says none reads no job
        ("Farm worker milking cows and driving tractors", ["livestock worker"]),
        ("Farm hand on a dairy farm, milking twice a day", ["livestock worker"]),
        ("Farm worker", []),
        # a cook after a workplace, where O*NET's title files the whole elsewhere
        ("Hotel cook", ["cook"]),  # "Hotel and Restaurant Cook": a *baker*
        ("Clinic receptionist", ["medical administrative assistant"]),  # as before
        ("Surgery receptionist for 5 years", ["front line medical receptionist"]),
        # a developer with a word of its own is that developer
        ("Property developer", ["property developer"]),
        ("Junior Java developer", ["software developer"]),
        ("Credit union teller", ["bank teller"]),
    ],
)
def test_the_rounds_readings_beside_its_lines_on_the_real_model(real_runtime, text, jobs):
    assert jobs_read(real_runtime, text) == jobs
