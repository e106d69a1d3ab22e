"""The one planner: picks the credentials that close a skill gap at the least effort under
budgets and filters (greedy by default, exact MILP on request), then orders them (prerequisites
first, then by gain), explains each step, and reports programs they stack into.

Objective, in order: the most gap weight covered (gain: see service.matching.problem), then the
least effort = hours + money_weight x cost (PlannerConfig.money_weight, default 0.1: 10 currency
units weigh as one hour), then the most progress on stackable programs.
"""

from __future__ import annotations

import heapq
from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace

import numpy as np

from service.matching.exact import PlanTooLargeError, exact_select
from service.matching.explain import explain_step, plan_message, weak_sentence
from service.matching.greedy import Weights, greedy_select
from service.matching.problem import GAIN_EPS, Problem, build_problem
from service.matching.types import (
    Candidate,
    Check,
    Constraints,
    Cover,
    Gap,
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
    candidates: Sequence[Candidate],
    constraints: Constraints | None = None,
    *,
    neighbours: SkillNeighbours | None = None,
    held: Collection[int | str | Candidate] = (),
    lookup: Mapping[str, Candidate] | None = None,
    mode: PlanMode = "greedy",
    config: PlannerConfig | None = None,
    check: Check = unchecked,
) -> Plan:
    """Plan the credentials that close `gap`.

    candidates: credentials that may be recommended (the caller prefilters to those teaching
    gap skills). lookup: external id -> credential, read by key, for prerequisites and stackable
    programs not among the candidates. held: the learner's credentials as ids, external ids or
    records (left out of the plan; they satisfy prerequisites and count towards programs; pass
    records to have the programs they are part of reported). neighbours: partial credit between
    skills, as for the gap.
    mode "exact" raises PlanTooLargeError beyond config.max_exact_candidates useful candidates.
    check: called between steps of the work; it raises to stop it (the exception propagates).
    """
    config = config or PlannerConfig()
    if mode not in ("greedy", "exact"):
        raise ValueError(f"unknown planning mode {mode!r}; use 'greedy' or 'exact'")
    pb = build_problem(
        gap,
        candidates,
        constraints,
        neighbours=neighbours,
        held=held,
        lookup=lookup,
    )
    check()
    optimal: bool | None = None
    alts: dict[str, np.ndarray] = {}
    if mode == "greedy":
        w = Weights(1.0, config.money_weight, config.stack_bonus)
        sel = greedy_select(pb, w, local_search=config.local_search, check=check)
        if config.alternatives:
            for name, wa in (
                ("fastest", Weights(1.0, TIE_WEIGHT * config.money_weight, 0.0)),
                ("cheapest", Weights(TIE_WEIGHT, 1.0, 0.0)),
            ):
                alts[name] = greedy_select(pb, wa, start=sel, check=check)
    else:
        res = exact_select(
            pb,
            money_weight=config.money_weight,
            max_candidates=config.max_exact_candidates,
            time_limit_s=config.exact_time_limit_s,
            alternatives=config.alternatives,
            check=check,
        )
        sel, optimal, alts = res.selected, res.optimal, res.alternatives
        # safety net against solver tolerance trouble: never return less than the greedy plan
        w = Weights(1.0, config.money_weight, config.stack_bonus)
        fallback = greedy_select(pb, w, check=check)
        if _key(pb, fallback, config) > _key(pb, sel, config):
            sel, optimal = fallback, False
    check()
    main = assemble(pb, sel, mode=mode, optimal=optimal)
    found: dict[str, PlanSummary] = {}
    for name, mask in alts.items():
        check()
        if (mask == sel).all():
            continue
        alt = assemble(pb, mask, mode=mode, optimal=optimal, explain=False)
        if alt.coverage_after < main.coverage_after - 1e-9:
            continue
        if (name == "fastest" and alt.total_hours < main.total_hours - 1e-9) or (
            name == "cheapest" and alt.total_cost < main.total_cost - 1e-9
        ):
            found[name] = alt.summary(name)
    return replace(main, alternatives=found)


def _key(pb: Problem, sel: np.ndarray, config: PlannerConfig) -> tuple[float, float]:
    """Most gain first (to 1e-6), then least effort."""
    effort = pb.hours[sel].sum() + config.money_weight * pb.cost[sel].sum()
    return round(pb.gain(sel), 6), -round(float(effort), 6)


def _order(pb: Problem, chosen: list[int]) -> list[int]:
    """Topological (prerequisites first); among ready steps, larger gain first, where a
    prerequisite ranks with the best step that needs it."""
    standalone = pb.credits @ pb.weights
    members = set(chosen)
    before = {i: {q for q in pb.closure[i] if q in members} for i in chosen}
    after: dict[int, list[int]] = {i: [] for i in chosen}
    rank = {i: float(standalone[i]) for i in chosen}
    for i, qs in before.items():
        for q in qs:
            after[q].append(i)
            rank[q] = max(rank[q], float(standalone[i]))

    def key(i: int) -> tuple[float, float, str, int]:
        return (-rank[i], float(pb.hours[i]), pb.units[i].title, i)

    ready = [key(i) for i in chosen if not before[i]]
    heapq.heapify(ready)
    order: list[int] = []
    while ready:
        i = heapq.heappop(ready)[-1]
        order.append(i)
        for t in after[i]:
            before[t].discard(i)
            if not before[t]:
                heapq.heappush(ready, key(t))
    return order


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
    *,
    mode: PlanMode = "greedy",
    optimal: bool | None = None,
    explain: bool = True,
) -> Plan:
    """Turn a closed selection over pb.units into an ordered, explained Plan."""
    gap, items = pb.gap, pb.items
    order = _order(pb, [int(i) for i in np.flatnonzero(sel)])
    offered = np.zeros(len(items))
    planned = {pb.units[i].external_id for i in order}
    stacks = _stacks(pb, planned)
    steps: list[Step] = []
    for i in order:
        cand = pb.units[i]
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
                    status=gap.config.status(credit),
                    via_skill_id=via if via >= 0 else None,
                    evidence=cand.evidence.get(via, "") if via >= 0 else "",
                )
            )
        required_by = [pb.units[t].external_id for t in order if i in pb.direct_prereqs[t]]
        steps.append(
            Step(
                candidate=cand,
                covers=covers,
                reason="gap" if covers else "prerequisite",
                required_by=required_by,
            )
        )
    if explain:
        titles = {u.external_id: u.title for u in pb.units}
        for k, s in enumerate(steps):
            ext = s.candidate.external_id
            mine = [st for st in stacks if ext in pb.programs[st.program_external_id]]
            steps[k] = replace(s, explanation=explain_step(s, items, titles, mine))
    uncoverable, unmet = [], []
    for j, it in enumerate(items):
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
    total_w = gap.total_weight
    before = gap.coverage
    after = before + (float(offered @ pb.weights) / total_w if total_w > 0 else 0.0)
    hours = float(pb.hours[order].sum()) if order else 0.0
    cost = float(pb.cost[order].sum()) if order else 0.0
    currencies = {s.candidate.currency for s in steps if s.candidate.cost > 0}
    currency = next(iter(currencies)) if len(currencies) == 1 else None
    nothing_coverable = bool(items) and len(uncoverable) == len(items)
    message = ""
    if explain:
        empty = np.zeros(len(pb.units), dtype=bool)
        bh, bc = pb.bundle_totals(empty)
        useful = pb.valid & (pb.bundle @ pb.weights > GAIN_EPS)
        smallest = None
        if useful.any():
            k = int(np.flatnonzero(useful)[np.argmin(bh[useful] + bc[useful] * 1e-6)])
            smallest = (float(bh[k]), float(bc[k]), pb.units[k].currency)
        message = plan_message(
            role_title=gap.role_title,
            open_items=items,
            steps=steps,
            total_hours=hours,
            total_cost=cost,
            currency=currency,
            mixed_currency=len(currencies) > 1,
            coverage_before=before,
            coverage_after=after,
            uncoverable=uncoverable,
            unmet=unmet,
            smallest_step=smallest,
            any_admissible=bool(useful.any()),
        )
        if weak := weak_sentence(gap.weak_items):
            message = f"{message} {weak}"
    return Plan(
        steps=steps,
        total_hours=hours,
        total_cost=cost,
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
        skipped=dict(pb.skipped),
    )
