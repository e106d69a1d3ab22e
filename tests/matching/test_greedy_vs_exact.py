"""Greedy against exact: oversized inputs refused, exact never worse and greedy close on random
instances, and the lazy vectorised greedy equal to the textbook ratio greedy."""

from dataclasses import replace

import numpy as np
import pytest

from service.matching import (
    Constraints,
    LearnerProfile,
    PlannerConfig,
    PlanTooLargeError,
    RequiredSkill,
    RoleProfile,
    compute_gap,
    greedy,
    plan,
)
from service.matching.greedy import Weights, ratio_greedy
from service.matching.problem import build_problem
from tests.matching.test_planner import gap_of, ids, no_alts, option


@pytest.mark.parametrize("batch", [1, 64])
def test_prerequisite_taken_for_one_step_makes_another_cheaper(batch, monkeypatch):
    # D (with P) goes first; then A needs only its own hour and beats B, though A's bundle
    # with P looked worse than B before. A lazy greedy must notice the drop.
    monkeypatch.setattr(greedy, "LAZY_BATCH", batch)
    gap = gap_of(1, 2, 3, 4, 5, 6)
    catalog = [
        option("d", [1, 2, 3], 1.0, prerequisites=["p"]),
        option("a", [4, 5], 1.0, prerequisites=["p"]),
        option("b", [4, 5], 2.5),
        option("e", [6], 1.5),
    ]
    p = plan(gap, catalog, lookup={"p": option("p", [], 2.0)}, config=no_alts(local_search=False))
    assert ids(p) == ["p", "d", "a", "e"]


@pytest.mark.parametrize("batch", [1, 2])
def test_ties_do_not_stall_the_lazy_greedy(batch, monkeypatch):
    monkeypatch.setattr(greedy, "LAZY_BATCH", batch)
    catalog = [option(f"x{i}", [1 + i % 2], 2.0) for i in range(8)]
    p = plan(gap_of(1, 2), catalog, Constraints(max_hours=10), config=no_alts())
    assert len(p.steps) == 2 and p.feasible


# --- exact against greedy -----------------------------------------------------------------


def test_exact_refuses_oversized_inputs_and_greedy_copes():
    gap = gap_of(*range(12))
    catalog = [option(f"c{i}", [i], 1.0 + i) for i in range(12)]
    catalog += [option("useless", [99], 1.0)]  # teaches no gap skill: not counted
    config = PlannerConfig(max_exact_options=11)
    with pytest.raises(PlanTooLargeError, match="at most 11 candidates.*has 12"):
        plan(gap, catalog, mode="exact", config=config)
    assert len(plan(gap, catalog, config=config).steps) == 12
    assert len(plan(gap, catalog[:11] + catalog[12:], mode="exact", config=config).steps) == 11


def _random_instance(seed: int):
    rng = np.random.default_rng(seed)
    m, n = int(rng.integers(5, 12)), int(rng.integers(8, 30))
    role = RoleProfile(
        "R",
        [
            RequiredSkill(s, f"s{s}", float(rng.uniform(0.2, 1.0)), bool(rng.random() < 0.5))
            for s in range(m)
        ],
    )
    shown = rng.choice(m, size=m // 3, replace=False)
    gap = compute_gap(role, LearnerProfile({int(s): float(rng.uniform(0, 0.7)) for s in shown}))
    catalog = []
    for i in range(n):
        taught = rng.choice(m, size=int(rng.integers(1, 4)), replace=False)
        needs = [f"c{int(rng.integers(0, i))}"] if i > 2 and rng.random() < 0.15 else []
        catalog.append(
            option(
                f"c{i}",
                {int(s): float(rng.choice([0.4, 0.7, 1.0])) for s in taught},
                float(rng.integers(1, 40)),
                float(rng.choice([0, 20, 100, 300])),
                prerequisites=needs,
            )
        )
    budget = Constraints(max_hours=float(rng.integers(20, 80))) if rng.random() < 0.5 else None
    return gap, catalog, budget


def test_exact_never_worse_and_greedy_close_on_random_instances():
    effort = lambda p: p.total_hours + 0.1 * p.total_cost  # noqa: E731
    gaps, ratios = [], []
    for seed in range(60):
        gap, catalog, budget = _random_instance(seed)
        g = plan(gap, catalog, budget, config=no_alts())
        e = plan(gap, catalog, budget, mode="exact", config=no_alts())
        assert e.optimal, seed
        assert e.total_hours <= (budget.max_hours if budget else np.inf) + 1e-9
        assert g.total_hours <= (budget.max_hours if budget else np.inf) + 1e-9
        assert e.coverage_after >= g.coverage_after - 1e-6, seed
        if abs(e.coverage_after - g.coverage_after) < 1e-6:
            assert effort(e) <= effort(g) + 1e-6, seed
        if budget is None:  # no budget: both close every coverable skill
            assert g.coverage_after == pytest.approx(e.coverage_after, abs=1e-6)
            assert g.unmet == [] and g.feasible
            ratios.append(effort(g) / effort(e) if effort(e) else 1.0)
        gaps.append(e.coverage_after - g.coverage_after)
    assert max(gaps) <= 0.08  # worst case on these tight knapsack-like budgets
    assert np.mean(gaps) <= 0.01  # within a point of coverage on average
    assert np.mean(ratios) <= 1.03 and max(ratios) <= 1.25


def _reference_ratio_greedy(pb, w: Weights) -> set[int]:
    """Textbook ratio greedy over bundles (a unit with its unselected prerequisites)."""
    sel: set[int] = set()
    best = np.zeros(len(pb.items))
    while True:
        top, pick = 0.0, None
        for i in range(len(pb.units)):
            if i in sel or not pb.valid[i]:
                continue
            bundle = [q for q in (i, *pb.closure[i]) if q not in sel]
            gain = float((np.maximum(pb.credits[bundle].max(axis=0), best) - best) @ pb.weights)
            hours = sum(pb.hours[q] for q in bundle) + sum(pb.hours[q] for q in sel)
            cost = sum(pb.cost[q] for q in bundle) + sum(pb.cost[q] for q in sel)
            if gain <= 1e-9 or hours > pb.max_hours or cost > pb.max_cost:
                continue
            effort = sum(w.hour_weight * pb.hours[q] + w.money_weight * pb.cost[q] for q in bundle)
            if gain / max(effort, 1e-6) > top:
                top, pick = gain / max(effort, 1e-6), bundle
        if pick is None:
            return sel
        sel.update(pick)
        best = np.maximum(best, pb.credits[pick].max(axis=0))


@pytest.mark.parametrize("batch", [1, 3, 64])
def test_lazy_vectorised_greedy_matches_the_textbook_one(batch, monkeypatch):
    monkeypatch.setattr(greedy, "LAZY_BATCH", batch)  # small batches exercise the laziness
    rng = np.random.default_rng(7)
    for seed in range(40):
        gap, catalog, budget = _random_instance(seed)
        # continuous hours and costs: no ties, so both must pick the very same set
        catalog = [
            replace(c, hours=c.hours + rng.random(), cost=c.cost * rng.random()) for c in catalog
        ]
        pb = build_problem(gap, catalog, budget)
        w = Weights(stack_bonus=0.0)
        fast = set(np.flatnonzero(ratio_greedy(pb, w)).tolist())
        assert fast == _reference_ratio_greedy(pb, w), seed
