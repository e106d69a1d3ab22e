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
