"""Round h-titles14 (docs/planning.md, "Titles, a fourteenth round"): a reading's nearest known
title counts as its evidence where an ESCO label a hair closer is shown (`kept.py`: "electric
vehicle technician" by O*NET's "Electric Vehicle Supply Equipment Technician", 0.875, where the
label "vehicle technician" is 0.876); "telesales" said as ESCO says it; the curated titles of a
quality control analyst (shared), an environmental health officer, a parts advisor and a
caregiver."""

from __future__ import annotations

from collections import defaultdict

import pytest
from sqlmodel import Session

from service.titles.curated import CURATED_TITLES
from service.titles.kept import DROPPED_TIER, demote_dropping
from service.titles.resolver import SHARED_TITLE, TitleCandidate
from service.titles.several import (
    CHEMICAL_MANUFACTURING_QUALITY_TECHNICIAN,
    PRODUCT_QUALITY_CONTROLLER,
    SHARED_TITLES,
)
from service.titles.words import expand_abbreviations, normalise_title
from service.titles.work_titles import ENVIRONMENTAL_HEALTH_INSPECTOR, WORK_TITLES
from tests.growth import assert_linear
from tests.titles.labels import occupation_labels

VOCABULARY = frozenset({"electric", "vehicle", "technician", "electrician"})
QUERY = "electric vehicle technician"


def _c(eid, score, sim, evidence, kind="known title", known=None) -> TitleCandidate:
    return TitleCandidate(eid, score, sim, evidence, kind, known=known)


def _tiers(candidates) -> dict[int, int]:
    return {c.occupation_id: c.tier for c in candidates}


def test_a_reading_s_own_known_title_keeps_the_words_behind_a_closer_label():
    found = [
        _c(1, 3.44, 0.893, "Electrician Technician"),
        # the known title says every word; the label "vehicle technician" is shown, a hair closer
        _c(2, 3.32, 0.876, "vehicle technician", "preferred", (0.875, "Electric Vehicle Supply"
           " Equipment Technician")),
    ]  # fmt: skip
    assert _tiers(demote_dropping(found, QUERY, VOCABULARY)) == {1: DROPPED_TIER, 2: 5}


@pytest.mark.parametrize(
    "known",
    [
        None,  # no known title: a label does not outrank a known title
        (0.80, "Electric Vehicle Supply Equipment Technician"),  # not as close
        (0.89, "Vehicle Technician"),  # as close, but drops "electric"
    ],
)
def test_no_known_title_that_keeps_the_words_as_close_changes_nothing(known):
    found = [
        _c(1, 3.44, 0.893, "Electrician Technician"),
        _c(2, 3.32, 0.95, "electric vehicle technician expert", "alternative", known),
    ]
    assert _tiers(demote_dropping(found, QUERY, VOCABULARY)) == {1: 5, 2: 5}


def test_a_label_first_still_compares_labels():
    """The first's evidence is a label: a keeper's known title is not its kind."""
    found = [
        _c(1, 3.44, 0.893, "electrician technician", "alternative"),
        _c(2, 3.32, 0.80, "vehicle", "alternative", (0.95, "Electric Vehicle Technician")),
    ]
    assert _tiers(demote_dropping(found, QUERY, VOCABULARY)) == {1: 5, 2: 5}


def test_reading_a_long_title_with_known_titles_grows_linearly():
    def read(title: str) -> object:
        found = [
            _c(1, 3.0, 0.9, "Electrician Technician"),
            _c(2, 2.9, 0.9, "vehicle", "alternative", (0.9, title)),
        ]
        return demote_dropping(found, title, VOCABULARY)

    assert_linear(read, lambda n: "electric vehicle " * (n // 17) + "technician", n=2_000)


def test_telesales_is_said_as_esco_says_it_and_qc_as_quality_control():
    assert expand_abbreviations("telesales executive") == "telephone sales executive"
    assert expand_abbreviations(normalise_title("QC Analyst")) == "quality control analyst"


def test_the_curated_titles_of_the_round():
    readings = SHARED_TITLES["quality control analyst"]
    assert readings[0] == CHEMICAL_MANUFACTURING_QUALITY_TECHNICIAN
    assert PRODUCT_QUALITY_CONTROLLER in readings
    assert WORK_TITLES["environmental health officer"][0] == ENVIRONMENTAL_HEALTH_INSPECTOR
    for title in ("environmental health officer", "parts advisor", "caregiver"):
        assert CURATED_TITLES[title] == WORK_TITLES[title]


def _labels(runtime) -> dict[int, str]:
    return occupation_labels(runtime)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("title", "first", "never"),
    [
        # O*NET's industrial engineering technologists' "Quality Control Analyst" no longer reads
        ("Quality Control Analyst", "chemical manufacturing quality technician",
         "industrial engineering technician"),
        ("QC Analyst", "chemical manufacturing quality technician",
         "industrial engineering technician"),
        ("Environmental health officer", "environmental health inspector",
         "environmental programme coordinator"),
        ("Parts advisor", "motor vehicles parts advisor", "clothing shop manager"),
        ("Caregiver", "home care aide", "companion"),
        ("Telesales executive", "call centre agent", "chief executive officer"),
        ("EV technician", "vehicle technician", "consumer electronics repair technician"),
    ],
)  # fmt: skip
def test_the_round_s_titles_read_their_trade(real_runtime, title, first, never):
    labels = _labels(real_runtime)
    got = real_runtime.titles.resolve(title)
    top = [labels[c.occupation_id] for c in got.candidates]
    # `never`: the first reading before the round, which it no longer is (it may follow)
    assert got.confident and top[0] == first != never, (title, top)


@pytest.mark.slow
def test_a_quality_control_analyst_is_shared_and_read_in_the_learner_s_trade(real_runtime):
    from service.profiles.experience import experience_evidence
    from service.recommend.level_title import read_in_trade

    labels = _labels(real_runtime)
    got = real_runtime.titles.resolve("QC Analyst")
    assert got.warning == SHARED_TITLE
    top = [labels[c.occupation_id] for c in got.candidates]
    assert top[:2] == ["chemical manufacturing quality technician", "chemistry technician"], top
    text = "Quality inspector on a car parts assembly line: checking parts against drawings."
    with Session(real_runtime.engine) as s:
        jobs = experience_evidence(real_runtime, s, text, defaultdict(list), trust=0.6)
        named = {j.occupation_id: j.phrase for j in jobs}
        read = read_in_trade(real_runtime, s, got, named, text)
    assert read is not None and read.label == "product quality controller", read
