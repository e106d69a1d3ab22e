"""Short, relevant plans: a per-step overhead (each credential charged step_overhead_hours on top
of its hours, in the objective, the floor and effort) and a higher floor for optional steps
(optional_min_gain_per_hour), applied alike by the greedy and the exact planner."""

from dataclasses import replace

import numpy as np
import pytest

from service.matching import Constraints, plan
from service.matching.greedy import Weights, ratio_greedy
from service.matching.problem import build_problem
from service.matching.stages import key
from tests.matching.test_greedy_vs_exact import _random_instance
from tests.matching.test_planner import gap_of, ids, no_alts, option

MODES = ["greedy", "exact"]


@pytest.mark.parametrize("mode", MODES)
def test_step_overhead_prefers_one_larger_credential_that_teaches_as_much(mode):
    # four 2 h badges or one 12 h course teach the same four skills
    catalog = [option("big", [1, 2, 3, 4], 12.0)] + [option(f"s{i}", [i], 2.0) for i in range(1, 5)]
    gap = gap_of(1, 2, 3, 4)
    p = plan(gap, catalog, mode=mode, config=no_alts())
    assert sorted(ids(p)) == ["s1", "s2", "s3", "s4"]  # 8 h < 12 h
    p = plan(gap, catalog, mode=mode, config=no_alts(step_overhead_hours=5.0))
    assert ids(p) == ["big"]  # 12 + 5 h < 4 x (2 + 5) h
    assert p.total_hours == pytest.approx(12.0)  # the overhead is not study time
    assert (
        p.skipped["s1"]
        == "adds nothing the plan lacks: its skills are covered as well by the plan's steps"
    )


@pytest.mark.parametrize("mode", MODES)
def test_step_overhead_raises_the_floor_per_step(mode):
    # skill 2 weighs 0.5: 0.5 >= 0.01 x 10 h, but not 0.01 x (10 + 50) h
    catalog = [option("a", [1], 10.0), option("b", [2], 10.0)]
    gap = gap_of(1, 2, weights={2: 0.5})
    config = no_alts(min_gain_per_hour=0.01)
    assert sorted(ids(plan(gap, catalog, mode=mode, config=config))) == ["a", "b"]
    p = plan(gap, catalog, mode=mode, config=replace(config, step_overhead_hours=50.0))
    assert ids(p) == ["a"]
    assert p.skipped["b"] == (
        "adds 0.008 of the role's weight per hour (10 h + 50 h per step), "
        "below min_gain_per_hour 0.01"
    )


@pytest.mark.parametrize("mode", MODES)
def test_an_optional_step_must_earn_the_optional_floor(mode):
    # skill 3 is optional (0.5): o adds 0.05 per hour, an essential step needs 0.01 only
    gap = gap_of(1, 2, 3, weights={3: 0.5}, essential={3: False})
    catalog = [option("e1", [1], 5.0), option("e2", [2], 60.0), option("o", [3], 10.0)]
    config = no_alts(min_gain_per_hour=0.01)
    p = plan(gap, catalog, mode=mode, config=config)
    assert sorted(ids(p)) == ["e1", "e2", "o"] and p.steps[-1].optional
    p = plan(gap, catalog, mode=mode, config=replace(config, optional_min_gain_per_hour=0.1))
    assert sorted(ids(p)) == ["e1", "e2"]  # e2 adds 0.017 per hour: essential, it stays
    assert p.skipped["o"] == (
        "adds 0.050 of the role's weight per hour (10 h), below optional_min_gain_per_hour 0.1"
    )


def _key(p, gap, catalog, budget, config):
    pb = build_problem(gap, catalog, budget, step_hours=config.step_overhead_hours)
    sel = np.zeros(len(pb.units), dtype=bool)
    s1 = sel.copy()
    for s in p.steps:
        sel[pb.index[s.option.external_id]] = True
        s1[pb.index[s.option.external_id]] = not s.optional
    return key(pb, sel, s1, config)


def test_greedy_and_exact_agree_under_the_new_rules_on_random_instances():
    rng = np.random.default_rng(16)
    same, n = 0, 60
    for seed in range(n):
        gap, catalog, budget = _random_instance(seed)
        budget = replace(budget or Constraints(), max_steps=int(rng.integers(2, 7)))
        config = no_alts(
            min_gain_per_hour=float(rng.choice([0.0, 0.005, 0.01])),
            step_overhead_hours=float(rng.choice([0.0, 5.0, 20.0])),
            optional_min_gain_per_hour=float(rng.choice([0.0, 0.02, 0.05])),
        )
        g = plan(gap, catalog, budget, config=config)
        e = plan(gap, catalog, budget, mode="exact", config=config)
        assert e.optimal, seed
        kg, ke = _key(g, gap, catalog, budget, config), _key(e, gap, catalog, budget, config)
        assert kg[0] <= ke[0] + 1e-6, seed  # the optimum is the reference on essentials
        assert kg[0] >= ke[0] - 0.05 * max(1.0, abs(ke[0])), seed  # and greedy stays close
        for p in (g, e):
            assert len(p.steps) <= budget.max_steps, seed
            flags = [s.optional for s in p.steps]
            assert flags == sorted(flags), seed
        same += sorted(ids(g)) == sorted(ids(e))
    assert same >= 0.9 * n  # the very same plan on nearly all (59 of 60 when written)


def _textbook(pb, w: Weights) -> set[int]:
    """Ratio greedy over bundles, each step charged pb.step_hours on top of its hours."""
    sel: set[int] = set()
    best = np.zeros(len(pb.items))
    while True:
        top, pick = 0.0, None
        for i in np.flatnonzero(pb.valid):
            bundle = [q for q in (i, *pb.closure[i]) if q not in sel]
            if i in sel:
                continue
            gain = float((np.maximum(pb.credits[bundle].max(axis=0), best) - best) @ pb.weights)
            effort = sum(pb.hours[q] + pb.step_hours + w.money_weight * pb.cost[q] for q in bundle)
            if gain > 1e-9 and gain / effort > top:
                top, pick = gain / effort, bundle
        if pick is None:
            return sel
        sel.update(int(q) for q in pick)
        best = np.maximum(best, pb.credits[pick].max(axis=0))


def test_the_greedy_ratio_charges_the_overhead_per_step():
    rng = np.random.default_rng(3)
    for seed in range(30):
        gap, catalog, _ = _random_instance(seed)
        catalog = [replace(c, hours=c.hours + rng.random()) for c in catalog]  # no ties
        pb = build_problem(gap, catalog, step_hours=15.0)
        w = Weights(stack_bonus=0.0)
        assert set(np.flatnonzero(ratio_greedy(pb, w)).tolist()) == _textbook(pb, w), seed


@pytest.mark.parametrize("mode", MODES)
def test_an_empty_plan_blames_the_budget_only_where_it_keeps_every_step_out(mode):
    # the only credential teaches an optional skill: it fits 100 h but adds too little per hour
    gap = gap_of(1, 2, weights={2: 0.5}, essential={2: False})
    catalog = [option("o", [2], 15.0)]
    config = no_alts(optional_min_gain_per_hour=0.1)
    p = plan(gap, catalog, Constraints(max_hours=100.0), mode=mode, config=config)
    assert p.steps == [] and "o" in p.skipped
    assert "fits your budget" not in p.message, p.message  # it was "needs 15 h"
    assert "adds enough of what you still need for its hours" in p.message
    # under a budget it does not fit, the budget is the reason
    p = plan(gap, catalog, Constraints(max_hours=10.0), mode=mode, config=config)
    assert p.steps == [] and "fits your budget" in p.message and "needs 15 h" in p.message
