"""Plans a person would follow: essential skills first (optional steps marked and only once every
coverable essential skill is planned), at most max_steps steps, no step below min_gain_per_hour,
unknown hours and costs kept unknown (or a labelled estimate) with budgets treating them per
policy, and a reason for every credential left out, in both modes."""

from dataclasses import replace

import numpy as np
import pytest

from service.matching import Constraints, PlannerConfig, plan
from service.matching.problem import build_problem
from service.matching.stages import key
from tests.matching.test_greedy_vs_exact import _random_instance
from tests.matching.test_planner import gap_of, ids, no_alts, option

MODES = ["greedy", "exact"]


def _role():
    # skills 1 and 2 essential, 3 optional (weight 0.5)
    return gap_of(1, 2, 3, weights={3: 0.5}, essential={3: False})


@pytest.mark.parametrize("mode", MODES)
def test_optional_step_comes_after_every_essential_one_and_is_marked(mode):
    # o has by far the best ratio, but it closes no essential skill: it goes last, marked
    catalog = [option("e1", [1], 5.0), option("e2", [2], 5.0), option("o", [3], 0.5)]
    p = plan(_role(), catalog, Constraints(max_hours=20), mode=mode, config=no_alts())
    assert ids(p) == ["e1", "e2", "o"] or ids(p) == ["e2", "e1", "o"]
    assert [s.optional for s in p.steps] == [False, False, True]
    assert [c.label for c in p.steps[0].closes] and not p.steps[2].closes
    assert p.steps[2].explanation.startswith("Optional:")
    assert "1 of them optional" in p.message


@pytest.mark.parametrize("mode", MODES)
def test_no_optional_step_while_a_coverable_essential_skill_is_open(mode):
    # the budget takes one essential course only: the cheap optional badge stays out, and says why
    catalog = [option("e1", [1], 10.0), option("e2", [2], 10.0), option("o", [3], 0.5)]
    p = plan(_role(), catalog, Constraints(max_hours=12), mode=mode, config=no_alts())
    assert len(p.steps) == 1 and ids(p)[0] in ("e1", "e2")
    assert "o" not in ids(p)
    assert p.skipped["o"].startswith("optional (it closes no essential skill")
    other = "e2" if ids(p) == ["e1"] else "e1"
    assert "hours left" in p.skipped[other]


@pytest.mark.parametrize("mode", MODES)
def test_max_steps_bounds_the_plan_and_counts_prerequisites(mode):
    catalog = [option(f"c{i}", [i], 1.0 + i / 10) for i in range(1, 6)]
    p = plan(gap_of(1, 2, 3, 4, 5), catalog, Constraints(max_steps=3), mode=mode, config=no_alts())
    assert len(p.steps) == 3 and p.total_hours == pytest.approx(1.1 + 1.2 + 1.3)
    assert sum("max_steps 3" in why for why in p.skipped.values()) == 2
    # a credential whose prerequisite makes two steps does not fit a one-step plan
    lookup = {"p": option("p", [], 1.0)}
    both = [option("a", [1, 2], 1.0, prerequisites=["p"]), option("b", [1], 5.0)]
    p = plan(gap_of(1, 2), both, Constraints(max_steps=1), lookup=lookup, mode=mode)
    assert ids(p) == ["b"]
    assert p.skipped["a"].startswith("needs 2 steps with its prerequisites (P)")


@pytest.mark.parametrize("mode", MODES)
def test_a_step_below_min_gain_per_hour_is_left_out(mode):
    # slow teaches skill 2 at 200 h: 0.005 of the role's weight per hour < 0.01
    catalog = [option("quick", [1], 4.0), option("slow", [2], 200.0)]
    config = no_alts(min_gain_per_hour=0.01)
    p = plan(gap_of(1, 2), catalog, mode=mode, config=config)
    assert ids(p) == ["quick"]
    assert "below min_gain_per_hour 0.01" in p.skipped["slow"]
    assert "200 h" in p.skipped["slow"]
    assert ids(plan(gap_of(1, 2), catalog, mode=mode, config=no_alts())) == ["quick", "slow"]


def _stage_key(p, gap, catalog, budget, config):
    pb = build_problem(gap, catalog, budget)
    sel = np.zeros(len(pb.units), dtype=bool)
    s1 = sel.copy()
    for s in p.steps:
        sel[pb.index[s.option.external_id]] = True
        s1[pb.index[s.option.external_id]] = not s.optional
    return key(pb, sel, s1, config)


def test_greedy_and_exact_solve_the_same_limited_problem():
    rng = np.random.default_rng(5)
    for seed in range(40):
        gap, catalog, budget = _random_instance(seed)
        k = int(rng.integers(1, 6))
        budget = replace(budget or Constraints(), max_steps=k)
        lam = float(rng.choice([0.0, 0.01, 0.05]))
        config = no_alts(min_gain_per_hour=lam)
        g = plan(gap, catalog, budget, config=config)
        e = plan(gap, catalog, budget, mode="exact", config=config)
        assert e.optimal, seed
        for p in (g, e):
            assert len(p.steps) <= k, seed
            assert p.total_hours <= (budget.max_hours or np.inf) + 1e-9, seed
            # every optional step comes after every essential one
            flags = [s.optional for s in p.steps]
            assert flags == sorted(flags), seed
        kg = _stage_key(g, gap, catalog, budget, config)
        ke = _stage_key(e, gap, catalog, budget, config)
        assert kg[0] <= ke[0] + 1e-6, seed  # greedy never beats the optimum on essentials
        if abs(kg[0] - ke[0]) <= 1e-6 and not any(s.optional for s in g.steps + e.steps):
            assert kg <= (ke[0], ke[1] + 1e-6, ke[2] + 1e-6), seed


@pytest.mark.parametrize("mode", MODES)
def test_every_step_earns_its_hours_on_random_all_essential_roles(mode):
    for seed in range(25):
        gap, catalog, budget = _random_instance(seed)
        gap = replace(gap, items=[replace(it, essential=True) for it in gap.items])
        lam = 0.02
        p = plan(gap, catalog, budget, mode=mode, config=no_alts(min_gain_per_hour=lam))
        pb = build_problem(gap, catalog, budget)
        w = pb.essential_weights()
        sel = np.zeros(len(pb.units), dtype=bool)
        for s in p.steps:
            sel[pb.index[s.option.external_id]] = True
        for s in p.steps:
            if s.required_by or s.optional:
                continue
            i = pb.index[s.option.external_id]
            without = sel.copy()
            without[i] = False
            loss = (pb.offered(sel) - pb.offered(without)) @ w
            assert loss >= lam * pb.hours[i] - 1e-6, (seed, s.option.external_id)


@pytest.mark.parametrize("mode", MODES)
def test_every_candidate_left_out_has_a_reason(mode):
    for seed in range(30):
        gap, catalog, budget = _random_instance(seed)
        budget = replace(budget or Constraints(), max_steps=3)
        p = plan(gap, catalog, budget, mode=mode, config=no_alts(min_gain_per_hour=0.01))
        planned = set(ids(p))
        assert set(p.skipped) == {c.external_id for c in catalog} - planned, seed
        assert all(isinstance(w, str) and w for w in p.skipped.values())


# --- unknown hours and costs ------------------------------------------------------------------


def _unknown(**kw):
    base = dict(hours=None, hours_estimate=4.0, hours_note="estimate: median of 9 badges")
    return option("u", [2], **(base | kw))


@pytest.mark.parametrize("mode", MODES)
def test_an_estimate_is_counted_and_labelled_under_the_estimate_policy(mode):
    catalog = [option("k", [1], 3.0), _unknown()]
    p = plan(gap_of(1, 2), catalog, Constraints(max_hours=10), mode=mode, config=no_alts())
    assert sorted(ids(p)) == ["k", "u"]
    assert p.total_hours == pytest.approx(7.0) and p.hours_estimated == pytest.approx(4.0)
    step = next(s for s in p.steps if s.option.external_id == "u")
    assert "about 4 h (estimate: median of 9 badges)" in step.explanation
    assert "4 h of it estimated" in p.message
    # a budget the estimate does not fit leaves it out, saying so
    p = plan(gap_of(1, 2), catalog, Constraints(max_hours=6), mode=mode, config=no_alts())
    assert ids(p) == ["k"] and "estimate: median of 9 badges" in p.skipped["u"]


@pytest.mark.parametrize("mode", MODES)
def test_the_exclude_policy_leaves_unknown_hours_out_of_a_budget_only(mode):
    catalog = [option("k", [1], 3.0), _unknown()]
    config = no_alts(unknown_effort="exclude")
    p = plan(gap_of(1, 2), catalog, Constraints(max_hours=100), mode=mode, config=config)
    assert ids(p) == ["k"]
    assert p.skipped["u"].startswith("hours unknown (not stated;")
    assert "unknown_effort=exclude" in p.skipped["u"]
    # no hours budget: nothing to count it against, it is planned
    assert sorted(ids(plan(gap_of(1, 2), catalog, mode=mode, config=config))) == ["k", "u"]


@pytest.mark.parametrize("mode", MODES)
def test_unknown_without_estimate_is_never_zero_hours_or_free(mode):
    catalog = [option("k", [1], 3.0), _unknown(hours_estimate=None, hours_note="", cost=None)]
    p = plan(gap_of(1, 2), catalog, mode=mode, config=no_alts())
    assert sorted(ids(p)) == ["k", "u"] and p.hours_unknown == ["u"] and p.cost_unknown == ["u"]
    step = next(s for s in p.steps if s.option.external_id == "u")
    assert "hours not stated, price not stated" in step.explanation
    assert " 0 h" not in step.explanation and "free" not in step.explanation
    assert "hours not stated for 1 step" in p.message
    p = plan(gap_of(1, 2), catalog, Constraints(max_hours=50), mode=mode, config=no_alts())
    assert ids(p) == ["k"]
    assert (
        p.skipped["u"]
        == "hours unknown (not stated, no estimate): cannot be counted against max_hours"
    )
    p = plan(gap_of(1, 2), catalog, Constraints(max_cost=50), mode=mode, config=no_alts())
    assert "cost unknown" in p.skipped["u"]


def test_planner_config_defaults_keep_old_rules():
    c = PlannerConfig()
    assert c.min_gain_per_hour == 0.0 and c.unknown_effort == "estimate"
    assert Constraints().max_steps is None
