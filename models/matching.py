"""The learner, the target role and the plan: POST /v1/recommendations and POST /v1/gap (request
and answer), and GET /v1/occupations/{id}/credentials."""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)
from pydantic.json_schema import SkipJsonSchema

from models.catalog import CredentialOut
from models.common import (
    NOT_BLANK,
    STRICT,
    Badge,
    EqfLevel,
    ExternalId,
    Id,
    Identifier,
    IssuerName,
    Label,
    WarningOut,
    Word,
    integer,
    limited_by,
)
from models.taxonomy import JobOccupationOut, OccupationHit

LEARNER_SKILLS = 200  # the schema's maxItems of learner.skills, for keyed callers
LEARNER_BADGES = 50  # and of learner.badges
LEARNER_JOBS = 10  # and of learner.jobs
TRUST_MIN = 0.1  # the bounds of a request's trust weights (learner.trust)
TRUST_MAX = 1.0


def _weight(description: str):
    return Field(default=None, ge=TRUST_MIN, le=TRUST_MAX, description=description)


class EvidenceTrustIn(BaseModel):
    """Trust weights of this request, per kind of evidence, each in [0.1, 1.0]; a kind left out
    weighs what the settings say. They weigh the trust-weighted `coverage` only: a skill with any
    evidence is held (covered) whatever its weight."""

    model_config = ConfigDict(strict=True, extra="forbid")

    credential: float | None = _weight(
        "a held catalog credential; default SKILLMATCH_TRUST_CATALOG"
    )
    verified_badge: float | None = _weight(
        "a badge that verifies; default SKILLMATCH_TRUST_BADGE_VERIFIED"
    )
    unverified_badge: float | None = _weight(
        "a badge that does not verify, or a badge's description; default "
        "SKILLMATCH_TRUST_BADGE_UNVERIFIED"
    )
    declared: float | None = _weight("a declared skill; default SKILLMATCH_TRUST_DECLARED")
    text: float | None = _weight("a skill found in the text; default SKILLMATCH_TRUST_TEXT")


# an ESCO occupation's URI (http or https), 512 characters at most like a URI query
ESCO_OCCUPATION = r"^https?://data\.europa\.eu/esco/occupation/[^/]+/?$"  # same in ECMA and re
_SKILL_URI = re.compile(r"^(?:https?://data\.europa\.eu/esco/skill/|urn:onet:)")


def _occupation_uri(uri: str) -> str:
    """The pattern, said in words: a skill's URI is named as one."""
    if re.fullmatch(ESCO_OCCUPATION, uri):  # not re.match: "$" there passes a final "\n"
        return uri
    if _SKILL_URI.match(uri):
        raise ValueError("a skill's URI, not an occupation's: name skills in learner.skills")
    raise ValueError("not an ESCO occupation URI (http://data.europa.eu/esco/occupation/...)")


OccupationUri = Annotated[
    str,
    StringConstraints(min_length=1, max_length=512),
    AfterValidator(_occupation_uri),
    Field(json_schema_extra={"pattern": ESCO_OCCUPATION}),
]
PlanSteps = integer(1, 30)  # 2.0 counts, true and "2" do not


class LearnerIn(BaseModel):
    model_config = STRICT

    credentials: list[Id] = Field(
        default_factory=list, max_length=200, description="ids of catalog credentials held"
    )
    credential_refs: list[ExternalId] = Field(
        default_factory=list,
        max_length=200,
        description="catalog credentials held, by the external id they were ingested under (a "
        "document's id or @id, e.g. an Open Badges achievement URL or a CTDL @id); counted as "
        "`credentials` are",
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
    jobs: list[OccupationUri] = Field(
        default_factory=list,
        max_length=LEARNER_JOBS,
        description="jobs the learner has held, by ESCO occupation URI (e.g. from the `jobs` of "
        "POST /v1/skills/extract with jobs: true): each adds its occupation's essential skills "
        "as text evidence quoting the occupation's label, at the text's trust x 0.7, as a job "
        "read from `text` does; an occupation named twice, or also read from `text`, counts "
        "once. An unknown occupation is a 404 naming learner.jobs[i]",
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
    languages: list[Word] | None = Field(
        default=None,
        max_length=50,
        description="the languages credentials may be taught in (ISO 639-1 codes: en, de, ...); "
        "left out, a recommendation plans only those in the learner's languages (the language "
        "learner.text is written in and the language skills held), any language where the "
        "text says none",
    )
    delivery_modes: list[Word] | None = Field(default=None, max_length=20)
    include_issuers: list[IssuerName] | None = Field(default=None, max_length=100)
    exclude_issuers: list[IssuerName] | None = Field(default=None, max_length=100)
    max_steps: PlanSteps | None = Field(
        default=None,
        description="steps in the plan at most, prerequisites included (settings' "
        "plan_max_steps, 8, when left out)",
    )


class RecommendIn(BaseModel):
    model_config = STRICT

    learner: LearnerIn = Field(default_factory=LearnerIn)
    target: TargetIn
    constraints: ConstraintsIn = Field(default_factory=ConstraintsIn)
    mode: str = Field(default="greedy", pattern="^(greedy|exact)$")


class PlanExportIn(RecommendIn):
    """POST /v1/recommendations/export: the request of /v1/recommendations and the format of the
    plan to give back."""

    format: Literal["csv", "jsonld"] = Field(
        description="csv: one row per step; jsonld: a schema.org ItemList (application/ld+json)"
    )


# ---------------------------------------------------------------------------------------------
# answers

GapStatus = Literal["covered", "partial", "missing"]
EvidenceKind = Literal["credential", "verified_badge", "unverified_badge", "declared", "text"]
HELD = "held: direct evidence of the skill itself (any kind, any trust); a held skill is covered"
WEAK = "held on none of the strong kinds (a held credential, a verified badge)"
NOTE = 'the weak evidence in words ("declared, not evidenced"); "" when strong or not held'
CREDIT = "the trust-weighted credit: the held skill's confidence, or a neighbour's, the best"
COVERAGE = "trust-weighted: sum(weight x credit) / sum(weight)"
COVERAGE_HELD = "share of the weight covered (held, whatever the trust), by weight"


class RoleOut(BaseModel):
    title: str
    source: str = Field(description='"occupation:<uri>", "posting:<id>", "demand:<uri>" or "text"')
    title_resolution: list[OccupationHit] | None = Field(
        default=None,
        description="target.title: the occupations it resolved to, best first (the first is "
        "the role; the others are alternatives to offer when a warning says the match is weak)",
    )
    title_reading: str | None = Field(
        default=None,
        description='target.title names a level and no trade ("team leader"): the reading '
        "chosen from the learner's own jobs, in words (\"read as call centre supervisor from "
        'your experience as a call centre agent"); absent when none was read',
    )
    n_skills: int
    n_essential: int
    regulated: bool = Field(
        default=False,
        description="an occupation ESCO marks as a regulated profession: practising it needs a "
        "recognised qualification (and often a registration) that credentials do not replace",
    )
    warnings: list[WarningOut] = Field(
        default_factory=list, description="e.g. a target in which no taxonomy skill is known"
    )


class GapItemOut(BaseModel):
    skill_id: int
    label: str
    weight: float
    essential: bool
    status: GapStatus = Field(
        description="covered: held, or a neighbouring skill gives credit >= gap_covered_min; "
        "partial: a neighbour gives >= gap_partial_min; missing: less"
    )
    credit: float = Field(description=CREDIT)
    via_skill_id: int | None = None
    held: bool = Field(default=False, description=HELD)
    confidence: float = Field(default=0.0, description="the held skill's own confidence")
    evidence_kinds: list[EvidenceKind] = Field(default_factory=list)
    weak: bool = Field(default=False, description=WEAK)
    note: str = Field(default="", description=NOTE)


class GapCountsOut(BaseModel):
    covered: int
    partial: int
    missing: int


class GapOut(BaseModel):
    coverage: float = Field(description=COVERAGE)
    coverage_held: float = Field(description=COVERAGE_HELD)
    total_weight: float
    missing_weight: float
    open_weight: float
    counts: GapCountsOut
    items: list[GapItemOut]


# The API layer's form of service.profiles.Evidence (no docstring: it would change /openapi.json).
class LearnerEvidenceOut(BaseModel):
    skill_id: int
    confidence: float
    source: str = Field(
        description='"credential:<id>", "badge:<id>", "declared", "text", or "text:role" (a '
        "phrase of the text read again for the target role's skills)"
    )
    text: str = Field(default="", description="for text: the span of the text it was found in")
    start: int | None = None
    end: int | None = None
    kind: EvidenceKind
    link_confidence: float | None = Field(
        default=None, description="a stated name's link to the skill (`text` is the name)"
    )


class LearnerSkillOut(BaseModel):
    skill_id: int
    uri: str = Field(description="the skill's ESCO or O*NET URI")
    preferred_label: str
    confidence: float
    evidence: list[LearnerEvidenceOut]


class BadgeOutcomeOut(BaseModel):
    position: int
    status: str = Field(description="verified | unverified | failed")
    reason: str | None = None
    message: str | None = None


class HeldCredentialOut(BaseModel):
    id: int
    external_id: str
    title: str


class LearnerJobOut(BaseModel):
    occupation: JobOccupationOut
    phrase: str = Field(
        description="the job title in the learner's words (for a job sent as learner.jobs, "
        "the occupation's label)"
    )
    start: int | None = Field(
        default=None, description="the phrase's span in learner.text; null for a job sent"
    )
    end: int | None = None
    score: float = Field(description="how closely the phrase matches a label of the occupation")


class LearnerOut(BaseModel):
    skills: list[LearnerSkillOut]
    held_credentials: list[int] = Field(description="the held credentials' ids, ascending")
    badges: list[BadgeOutcomeOut]
    warnings: list[WarningOut]
    held_credential_items: list[HeldCredentialOut] = Field(
        description="the held credentials of held_credentials, in its order, each with its "
        "external id and title"
    )
    jobs: list[LearnerJobOut] = Field(
        default_factory=list,
        description="the jobs counted as the learner's own, as read: sent as learner.jobs, then "
        "read from learner.text (at most 3); each adds its occupation's essential skills as "
        "weaker text evidence quoting the phrase",
    )


class PlanCredentialOut(BaseModel):
    id: int
    external_id: str
    title: str
    kind: str
    hours: float | None = Field(description="as stated; null: the credential does not say")
    hours_estimate: float | None = Field(
        default=None, description="the labelled estimate of unknown hours (see hours_note)"
    )
    hours_note: str = Field(default="", description="how the hours were derived or estimated")
    cost: float | None = Field(description="as stated; null: the credential does not say")
    cost_estimate: float | None = Field(
        default=None, description="the labelled estimate of an unknown cost (see cost_note)"
    )
    cost_note: str = Field(default="", description="how the cost was derived or estimated")
    currency: str | None = None
    language: str | None = None
    level: str | None = None
    issuer: str | None = None


class CoverOut(BaseModel):
    skill_id: int
    label: str
    essential: bool
    weight: float
    gain: float
    credit: float
    status: GapStatus
    via_skill_id: int | None = None
    evidence: str = ""


class PlanStepOut(BaseModel):
    order: int
    credential: PlanCredentialOut
    reason: str
    required_by: list[str]
    explanation: str
    covers: list[CoverOut]


class ShortfallOut(BaseModel):
    skill_id: int
    label: str
    weight: float
    essential: bool
    credit: float
    reachable: float


class StackOut(BaseModel):
    program_external_id: str
    title: str
    held: int
    planned: int
    total: int
    completed: bool
    remaining: list[str] = Field(default_factory=list)


class PlanSummaryOut(BaseModel):
    name: str
    external_ids: list[str]
    titles: list[str]
    total_hours: float
    total_cost: float
    coverage_after: float


class PlanOut(BaseModel):
    feasible: bool
    message: str
    mode: str = "greedy"
    optimal: bool | None = None
    total_hours: float
    total_cost: float
    currency: str | None = None
    coverage_before: float = Field(description=COVERAGE + ", before the plan")
    coverage_after: float = Field(description=COVERAGE + ", after it")
    steps: list[PlanStepOut]
    uncoverable: list[ShortfallOut]
    unmet: list[ShortfallOut]
    stacks_into: list[StackOut]
    alternatives: dict[str, PlanSummaryOut]
    skipped: dict[str, str] = Field(description="external id -> why it was left out")


class GapAnswer(BaseModel):
    """POST /v1/gap."""

    role: RoleOut
    gap: GapOut
    learner: LearnerOut
    timings_ms: dict[str, float]


class RecommendationOut(GapAnswer):
    """POST /v1/recommendations: the gap and the plan that closes it."""

    plan: PlanOut


class SkillRefLabelOut(BaseModel):
    skill_id: int
    label: str | None = None


class OccupationRefOut(BaseModel):
    id: int
    title: str


class RankedCredentialOut(CredentialOut):
    covers: list[str] = Field(description="the role's skills this credential teaches")


class RoleCredentialsOut(BaseModel):
    occupation: OccupationRefOut
    items: list[RankedCredentialOut]
