"""Exact planning by integer programming (scipy.optimize.milp, HiGHS), for small sets of options.

Variables: x_c binary per option; for each gap skill s and each distinct credit level
v_1 < ... < v_k that options offer for s, a continuous z_sk in [0, 1] with
z_sk <= sum(x_c : credit(c, s) >= v_k); the covered credit of s is sum_k (v_k - v_{k-1}) z_sk,
which equals the best chosen credit (max, not sum; credits are already clipped to 1 - credit_s).
Budgets: sum(hours x) <= max_hours, sum(cost x) <= max_cost, sum(x) <= max_steps.
Prerequisites: x_c <= x_p. Stacking: p_P in [0, 1], p_P <= x_c for each not-held part c of P.
Fixed: x_c = 1 for the steps a later stage keeps (see planner: essential skills first).

Lexicographic: (1) maximise covered weight - min_gain_per_hour x charged hours (hours +
pb.step_hours per step); (2) with that fixed, minimise charged hours + money_weight x cost;
(3) with that effort fixed, maximise completed programs.
Alternatives re-solve (2)-(3) as min hours then cost ("fastest") and min cost then hours
("cheapest").
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import numpy as np

from service.matching.problem import GAIN_EPS, Problem
from service.matching.types import Check, unchecked

# Slack on each fixed objective: well above HiGHS's feasibility tolerance (1e-7), since a bound
# set exactly at the optimum was seen to make HiGHS prune better solutions at the next stage.
LEX_TOL = 1e-6


class PlanTooLargeError(ValueError):
    """The exact planner was given more options than it is allowed to solve."""


@dataclass
class ExactResult:
    selected: np.ndarray  # bool over pb.units
    optimal: bool
    alternatives: dict[str, np.ndarray] = field(default_factory=dict)


def exact_units(
    pb: Problem, min_gain_per_hour: float = 0.0, fixed: np.ndarray | None = None
) -> np.ndarray:
    """Units worth modelling: valid, adding gain, fitting the limits alone, and earning their own
    charged hours (a unit whose own gain is below min_gain_per_hour x its charged hours is never
    worth taking but as a prerequisite); plus prerequisites and the fixed units."""
    empty = np.zeros(len(pb.units), dtype=bool)
    h, c = pb.bundle_totals(empty)
    own = pb.credits @ pb.weights
    useful = (
        pb.valid
        & (pb.bundle @ pb.weights > GAIN_EPS)
        & (own > GAIN_EPS)
        & (own >= min_gain_per_hour * (pb.hours + pb.step_hours) - GAIN_EPS)
        & (h <= pb.max_hours + 1e-9)
        & (c <= pb.max_cost + 1e-9)
        & (pb.bundle_size0 <= pb.max_steps)
    )
    if fixed is not None:
        useful |= fixed
    keep = useful.copy()
    for i in np.flatnonzero(useful):
        keep[list(pb.closure[i])] = True
    return np.flatnonzero(keep)


class _Model:
    """The MILP over a subset of units, with stage constraints appended as solving proceeds."""

    def __init__(
        self,
        pb: Problem,
        units: np.ndarray,
        money_weight: float,
        min_gain_per_hour: float = 0.0,
        fixed: np.ndarray | None = None,
    ) -> None:
        self.pb, self.units = pb, units
        n = len(units)
        local = {int(u): k for k, u in enumerate(units)}
        rows: list[tuple[dict[int, float], float, float]] = []
        gain_z: list[float] = []
        credits = pb.credits[units]
        for j in range(len(pb.items)):
            if pb.weights[j] <= 0:  # a skill this stage does not score (stage 1: not essential)
                continue
            col = credits[:, j]
            prev = 0.0
            for v in np.unique(np.round(col[col > GAIN_EPS], 12)):
                z = n + len(gain_z)
                coefs = {z: 1.0}
                for k in np.flatnonzero(col >= v - 1e-12):
                    coefs[int(k)] = -1.0
                rows.append((coefs, -np.inf, 0.0))
                gain_z.append(pb.weights[j] * (v - prev))
                prev = v
        nz = len(gain_z)
        for k, u in enumerate(units):
            for q in pb.closure[int(u)]:
                rows.append(({k: 1.0, local[q]: -1.0}, -np.inf, 0.0))
        progs = []
        for p, parts in pb.programs.items():
            todo = [e for e in parts if e not in pb.held_ext]
            if todo and all(pb.index.get(e, -1) in local for e in todo):
                progs.append(p)
                var = n + nz + len(progs) - 1
                for e in todo:
                    rows.append(({var: 1.0, local[pb.index[e]]: -1.0}, -np.inf, 0.0))
        self.nvar = n + nz + len(progs)
        hours, cost = pb.hours[units], pb.cost[units]
        if np.isfinite(pb.max_hours):
            rows.append(({k: float(hours[k]) for k in range(n)}, -np.inf, pb.max_hours))
        if np.isfinite(pb.max_cost):
            rows.append(({k: float(cost[k]) for k in range(n)}, -np.inf, pb.max_cost))
        if np.isfinite(pb.max_steps):
            rows.append((dict.fromkeys(range(n), 1.0), -np.inf, pb.max_steps))
        self.A, self.lo, self.hi = self._matrix(rows)
        self.integrality = np.r_[np.ones(n), np.zeros(nz + len(progs))]
        self.lower = np.zeros(self.nvar)
        if fixed is not None:
            self.lower[:n] = fixed[units].astype(float)

        def vec(x_part: np.ndarray | None = None, z_part=None, p_part=None) -> np.ndarray:
            out = np.zeros(self.nvar)
            if x_part is not None:
                out[:n] = x_part
            if z_part is not None:
                out[n : n + nz] = z_part
            if p_part is not None:
                out[n + nz :] = p_part
            return out

        charged = hours + pb.step_hours
        self.neg_gain = vec(z_part=-np.asarray(gain_z), x_part=min_gain_per_hour * charged)
        self.effort = vec(x_part=charged + money_weight * cost)
        self.hours = vec(x_part=hours)
        self.cost = vec(x_part=cost)
        self.neg_stacks = vec(p_part=-np.ones(len(progs))) if progs else None

    def _matrix(self, rows):
        data, ri, ci = [], [], []
        for r, (coefs, _, _) in enumerate(rows):
            for col, v in coefs.items():
                ri.append(r)
                ci.append(col)
                data.append(v)
        from scipy import sparse  # scipy loads only when the exact mode is used

        a = sparse.csr_array((data, (ri, ci)), shape=(len(rows), self.nvar))
        return a, np.array([r[1] for r in rows]), np.array([r[2] for r in rows])

    def _milp(self, c: np.ndarray, a, lo, hi, deadline: float):
        from scipy.optimize import Bounds, LinearConstraint, milp

        left = deadline - time.monotonic()
        if left <= 0:
            return None
        options = {"time_limit": left, "mip_rel_gap": 1e-7}
        for presolve in (True, False):
            res = milp(
                c,
                integrality=self.integrality,
                bounds=Bounds(self.lower, np.ones(self.nvar)),
                constraints=[LinearConstraint(a, lo, hi)] if a.shape[0] else [],
                options=options | {"presolve": presolve},
            )
            # HiGHS's presolve was seen to fail ("Solve error", status 4) on small feasible
            # models after a stage bound: solve again without it
            if res.status != 4:
                break
            options["time_limit"] = max(1e-3, deadline - time.monotonic())
        return res if res.x is not None else None

    @staticmethod
    def _bound(a, lo, hi, c: np.ndarray, value: float):
        """Append c @ v <= value (+ a small tolerance) to the constraints."""
        from scipy import sparse

        a = sparse.vstack([a, sparse.csr_array(c.reshape(1, -1))], format="csr")
        return a, np.r_[lo, -np.inf], np.r_[hi, value + LEX_TOL * max(1.0, abs(value))]

    def solve(
        self,
        objectives: list[np.ndarray],
        deadline: float,
        *,
        keep: bool = False,
        check: Check = unchecked,
    ) -> tuple[np.ndarray | None, bool]:
        """Lexicographic minimisation; returns the x part as a closed bool mask over pb.units.
        keep: the stage bounds stay in the model for later solves. check: before each stage."""
        a, lo, hi = self.A, self.lo, self.hi
        x, optimal = None, True
        for c in objectives:
            check()
            res = self._milp(c, a, lo, hi, deadline)
            if res is None:
                optimal = False
                break
            optimal = optimal and res.status == 0
            x = res.x
            a, lo, hi = self._bound(a, lo, hi, c, float(c @ x))
        if keep:
            self.A, self.lo, self.hi = a, lo, hi
        if x is None:
            return None, False
        mask = np.zeros(len(self.pb.units), dtype=bool)
        mask[self.units[x[: len(self.units)] > 0.5]] = True
        for i in np.flatnonzero(mask):
            self.pb.add(mask, int(i))
        return mask, optimal


def exact_select(
    pb: Problem,
    *,
    money_weight: float,
    max_options: int = 200,
    time_limit_s: float = 20.0,
    alternatives: bool = True,
    min_gain_per_hour: float = 0.0,
    fixed: np.ndarray | None = None,
    check: Check = unchecked,
) -> ExactResult:
    """Solve the lexicographic MILP. Raises PlanTooLargeError beyond max_options units.
    fixed: units every solution keeps (bool over pb.units). check: called before each solver
    stage (a stage is bounded by time_limit_s instead)."""
    units = exact_units(pb, min_gain_per_hour, fixed)
    if len(units) > max_options:
        raise PlanTooLargeError(
            f"exact planning handles at most {max_options} candidates that teach a gap skill "
            f"(prerequisites included); this query has {len(units)}. Use mode='greedy' or narrow "
            "the candidates."
        )
    empty = np.zeros(len(pb.units), dtype=bool)
    if len(units) == 0:
        return ExactResult(empty, True)
    model = _Model(pb, units, money_weight, min_gain_per_hour, fixed)
    deadline = time.monotonic() + time_limit_s
    first, optimal = model.solve([model.neg_gain], deadline, keep=True, check=check)
    if first is None:
        return ExactResult(empty, False)
    stages = [model.effort]
    if model.neg_stacks is not None:
        stages.append(model.neg_stacks)
    sel, opt2 = model.solve(stages, deadline, check=check)
    if sel is None:
        return ExactResult(first, False)
    alts: dict[str, np.ndarray] = {}
    if alternatives:
        for name, objs in (
            ("fastest", [model.hours, model.cost]),
            ("cheapest", [model.cost, model.hours]),
        ):
            alt, _ = model.solve(objs, deadline, check=check)
            if alt is not None:
                alts[name] = alt
    return ExactResult(sel, optimal and opt2, alts)
