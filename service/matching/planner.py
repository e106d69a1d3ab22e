"""The one planner: picks the credentials that close a skill gap at the least effort under
budgets and filters (greedy by default, exact MILP on request), then orders them (prerequisites
first, then by gain), explains each step, and reports programs they stack into.

Objective, in order: essential skills first (see service.matching.stages), each stage the most
gap weight covered less a floor x charged hours (hours + step_overhead_hours per step; gain: see
service.matching.problem), then the least effort = charged hours + money_weight x cost
(PlannerConfig.money_weight, default 0.1: 10 currency units weigh as one hour), then the most
progress on stackable programs. At most Constraints.max_steps steps, prerequisites included.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence, Set
from dataclasses import replace
from functools import partial

import numpy as np

from service.matching import stages
from service.matching.aim import option_aim, prefer_aimed
from service.matching.exact import PlanTooLargeError
from service.matching.explain import explain_step, plan_message, weak_sentence
from service.matching.focus import drop_off_role, option_focus, prefer_focused
from service.matching.order import order_steps
from service.matching.problem import GAIN_EPS, Problem, build_problem
from service.matching.reasons import left_out
from service.matching.types import (
    Check,
    Constraints,
    Cover,
    Gap,
    Option,
    Plan,
    PlanMode,
    PlannerConfig,
    PlanSummary,
    Shortfall,
    SkillNeighbours,
    Stack,
    Step,
    unchecked,
)

__all__ = ["PlanTooLargeError", "plan"]

TIE_WEIGHT = 1e-4  # secondary criterion in the greedy "fastest" / "cheapest" alternatives


def plan(
    gap: Gap,
    options: Sequence[Option],
    constraints: Constraints | None = None,
    *,
    neighbours: SkillNeighbours | None = None,
    held: Collection[int | str | Option] = (),
    lookup: Mapping[str, Option] | None = None,
    mode: PlanMode = "greedy",
    config: PlannerConfig | None = None,
    check: Check = unchecked,
    focus: Mapping[str, float] | None = None,
    generic: Set[int] = frozenset(),
    central: Mapping[int, float] | None = None,
) -> Plan:
    """Plan the credentials that close `gap`.

    options: credentials that may be recommended (the caller prefilters to those teaching
    gap skills). lookup: external id -> credential, read by key, for prerequisites and stackable
    programs not among the options. held: the learner's credentials as ids, external ids or
    records (left out of the plan; they satisfy prerequisites and count towards programs; pass
    records to have the programs they are part of reported). neighbours: partial credit between
    skills, as for the gap. mode "exact" raises PlanTooLargeError beyond
    config.max_exact_options useful options. check: called between steps of the work; it raises
    to stop it (the exception propagates). focus: external id -> the option's focus on the role
    (service.matching.focus); with config.min_focus, credentials aimed at other work count only
    where none aimed at the role teaches as much. generic: skill ids worth config.generic_weight
    of their weight in choosing steps (only). central: skill id -> how central the skill is to
    the role, for the steps' order only (service.matching.order)."""
    config = config or PlannerConfig()
    if mode not in ("greedy", "exact"):
        raise ValueError(f"unknown planning mode {mode!r}; use 'greedy' or 'exact'")
    pb = build_problem(
        gap,
        options,
        constraints,
        neighbours=neighbours,
        held=held,
        lookup=lookup,
        unknown=config.unknown_effort,
        step_hours=config.step_overhead_hours,
    )
    pb = _preferred(pb, focus, config, neighbours)
    worth = worth_problem(pb, generic, config.generic_weight)
    check()
    optimal: bool | None = None
    alts: dict[str, np.ndarray] = {}
    w = stages.weights(config)
    grow = partial(stages.greedy_stages, optional_lam=stages.optional_floor(config), check=check,
                   taught_min=config.taught_min, share=config.fair_share,
                   study_share=config.study_share)  # fmt: skip
    if mode == "greedy":
        sel, s1 = grow(worth, w, local_search=config.local_search)
        if config.alternatives:
            for name, wa in (
                ("fastest", stages.weights(config, money_weight=TIE_WEIGHT * config.money_weight)),
                ("cheapest", stages.weights(config, hour_weight=TIE_WEIGHT, money_weight=1.0)),
            ):
                alts[name] = grow(worth, replace(wa, stack_bonus=0.0), start=sel)[0]
    else:
        sel, s1, optimal, alts = stages.exact_stages(worth, config, check)
        # safety net against solver tolerance trouble: never return less than the greedy plan
        fallback, f1 = grow(worth, w)
        if stages.key(worth, fallback, f1, config) > stages.key(worth, sel, s1, config):
            sel, s1, optimal = fallback, f1, False
    check()
    main = assemble(pb, sel, s1, mode=mode, optimal=optimal, config=config, central=central)
    found: dict[str, PlanSummary] = {}
    for name, mask in alts.items():
        check()
        if (mask == sel).all():
            continue
        alt = assemble(pb, mask, mask & s1, mode=mode, optimal=optimal, explain=False)
        if alt.coverage_after < main.coverage_after - 1e-9 or len(alt.steps) > len(main.steps):
            continue
        if (name == "fastest" and alt.total_hours < main.total_hours - 1e-9) or (
            name == "cheapest" and alt.total_cost < main.total_cost - 1e-9
        ):
            found[name] = alt.summary(name)
    return replace(main, alternatives=found)


def _preferred(
    pb: Problem, focus: Mapping[str, float] | None, config: PlannerConfig, neighbours
) -> Problem:
    """pb with credentials aimed at the role first (service.matching.focus, when focus is
    given; prerequisites found by lookup get their own focus, not "aimed at the role"), then
    those written for other work giving way (service.matching.aim)."""
    if focus is not None:
        missing = [u for u in pb.units if u.external_id not in focus]
        if missing:
            focus = {**focus, **option_focus(pb.gap, missing, neighbours)}
        pb = drop_off_role(pb, focus, config.off_role_focus)
        pb = prefer_focused(pb, focus, config.min_focus, config.min_gain_per_hour)
    aim = option_aim(pb.units, pb.gap.role_isco)
    return prefer_aimed(pb, aim, config.aim_hours_ratio, config.min_gain_per_hour)


def worth_problem(pb: Problem, generic: Set[int], generic_weight: float) -> Problem:
    """pb with its generic skills weighing generic_weight of their weight: what the planner
    chooses steps by (pb itself when none is open or the weight is 1)."""
    if generic_weight >= 1.0 or not generic:
        return pb
    is_generic = np.array([it.skill_id in generic for it in pb.items], dtype=bool)
    if not is_generic.any():
        return pb
    return pb.with_weights(np.where(is_generic, pb.weights * generic_weight, pb.weights))


def _stacks(pb: Problem, planned: set[str]) -> list[Stack]:
    have = pb.held_ext | planned
    out: list[Stack] = []
    for p, parts in sorted(pb.programs.items()):
        if not parts & have:
            continue
        held, plan_n = len(parts & pb.held_ext), len(parts & planned - pb.held_ext)
        prog = pb.catalog.get(p)
        out.append(
            Stack(
                program_external_id=p,
                title=prog.title if prog else p,
                held=held,
                planned=plan_n,
                total=len(parts),
                completed=held + plan_n == len(parts),
                remaining=sorted(parts - have),
            )
        )
    return out


def assemble(
    pb: Problem,
    sel: np.ndarray,
    s1: np.ndarray | None = None,
    *,
    mode: PlanMode = "greedy",
    optimal: bool | None = None,
    explain: bool = True,
    config: PlannerConfig | None = None,
    central: Mapping[int, float] | None = None,
) -> Plan:
    """Turn a closed selection over pb.units into an ordered, explained Plan. s1: its stage-1
    part (the essential steps, placed first); the other steps that close no essential skill are
    optional. central: the role's skills' centrality, for the order (service.matching.order)."""
    config = config or PlannerConfig()
    s1 = sel if s1 is None else s1 & sel
    aim = option_aim(pb.units, pb.gap.role_isco) if config.aim_hours_ratio > 0 else {}
    first = order_steps(pb, [int(i) for i in np.flatnonzero(s1)], central, aim)
    order = first + order_steps(pb, [int(i) for i in np.flatnonzero(sel & ~s1)], central, aim)
    stacks = _stacks(pb, {pb.units[i].external_id for i in order})
    steps, offered = _steps(pb, order, set(first), stacks)
    if explain:
        titles = {u.external_id: u.title for u in pb.units}
        aim = option_aim([st.option for st in steps], pb.gap.role_isco)
        for k, st in enumerate(steps):
            mine = [x for x in stacks if x.program_external_id in st.stacks_into]
            other = config.aim_hours_ratio > 0 and aim.get(st.option.external_id) is False
            steps[k] = replace(st, explanation=explain_step(st, pb.items, titles, mine, other))
    uncoverable, unmet = _shortfalls(pb, offered)
    total_w = pb.gap.total_weight
    before = pb.gap.coverage
    after = before + (float(offered @ pb.weights) / total_w if total_w > 0 else 0.0)
    totals = _totals(pb, order)
    currencies = {s.option.currency for s in steps if s.option.cost_value > 0}
    currency = next(iter(currencies)) if len(currencies) == 1 else None
    nothing_coverable = bool(pb.items) and len(uncoverable) == len(pb.items)
    message = ""
    if explain:
        shortfalls = (uncoverable, unmet)
        message = _message(pb, steps, totals, currency, currencies, before, after, shortfalls)
    return Plan(
        steps=steps,
        total_hours=totals["hours"],
        total_cost=totals["cost"],
        currency=currency,
        coverage_before=before,
        coverage_after=min(1.0, after),
        uncoverable=uncoverable,
        unmet=unmet,
        stacks_into=stacks,
        alternatives={},
        feasible=not unmet and not nothing_coverable,
        message=message,
        mode=mode,
        optimal=optimal,
        skipped=left_out(pb, sel, s1, config) if explain else dict(pb.skipped),
        hours_estimated=totals["hours_estimated"],
        cost_estimated=totals["cost_estimated"],
        hours_unknown=totals["hours_unknown"],
        cost_unknown=totals["cost_unknown"],
    )


def _steps(
    pb: Problem, order: list[int], essential_part: set[int], stacks: list[Stack]
) -> tuple[list[Step], np.ndarray]:
    """The steps in order with what each covers, and the credit the plan offers per skill."""
    items = pb.items
    offered = np.zeros(len(items))
    held_skills = {
        it.skill_id: it.label for it in pb.gap.items if it.held and it.status == "covered"
    }  # a weakly held skill the plan evidences (gap.evidence_gap) is open, not built on
    steps: list[Step] = []
    for i in order:
        option = pb.units[i]
        inc = np.maximum(pb.credits[i] - offered, 0.0)
        offered = np.maximum(offered, pb.credits[i])
        covers = []
        for j in np.flatnonzero(inc > GAIN_EPS):
            it, via = items[j], int(pb.via[i, j])
            credit = float(pb.base[j] + offered[j])
            covers.append(
                Cover(
                    skill_id=it.skill_id,
                    label=it.label,
                    essential=it.essential,
                    weight=it.weight,
                    gain=float(inc[j]),
                    credit=credit,
                    status=pb.gap.config.status(credit),
                    via_skill_id=via if via >= 0 else None,
                    evidence=option.evidence.get(via, "") if via >= 0 else "",
                )
            )
        required_by = [pb.units[t].external_id for t in order if i in pb.direct_prereqs[t]]
        steps.append(
            Step(
                option=option,
                covers=covers,
                reason="gap" if covers else "prerequisite",
                required_by=required_by,
                optional=i not in essential_part and not any(c.essential for c in covers),
                needs=list(option.prerequisites),
                builds_on_skills=[lab for sid, lab in held_skills.items() if sid in option.skills],
                stacks_into=[
                    x.program_external_id
                    for x in stacks
                    if option.external_id in pb.programs[x.program_external_id]
                ],
            )
        )
    return steps, offered


def _shortfalls(pb: Problem, offered: np.ndarray) -> tuple[list[Shortfall], list[Shortfall]]:
    uncoverable, unmet = [], []
    for j, it in enumerate(pb.items):
        reach = float(pb.reachable[j])
        short = Shortfall(
            skill_id=it.skill_id,
            label=it.label,
            weight=it.weight,
            essential=it.essential,
            credit=float(pb.base[j] + offered[j]),
            reachable=float(pb.base[j] + reach),
        )
        if reach <= GAIN_EPS:
            uncoverable.append(short)
        elif offered[j] < reach - 1e-9 and it.weight > 0:
            unmet.append(short)
    return uncoverable, unmet


def _totals(pb: Problem, order: list[int]) -> dict:
    """Hours and cost of the steps: stated plus estimated (and the estimated part); the steps
    whose hours or cost are unknown without an estimate count 0 and are listed."""
    units = [pb.units[i] for i in order]
    return {
        "hours": float(pb.hours[order].sum()) if order else 0.0,
        "cost": float(pb.cost[order].sum()) if order else 0.0,
        "hours_estimated": float(sum(u.hours_value for u in units if u.hours_state == "estimate")),
        "cost_estimated": float(sum(u.cost_value for u in units if u.cost_state == "estimate")),
        "hours_unknown": [u.external_id for u in units if u.hours_state == "unknown"],
        "cost_unknown": [u.external_id for u in units if u.cost_state == "unknown"],
    }


def _message(pb, steps, totals, currency, currencies, before, after, shortfalls) -> str:
    uncoverable, unmet = shortfalls
    empty = np.zeros(len(pb.units), dtype=bool)
    bh, bc = pb.bundle_totals(empty)
    useful = pb.valid & (pb.bundle @ pb.weights > GAIN_EPS)
    fits = useful & pb.fits_alone()
    smallest = None
    if useful.any() and not fits.any():  # the budget keeps every useful step out
        k = int(np.flatnonzero(useful)[np.argmin(bh[useful] + bc[useful] * 1e-6)])
        smallest = (float(bh[k]), float(bc[k]), pb.units[k].currency)
    message = plan_message(
        role_title=pb.gap.role_title,
        open_items=pb.items,
        steps=steps,
        totals=totals,
        currency=currency,
        mixed_currency=len(currencies) > 1,
        coverage_before=before,
        coverage_after=after,
        uncoverable=uncoverable,
        unmet=unmet,
        smallest_step=smallest,
        any_admissible=bool(useful.any()),
        held_back_by=held_back_by(pb, len(steps), totals, {u.skill_id for u in unmet}),
    )
    if weak := weak_sentence(pb.gap.weak_items):
        message = f"{message} {weak}"
    return message


NEAR_LIMIT = 0.8  # a plan using this share of an hours or cost limit was held back by it
# why a filter left a credential out (problem.Filter.why), not a missing prerequisite
_FILTERS = ("language", "level", "EQF", "delivery", "issuer")


def held_back_by(pb, n_steps: int, totals: dict, unmet: set[int] | None = None) -> str:
    """What keeps the rest of what the catalog could teach out of the plan, in words: the
    limit of steps, the hours or the budget the plan (nearly) uses up, else a credential that
    teaches a skill left open (`unmet`, skill ids) but is over a limit on its own, the filters
    (where one left a credential out) and the rule that a step must add enough for its hours."""
    if np.isfinite(pb.max_steps) and n_steps >= pb.max_steps:
        return f"within the plan's limit of {int(pb.max_steps)} steps"
    spent = [
        name
        for name, used, limit in (
            ("hours", totals["hours"], pb.max_hours),
            ("budget", totals["cost"], pb.max_cost),
        )
        if np.isfinite(limit) and used >= NEAR_LIMIT * limit
    ]
    if spent:
        return "under your " + " and ".join(spent)
    filtered = any(why.startswith(_FILTERS) for why in pb.skipped.values())
    if over := _over_alone(pb, unmet or set()):  # a visual merchandiser's display course: 90 h
        why = [" or ".join(over) + " on their own"]
        why += ["are left out by the filters"] if filtered else []
        why += ["or would add too little for their hours"]
        return "because the credentials that teach them " + ", ".join(why)
    if filtered:
        return "under the filters, or because each would add too little for its hours"
    return "because each would add too little for its hours"


def _over_alone(pb, unmet: set[int]) -> list[str]:
    """How a credential that teaches a skill left open (`unmet`) is over a limit on its own
    (with its prerequisites): "need more hours than you allow", "cost more than your budget"."""
    open_weights = np.where([it.skill_id in unmet for it in pb.items], pb.weights, 0.0)
    useful = pb.valid & (pb.bundle @ open_weights > GAIN_EPS)
    over = []
    if (useful & (pb.bundle_hours0 > pb.max_hours + 1e-9)).any():
        over.append("need more hours than you allow")
    if (useful & (pb.bundle_cost0 > pb.max_cost + 1e-9)).any():
        over.append("cost more than your budget")
    return over
