"""The JSON answers of recommend, gap, roles and the employer rankings, in one place: each answer
is a typed object (a dataclass below, or a matching / profiles dataclass with its numbers
rounded), turned into plain JSON data by `to_json`. The documented shapes are the response models
of models/ (models.matching, models.roles, models.employer); these objects hold what the routes
answer, in that order (a few members, e.g. the plan's effort estimates, are answered but not
documented)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields, is_dataclass, replace
from functools import cache
from typing import Any

from indexing.types import SkillEntry
from service.matching import Cover, Gap, GapItem, Option, Plan, RoleProfile, Shortfall, Stack
from service.profiles.evidence import Evidence
from service.profiles.learner import Learner


class _Absent:
    """The value of a member left out of the answer (not null: absent)."""

    def __repr__(self) -> str:
        return "ABSENT"


ABSENT: Any = _Absent()


@cache
def _names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def to_json(value: Any) -> Any:
    """Plain JSON data: a dataclass as an object of its fields in order (ABSENT ones left out),
    lists and tuples as lists, dicts member by member; other values as they are."""
    if isinstance(value, (list, tuple)):
        return [to_json(v) for v in value]
    if isinstance(value, dict):
        return {k: to_json(v) for k, v in value.items()}
    if is_dataclass(value) and not isinstance(value, type):
        out = {}
        for name in _names(type(value)):
            member = getattr(value, name)
            if member is not ABSENT:
                out[name] = to_json(member)
        return out
    return value


def timings_ms(timings: dict[str, float]) -> dict[str, float]:
    """Seconds per stage as milliseconds, 2 decimals."""
    return {k: round(v * 1000, 2) for k, v in timings.items()}


# ---------------------------------------------------------------------------------------------
# the role, the gap and the learner (POST /v1/gap, POST /v1/recommendations)


@dataclass(slots=True)
class RoleJson:
    title: str
    source: str
    n_skills: int
    n_essential: int
    warnings: list[dict]
    regulated: bool = False
    title_resolution: list[dict] | Any = ABSENT
    title_reading: str | Any = ABSENT


@dataclass(slots=True)
class GapCountsJson:
    covered: int
    partial: int
    missing: int


@dataclass(slots=True)
class GapJson:
    coverage: float
    coverage_held: float
    total_weight: float
    missing_weight: float
    open_weight: float
    counts: GapCountsJson
    items: list[GapItem]


@dataclass(slots=True)
class LearnerSkillJson:
    skill_id: int
    uri: str
    preferred_label: str
    confidence: float
    evidence: list[Evidence]


@dataclass(slots=True)
class HeldCredentialJson:
    id: int
    external_id: str
    title: str


@dataclass(slots=True)
class LearnerJobJson:
    occupation: dict  # id, uri, preferred_label
    phrase: str
    start: int | None
    end: int | None
    score: float


@dataclass(slots=True)
class LearnerJson:
    skills: list[LearnerSkillJson]
    held_credentials: list[int]
    badges: list[dict]
    warnings: list[dict]
    held_credential_items: list[HeldCredentialJson]
    jobs: list[LearnerJobJson] = field(default_factory=list)


def role_json(role: RoleProfile, info: dict) -> RoleJson:
    """info: what building the role found (warnings, the title's resolution)."""
    n_ess = sum(1 for r in role.skills if r.essential)
    out = RoleJson(role.title, role.source, len(role.skills), n_ess, [], role.regulated)
    if "title_resolution" in info:
        out.title_resolution = info["title_resolution"]
    if "title_reading" in info:
        out.title_reading = info["title_reading"]
    if "warnings" in info:
        out.warnings = info["warnings"]
    return out


def gap_counts(items: list[GapItem]) -> GapCountsJson:
    return GapCountsJson(*(sum(1 for i in items if i.status == k) for k in GAP_STATUSES))


GAP_STATUSES = ("covered", "partial", "missing")


def gap_json(gap: Gap) -> GapJson:
    items = [
        replace(i, credit=round(i.credit, 4), confidence=round(i.confidence, 4)) for i in gap.items
    ]
    return GapJson(
        round(gap.coverage, 4),
        round(gap.coverage_held, 4),
        round(gap.total_weight, 4),
        round(gap.missing_weight, 4),
        round(gap.open_weight, 4),
        gap_counts(gap.items),
        items,
    )


def shown_evidence(evidence: list[Evidence]) -> list[Evidence]:
    """The best evidence of each kind, best first (a text's span is never crowded out by the
    skill's other evidence)."""
    best: dict[str, Evidence] = {}
    for e in sorted(evidence, key=lambda e: -e.confidence):
        best.setdefault(e.kind, e)
    return list(best.values())


def learner_json(learner: Learner, taxonomy: Mapping[int, SkillEntry]) -> LearnerJson:
    """The learner as the answer shows it: each skill with its URI and label beside its id
    (`taxonomy`: the runtime's skills), so a client needs no call per skill; the held
    credentials' ids, and beside them each with its external id and title; the jobs counted
    as the learner's own, so an adviser sees what "Warehouse operative" was read as."""

    def named(sid: int) -> tuple[str, str]:
        entry = taxonomy.get(sid)
        return (entry.uri, entry.preferred_label) if entry is not None else ("", "")

    skills = [
        LearnerSkillJson(
            sid,
            *named(sid),
            c,
            [
                replace(e, confidence=round(e.confidence, 4))
                for e in shown_evidence(learner.evidence.get(sid, []))
            ],
        )
        for sid, c in sorted(learner.profile.skills.items(), key=lambda x: -x[1])
    ]
    held = sorted(learner.profile.held_credentials)
    named_held = [HeldCredentialJson(cid, *learner.held.get(cid, ("", ""))) for cid in held]
    jobs = [
        LearnerJobJson(
            {"id": j.occupation_id, "uri": j.uri, "preferred_label": j.title},
            j.phrase,
            j.start,
            j.end,
            round(j.score, 4),
        )
        for j in learner.job_reads
    ]
    return LearnerJson(skills, held, learner.badges, learner.warnings, named_held, jobs)


# ---------------------------------------------------------------------------------------------
# the plan


@dataclass(slots=True)
class OptionJson:
    """A planned credential. hours / cost: as stated (null: the document does not say);
    *_estimate: the labelled estimate of an unknown one; *_note: how a value was derived or
    estimated."""

    id: int
    external_id: str
    title: str
    kind: str
    hours: float | None
    hours_estimate: float | None
    hours_note: str
    cost: float | None
    cost_estimate: float | None
    cost_note: str
    currency: str
    language: str
    level: str | None
    issuer: str


@dataclass(slots=True)
class BuildsOnJson:
    credentials: list[str]
    skills: list[str]


@dataclass(slots=True)
class StepJson:
    order: int
    credential: OptionJson
    reason: str
    optional: bool
    closes: list[str]
    builds_on: BuildsOnJson
    stacks_into: list[str]
    required_by: list[str]
    explanation: str
    covers: list[Cover]


@dataclass(slots=True)
class PlanJson:
    feasible: bool
    message: str
    mode: str
    optimal: bool | None
    total_hours: float
    total_cost: float
    hours_estimated: float
    cost_estimated: float
    hours_unknown: list[str]
    cost_unknown: list[str]
    currency: str | None
    coverage_before: float
    coverage_after: float
    steps: list[StepJson]
    uncoverable: list[Shortfall]
    unmet: list[Shortfall]
    stacks_into: list[Stack]
    alternatives: dict
    skipped: dict[str, str]


def option_json(o: Option) -> OptionJson:
    return OptionJson(
        o.id,
        o.external_id,
        o.title,
        o.kind,
        o.hours,
        o.hours_estimate if o.hours is None else None,
        o.hours_note,
        o.cost,
        o.cost_estimate if o.cost is None else None,
        o.cost_note,
        o.currency,
        o.language,
        o.level,
        o.issuer,
    )


def _step_json(order: int, s) -> StepJson:
    return StepJson(
        order,
        option_json(s.option),
        s.reason,
        s.optional,
        [c.label for c in s.closes],
        BuildsOnJson(s.needs, s.builds_on_skills),
        s.stacks_into,
        s.required_by,
        s.explanation,
        [replace(c, gain=round(c.gain, 4), credit=round(c.credit, 4)) for c in s.covers],
    )


def plan_json(p: Plan) -> PlanJson:
    return PlanJson(
        p.feasible,
        p.message,
        p.mode,
        p.optimal,
        round(p.total_hours, 2),
        round(p.total_cost, 2),
        round(p.hours_estimated, 2),
        round(p.cost_estimated, 2),
        p.hours_unknown,
        p.cost_unknown,
        p.currency,
        round(p.coverage_before, 4),
        round(p.coverage_after, 4),
        [_step_json(i + 1, s) for i, s in enumerate(p.steps)],
        p.uncoverable,
        p.unmet,
        p.stacks_into,
        p.alternatives,
        p.skipped,
    )


@dataclass(slots=True)
class RecommendationJson:
    """POST /v1/gap (no plan) and POST /v1/recommendations."""

    role: RoleJson
    gap: GapJson
    learner: LearnerJson
    plan: PlanJson | Any = ABSENT
    timings_ms: dict[str, float] = field(default_factory=dict)


# ---------------------------------------------------------------------------------------------
# parts of a plan: the employer's plan to the missing essentials, a role's closing


@dataclass(slots=True)
class EssentialPlanJson:
    feasible: bool
    message: str
    total_hours: float
    total_cost: float
    currency: str | None
    steps: list[StepJson]
    coverage_before: float
    coverage_after: float
    uncoverable: list[Shortfall]


def essential_plan_json(p: PlanJson) -> EssentialPlanJson:
    return EssentialPlanJson(
        p.feasible,
        p.message,
        p.total_hours,
        p.total_cost,
        p.currency,
        p.steps,
        p.coverage_before,
        p.coverage_after,
        p.uncoverable,
    )


@dataclass(slots=True)
class ClosingHead:
    planner: str
    feasible: bool
    message: str
    total_hours: float
    total_cost: float
    currency: str | None


@dataclass(slots=True)
class ClosedJson(ClosingHead):
    """Nothing to close (its members in this order, as always answered)."""

    credentials: list[OptionJson]
    coverage_after: float
    uncoverable: list[Shortfall]
    unmet: list[Shortfall]


@dataclass(slots=True)
class ClosingJson(ClosingHead):
    """A plan that closes a role's gap: the plan's credentials come last."""

    coverage_after: float
    uncoverable: list[Shortfall]
    unmet: list[Shortfall]
    credentials: list[OptionJson]


def closing_json(planner: str, p: PlanJson) -> ClosingJson:
    head = (planner, p.feasible, p.message, p.total_hours, p.total_cost, p.currency)
    options = [s.credential for s in p.steps]
    return ClosingJson(*head, p.coverage_after, p.uncoverable, p.unmet, options)
