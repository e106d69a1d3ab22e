"""How good one plan is for a career move, from its steps' credits on the open gap skills.

A plan is its steps in order, each a row of credits over the open gap skills (options x skills,
as `service.matching.credit_matrix` gives them) and its hours. With residual_j = 1 - the
learner's credit for open skill j and w_j its weight:
- essential credit of a set of steps = sum over essential open skills j of
  w_j x min(residual_j, best credit a step offers for j) (overlaps count once, as the planner
  counts them);
- essential_coverage = that credit / `reachable`, the most essential credit any plan within the
  same hour budget reaches (the caller's HiGHS optimum, with no step limit and no gain-per-hour
  threshold): 1.0 means the plan teaches all the catalog can teach of the essential gap within
  the budget (1.0 when nothing is reachable);
- a step is relevant when, taken in the plan's order, it raises the credit of at least one
  essential gap skill; relevance = hours of relevant steps / hours of the plan (None for a plan
  of no hours: left out of the mean);
- essential_after = the share of the role's essential weight covered after the plan (the
  learner's credit plus the plan's); reach_80: essential_after >= 0.8.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

EPS = 1e-9
REACH = 0.8


@dataclass(frozen=True)
class Columns:
    """The open gap skills of one move: residual = 1 - credit, weight, essential (one entry
    per skill), and the role's essential weight in all (total) and already covered (before)."""

    residual: np.ndarray
    weights: np.ndarray
    essential: np.ndarray
    essential_total: float
    essential_before: float


@dataclass(frozen=True)
class PlanScore:
    essential_credit: float
    essential_coverage: float
    hours: float
    relevance: float | None
    steps: int
    essential_after: float

    @property
    def reach_80(self) -> bool:
        return self.essential_after >= REACH - EPS


def offered(rows: np.ndarray, cols: Columns) -> np.ndarray:
    """Credit per open skill the steps give together, capped at what is open."""
    if len(rows) == 0:
        return np.zeros(len(cols.residual))
    return np.minimum(np.asarray(rows).max(axis=0), cols.residual)


def essential_credit(rows: np.ndarray, cols: Columns) -> float:
    ess = cols.essential
    return float(offered(rows, cols)[ess] @ cols.weights[ess])


def relevant_steps(rows: np.ndarray, cols: Columns) -> list[bool]:
    """Per step, in order: whether it raises the credit of an essential gap skill."""
    best = np.zeros(len(cols.residual))
    out = []
    for row in np.asarray(rows):
        now = np.maximum(best, np.minimum(row, cols.residual))
        out.append(bool(((now - best)[cols.essential] > EPS).any()))
        best = now
    return out


def score_plan(
    rows: np.ndarray, hours: Sequence[float], cols: Columns, reachable: float
) -> PlanScore:
    """The scores of one plan (rows: its steps' credits in order; hours: each step's)."""
    credit = essential_credit(rows, cols)
    total = float(sum(hours))
    relevant = relevant_steps(rows, cols)
    useful = sum(h for h, r in zip(hours, relevant, strict=True) if r)
    after = (cols.essential_before + credit) / cols.essential_total if cols.essential_total else 1.0
    return PlanScore(
        essential_credit=credit,
        essential_coverage=credit / reachable if reachable > EPS else 1.0,
        hours=total,
        relevance=useful / total if total > EPS else None,
        steps=len(hours),
        essential_after=after,
    )


def hours_ratio(hours: float, optimum_hours: float) -> float | None:
    """Plan hours / the optimum's; 1.0 when both are 0, None when only the optimum is."""
    if optimum_hours > EPS:
        return hours / optimum_hours
    return 1.0 if hours <= EPS else None


def summarise(scores: Sequence[PlanScore], ratios: Sequence[float | None]) -> dict:
    """The figures over pairs: means of coverage, hours ratio and relevance (over the pairs
    where each is defined), median steps, the share of pairs reaching 80% and n_pairs."""

    def mean(values) -> float | None:
        values = [v for v in values if v is not None]
        return round(statistics.fmean(values), 4) if values else None

    return {
        "essential_coverage": mean(s.essential_coverage for s in scores),
        "hours_ratio_vs_optimum": mean(ratios),
        "relevance": mean(s.relevance for s in scores),
        "median_steps": statistics.median(s.steps for s in scores) if scores else None,
        "reach_80": mean(float(s.reach_80) for s in scores),
        "n_pairs": len(scores),
        "hours_mean": mean(s.hours for s in scores),
        "essential_after_mean": mean(s.essential_after for s in scores),
    }
