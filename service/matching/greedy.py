"""Greedy budgeted weighted coverage with local improvement, over the options x skills
credit matrix (numpy).

Objective: gain - min_gain_per_hour x charged hours (hours + step_hours per step, see
service.matching.problem; a bundle is added only when it adds at least min_gain_per_hour of gain
per charged hour), within the budgets and the step limit; then least effort.
Score of a unit = marginal gain of the unit with its missing prerequisites / effort of that bundle,
effort = hour_weight x charged hours + money_weight x cost (floored at EFFORT_FLOOR so free
credentials rank first), x (1 + stack_bonus x progress) where progress is the share of a stackable
program's parts held or planned once the unit is added. Add the best bundle that fits the budgets
until none adds gain; then improve: drop steps that add nothing, and 1-for-1 swaps that raise
coverage within budget or keep it and cut effort; grow again; repeat. Under a budget the run is
repeated from the single bundle of largest gain (the classic fix for ratio greedy on budgeted
coverage) and the better of the two is kept.

Speed: gains only shrink as the selection grows (coverage is submodular), so `grow` is lazy
(a stale score bounds the true one; only the current leader is re-evaluated); units with
prerequisites or in a program, whose scores can rise, are re-evaluated every step.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from service.matching.problem import GAIN_EPS, Problem
from service.matching.types import Check, unchecked

EFFORT_FLOOR = 1e-6
MAX_ROUNDS = 20
BUDGET_TOL = 1e-9
LAZY_BATCH = 64


@dataclass(frozen=True)
class Weights:
    """How hours and money combine into effort, and the stacking bonus."""

    hour_weight: float = 1.0
    money_weight: float = 0.1
    stack_bonus: float = 0.02
    min_gain_per_hour: float = 0.0


class _State:
    """A closed selection: the best credit per skill, totals, and each unit's bundle hours and
    cost (the unit plus its prerequisites not yet selected), kept up to date. `check` is called
    at each step of grow / improve (it raises to stop the run)."""

    def __init__(self, pb: Problem, w: Weights, check: Check = unchecked) -> None:
        self.pb, self.w, self.check = pb, w, check
        self.sel = np.zeros(len(pb.units), dtype=bool)
        self.best = np.zeros(len(pb.items))
        self.bh, self.bc = pb.bundle_hours0.copy(), pb.bundle_cost0.copy()
        self.bn = pb.bundle_size0.copy()  # steps each bundle adds
        self.hours = self.cost = 0.0
        self.n = 0
        self.step_h = pb.step_hours
        self.unit_effort = w.hour_weight * (pb.hours + self.step_h) + w.money_weight * pb.cost
        self.lam = w.min_gain_per_hour
        self.budgeted = bool(
            np.isfinite(pb.max_hours) or np.isfinite(pb.max_cost) or np.isfinite(pb.max_steps)
        )
        self._all = pb.bundle_gain0.copy()  # the gains of all units when best was _all_best
        self._all_best = self.best.copy()

    @property
    def gain(self) -> float:
        return float(self.best @ self.pb.weights)

    def charged(self, hours, steps):
        """Charged hours of totals (elementwise): hours plus step_hours per step."""
        return hours + self.step_h * steps

    def effort_of(self, hours, cost, steps):
        return self.w.hour_weight * self.charged(hours, steps) + self.w.money_weight * cost

    @property
    def effort(self) -> float:
        return self.effort_of(self.hours, self.cost, self.n)

    @property
    def value(self) -> float:
        """The objective: gain less min_gain_per_hour x charged hours."""
        return self.gain - self.lam * self.charged(self.hours, self.n)

    def key(self) -> tuple[float, float]:
        return round(self.value, 9), -self.effort

    def gains(self, idx: np.ndarray | None = None) -> np.ndarray:
        """Marginal gain of the bundles of units idx; all units when None (kept between calls
        and updated only on the skills whose best credit changed since)."""
        pb = self.pb
        if idx is not None:
            return np.maximum(pb.bundle[idx] - self.best, 0.0) @ pb.weights
        cols = (self.best != self._all_best).nonzero()[0]
        if cols.size:
            b = pb.bundle_t[cols]
            old, new = self._all_best[cols, None], self.best[cols, None]
            self._all += pb.weights[cols] @ (np.maximum(b - new, 0.0) - np.maximum(b - old, 0.0))
        self._all_best = self.best.copy()
        return self._all.copy()

    def fits(self, hours, cost, steps):
        """Whether totals fit the budgets and the step limit (elementwise)."""
        pb = self.pb
        return (
            (hours <= pb.max_hours + BUDGET_TOL)
            & (cost <= pb.max_cost + BUDGET_TOL)
            & (steps <= pb.max_steps)
        )

    def _mark(self, q: int, sign: int) -> None:
        pb = self.pb
        self.sel[q] = sign > 0
        self.hours += sign * pb.hours[q]
        self.cost += sign * pb.cost[q]
        self.n += sign
        ts = pb.dependants.get(q)
        if ts is not None:
            self.bh[ts] -= sign * pb.hours[q]
            self.bc[ts] -= sign * pb.cost[q]
            self.bn[ts] -= sign

    def add(self, i: int) -> None:
        """Select unit i with its missing prerequisites."""
        for q in (i, *self.pb.closure[i]):
            if not self.sel[q]:
                self._mark(q, +1)
        self.best = np.maximum(self.best, self.pb.bundle[i])

    def remove(self, s: int) -> None:
        self._mark(s, -1)
        self.best = self.pb.offered(self.sel)

    def has_dependants(self, s: int) -> bool:
        ts = self.pb.dependants.get(s)
        return ts is not None and bool(self.sel[ts].any())

    def progress(self, idx: np.ndarray) -> np.ndarray:
        """For units idx: the best share of a program's parts held or planned once added."""
        pb = self.pb
        out = np.zeros(len(idx))
        members = np.isin(idx, pb.program_units).nonzero()[0]
        if members.size:
            have = pb.held_ext | {pb.units[i].external_id for i in self.sel.nonzero()[0]}
            for n in members:
                i = idx[n]
                ext = pb.units[i].external_id
                for p in pb.unit_programs[i]:
                    parts = pb.programs[p]
                    out[n] = max(out[n], (len(parts & have) + (ext not in have)) / len(parts))
        return out

    def scores(self, idx: np.ndarray, gains: np.ndarray) -> np.ndarray:
        """Exact scores of units idx now (-inf when they add nothing or do not fit)."""
        w = self.w
        h, c, n = self.bh[idx], self.bc[idx], self.bn[idx]
        score = gains / np.maximum(self.effort_of(h, c, n), EFFORT_FLOOR)
        if w.stack_bonus and self.pb.program_units:
            score *= 1.0 + w.stack_bonus * self.progress(idx)
        bad = (gains <= GAIN_EPS) | (gains < self.lam * self.charged(h, n) - GAIN_EPS)
        if self.budgeted:
            bad |= ~self.fits(self.hours + h, self.cost + c, self.n + n)
        score[bad] = -np.inf
        return score


def grow(st: _State) -> None:
    """Add the best-scoring bundle that fits the budgets while any adds gain. Lazy: every key
    bounds its unit's true score (gains only shrink; a unit with prerequisites or in a program
    keeps a bound with its own effort and the full stack bonus), so only the LAZY_BATCH
    leaders are re-evaluated per round until the leader is exact."""
    pb, w = st.pb, st.w
    n = len(pb.units)
    if n == 0:
        return
    gains = st.gains()
    key = st.scores(np.arange(n), gains)
    key[~pb.valid | st.sel] = -np.inf
    special = pb.special[pb.valid[pb.special] & ~st.sel[pb.special]]
    # bound for units whose score can rise: own effort only, full stack bonus
    own = np.maximum(st.unit_effort[special], EFFORT_FLOOR) / (1.0 + w.stack_bonus)
    fresh = np.zeros(n, dtype=bool)
    k = min(LAZY_BATCH, n)
    while True:
        st.check()
        while True:
            i = int(np.argmax(key))
            if key[i] == -np.inf:
                return
            if fresh[i]:
                break
            top = np.append(np.argpartition(key, n - k)[n - k :], i)  # i: progress on ties
            top = top[~fresh[top] & (key[top] > -np.inf)]
            gains[top] = st.gains(top)
            key[top] = st.scores(top, gains[top])
            fresh[top] = True
        st.add(i)
        key[st.sel] = -np.inf
        fresh[:] = False
        if special.size:  # bounds again: their effort may drop and their bonus rise
            live = ~st.sel[special] & (gains[special] > GAIN_EPS)
            key[special[live]] = gains[special[live]] / own[live]


def improve(st: _State, locked: np.ndarray | None = None) -> bool:
    """One pass over the steps, costliest first: drop a step that adds less than
    min_gain_per_hour x its charged hours (and that no other step needs), else apply the best
    1-for-1 swap (a unit with its missing prerequisites) that raises the objective within the
    limits or keeps it at less effort. locked: steps never dropped nor swapped."""
    pb, lam = st.pb, st.lam
    wide = st.budgeted or lam > 0  # something that adds gain may still be left out
    changed, stale = False, True
    for s in sorted(st.sel.nonzero()[0], key=lambda i: -st.unit_effort[i]):
        st.check()
        if stale:  # refresh what the previous change made stale
            owner, second = _owners(st)
            free = pb.valid & ~st.sel
            gains = st.gains()
            bundle_effort = st.effort_of(st.bh, st.bc, st.bn)
            if wide:  # units that add gain but were left out
                positive = ((gains > GAIN_EPS) & free).nonzero()[0]
            stale = False
        if not st.sel[s] or st.has_dependants(s) or (locked is not None and locked[s]):
            continue
        cols = (owner == s).nonzero()[0]
        b_rest = second[cols]
        loss = float((st.best[cols] - b_rest) @ pb.weights[cols])
        if loss <= GAIN_EPS + lam * st.charged(pb.hours[s], 1):
            st.remove(s)
            changed = stale = True
            continue
        if _swap(st, s, cols, b_rest, loss, gains, free, bundle_effort, positive if wide else None):
            changed = stale = True
    return changed


def _swap(st: _State, s, cols, b_rest, loss, gains, free, bundle_effort, positive) -> bool:
    """Replace step s by the best unit bundle when that raises the objective (or keeps it at
    less effort) within the limits; whether it did."""
    pb, lam = st.pb, st.lam
    # replacements teach a lost skill or add gain elsewhere (duplicates are harmless); when
    # nothing else adds gain any more only cheaper ones help
    idx = np.concatenate([pb.col_units[j] for j in cols])
    idx = idx[free[idx]]
    if positive is None:
        idx = idx[bundle_effort[idx] < st.unit_effort[s]]
    else:
        idx = np.concatenate([idx, positive[gains[positive] >= loss - GAIN_EPS]])
    if st.budgeted:
        rest_h, rest_c = st.hours - pb.hours[s], st.cost - pb.cost[s]
        idx = idx[st.fits(rest_h + st.bh[idx], rest_c + st.bc[idx], st.n - 1 + st.bn[idx])]
    ts = pb.dependants.get(s)
    if ts is not None:
        idx = idx[~np.isin(idx, ts)]
    if not idx.size:
        return False
    bi = pb.bundle_t[cols][:, idx]
    delta = np.maximum(bi - b_rest[:, None], 0.0) - np.maximum(bi - st.best[cols, None], 0.0)
    value, effort = st.value, st.effort
    marginal = gains[idx] + pb.weights[cols] @ delta  # the new bundle's gain in the plan without s
    new_h = st.hours - pb.hours[s] + st.bh[idx]
    new_c = st.cost - pb.cost[s] + st.bc[idx]
    new_n = st.n - 1 + st.bn[idx]
    new_value = st.gain - loss + marginal - lam * st.charged(new_h, new_n)
    new_effort = st.effort_of(new_h, new_c, new_n)
    better = (new_value > value + GAIN_EPS) | (
        (new_value >= value - GAIN_EPS) & (new_effort < effort - 1e-9 * max(1.0, effort))
    )
    better &= marginal >= lam * st.charged(st.bh[idx], st.bn[idx]) - GAIN_EPS  # earns its hours
    if not better.any():
        return False
    top = new_value[better].max()
    pick = (better & (new_value >= top - GAIN_EPS)).nonzero()[0]
    st.remove(s)
    st.add(int(idx[pick[np.argmin(new_effort[pick])]]))
    return True


def _owners(st: _State) -> tuple[np.ndarray, np.ndarray]:
    """Per skill: the selected unit that alone gives the best credit (-1 if none or tied), and
    the best credit without it."""
    rows = st.sel.nonzero()[0]
    m = len(st.best)
    if rows.size == 0:
        return np.full(m, -1), np.zeros(m)
    c = st.pb.credits[rows]
    arg = c.argmax(axis=0)
    c[arg, np.arange(m)] = -1.0
    second = np.minimum(np.maximum(c.max(axis=0), 0.0), st.best)
    return np.where(st.best > second, rows[arg], -1), second


def ratio_greedy(pb: Problem, w: Weights) -> np.ndarray:
    """Plain ratio greedy from nothing: no local search, no competing runs."""
    st = _State(pb, w)
    grow(st)
    return st.sel


def _run(
    pb: Problem, w: Weights, seed: int | None, local_search: bool, check: Check = unchecked
) -> _State:
    st = _State(pb, w, check)
    if seed is not None:
        st.add(seed)
    grow(st)
    if local_search:
        for _ in range(MAX_ROUNDS):
            if not improve(st):
                break
            grow(st)
    return st


def _polish(
    pb: Problem,
    w: Weights,
    sel: np.ndarray,
    check: Check = unchecked,
    locked: np.ndarray | None = None,
) -> _State:
    st = _State(pb, w, check)
    for i in sel.nonzero()[0]:
        st.add(int(i))
    for _ in range(MAX_ROUNDS):
        grow(st)
        if not improve(st, locked):
            break
    return st


def greedy_select(
    pb: Problem,
    w: Weights,
    *,
    local_search: bool = True,
    start: np.ndarray | None = None,
    locked: np.ndarray | None = None,
    check: Check = unchecked,
) -> np.ndarray:
    """A good closed selection (bool mask over pb.units) by ratio greedy + local improvement.
    start: improve this selection (grow, then local search) instead of starting empty; locked:
    steps of start that stay. check: called at every step (it raises to stop the work).

    Under a budget or a step limit, two more runs compete: effort measured as the share of the
    budgets used (hours / max_hours + cost / max_cost; under a step limit alone, gain per step),
    and a run seeded with the single bundle of largest gain; the winner (best objective, then
    least effort) is polished with the given weights."""
    if start is not None:
        return _polish(pb, w, start, check, locked).sel
    st = _run(pb, w, None, local_search, check)
    if not st.budgeted:
        return st.sel

    def real_key(sel: np.ndarray) -> tuple[float, float]:
        effort = w.hour_weight * pb.charged(sel) + w.money_weight * pb.cost[sel].sum()
        value = pb.gain(sel) - w.min_gain_per_hour * pb.charged(sel)
        return round(value, 9), -float(effort)

    shares = Weights(
        hour_weight=1.0 / pb.max_hours if np.isfinite(pb.max_hours) and pb.max_hours > 0 else 0.0,
        money_weight=1.0 / pb.max_cost if np.isfinite(pb.max_cost) and pb.max_cost > 0 else 0.0,
        stack_bonus=w.stack_bonus,
        min_gain_per_hour=w.min_gain_per_hour,
    )
    found = [st.sel, _run(pb, shares, None, local_search, check).sel]
    ok = (
        pb.valid
        & (pb.bundle_gain0 > GAIN_EPS)
        & (pb.bundle_gain0 >= w.min_gain_per_hour * pb.bundle_charged0() - GAIN_EPS)
        & st.fits(pb.bundle_hours0, pb.bundle_cost0, pb.bundle_size0)
    )
    if ok.any():
        seed = int(np.flatnonzero(ok)[np.argmax(pb.bundle_gain0[ok])])
        found.append(_run(pb, w, seed, local_search, check).sel)
    best = max(found, key=real_key)
    if best is not st.sel and local_search:
        best = _polish(pb, w, best, check).sel
    return best
