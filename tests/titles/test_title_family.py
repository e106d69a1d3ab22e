"""A title several trades' names say, none equal to it (service/titles/family.py): "crane
operator" reads with a warning and the other crane operators next; a title whose evidence chooses
("nurse") or that names its occupation reads without one."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlmodel import Session

from models.tables import Occupation
from service.titles.family import FAMILY_MARGIN, names_a_family

CRANES = ["production plant crane operator", "mobile crane operator", "tower crane operator"]


def test_a_family_is_close_readings_that_all_say_the_title_and_more():
    assert names_a_family("crane operator", CRANES, [2.73, 2.69, 2.68], False)
    assert names_a_family("crane operators", CRANES, [2.73, 2.69, 2.68], False)  # a plural


@pytest.mark.parametrize(
    ("query", "preferred", "scores", "exact"),
    [
        ("crane operator", CRANES, [2.73, 2.69, 2.68], True),  # the first is its name
        ("crane operator", CRANES, [3.0, 2.9, 3.0 - FAMILY_MARGIN], False),  # the evidence chose
        ("crane operator", CRANES[:2], [2.73, 2.69], False),  # fewer than three readings
        ("crane operator", [*CRANES[:2], "crane crew supervisor"], [2.7, 2.7, 2.7], False),
        ("crane operator", [*CRANES[:2], "crane operator"], [2.7, 2.7, 2.7], False),  # says no more
        ("", CRANES, [2.7, 2.7, 2.7], False),  # no word
        ("!!", CRANES, [2.7, 2.7, 2.7], False),
    ],
)
def test_no_family_where_a_reading_chooses_or_another_word_is_missing(
    query, preferred, scores, exact
):
    assert not names_a_family(query, preferred, scores, exact)


@pytest.mark.slow
def test_crane_operator_warns_and_shows_the_other_crane_operators(real_runtime):
    """Since round h-titles10 "crane operator" is a title several trades use
    (`several.SHARED_TITLES`): a site's mobile crane operator first (the family's reading put a
    plant's first), the learner's trade choosing; a CV's crane operator names no one of them."""
    from service.titles.resolver import SHARED_TITLE

    with Session(real_runtime.engine) as s:
        labels = dict(s.execute(select(Occupation.id, Occupation.preferred_label)).all())
    got = real_runtime.titles.resolve("crane operator")
    top = [labels[c.occupation_id] for c in got.candidates]
    assert got.confident and got.warning == SHARED_TITLE
    assert top[:3] == ["mobile crane operator", "tower crane operator", CRANES[0]], top
    assert real_runtime.titles.resolve("crane operator", k=1).warning == SHARED_TITLE


@pytest.mark.slow
@pytest.mark.parametrize(
    "title", ["nurse", "student nurse", "tower crane operator", "Gas Engineer"]
)
def test_a_title_whose_evidence_chooses_carries_no_family_warning(real_runtime, title):
    assert real_runtime.titles.resolve(title).warning is None
