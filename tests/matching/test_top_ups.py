"""No step only to top up what another step of the plan teaches itself (stages.prune with
taught_min): its gain on such a skill does not count towards its floor, in both modes."""

import numpy as np
import pytest

from service.matching import Constraints, plan
from service.matching.problem import build_problem
from service.matching.stages import new_gain
from tests.matching.test_planner import gap_of, ids, no_alts, option

MODES = ["greedy", "exact"]


def _catalog():
    # "products" teaches skill 2 as a side topic (0.65); "again" teaches it in full and
    # nothing else: 0.35 of a skill more, which its 10 h earn at a floor of 0.003 per hour
    return [
        option("products", {1: 1.0, 2: 0.65}, 15.0),
        option("again", {2: 1.0}, 10.0),
    ]


def _config(taught_min: float):
    return no_alts(min_gain_per_hour=0.003, step_overhead_hours=100.0, taught_min=taught_min)


@pytest.mark.parametrize("mode", MODES)
def test_a_step_that_only_tops_up_a_skill_another_step_teaches_is_struck(mode):
    gap, cat = gap_of(1, 2), _catalog()
    before = plan(gap, cat, Constraints(max_hours=100), mode=mode, config=_config(0.0))
    assert sorted(ids(before)) == ["again", "products"]
    after = plan(gap, cat, Constraints(max_hours=100), mode=mode, config=_config(0.5))
    assert ids(after) == ["products"]
    assert after.coverage_after == pytest.approx(before.coverage_after - 0.35 / 2)


@pytest.mark.parametrize("mode", MODES)
def test_a_step_that_also_teaches_something_new_stays(mode):
    cat = _catalog()
    cat[1] = option("again", {2: 1.0, 3: 1.0}, 10.0)
    p = plan(gap_of(1, 2, 3), cat, Constraints(max_hours=100), mode=mode, config=_config(0.5))
    assert sorted(ids(p)) == ["again", "products"]


@pytest.mark.parametrize("mode", MODES)
def test_teaching_a_skill_itself_after_a_similar_one_counts(mode):
    # "near" teaches 9, a neighbour of skill 2 (0.65 credit), not skill 2 itself
    cat = [option("near", {1: 1.0, 9: 1.0}, 15.0), option("again", {2: 1.0}, 10.0)]
    gap = gap_of(1, 2)
    nb = {2: {9: 0.65}}
    p = plan(gap, cat, Constraints(max_hours=100), mode=mode, config=_config(0.5), neighbours=nb)
    assert sorted(ids(p)) == ["again", "near"]


def test_new_gain_leaves_out_what_the_rest_teaches_itself():
    gap = gap_of(1, 2)
    pb = build_problem(gap, _catalog(), Constraints())
    k = {u.external_id: i for i, u in enumerate(pb.units)}
    rest = np.zeros(len(pb.units), dtype=bool)
    rest[k["products"]] = True
    assert new_gain(pb, rest, k["again"]) == pytest.approx(0.35)
    assert new_gain(pb, rest, k["again"], taught_min=0.5) == 0.0
    assert new_gain(pb, rest, k["again"], taught_min=0.7) == pytest.approx(0.35)


@pytest.mark.parametrize("mode", MODES)
def test_the_hours_a_struck_step_frees_go_to_another(mode):
    # within 25.5 h "products" (15 h) leaves room for "again" (1 h) or "new" (10 h), not both;
    # "again" adds more per hour, but only to skill 2, which "products" teaches itself
    cat = [*_catalog()[:1], option("again", {2: 1.0}, 1.0), option("new", {3: 0.34}, 10.0)]
    gap, limits = gap_of(1, 2, 3), Constraints(max_hours=25.5)
    before = plan(gap, cat, limits, mode=mode, config=_config(0.0))
    assert sorted(ids(before)) == ["again", "products"]
    after = plan(gap, cat, limits, mode=mode, config=_config(0.5))
    assert sorted(ids(after)) == ["new", "products"]
