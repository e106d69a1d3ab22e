"""The order of a plan's steps, as an adviser hands it out: prerequisites first, then the basics
before advanced credentials, then the larger gain first."""

from __future__ import annotations

import pytest

from tests.matching.test_planner import MODES, gap_of, ids, no_alts, option, plan


@pytest.mark.parametrize("mode", MODES)
def test_a_beginner_step_comes_before_an_advanced_one_of_larger_gain(mode):
    gap = gap_of(1, 2, 3)
    catalog = [
        option("adv", [1, 2], 1.0, level="advanced"),
        option("mid", [3], 1.0, level="intermediate"),
    ]
    assert ids(plan(gap, catalog, mode=mode, config=no_alts())) == ["mid", "adv"]
    catalog.append(option("basics", [4], 1.0, level="Beginner"))
    gap = gap_of(1, 2, 3, 4)
    assert ids(plan(gap, catalog, mode=mode, config=no_alts())) == ["basics", "mid", "adv"]


@pytest.mark.parametrize("mode", MODES)
def test_an_unknown_level_sits_between_and_gain_orders_a_level(mode):
    gap = gap_of(1, 2, 3, 4, 5)
    catalog = [
        option("adv", [1], 1.0, level="advanced"),
        option("unknown_small", [2], 1.0),
        option("unknown_big", [3, 4], 1.0),
        option("beg", [5], 1.0, level="beginner"),
    ]
    p = plan(gap, catalog, mode=mode, config=no_alts())
    assert ids(p) == ["beg", "unknown_big", "unknown_small", "adv"]


@pytest.mark.parametrize("mode", MODES)
def test_a_prerequisite_comes_first_whatever_its_level(mode):
    gap = gap_of(1, 2)
    catalog = [
        option("adv_intro", [1], 1.0, level="advanced"),
        option("beg_next", [2], 1.0, level="beginner", prerequisites=["adv_intro"]),
    ]
    assert ids(plan(gap, catalog, mode=mode, config=no_alts())) == ["adv_intro", "beg_next"]
