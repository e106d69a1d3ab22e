"""A fair share: no step worth much less per hour than the plan it is part of.

A plan fills its budget with weak steps once the strong ones are in: a 10 h course for one
skill ("handle stressful situations") after steps that each teach four or five of the role's
skills. The planner's floor (min_gain_per_hour) is the same for every plan, so it cannot tell
a weak step of a plan whose steps are strong from an ordinary step of a plan that has nothing
better; an adviser judges a step against the others. A step must add at least `share` times
the plan's own gain per charged hour (all its steps together, the step overhead included);
the weakest step below that is struck, then the next, each time against the plan that is left.

The integer program cannot state this (a ratio of sums), so both modes apply it to the plan
they found, as the top-up rule (service.matching.stages.without_top_ups); what a struck step
freed is not spent again: the steps that would take its place are as weak or weaker.

Per hour of study as well (shorter_steps): a long step that earns far less per hour of study
than its plan gives way to a shorter credential for one of its skills, where there is one; the
hours it freed are planned again (stages.fair_shares).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import numpy as np

from service.matching.problem import GAIN_EPS, Problem

Added = Callable[[np.ndarray, int], float]  # (the other steps, a step) -> what the step adds


def removable(pb: Problem, sel: np.ndarray, locked: np.ndarray | None = None) -> Iterator[int]:
    """The steps of sel that may be struck: not locked, and needed by no other step it holds
    (checked as each is reached, so a caller may strike as it goes: stages.prune)."""
    for s in np.flatnonzero(sel):
        if locked is not None and locked[s]:
            continue
        ts = pb.dependants.get(int(s))
        if ts is None or not sel[ts].any():
            yield int(s)


def fair_share(
    pb: Problem,
    sel: np.ndarray,
    share: float,
    *,
    added: Added,
    locked: np.ndarray | None = None,
) -> np.ndarray:
    """sel less its steps (not locked, needed by no other step) that add less than share x the
    plan's gain per charged hour; added(rest, s) is what step s adds to the steps rest (the
    stages pass stages.new_gain, which leaves out top-ups). share 0: sel as it is."""
    sel = sel.copy()
    if share <= 0:
        return sel
    while sel.sum() > 1:
        charged = pb.charged(sel)
        if charged <= 0:
            break
        bar = share * pb.gain(sel) / charged
        worst, worst_rate = -1, np.inf
        for s in removable(pb, sel, locked):
            rest = sel.copy()
            rest[s] = False
            charge = float(pb.hours[s] + pb.step_hours)
            rate = added(rest, s) / charge if charge > 0 else np.inf
            if rate < worst_rate:
                worst, worst_rate = s, rate
        if worst < 0 or worst_rate >= bar - GAIN_EPS:
            break
        sel[worst] = False
    return sel


def shorter_steps(
    pb: Problem,
    sel: np.ndarray,
    share: float,
    *,
    added: Added,
    lam: float,
    locked: np.ndarray | None = None,
) -> np.ndarray:
    """sel with each long step for little given up for a shorter credential that teaches one
    of the skills it adds as well; share 0: sel as it is.

    The step overhead charges every step alike (100 h on top of its own hours), so it hides the
    hours a learner studies: a 65 h certificate for two essential skills is charged 165 h
    against 107 h for a 7 h course, and passes the fair share above, though it takes a quarter
    of what the plan earns per hour of study elsewhere. An adviser strikes such a step when a
    shorter course teaches what it is taken for ("manage payroll" in 20 h): a step adding less
    than share x the plan's gain per hour of study (hours alone) gives way to the credential,
    not in the plan, with no prerequisites, within the limits, shorter than it, that teaches
    one of the skills the step adds at least as well and earns at least that share per hour of
    study itself, the best of them by gain - lam x charged hours. Without one the step stays:
    only it teaches what it adds in the hours given. Longest steps are judged first."""
    sel = sel.copy()
    if share <= 0:
        return sel
    for s in sorted(removable(pb, sel, locked), key=lambda s: -float(pb.hours[s])):
        studied = float(pb.hours[sel].sum())
        if not sel[s] or studied <= 0 or pb.hours[s] <= 0:
            continue
        bar = share * pb.gain(sel) / studied
        rest = sel.copy()
        rest[s] = False
        if added(rest, s) / pb.hours[s] >= bar - GAIN_EPS:
            continue
        best = _shorter(pb, rest, s, bar, added, lam)
        if best >= 0:
            sel = rest
            sel[best] = True
    return sel


def _shorter(pb: Problem, rest: np.ndarray, s: int, bar: float, added: Added, lam: float) -> int:
    """The best credential to take step s's place (shorter_steps), -1 when none."""
    adds = np.flatnonzero(pb.credits[s] - pb.offered(rest) > GAIN_EPS)
    hours_left = pb.max_hours - float(pb.hours[rest].sum())
    cost_left = pb.max_cost - float(pb.cost[rest].sum())
    best, best_value = -1, -np.inf
    for u in sorted({int(u) for j in adds for u in pb.col_units[j]}):
        if rest[u] or u == s or not pb.valid[u] or pb.closure[u] or pb.hours[u] <= 0:
            continue
        if pb.hours[u] >= pb.hours[s] or pb.hours[u] > hours_left + 1e-9:
            continue
        as_well = pb.credits[u, adds] >= pb.credits[s, adds] - GAIN_EPS
        if pb.cost[u] > cost_left + 1e-9 or not as_well.any():
            continue
        gain = added(rest, u)
        if gain / pb.hours[u] < bar - GAIN_EPS:
            continue
        value = gain - lam * float(pb.hours[u] + pb.step_hours)
        if value > best_value:
            best, best_value = u, value
    return best
