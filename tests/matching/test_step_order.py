"""The order of a plan's steps, as an adviser hands it out (service.matching.order): prerequisites
first; a one-skill course for other work and a long step after the others; the skills most
central to the role first; then the basics before advanced credentials, the larger gain first."""

from __future__ import annotations

from dataclasses import replace

import pytest

from service.matching.order import LONG_STEP_HOURS
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


# --- round h-plans6: what the role is about first, no side course first, no long step first ---


@pytest.mark.parametrize("mode", MODES)
def test_the_step_whose_skills_are_most_central_comes_first_whatever_its_level(mode):
    gap = gap_of(1, 2, 3)
    catalog = [
        option("access_intro", [1], 1.0, level="beginner"),
        option("service_adv", [2, 3], 1.0, level="advanced"),
    ]
    central = {1: 0.1, 2: 0.8, 3: 0.4}
    p = plan(gap, catalog, mode=mode, config=no_alts(), central=central)
    assert ids(p) == ["service_adv", "access_intro"]
    # the same steps with the centrality turned round
    p = plan(gap, catalog, mode=mode, config=no_alts(), central={1: 0.9, 2: 0.1, 3: 0.1})
    assert ids(p) == ["access_intro", "service_adv"]


@pytest.mark.parametrize("mode", MODES)
def test_centrality_is_the_gain_weighted_mean_of_what_a_step_teaches(mode):
    gap = gap_of(1, 2, 3, 4)
    catalog = [
        option("broad", [1, 2, 3], 1.0),  # mean (0.9 + 0.1 + 0.1) / 3 = 0.37
        option("core", [4], 1.0),  # 0.6
    ]
    central = {1: 0.9, 2: 0.1, 3: 0.1, 4: 0.6}
    assert ids(plan(gap, catalog, mode=mode, config=no_alts(), central=central)) == [
        "core",
        "broad",
    ]


@pytest.mark.parametrize("mode", MODES)
def test_a_one_skill_course_written_for_other_work_never_leads(mode):
    gap = replace(gap_of(1, 2, 3), role_isco="1412")  # restaurant managers
    catalog = [
        option("manufacturing", [1], 1.0, audience=("1321",)),  # manufacturing managers
        option("restaurant", [2, 3], 1.0, audience=("1412",)),
    ]
    central = {1: 0.9, 2: 0.3, 3: 0.3}  # its one skill is the most central
    cfg = no_alts(aim_hours_ratio=1.5)  # the audience rule on, as the service has it
    assert ids(plan(gap, catalog, mode=mode, config=cfg, central=central)) == [
        "restaurant",
        "manufacturing",
    ]
    # a one-skill course for this work, or for anyone, still leads on its centrality
    for aud in (("1412",), ()):
        catalog[0] = option("manufacturing", [1], 1.0, audience=aud)
        p = plan(gap, catalog, mode=mode, config=cfg, central=central)
        assert ids(p) == ["manufacturing", "restaurant"]
    # with the audience rule off, audiences say nothing of the order either
    catalog[0] = option("manufacturing", [1], 1.0, audience=("1321",))
    assert ids(plan(gap, catalog, mode=mode, config=no_alts(), central=central))[0] == (
        "manufacturing"
    )


@pytest.mark.parametrize("mode", MODES)
def test_a_long_step_comes_after_the_shorter_ones(mode):
    gap = gap_of(1, 2, 3, 4, 5)
    catalog = [
        option("certificate", [1, 2, 3, 4], LONG_STEP_HOURS + 30, level="beginner"),
        option("course", [5], 8.0),
    ]
    central = {1: 0.5, 2: 0.5, 3: 0.5, 4: 0.5, 5: 0.3}
    p = plan(gap, catalog, mode=mode, config=no_alts(), central=central)
    assert ids(p) == ["course", "certificate"]
    catalog[0] = option("certificate", [1, 2, 3, 4], LONG_STEP_HOURS, level="beginner")
    p = plan(gap, catalog, mode=mode, config=no_alts(), central=central)
    assert ids(p) == ["certificate", "course"]


@pytest.mark.parametrize("mode", MODES)
def test_a_prerequisite_comes_first_and_ranks_with_the_step_that_needs_it(mode):
    gap = gap_of(1, 2, 3, 4)
    catalog = [
        option("base", [1], 1.0),
        option("central_next", [2], 1.0, prerequisites=["base"]),
        option("other", [3, 4], 1.0),  # the larger gain
    ]
    central = {1: 0.1, 2: 0.9, 3: 0.5, 4: 0.5}
    p = plan(gap, catalog, mode=mode, config=no_alts(), central=central)
    assert ids(p) == ["base", "central_next", "other"]
