"""A fair share (service.matching.fair_share): an essential step worth much less per charged
hour than its plan is struck, in both modes; and generic skills worth less in choosing steps
(planner.worth_problem), counted in full in the plan's coverage."""

from dataclasses import replace

import numpy as np
import pytest

from service.matching import Constraints, plan
from service.matching.fair_share import fair_share
from service.matching.planner import worth_problem
from service.matching.problem import build_problem
from tests.matching.test_planner import gap_of, ids, no_alts, option

MODES = ["greedy", "exact"]
ALL = Constraints(max_hours=200)


def _config(share: float = 0.0, generic_weight: float = 1.0):
    return no_alts(
        min_gain_per_hour=0.003,
        step_overhead_hours=100.0,
        fair_share=share,
        generic_weight=generic_weight,
    )


def _strong_and_weak(weak_hours: float = 20.0):
    # two steps of four and five skills in 10 h each, then one skill in weak_hours: 1 / 120
    # = 0.0083 per charged hour, above the floor (0.003), under 0.3 x the plan's 10 / 340
    return [
        option("strong1", [1, 2, 3, 4, 5], 10.0),
        option("strong2", [6, 7, 8, 9], 10.0),
        option("weak", [10], weak_hours),
    ]


@pytest.mark.parametrize("mode", MODES)
def test_a_step_worth_much_less_than_its_plan_is_struck(mode):
    gap, cat = gap_of(*range(1, 11)), _strong_and_weak()
    before = plan(gap, cat, ALL, mode=mode, config=_config())
    assert sorted(ids(before)) == ["strong1", "strong2", "weak"]
    after = plan(gap, cat, ALL, mode=mode, config=_config(share=0.3))
    assert sorted(ids(after)) == ["strong1", "strong2"]
    assert after.coverage_after == pytest.approx(before.coverage_after - 0.1)


@pytest.mark.parametrize("mode", MODES)
def test_a_step_near_its_plans_rate_stays(mode):
    # 8 h for the one skill: 1 / 108 = 0.0093, above 0.3 x 10 / 328 = 0.0091
    gap, cat = gap_of(*range(1, 11)), _strong_and_weak(weak_hours=8.0)
    p = plan(gap, cat, ALL, mode=mode, config=_config(share=0.3))
    assert sorted(ids(p)) == ["strong1", "strong2", "weak"]


@pytest.mark.parametrize("mode", MODES)
def test_a_plan_of_like_steps_keeps_them_all(mode):
    cat = [option(f"one{k}", [k], 10.0) for k in (1, 2, 3)]
    p = plan(gap_of(1, 2, 3), cat, ALL, mode=mode, config=_config(share=0.9))
    assert sorted(ids(p)) == ["one1", "one2", "one3"]


@pytest.mark.parametrize("mode", MODES)
def test_a_prerequisite_of_a_kept_step_is_never_struck(mode):
    cat = [
        option("strong", [1, 2, 3, 4, 5], 10.0, prerequisites=["pre"]),
        option("pre", [6], 20.0),
    ]
    p = plan(gap_of(*range(1, 7)), cat, ALL, mode=mode, config=_config(share=0.9))
    assert sorted(ids(p)) == ["pre", "strong"]


def test_the_weakest_goes_first_and_the_bar_is_the_plan_left():
    # "weaker" (1 / 180) is under 0.3 x 11 / 520; then "weak" (1 / 120) under 0.3 x 10 / 340,
    # which it was not while "weaker" pulled the plan's rate down
    gap = gap_of(*range(1, 12))
    cat = [*_strong_and_weak(), option("weaker", [11], 80.0)]
    pb = build_problem(gap, cat, Constraints(), step_hours=100.0)
    sel = np.ones(len(pb.units), dtype=bool)

    def added(rest, s):
        return float(np.maximum(pb.credits[s] - pb.offered(rest), 0.0) @ pb.weights)

    left = fair_share(pb, sel, 0.3, added=added)
    assert sorted(pb.units[i].external_id for i in np.flatnonzero(left)) == ["strong1", "strong2"]
    locked = np.array([u.external_id == "weak" for u in pb.units])
    kept = fair_share(pb, sel, 0.3, added=added, locked=locked)
    assert sorted(pb.units[i].external_id for i in np.flatnonzero(kept)) == [
        "strong1",
        "strong2",
        "weak",
    ]
    assert (fair_share(pb, sel, 0.0, added=added) == sel).all()


@pytest.mark.parametrize("mode", MODES)
def test_a_generic_skill_weighs_less_in_choosing_and_in_full_in_coverage(mode):
    # room for one step: "soft" (generic skill 1, 9 h) beats "core" (skill 2, 10 h) on hours
    # alone; at half its weight the core step wins
    gap = gap_of(1, 2)
    cat = [option("soft", [1], 9.0), option("core", [2], 10.0)]
    room = Constraints(max_hours=10)
    assert ids(plan(gap, cat, room, mode=mode, config=_config(), generic={1})) == ["soft"]
    p = plan(gap, cat, room, mode=mode, config=_config(generic_weight=0.5), generic={1})
    assert ids(p) == ["core"]
    assert p.coverage_after == pytest.approx(0.5)  # skill 2 counts in full
    p = plan(gap_of(1), [cat[0]], room, mode=mode, config=_config(generic_weight=0.5), generic={1})
    assert ids(p) == ["soft"] and p.coverage_after == pytest.approx(1.0)


@pytest.mark.parametrize("mode", MODES)
def test_a_step_for_one_generic_skill_alone_falls_under_the_floor(mode):
    # 0.25 / 110 = 0.0023 per charged hour, under 0.003
    cat = [option("soft", [1], 10.0)]
    assert ids(plan(gap_of(1), cat, ALL, mode=mode, config=_config(), generic={1})) == ["soft"]
    p = plan(gap_of(1), cat, ALL, mode=mode, config=_config(generic_weight=0.25), generic={1})
    assert ids(p) == []


def test_worth_problem_scales_only_generic_open_skills():
    pb = build_problem(gap_of(1, 2, 3), [option("a", [1, 2, 3], 5.0)], Constraints())
    assert worth_problem(pb, {1}, 1.0) is pb
    assert worth_problem(pb, {99}, 0.5) is pb
    order = [it.skill_id for it in pb.items]
    w = worth_problem(pb, {1, 3}, 0.5).weights
    assert dict(zip(order, w, strict=True)) == {1: 0.5, 2: 1.0, 3: 0.5}


def _long_for_little(short: bool = True):
    # two strong steps (10 h each), then "long" (65 h) for skill 10 and the half-weight skill
    # 11: 1.5 / 165 per charged hour passes a fair share of 0.3 (10.5 / 385 x 0.3 = 0.0082),
    # but per hour of study it earns 1.5 / 65 = 0.023, under 0.35 x 10.5 / 85 = 0.043;
    # "short" teaches skill 10 as well in 20 h (1 / 20 = 0.05 per hour of study)
    cat = [*_strong_and_weak()[:2], option("long", [10, 11], 65.0)]
    return [*cat, option("short", [10], 20.0)] if short else cat


@pytest.mark.parametrize("mode", MODES)
def test_a_long_step_for_little_gives_way_to_a_shorter_one_for_its_main_skill(mode):
    gap = gap_of(*range(1, 12), weights={11: 0.5})
    cfg = no_alts(min_gain_per_hour=0.003, step_overhead_hours=100.0, fair_share=0.3)
    before = plan(gap, _long_for_little(), ALL, mode=mode, config=cfg)
    assert sorted(ids(before)) == ["long", "strong1", "strong2"]
    after = plan(gap, _long_for_little(), ALL, mode=mode, config=replace(cfg, study_share=0.35))
    assert sorted(ids(after)) == ["short", "strong1", "strong2"]
    assert after.total_hours == pytest.approx(before.total_hours - 45.0)
    # no shorter credential teaches skill 10: the long step stays
    alone = plan(
        gap, _long_for_little(short=False), ALL, mode=mode, config=replace(cfg, study_share=0.35)
    )
    assert sorted(ids(alone)) == ["long", "strong1", "strong2"]


@pytest.mark.parametrize("mode", MODES)
def test_what_a_long_step_given_up_freed_is_planned_again(mode):
    # skill 11 at 0.9: "long" adds 1.9 in 65 h (0.029 per hour of study, under 0.35 x 10.9 / 85);
    # "short" takes its place for skill 10, then "other11" (8 h) teaches skill 11 on its own:
    # the same coverage in 28 h instead of 65
    gap = gap_of(*range(1, 12), weights={11: 0.9})
    cat = [*_long_for_little(), option("other11", [11], 8.0)]
    cfg = no_alts(min_gain_per_hour=0.003, step_overhead_hours=100.0, fair_share=0.3)
    before = plan(gap, cat, ALL, mode=mode, config=cfg)
    assert sorted(ids(before)) == ["long", "strong1", "strong2"]
    after = plan(gap, cat, ALL, mode=mode, config=replace(cfg, study_share=0.35))
    assert sorted(ids(after)) == ["other11", "short", "strong1", "strong2"]
    assert after.coverage_after == pytest.approx(before.coverage_after)
    assert after.total_hours == pytest.approx(before.total_hours - 37.0)
