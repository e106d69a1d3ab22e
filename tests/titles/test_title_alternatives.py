"""The alternatives after a curated reading (service/titles/alternatives.py): those neither an
exact ESCO label nor of the curated reading's ISCO major group go last ("site manager": no
*webmaster* by O*NET's "Web Site Manager"); any other title's order is left as it is."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlmodel import Session

from models.tables import Occupation
from service.titles.alternatives import strays_last
from service.titles.resolver import TitleCandidate

ISCO = {1: "1323", 2: "1322", 3: "2513", 4: "2144", 5: "1324", 6: "2166"}


def _c(eid: int, exact: bool = False, tier: int = 5) -> TitleCandidate:
    return TitleCandidate(eid, 1.0, 1.0, "x", "alternative", exact, tier)


def test_after_a_curated_reading_strays_go_last_in_their_order():
    ranked = [_c(1, True, 0), _c(3), _c(4, True, 4), _c(6), _c(2), _c(5)]
    got = [c.occupation_id for c in strays_last(ranked, ISCO.get)]
    assert got == [1, 4, 2, 5, 3, 6]  # 4: ESCO's own label (exact) stays; 3, 6 of group 2 last


@pytest.mark.parametrize(
    "ranked",
    [
        [_c(1), _c(3), _c(2)],  # no curated reading: as it was
        [_c(3, True, 4), _c(1), _c(2)],
        [],
    ],
)
def test_without_a_curated_reading_the_order_is_kept(ranked):
    assert strays_last(ranked, ISCO.get) == ranked


def test_an_unknown_occupation_s_group_is_no_group():
    ranked = [_c(1, True, 0), _c(9), _c(2)]
    got = [c.occupation_id for c in strays_last(ranked, lambda e: ISCO.get(e, ""))]
    assert got == [1, 2, 9]


@pytest.mark.slow
def test_a_site_manager_s_alternatives_are_no_web_work(real_runtime):
    with Session(real_runtime.engine) as s:
        labels = dict(s.execute(select(Occupation.id, Occupation.preferred_label)).all())
    top = [labels[c.occupation_id] for c in real_runtime.titles.resolve("site manager").candidates]
    assert top[:3] == ["construction manager", "mine manager", "metal production manager"]
    assert not {"webmaster", "user interface designer", "web developer"} & set(top), top
    gas = [labels[c.occupation_id] for c in real_runtime.titles.resolve("gas engineer").candidates]
    assert gas[:2] == ["gas service technician", "petroleum engineer"]  # ESCO's own, kept
