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
from service.matching.fair_share import fair_share, removable, shorter_steps
from service.matching.greedy import Weights, greedy_select
from service.matching.problem import GAIN_EPS, Problem
from service.matching.types import Check, PlannerConfig, unchecked

MAX_REGROW = 2  # rounds of planning again around steps struck for topping up (prune)


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


def prune(
    pb: Problem,
    sel: np.ndarray,
    lam: float,
    locked: np.ndarray | None = None,
    taught_min: float = 0.0,
):
    """Drop steps (not locked, needed by no other step) that add at most lam x their charged
    hours, until none does (a solver may keep a free step that adds nothing). With taught_min,
    what a step adds to a skill the plan's other steps already teach to that credit does not
    count (`new_gain`): no step only to top up what another step teaches."""
    sel = sel.copy()
    changed = True
    while changed:
        changed = False
        for s in removable(pb, sel, locked):
            sel[s] = False
            charge = lam * (pb.hours[s] + pb.step_hours)
            if new_gain(pb, sel, s, taught_min) <= charge + GAIN_EPS:
                changed = True
            else:
                sel[s] = True
    return sel


def new_gain(pb: Problem, rest: np.ndarray, s: int, taught_min: float = 0.0) -> float:
    """What unit s adds to the steps `rest`, less what it adds to a skill one of them already
    teaches itself (the same skill, not a similar one) to taught_min credit or more (0:
    everything it adds counts).

    An adviser strikes a step whose lessons another step of the plan already gives: a second
    course on "characteristics of products" after one that taught it at 0.65 adds 0.35 of one
    skill, which its hours can earn at the planner's floor, yet the learner would sit through
    a subject already studied. A step that teaches a skill itself after another taught only a
    similar one (partial credit through a neighbour) still counts: it teaches something new.
    taught_min is the gap's partial threshold (SKILLMATCH_GAP_PARTIAL_MIN, 0.5)."""
    before = pb.offered(rest)
    added = np.maximum(pb.credits[s] - before, 0.0)
    if taught_min > 0 and rest.any():
        skill_ids = np.array([it.skill_id for it in pb.items])
        itself = np.where(pb.via[rest] == skill_ids[None, :], pb.credits[rest], 0.0).max(axis=0)
        added = np.where(itself >= taught_min - GAIN_EPS, 0.0, added)
    return float(added @ pb.weights)


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
    taught_min: float = 0.0,
    share: float = 0.0,
    study_share: float = 0.0,
) -> tuple[np.ndarray, np.ndarray]:
    """(the plan, its stage-1 part) by the greedy planner. start: a plan to polish instead.
    optional_lam: stage 2's floor (stage 1's when None). taught_min: see prune. share: the
    fair share of the plan's gain per charged hour a stage-1 step must add (fair_share).
    study_share: the share of its gain per hour of study below which a stage-1 step gives way
    to a shorter credential (fair_share.shorter_steps)."""
    lam = w.min_gain_per_hour
    lam2 = lam if optional_lam is None else max(lam, optional_lam)
    pb1 = essential_problem(pb)
    first = start & _reaches_essentials(pb, start) if start is not None else None
    s1 = greedy_select(pb1, w, local_search=local_search, start=first, check=check)
    tidy = local_search or lam > 0  # plain greedy (no local search) keeps what it added

    def select(p: Problem, lam_: float, start_: np.ndarray, locked: np.ndarray | None):
        w_ = replace(w, min_gain_per_hour=lam_)
        return greedy_select(p, w_, local_search=local_search, start=start_, locked=locked,
                             check=check)  # fmt: skip

    if tidy:
        s1 = without_top_ups(pb1, s1, lam, taught_min, select)
        s1 = fair_shares(pb1, s1, share, taught_min, study_share, lam, select)
    if not has_optional(pb) or open_essentials(pb, s1, lam):
        return s1, s1
    sel = select(pb, lam2, s1, s1)
    if tidy or lam2 > 0:
        sel = without_top_ups(pb, sel, lam2, taught_min, select, locked=s1)
    return sel, s1


def without_top_ups(
    pb: Problem,
    sel: np.ndarray,
    lam: float,
    taught_min: float,
    select,
    locked: np.ndarray | None = None,
) -> np.ndarray:
    """sel pruned (prune); the steps struck only for topping up what other steps teach
    (taught_min) are left out for good and `select(pb, lam, start, locked)` spends what they
    freed on other steps, pruned again (at most MAX_REGROW times)."""
    kept = prune(pb, sel, lam, locked=locked)
    if taught_min <= 0:  # nothing is struck for topping up: the first pruning is final
        return kept
    out = prune(pb, kept, lam, locked=locked, taught_min=taught_min)
    struck = kept & ~out
    for _ in range(MAX_REGROW):
        if not struck.any():
            break
        pb = replace(pb, valid=pb.valid & ~struck)
        grown = select(pb, lam, out, locked)
        again = prune(pb, grown, lam, locked=locked, taught_min=taught_min)
        struck, out = grown & ~again, again
    return out


def fair_shares(
    pb: Problem,
    sel: np.ndarray,
    share: float,
    taught_min: float,
    study_share: float = 0.0,
    lam: float = 0.0,
    select=None,
) -> np.ndarray:
    """sel less the steps worth less than their fair share (fair_share), then its long steps
    for little given up for shorter credentials (shorter_steps), each step counted as prune
    counts it (no top-ups). What a long step given up freed is planned again by
    `select(pb, lam, start, locked)` (the steps kept stay; the long step is no option), each
    added step held to the fair share: a short course for one of its skills leaves the long
    step's other skills open, which a course of their own may teach in fewer hours."""

    def added(rest: np.ndarray, s: int) -> float:
        return new_gain(pb, rest, s, taught_min)

    sel = fair_share(pb, sel, share, added=added)
    short = shorter_steps(pb, sel, study_share, added=added, lam=lam)
    gone = sel & ~short
    if select is None or not gone.any():
        return short
    pb = replace(pb, valid=pb.valid & ~gone)
    return fair_share(pb, select(pb, lam, short, short), share, added=added, locked=short)


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

    def select(p: Problem, lam_: float, _start: np.ndarray, locked: np.ndarray | None):
        fixed = {} if locked is None else {"fixed": locked}
        return exact_select(p, **(kw | {"min_gain_per_hour": lam_} | fixed)).selected

    s1 = without_top_ups(pb1, first.selected, lam, config.taught_min, select)
    s1 = fair_shares(pb1, s1, config.fair_share, config.taught_min, config.study_share, lam, select)
    if not has_optional(pb) or open_essentials(pb, s1, lam):
        return s1, s1, first.optimal, first.alternatives
    lam2 = optional_floor(config)
    res = exact_select(pb, fixed=s1, **(kw | {"min_gain_per_hour": lam2}))
    sel = without_top_ups(pb, res.selected | s1, lam2, config.taught_min, select, locked=s1)
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
