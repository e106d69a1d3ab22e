"""Essential skills first, for both planners: stage 1 plans the essential gap skills alone (the
other skills weigh 0); only when it reaches every essential skill the catalog can cover within
the limits does stage 2 add steps for the other skills, keeping stage 1's steps (those added
steps are the optional ones). Each stage maximises gain - floor x charged hours (hours plus
step_hours per step, see service.matching.problem) within the budgets and the step limit, then
minimises effort. The floor is min_gain_per_hour in stage 1 and optional_floor(config) in stage 2:
an optional step must earn more per hour than an essential one.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from service.matching.exact import exact_select
from service.matching.greedy import Weights, greedy_select
from service.matching.problem import GAIN_EPS, Problem
from service.matching.types import Check, PlannerConfig, unchecked


def coverable(pb: Problem, lam: float) -> np.ndarray:
    """Per open skill: the best credit one bundle (a unit with its prerequisites) gives that is
    valid, fits the limits alone and earns its hours on the essential skills."""
    essential_gain = pb.bundle @ pb.essential_weights()
    ok = pb.fits_alone() & (essential_gain >= lam * pb.bundle_charged0() - GAIN_EPS)
    if not ok.any():
        return np.zeros(len(pb.items))
    return pb.bundle[ok].max(axis=0)


def open_essentials(pb: Problem, sel: np.ndarray, lam: float) -> list[int]:
    """The essential columns that sel leaves below what one admissible bundle could give."""
    offered = pb.offered(sel)
    reach = coverable(pb, lam)
    return [int(j) for j in np.flatnonzero(pb.essential & (offered < reach - 1e-9))]


def essential_problem(pb: Problem) -> Problem:
    """pb scoring the essential skills only (pb itself when every open skill is essential)."""
    if pb.essential.all():
        return pb
    return pb.with_weights(pb.essential_weights())


def has_optional(pb: Problem) -> bool:
    """Whether a skill that is not essential is open (something for stage 2)."""
    return bool((pb.weights[~pb.essential] > 0).any())


def optional_floor(config: PlannerConfig) -> float:
    """The least gain per charged hour of a stage-2 (optional) step: never below stage 1's."""
    return max(config.min_gain_per_hour, config.optional_min_gain_per_hour)


def value(pb: Problem, sel: np.ndarray, lam: float) -> float:
    return pb.gain(sel) - lam * pb.charged(sel)


def prune(pb: Problem, sel: np.ndarray, lam: float, locked: np.ndarray | None = None):
    """Drop steps (not locked, needed by no other step) that add at most lam x their charged
    hours, until none does (a solver may keep a free step that adds nothing)."""
    sel = sel.copy()
    changed = True
    while changed:
        changed = False
        for s in np.flatnonzero(sel):
            if locked is not None and locked[s]:
                continue
            ts = pb.dependants.get(int(s))
            if ts is not None and sel[ts].any():
                continue
            sel[s] = False
            charge = lam * (pb.hours[s] + pb.step_hours)
            if pb.gain(sel) >= pb.gain(sel | _one(sel, s)) - GAIN_EPS - charge:
                changed = True
            else:
                sel[s] = True
    return sel


def _one(sel: np.ndarray, s) -> np.ndarray:
    out = np.zeros_like(sel)
    out[s] = True
    return out


def weights(config: PlannerConfig, **kw) -> Weights:
    base = dict(
        hour_weight=1.0,
        money_weight=config.money_weight,
        stack_bonus=config.stack_bonus,
        min_gain_per_hour=config.min_gain_per_hour,
    )
    return Weights(**(base | kw))


def greedy_stages(
    pb: Problem,
    w: Weights,
    *,
    optional_lam: float | None = None,
    local_search: bool = True,
    start: np.ndarray | None = None,
    check: Check = unchecked,
) -> tuple[np.ndarray, np.ndarray]:
    """(the plan, its stage-1 part) by the greedy planner. start: a plan to polish instead.
    optional_lam: stage 2's floor (stage 1's when None)."""
    lam = w.min_gain_per_hour
    lam2 = lam if optional_lam is None else max(lam, optional_lam)
    pb1 = essential_problem(pb)
    first = start & _reaches_essentials(pb, start) if start is not None else None
    s1 = greedy_select(pb1, w, local_search=local_search, start=first, check=check)
    tidy = local_search or lam > 0  # plain greedy (no local search) keeps what it added
    s1 = prune(pb1, s1, lam) if tidy else s1
    if not has_optional(pb) or open_essentials(pb, s1, lam):
        return s1, s1
    w2 = replace(w, min_gain_per_hour=lam2)
    sel = greedy_select(pb, w2, local_search=local_search, start=s1, locked=s1, check=check)
    return (prune(pb, sel, lam2, locked=s1) if tidy or lam2 > 0 else sel), s1


def _reaches_essentials(pb: Problem, sel: np.ndarray) -> np.ndarray:
    """The units of sel that teach an essential skill, with their prerequisites."""
    mask = sel & ((pb.credits[:, pb.essential] > GAIN_EPS).any(axis=1))
    for i in np.flatnonzero(mask):
        pb.add(mask, int(i))
    return mask


def exact_stages(
    pb: Problem, config: PlannerConfig, check: Check = unchecked
) -> tuple[np.ndarray, np.ndarray, bool, dict[str, np.ndarray]]:
    """(the plan, its stage-1 part, proven optimal, alternatives) by integer programming."""
    lam = config.min_gain_per_hour
    kw = dict(
        money_weight=config.money_weight,
        max_options=config.max_exact_options,
        time_limit_s=config.exact_time_limit_s,
        alternatives=config.alternatives,
        min_gain_per_hour=lam,
        check=check,
    )
    pb1 = essential_problem(pb)
    first = exact_select(pb1, **kw)
    s1 = prune(pb1, first.selected, lam)
    if not has_optional(pb) or open_essentials(pb, s1, lam):
        return s1, s1, first.optimal, first.alternatives
    lam2 = optional_floor(config)
    res = exact_select(pb, fixed=s1, **(kw | {"min_gain_per_hour": lam2}))
    sel = prune(pb, res.selected | s1, lam2, locked=s1)
    # nothing optional added: the alternatives are stage 1's (stage 2's all keep its steps)
    alts = first.alternatives if (sel == s1).all() else res.alternatives
    return sel, s1, first.optimal and res.optimal, alts


def key(pb: Problem, sel: np.ndarray, s1: np.ndarray, config: PlannerConfig) -> tuple:
    """Stage 1's objective, then the whole plan's, then least effort (to 1e-6)."""
    lam = config.min_gain_per_hour
    pb1 = essential_problem(pb)
    effort = pb.charged(sel) + config.money_weight * pb.cost[sel].sum()
    return (
        round(value(pb1, s1, lam), 6),
        round(value(pb, sel, optional_floor(config)), 6),
        -round(float(effort), 6),
    )
