"""The planner over the in-memory catalog for an open gap: the options that teach it, partial
credit between the gap and what they teach, then greedy or exact planning."""

from __future__ import annotations

import time
from dataclasses import replace
from typing import TYPE_CHECKING

from sqlmodel import Session

from indexing.types import unchecked
from models.matching import ConstraintsIn
from service.deadline import Deadline
from service.matching import Constraints, PlannerConfig, plan
from service.matching.aim import option_aim
from service.matching.focus import option_focus
from service.matching.gap import evidence_gap
from service.profiles.generic import generic_skills
from service.profiles.neighbours import neighbours
from service.recommend.centrality import role_centrality

if TYPE_CHECKING:
    from service.runtime import Runtime


def constraints_of(given: ConstraintsIn) -> Constraints:
    """The planner's constraints from a request's (a list left empty: no filter)."""

    def s(v):
        return frozenset(v) if v else None

    return Constraints(
        max_hours=given.max_hours,
        max_cost=given.max_cost,
        levels=s(given.levels),
        min_eqf_level=given.min_eqf_level,
        max_eqf_level=given.max_eqf_level,
        languages=s(given.languages),
        delivery_modes=s(given.delivery_modes),
        include_issuers=s(given.include_issuers),
        exclude_issuers=s(given.exclude_issuers),
        max_steps=given.max_steps,
    )


# levels of credential that evidence nothing a learner's practice does not already show
NOT_EVIDENCE = frozenset({"beginner"})


def evidencing(options: list, role_isco: str, leave_out: frozenset[str]) -> list:
    """The options that can evidence what a learner says they can do: none of a level in
    leave_out, none written for other work (service.matching.aim: an electrician's apprentice
    shows record keeping through an electrician's course, not "Firearms Repair")."""
    aim = option_aim(options, role_isco)
    return [
        o
        for o in options
        if (o.level or "").lower() not in leave_out and aim.get(o.external_id) is not False
    ]


def about_the_role(options: list, focus: dict[str, float], min_focus: float) -> list:
    """The options whose focus on the role (service.matching.focus: the share of what they
    teach that the role uses) is at least min_focus; an option without one counts as aimed at
    it."""
    return [o for o in options if focus.get(o.external_id, 1.0) >= min_focus]


def plan_gap(runtime: Runtime, session: Session, gap, learner, nb, constraints, **kw):
    """The planner over the catalog for an open gap (`_plan_gap`). When every essential skill
    is held and some only on the learner's word, the plan evidences those
    (service.matching.gap.evidence_gap) with credentials above the beginner level, not
    written for other work and aimed at the role (focus at least the planner's min_focus): a
    working sous chef is not sent on "Foundations of Cooking Techniques" to show what years of
    the job show, nor a dinner lady on "Plant Disease Control Essentials" to show her food
    hygiene; if no credential can, the plan of the gap as it is."""
    evidence = evidence_gap(gap)
    if evidence is not None:
        result = _plan_gap(
            runtime, session, evidence, learner, nb, constraints, leave_out=NOT_EVIDENCE,
            role=gap, **kw,
        )  # fmt: skip
        if result.steps:
            return result
    return _plan_gap(runtime, session, gap, learner, nb, constraints, **kw)


def planner_config(settings, base: PlannerConfig | None = None) -> PlannerConfig:
    """The planner's tuning from the settings (`SKILLMATCH_PLAN_*`), over base's other fields
    (the default's where None): the one place the settings reach the planner, for the service
    and the evaluations alike."""
    return replace(
        base or PlannerConfig(),
        min_gain_per_hour=settings.plan_min_gain_per_hour,
        step_overhead_hours=settings.plan_step_overhead_hours,
        optional_min_gain_per_hour=settings.plan_optional_min_gain_per_hour,
        unknown_effort=settings.plan_unknown_effort,
        min_focus=settings.plan_min_focus,
        off_role_focus=settings.plan_off_role_focus,
        aim_hours_ratio=settings.plan_aim_hours_ratio,
        taught_min=settings.plan_taught_min,
        fair_share=settings.plan_fair_share,
        study_share=settings.plan_study_share,
        generic_weight=settings.plan_generic_weight,
    )


def _plan_gap(
    runtime: Runtime,
    session: Session,
    gap,
    learner,
    nb,
    constraints,
    *,
    mode="greedy",
    timings=None,
    deadline: Deadline | None = None,
    config: PlannerConfig | None = None,
    option_neighbours=None,
    leave_out: frozenset[str] = frozenset(),
    role=None,
):
    """The planner over the catalog for an open gap: options from the in-memory catalog,
    partial credit between the gap and what they teach, then greedy or exact planning (which
    stops at the deadline: the solver is given no more time than is left). config: the
    planner's tuning (the default's where None). option_neighbours: (gap skills, option skills)
    -> their partial credit as `neighbours` gives it, from a caller's cache. leave_out: levels
    of credential ("beginner") that are no step, nor is one written for other work, when the
    plan evidences skills (`evidencing`; a prerequisite of a step may still be). role: the whole
    role's gap where `gap` is part of it (the skills to evidence): an option's focus is its share
    of what it teaches that the role uses, not that part (a plant disease course is no evidence
    of a dinner lady's food hygiene)."""
    timings = {} if timings is None else timings
    check = deadline.check if deadline is not None else unchecked
    s = runtime.settings
    config = planner_config(s, config)
    if constraints.max_steps is None:
        constraints = replace(constraints, max_steps=s.plan_max_steps)
    if deadline is not None:
        left = deadline.remaining()
        config = replace(config, exact_time_limit_s=min(config.exact_time_limit_s, left))
    t = time.perf_counter()
    open_ids = [it.skill_id for it in gap.open_items]
    weights = {it.skill_id: it.weight * (1.0 - it.credit) for it in gap.open_items}
    options, lookup = runtime.catalog.options(weights)
    if leave_out:
        options = evidencing(options, gap.role_isco, leave_out)
    held = runtime.catalog.get(sorted(learner.held_credentials))
    timings["candidates"] = time.perf_counter() - t  # the answer's timings_ms keeps its name
    t = time.perf_counter()
    option_skills = {sid for c in options for sid in c.skills}
    if option_neighbours is None:
        nb_c = neighbours(runtime, session, open_ids, option_skills)
    else:
        nb_c = option_neighbours(open_ids, option_skills)
    for k, v in (nb or {}).items():
        nb_c.setdefault(k, {}).update(v)
    timings["neighbours"] = time.perf_counter() - t
    check()
    t = time.perf_counter()
    focus = option_focus(role or gap, options, nb_c)
    if leave_out:  # evidence comes from a course about the role's work (`plan_gap`)
        options = about_the_role(options, focus, config.min_focus)
    result = plan(
        gap,
        options,
        constraints,
        neighbours=nb_c,
        held=held,
        lookup=lookup,
        mode=mode,
        config=config,
        check=check,
        focus=focus,
        generic=generic_skills(runtime, session),
        central=role_centrality(runtime, gap),
    )
    timings["plan"] = time.perf_counter() - t
    return result
