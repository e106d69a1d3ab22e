"""Recommendations: role + learner -> gap -> candidates -> plan, and the JSON the API returns."""

from __future__ import annotations

import time
from dataclasses import asdict, replace
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator
from pydantic.json_schema import SkipJsonSchema
from sqlmodel import Session

from indexing.types import unchecked
from models.schemas import (
    NOT_BLANK,
    STRICT,
    Badge,
    EqfLevel,
    Id,
    Identifier,
    IssuerName,
    Label,
    Word,
    integer,
    limited_by,
)
from service.caller_limits import LEARNER_BADGES, LEARNER_SKILLS, CallerLimits
from service.deadline import Deadline
from service.errors import InvalidInput, NotFound
from service.matching import (
    Constraints,
    GapConfig,
    PlannerConfig,
    PlanTooLargeError,
    compute_gap,
    plan,
)
from service.profiles.learner import Learner, build_learner
from service.profiles.neighbours import neighbours
from service.profiles.role import (
    resolve_title,
    role_from_demand,
    role_from_occupation,
    role_from_posting,
    role_from_text,
)
from service.profiles.trust import EvidenceTrustIn
from service.repo.taxonomy import occupation_id_by_uri, title_hits
from service.runtime import Runtime

PlanSteps = integer(1, 30)  # 2.0 counts, true and "2" do not


class LearnerIn(BaseModel):
    model_config = STRICT

    credentials: list[Id] = Field(
        default_factory=list, max_length=200, description="ids of catalog credentials held"
    )
    badges: list[Badge] = Field(
        default_factory=list,
        max_length=LEARNER_BADGES,
        description="badges held: Open Badges assertions or credentials (JSON or JWT; verified "
        "offline, a verified one weighs more) or BadgeClass / Achievement / CTDL documents",
        json_schema_extra=limited_by(None, anonymous="anonymous_max_badges"),
    )
    identifiers: list[Identifier] = Field(
        default_factory=list,
        max_length=20,
        description="the learner's recipient identifiers (email, URL, DID) badges must name",
    )
    skills: list[Label] = Field(
        default_factory=list,
        max_length=LEARNER_SKILLS,
        description="declared skills: labels or URIs",
        json_schema_extra=limited_by(None, anonymous="anonymous_max_learner_skills"),
    )
    text: str = Field(
        default="",
        description="CV or free text",
        json_schema_extra=limited_by("max_text_chars", anonymous="anonymous_max_text_chars"),
    )
    trust: EvidenceTrustIn | None = Field(
        default=None,
        description="trust weights of this request per kind of evidence, each in [0.1, 1.0] "
        "(the settings' where left out); they weigh the trust-weighted coverage only",
    )


TARGET_FIELDS = (
    "occupation_id",
    "occupation_uri",
    "posting_id",
    "title",
    "description",
    "demand_occupation_id",
)


Uri = Annotated[str, StringConstraints(min_length=1, max_length=1000)]
RoleTitle = Annotated[str, StringConstraints(min_length=1, max_length=300, pattern=NOT_BLANK)]
RoleText = Annotated[
    str,
    StringConstraints(min_length=1, pattern=NOT_BLANK),
    Field(json_schema_extra=limited_by("max_text_chars", anonymous="anonymous_max_text_chars")),
]


def _one_member(schema: dict[str, Any]) -> None:
    """The schema says what the validator checks: an object with exactly one of the members,
    not null (and no default to show: a member is given or absent)."""
    schema.update(minProperties=1, maxProperties=1, additionalProperties=False)
    for prop in schema.get("properties", {}).values():
        prop.pop("default", None)


class TargetIn(BaseModel):
    """The role to reach: exactly one of the members."""

    model_config = ConfigDict(strict=True, extra="forbid", json_schema_extra=_one_member)

    # constraints sit on the inner types: next to SkipJsonSchema, pydantic would drop `pattern`
    occupation_id: Id | SkipJsonSchema[None] = None
    occupation_uri: Uri | SkipJsonSchema[None] = None
    posting_id: Id | SkipJsonSchema[None] = None
    title: RoleTitle | SkipJsonSchema[None] = None
    description: RoleText | SkipJsonSchema[None] = None
    demand_occupation_id: Id | SkipJsonSchema[None] = None

    @model_validator(mode="before")
    @classmethod
    def _one(cls, data: Any) -> Any:
        if isinstance(data, dict) and (len(data) != 1 or None in data.values()):
            raise ValueError(f"give exactly one of {', '.join(TARGET_FIELDS)} (not null)")
        return data


class ConstraintsIn(BaseModel):
    model_config = STRICT

    max_hours: float | None = Field(default=None, ge=0)
    max_cost: float | None = Field(default=None, ge=0)
    levels: list[Word] | None = Field(default=None, max_length=20)
    min_eqf_level: EqfLevel | None = None
    max_eqf_level: EqfLevel | None = None
    languages: list[Word] | None = Field(default=None, max_length=50)
    delivery_modes: list[Word] | None = Field(default=None, max_length=20)
    include_issuers: list[IssuerName] | None = Field(default=None, max_length=100)
    exclude_issuers: list[IssuerName] | None = Field(default=None, max_length=100)
    max_steps: PlanSteps | None = Field(
        default=None,
        description="steps in the plan at most, prerequisites included (settings' "
        "plan_max_steps, 8, when left out)",
    )

    def to_core(self) -> Constraints:
        def s(v):
            return frozenset(v) if v else None

        return Constraints(
            max_hours=self.max_hours,
            max_cost=self.max_cost,
            levels=s(self.levels),
            min_eqf_level=self.min_eqf_level,
            max_eqf_level=self.max_eqf_level,
            languages=s(self.languages),
            delivery_modes=s(self.delivery_modes),
            include_issuers=s(self.include_issuers),
            exclude_issuers=s(self.exclude_issuers),
            max_steps=self.max_steps,
        )


class RecommendIn(BaseModel):
    model_config = STRICT

    learner: LearnerIn = Field(default_factory=LearnerIn)
    target: TargetIn
    constraints: ConstraintsIn = Field(default_factory=ConstraintsIn)
    mode: str = Field(default="greedy", pattern="^(greedy|exact)$")


def build_role(
    runtime: Runtime,
    session: Session,
    target: TargetIn,
    *,
    tenant_id: int | None = None,
    check=unchecked,
) -> tuple[object, dict]:
    s = runtime.settings
    info: dict = {}
    if target.occupation_uri:
        oid = occupation_id_by_uri(session, uri=target.occupation_uri)
        if oid is None:
            raise NotFound(
                f"unknown occupation {target.occupation_uri!r}", field="target.occupation_uri"
            )
        return role_from_occupation(session, oid, s), info
    if target.occupation_id:
        return role_from_occupation(session, target.occupation_id, s), info
    if target.posting_id:
        return role_from_posting(session, target.posting_id, s, tenant_id=tenant_id), info
    if target.demand_occupation_id:
        oid = target.demand_occupation_id
        return role_from_demand(session, oid, s, tenant_id=tenant_id), info
    if target.title:
        resolution = resolve_title(runtime, session, target.title)
        hits = title_hits(session, resolution=resolution)
        if not hits or not resolution.confident:
            closest = "; ".join(f"{h['preferred_label']} ({h['score']:.2f})" for h in hits)
            raise NotFound(
                f"no occupation matches this title confidently; closest: {closest or 'none'}."
                " Name one with target.occupation_id, or search GET /v1/occupations?q=",
                field="target.title",
            )
        info["title_resolution"] = hits
        if resolution.warning:
            info["warnings"] = [{"field": "target.title", "message": resolution.warning}]
        return role_from_occupation(session, hits[0]["id"], s), info
    text = target.description or ""
    if len(text) > s.max_text_chars:
        raise InvalidInput(
            f"target.description has {len(text)} characters; the limit is {s.max_text_chars}",
            field="target.description",
        )
    return role_from_text(runtime, text, check=check), info


NO_SKILLS = "no skill of the taxonomy is known for this target: there is nothing to match"


def check_limits(body: RecommendIn, limits: CallerLimits) -> None:
    """422 naming the field when the request asks for more linking than the caller may."""
    lr = body.learner
    limits.check_learner(text=lr.text, skills=len(lr.skills), badges=len(lr.badges))
    if body.target.description is not None:
        limits.check_text(body.target.description, "target.description")


def gap_and_context(
    runtime: Runtime,
    session: Session,
    body: RecommendIn,
    *,
    tenant_id=None,
    limits: CallerLimits | None = None,
    check=unchecked,
):
    timings: dict[str, float] = {}
    t = time.perf_counter()
    role, info = build_role(runtime, session, body.target, tenant_id=tenant_id, check=check)
    timings["role"] = time.perf_counter() - t
    t = time.perf_counter()
    learner = learner_of(runtime, session, body.learner, limits=limits, check=check)
    timings["learner"] = time.perf_counter() - t
    return role, info, learner, timings


def learner_of(
    runtime: Runtime,
    session: Session,
    lr: LearnerIn,
    *,
    limits: CallerLimits | None,
    check=unchecked,
) -> Learner:
    """The learner of a request, with its evidence and this request's trust weights."""
    return build_learner(
        runtime,
        session,
        credential_ids=lr.credentials,
        badges=lr.badges,
        skills=lr.skills,
        text=lr.text,
        identifiers=lr.identifiers,
        limits=limits,
        check=check,
        trust=lr.trust,
    )


def _gap_config(settings) -> GapConfig:
    return GapConfig(partial_min=settings.gap_partial_min, covered_min=settings.gap_covered_min)


def compute(
    runtime: Runtime,
    session: Session,
    body: RecommendIn,
    *,
    with_plan: bool = True,
    tenant_id: int | None = None,
    limits: CallerLimits | None = None,
    deadline: Deadline | None = None,
) -> dict:
    """The gap (and the plan) for a request. limits: the caller's (checked first, 422);
    deadline: the work stops with TimedOut once it is cancelled."""
    if limits is not None:
        check_limits(body, limits)
    check = deadline.check if deadline is not None else unchecked
    role, info, learner, timings = gap_and_context(
        runtime, session, body, tenant_id=tenant_id, limits=limits, check=check
    )
    check()
    t = time.perf_counter()
    required = [r.skill_id for r in role.skills]
    nb = neighbours(runtime, session, required, learner.profile.skills)
    gap = compute_gap(role, learner.profile, nb, _gap_config(runtime.settings))
    timings["gap"] = time.perf_counter() - t
    out = {"role": _role_out(role, info), "gap": _gap_out(gap), "learner": _learner_out(learner)}
    if not role.skills:  # a valid question with an empty answer: said so, not refused
        out["role"]["warnings"].append({"field": "target", "message": NO_SKILLS})
    if not with_plan:
        out["timings_ms"] = {k: round(v * 1000, 2) for k, v in timings.items()}
        return out
    t = time.perf_counter()
    try:
        result = plan_gap(
            runtime,
            session,
            gap,
            learner.profile,
            nb,
            body.constraints.to_core(),
            mode=body.mode,
            timings=timings,
            deadline=deadline,
        )
    except PlanTooLargeError as exc:
        raise InvalidInput(str(exc), field="mode") from exc
    out["plan"] = _plan_out(result)
    if not role.skills:
        out["plan"]["message"] = f"{NO_SKILLS[0].upper()}{NO_SKILLS[1:]}."
    out["timings_ms"] = {k: round(v * 1000, 2) for k, v in timings.items()}
    return out


def plan_gap(
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
):
    """The planner over the catalog for an open gap: candidates from the in-memory catalog,
    partial credit between the gap and what they teach, then greedy or exact planning (which
    stops at the deadline: the solver is given no more time than is left). config: the
    planner's tuning (the default's where None)."""
    timings = {} if timings is None else timings
    check = deadline.check if deadline is not None else unchecked
    s = runtime.settings
    config = replace(
        config or PlannerConfig(),
        min_gain_per_hour=s.plan_min_gain_per_hour,
        unknown_effort=s.plan_unknown_effort,
    )
    if constraints.max_steps is None:
        constraints = replace(constraints, max_steps=s.plan_max_steps)
    if deadline is not None:
        left = deadline.remaining()
        config = replace(config, exact_time_limit_s=min(config.exact_time_limit_s, left))
    t = time.perf_counter()
    open_ids = [it.skill_id for it in gap.open_items]
    weights = {it.skill_id: it.weight * (1.0 - it.credit) for it in gap.open_items}
    cands, lookup = runtime.catalog.candidates(weights)
    held = runtime.catalog.get(sorted(learner.held_credentials))
    timings["candidates"] = time.perf_counter() - t
    t = time.perf_counter()
    cand_skills = {sid for c in cands for sid in c.skills}
    nb_c = neighbours(runtime, session, open_ids, cand_skills)
    for k, v in (nb or {}).items():
        nb_c.setdefault(k, {}).update(v)
    timings["neighbours"] = time.perf_counter() - t
    check()
    t = time.perf_counter()
    result = plan(
        gap,
        cands,
        constraints,
        neighbours=nb_c,
        held=held,
        lookup=lookup,
        mode=mode,
        config=config,
        check=check,
    )
    timings["plan"] = time.perf_counter() - t
    return result


def _plain(obj) -> dict:
    """A flat dataclass as a dict, without asdict's deep copies (hot path)."""
    return dict(obj.__dict__)


def _role_out(role, info) -> dict:
    n_ess = sum(1 for r in role.skills if r.essential)
    return {
        "title": role.title,
        "source": role.source,
        "n_skills": len(role.skills),
        "n_essential": n_ess,
        "warnings": [],
        **info,
    }


def _gap_out(gap) -> dict:
    return {
        "coverage": round(gap.coverage, 4),
        "coverage_held": round(gap.coverage_held, 4),
        "total_weight": round(gap.total_weight, 4),
        "missing_weight": round(gap.missing_weight, 4),
        "open_weight": round(gap.open_weight, 4),
        "counts": {
            k: sum(1 for i in gap.items if i.status == k) for k in ("covered", "partial", "missing")
        },
        "items": [
            _plain(i)
            | {
                "credit": round(i.credit, 4),
                "confidence": round(i.confidence, 4),
                "evidence_kinds": list(i.evidence_kinds),
            }
            for i in gap.items
        ],
    }


def shown_evidence(evidence) -> list:
    """The best evidence of each kind, best first (a text's span is never crowded out by the
    skill's other evidence)."""
    best: dict[str, object] = {}
    for e in sorted(evidence, key=lambda e: -e.confidence):
        best.setdefault(e.kind, e)
    return list(best.values())


def _learner_out(learner) -> dict:
    return {
        "skills": [
            {
                "skill_id": sid,
                "confidence": c,
                "evidence": [
                    _plain(e) | {"confidence": round(e.confidence, 4)}
                    for e in shown_evidence(learner.evidence.get(sid, []))
                ],
            }
            for sid, c in sorted(learner.profile.skills.items(), key=lambda x: -x[1])
        ],
        "held_credentials": sorted(learner.profile.held_credentials),
        "badges": learner.badges,
        "warnings": learner.warnings,
    }


def _candidate_out(c) -> dict:
    """hours / cost: as stated (null: the document does not say); *_estimate: the labelled
    estimate of an unknown one; *_note: how a value was derived or estimated."""
    return {
        "id": c.id,
        "external_id": c.external_id,
        "title": c.title,
        "kind": c.kind,
        "hours": c.hours,
        "hours_estimate": c.hours_estimate if c.hours is None else None,
        "hours_note": c.hours_note,
        "cost": c.cost,
        "cost_estimate": c.cost_estimate if c.cost is None else None,
        "cost_note": c.cost_note,
        "currency": c.currency,
        "language": c.language,
        "level": c.level,
        "issuer": c.issuer,
    }


def _plan_out(p) -> dict:
    return {
        "feasible": p.feasible,
        "message": p.message,
        "mode": p.mode,
        "optimal": p.optimal,
        "total_hours": round(p.total_hours, 2),
        "total_cost": round(p.total_cost, 2),
        "hours_estimated": round(p.hours_estimated, 2),
        "cost_estimated": round(p.cost_estimated, 2),
        "hours_unknown": p.hours_unknown,
        "cost_unknown": p.cost_unknown,
        "currency": p.currency,
        "coverage_before": round(p.coverage_before, 4),
        "coverage_after": round(p.coverage_after, 4),
        "steps": [
            {
                "order": i + 1,
                "credential": _candidate_out(s.candidate),
                "reason": s.reason,
                "optional": s.optional,
                "closes": [c.label for c in s.closes],
                "builds_on": {"credentials": s.needs, "skills": s.builds_on_skills},
                "stacks_into": s.stacks_into,
                "required_by": s.required_by,
                "explanation": s.explanation,
                "covers": [
                    _plain(c) | {"gain": round(c.gain, 4), "credit": round(c.credit, 4)}
                    for c in s.covers
                ],
            }
            for i, s in enumerate(p.steps)
        ],
        "uncoverable": [_plain(x) for x in p.uncoverable],
        "unmet": [_plain(x) for x in p.unmet],
        "stacks_into": [_plain(x) for x in p.stacks_into],
        "alternatives": {k: asdict(v) for k, v in p.alternatives.items()},
        "skipped": p.skipped,
    }
