"""API schemas (plain data models; never inherit from table models)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
)
from pydantic.json_schema import SkipJsonSchema

from models.safe_values import NO_CONTROLS, finite_document

# ---------------------------------------------------------------------------------------------
# limits every request model and route shares (all of them are declared in the OpenAPI schema)

# The largest id accepted: ids are INTEGER columns (32-bit in PostgreSQL, where a larger value
# in a query is an error, not a miss).
MAX_ID = 2**31 - 1
# A text with a character that is not ASCII white space (what `blank()` strips). Spelled out, not
# `\S`: JSON Schema (ECMA-262), pydantic (Rust) and Python disagree on what else `\s` matches.
ASCII_SPACE = " \t\n\r\f\v"
NOT_BLANK = r"[^ \t\n\r\f\v]"
# what `next_cursor` holds: where the next page starts, in digits; any such cursor names a page
CURSOR_PATTERN = r"^[0-9]{1,10}$"
MAX_CURSOR = 10
# a cursor in a request body (the lists' `next_cursor`)
BodyCursor = Annotated[
    str | None,
    Field(
        pattern=CURSOR_PATTERN,
        max_length=MAX_CURSOR,
        description="`next_cursor` of the previous page",
    ),
]
LIMIT_SETTING = "x-limit-setting"  # service/api/schema_limits.py fills in the configured limit
ANONYMOUS_LIMIT_SETTING = "x-anonymous-limit-setting"  # the same, for callers without a key


def blank(text: str) -> bool:
    """Whether a text is empty or ASCII white space only: what NOT_BLANK refuses."""
    return not text.strip(ASCII_SPACE)


# Request bodies are strict: a JSON value of another type than the schema's is refused (no
# `false` for a number, no `"1"` for an integer), as the schema says.
STRICT = ConfigDict(strict=True)


def limited_by(setting: str | None, anonymous: str | None = None) -> dict[str, str]:
    """`json_schema_extra` of a field whose length limit is a setting (`Settings.<setting>`):
    the route checks it (422) and the app's OpenAPI schema declares it as maxLength /
    maxItems with the configured value. `anonymous`: the setting of a smaller limit for callers
    without an API key, declared as x-anonymous-maxLength / x-anonymous-maxItems. (setting None:
    the field's own max_length is the keyed limit.)"""
    out = {LIMIT_SETTING: setting} if setting else {}
    return out | ({ANONYMOUS_LIMIT_SETTING: anonymous} if anonymous else {})


SkillSource = Literal["esco", "onet"]


def _integral(value: object) -> object:
    """JSON Schema counts 1.0 as an integer; strict pydantic would not."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def integer(ge: int, le: int) -> Any:
    """A JSON integer in [ge, le] for a STRICT model: 1.0 counts, true and "1" do not. (The
    bounds sit on the inner type, so the JSON schema states them as minimum / maximum.)"""
    return Annotated[Annotated[int, Field(ge=ge, le=le)], BeforeValidator(_integral)]


# input types of the request bodies
Id = integer(1, MAX_ID)
PageSize = integer(1, 100)
EqfLevel = integer(1, 8)
Label = Annotated[str, StringConstraints(min_length=1, max_length=300)]  # a skill label or URI
Identifier = Annotated[  # email, URL, DID: no control characters
    str, StringConstraints(min_length=1, max_length=320, pattern=NO_CONTROLS)
]
Word = Annotated[str, StringConstraints(min_length=1, max_length=64)]  # a code: language, level
IssuerName = Annotated[str, StringConstraints(min_length=1, max_length=300)]
# at most 200 top-level members, and finite numbers only (no NaN, no Infinity)
JsonDocument = Annotated[dict[str, Any], Field(max_length=200), AfterValidator(finite_document)]
# a badge: a JSON document, or a compact JWS / JWT
Badge = JsonDocument | Annotated[str, StringConstraints(min_length=1, max_length=200_000)]


# ---------------------------------------------------------------------------------------------
# errors


class ErrorInfo(BaseModel):
    message: str
    field: str | None = Field(
        default=None, description="the input at fault, e.g. `query.limit`, `body.text`"
    )


class ValidationErrorItem(BaseModel):
    field: str
    message: str
    type: str | None = None


class ErrorOut(BaseModel):
    """Every error answer has this shape."""

    error: ErrorInfo
    detail: str | None = Field(default=None, description="the message again")
    errors: list[ValidationErrorItem] | None = Field(
        default=None, description="422 for a request the schema rejects: every fault"
    )


class EvidenceOut(BaseModel):
    start: int
    end: int
    text: str


class SkillHit(BaseModel):
    id: int
    uri: str
    preferred_label: str
    source: str
    score: float
    matched_label: str
    label_kind: str


class SkillRefOut(BaseModel):
    id: int
    uri: str
    preferred_label: str
    source: str


class SkillDetail(BaseModel):
    id: int
    uri: str
    source: str
    preferred_label: str
    alt_labels: list[str]
    description: str
    skill_type: str
    reuse_level: str
    collections: list[str]
    broader: list[dict]
    narrower: list[dict]
    occupation_count: int


class SkillPage(BaseModel):
    items: list[SkillHit] | list[SkillRefOut]
    total: int | None = None


MaxSkills = integer(1, 200)


class ExtractRequest(BaseModel):
    model_config = STRICT

    text: str = Field(
        min_length=1,
        pattern=NOT_BLANK,
        description="Free text: a sentence, a credential description, a job posting.",
        json_schema_extra=limited_by("max_text_chars", anonymous="anonymous_max_text_chars"),
    )
    max_skills: MaxSkills = 30
    min_score: float | None = Field(default=None, ge=-1.0, le=1.0)
    sources: list[SkillSource] | None = Field(
        default=None, max_length=2, description='e.g. ["esco"] or ["onet"]'
    )


class ExtractedSkillOut(SkillHit):
    evidence: list[EvidenceOut]


class ExtractResponse(BaseModel):
    n_chars: int
    skills: list[ExtractedSkillOut]


class OccupationHit(BaseModel):
    id: int
    uri: str
    preferred_label: str
    isco_code: str
    score: float = Field(description="similarity of the best matching label (1: an exact label)")
    rank_score: float = Field(
        description="the ranking score: the best label, the occupation's other labels, its "
        "description and its ISCO group together (hits come in this order)"
    )
    matched_label: str


class OccupationSkillOut(BaseModel):
    id: int
    uri: str
    preferred_label: str
    source: str
    skill_type: str
    relation_source: str


class OccupationDetail(BaseModel):
    id: int
    uri: str
    preferred_label: str
    alt_labels: list[str]
    description: str
    isco_code: str
    essential_skills: list[OccupationSkillOut]
    optional_skills: list[OccupationSkillOut]


class About(BaseModel):
    name: str
    version: str
    model: str
    dim: int
    taxonomy: str
    counts: dict[str, int]
    index_sizes: dict[str, int] = Field(
        default_factory=dict, description="vectors in this worker's record indexes"
    )
    attribution: list[str]


class SpanOut(BaseModel):
    field: str
    start: int
    end: int
    text: str


class RecordSkillOut(BaseModel):
    id: int
    uri: str
    preferred_label: str
    source: str  # the skill's taxonomy: esco | onet
    origin: str  # explicit | extracted
    weight: float | None = None
    relation: str | None = None
    confidence: float | None = None
    evidence: list[SpanOut] = Field(default_factory=list)
    label: str | None = Field(
        default=None, description="the stated skill name this link was made from, as given"
    )


class StatedLabelOut(BaseModel):
    """A skill name the record states, as given, and what it became."""

    position: int = Field(description="its index in the record's skills")
    label: str
    status: str = Field(description="linked | doubtful (linked, with a warning) | unlinked")
    skill_id: int | None = None
    preferred_label: str | None = None
    confidence: float | None = None
    note: str = Field(default="", description="why the link is doubtful or missing")


class CredentialOut(BaseModel):
    id: int
    external_id: str
    kind: str
    title: str
    description: str
    issuer: dict
    url: str | None
    language: str
    eqf_level: int | None
    level: str | None
    delivery_mode: str | None
    hours: float | None
    cost: float | None
    currency: str | None
    validity_months: int | None
    prerequisites: list[dict]
    is_part_of: list[str]
    has_part: list[str]
    source_format: str
    score: float | None = None
    skills: list[RecordSkillOut] | None = None
    stated: list[StatedLabelOut] | None = None
    original: object | None = None


class PostingOut(BaseModel):
    id: int
    external_id: str
    title: str
    description: str
    employer: str | None
    location: str | None
    remote: bool | None
    date_posted: str | None
    occupation: dict | None
    source_format: str
    private: bool = Field(default=False, description="a tenant's private opening")
    score: float | None = None
    skills: list[RecordSkillOut] | None = None
    stated: list[StatedLabelOut] | None = None
    original: object | None = None


class Page(BaseModel):
    items: list[CredentialOut] | list[PostingOut]
    next_cursor: str | None = None


class FieldErrorOut(BaseModel):
    field: str
    message: str


class ItemResultOut(BaseModel):
    position: int
    status: str
    external_id: str | None = None
    id: int | SkipJsonSchema[None] = Field(
        default=None,
        exclude_if=lambda v: v is None,
        description="the stored record's id; absent when nothing was stored (an error)",
        json_schema_extra=lambda schema: schema.pop("default", None),
    )
    errors: list[FieldErrorOut] = Field(default_factory=list)
    warnings: list[FieldErrorOut] = Field(default_factory=list)


class BatchResultOut(BaseModel):
    summary: dict[str, int]
    items: list[ItemResultOut]


# ---------------------------------------------------------------------------------------------
# matching: POST /v1/recommendations, POST /v1/gap, GET /v1/occupations/{id}/credentials

GapStatus = Literal["covered", "partial", "missing"]


class WarningOut(BaseModel):
    field: str | None = None
    message: str


class RoleOut(BaseModel):
    title: str
    source: str = Field(description='"occupation:<uri>", "posting:<id>", "demand:<uri>" or "text"')
    title_resolution: list[OccupationHit] | None = Field(
        default=None,
        description="target.title: the occupations it resolved to, best first (the first is "
        "the role; the others are alternatives to offer when a warning says the match is weak)",
    )
    n_skills: int
    n_essential: int
    warnings: list[WarningOut] = Field(
        default_factory=list, description="e.g. a target in which no taxonomy skill is known"
    )


EvidenceKind = Literal["credential", "verified_badge", "unverified_badge", "declared", "text"]
HELD = "held: direct evidence of the skill itself (any kind, any trust); a held skill is covered"
WEAK = "held on none of the strong kinds (a held credential, a verified badge)"
NOTE = 'the weak evidence in words ("declared, not evidenced"); "" when strong or not held'
CREDIT = "the trust-weighted credit: the held skill's confidence, or a neighbour's, the best"
COVERAGE = "trust-weighted: sum(weight x credit) / sum(weight)"
COVERAGE_HELD = "share of the weight covered (held, whatever the trust), by weight"


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


class LearnerEvidenceOut(BaseModel):
    skill_id: int
    confidence: float
    source: str = Field(description='"credential:<id>", "badge:<id>", "declared" or "text"')
    text: str = Field(default="", description="for text: the span of the text it was found in")
    start: int | None = None
    end: int | None = None
    kind: EvidenceKind
    link_confidence: float | None = Field(
        default=None, description="a stated name's link to the skill (`text` is the name)"
    )


class LearnerSkillOut(BaseModel):
    skill_id: int
    confidence: float
    evidence: list[LearnerEvidenceOut]


class BadgeOutcomeOut(BaseModel):
    position: int
    status: str = Field(description="verified | unverified | failed")
    reason: str | None = None
    message: str | None = None


class LearnerOut(BaseModel):
    skills: list[LearnerSkillOut]
    held_credentials: list[int]
    badges: list[BadgeOutcomeOut]
    warnings: list[WarningOut]


class PlanCredentialOut(BaseModel):
    id: int
    external_id: str
    title: str
    kind: str
    hours: float
    cost: float
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


class OccupationRefOut(BaseModel):
    id: int
    title: str


class RankedCredentialOut(CredentialOut):
    covers: list[str] = Field(description="the role's skills this credential teaches")


class RoleCredentialsOut(BaseModel):
    occupation: OccupationRefOut
    items: list[RankedCredentialOut]


# POST /v1/roles/suggest: occupations ranked by the learner's essential coverage


class SuggestedOccupationOut(BaseModel):
    id: int
    uri: str
    preferred_label: str
    isco_code: str


class CarrierSkillOut(BaseModel):
    skill_id: int
    label: str
    weight: float
    credit: float = Field(description=CREDIT)
    status: GapStatus
    held: bool = Field(description=HELD)
    evidence_kinds: list[EvidenceKind] = Field(
        description="the kinds of the learner's evidence of the skill that gives the credit"
    )
    via: SkillRefLabelOut | None = Field(
        default=None, description="the held skill that gives the credit, when another one"
    )


class RoleClosingOut(BaseModel):
    planner: str = Field(description="how the hours and cost were found")
    feasible: bool
    message: str
    total_hours: float
    total_cost: float
    currency: str | None = None
    credentials: list[PlanCredentialOut] = Field(description="the plan's credentials, in order")
    coverage_after: float = Field(description="essential coverage after the plan")
    uncoverable: list[ShortfallOut] = Field(
        description="essential skills the catalog does not teach, even in part"
    )
    unmet: list[ShortfallOut] = Field(description="essential skills the constraints leave open")


class SuggestedRoleOut(BaseModel):
    rank: int
    occupation: SuggestedOccupationOut
    coverage: float = Field(description=COVERAGE + ", over the essential skills; the order")
    coverage_held: float = Field(description=COVERAGE_HELD + ", over the essential skills")
    n_essential: int
    n_missing_essential: int = Field(description="essential skills not covered: the gap's size")
    counts: GapCountsOut = Field(description="the essential skills by status")
    open_weight: float = Field(description="sum(weight x (1 - credit)) of those not covered")
    carried_by: list[CarrierSkillOut] = Field(
        description="the essential skills that weigh most in the coverage, heaviest first"
    )
    to_close: RoleClosingOut


class RolesSuggestOut(BaseModel):
    total: int = Field(description="occupations with any essential coverage (and the filter)")
    items: list[SuggestedRoleOut]
    next_cursor: str | None = None
    learner: LearnerOut
    warnings: list[WarningOut]
    timings_ms: dict[str, float]


# ---------------------------------------------------------------------------------------------
# employers: candidates, trust material, matching both ways


class TenantRefOut(BaseModel):
    id: int
    name: str


class TenantOut(BaseModel):
    tenant: TenantRefOut
    scopes: list[str]


class CandidateBadgeOut(BaseModel):
    id: int
    position: int
    title: str
    issuer: str | None = None
    status: str = Field(description="verified | unverified | failed")
    reason: str
    message: str
    format: str
    credential_id: str | None = None
    valid_until: str | None = None


class CandidateEvidenceOut(BaseModel):
    source: str = Field(description="badge | declared | text")
    badge_id: int | None = None
    confidence: float
    text: str


class CandidateSkillOut(BaseModel):
    skill_id: int
    uri: str
    label: str
    confidence: float
    evidence: list[CandidateEvidenceOut]


class CandidateOut(BaseModel):
    id: int
    name: str | None = None
    external_id: str | None = None
    identifiers: list[str]
    declared_skills: list[str]
    updated_at: str | None = None
    badges: list[CandidateBadgeOut]
    skills: list[CandidateSkillOut]
    warnings: list[WarningOut]


class CandidateRefOut(BaseModel):
    id: int
    name: str | None = None
    external_id: str | None = None


class CandidatePage(BaseModel):
    items: list[CandidateRefOut]
    next_cursor: str | None = None


class MatchBadgeOut(BaseModel):
    id: int
    title: str | None = None
    status: str | None = None


class MatchEvidenceOut(BaseModel):
    source: str
    confidence: float
    text: str
    badge: MatchBadgeOut | None = None


class SkillRefLabelOut(BaseModel):
    skill_id: int
    label: str | None = None


class MatchedSkillOut(BaseModel):
    skill_id: int
    label: str
    weight: float
    essential: bool
    status: GapStatus
    credit: float = Field(description=CREDIT)
    via: SkillRefLabelOut | None = Field(
        default=None, description="the held skill that gives the credit, when another one"
    )
    evidence: list[MatchEvidenceOut]
    held: bool = Field(default=False, description=HELD)
    confidence: float = Field(default=0.0, description="the held skill's own confidence")
    evidence_kinds: list[EvidenceKind] = Field(default_factory=list)
    weak: bool = Field(default=False, description=WEAK)
    note: str = Field(default="", description=NOTE)


class MissingSkillOut(BaseModel):
    skill_id: int
    label: str
    status: GapStatus
    credit: float


class EssentialPlanOut(BaseModel):
    feasible: bool
    message: str
    total_hours: float
    total_cost: float
    currency: str | None = None
    steps: list[PlanStepOut]
    coverage_before: float
    coverage_after: float
    uncoverable: list[ShortfallOut]


class MatchDetailOut(BaseModel):
    coverage: float = Field(description=COVERAGE + "; the ranking's order")
    coverage_held: float = Field(description=COVERAGE_HELD)
    matched: list[MatchedSkillOut]
    missing_essential: list[MissingSkillOut] = Field(
        description="essential skills not covered: never a held one"
    )
    plan: EssentialPlanOut | None = Field(
        default=None, description="with plan=true: the shortest plan to the missing essentials"
    )


class OpeningRefOut(BaseModel):
    id: int
    title: str
    n_skills: int


class CandidateNameOut(BaseModel):
    id: int
    name: str | None = None


class RankedCandidateOut(MatchDetailOut):
    rank: int
    candidate: CandidateNameOut


class CandidatesForOpeningOut(BaseModel):
    opening: OpeningRefOut
    total: int
    items: list[RankedCandidateOut]
    next_cursor: str | None = None


class OpeningOut(BaseModel):
    id: int
    external_id: str
    title: str
    employer: str | None = None
    private: bool


class RankedOpeningOut(MatchDetailOut):
    rank: int
    opening: OpeningOut


class OpeningsForCandidateOut(BaseModel):
    candidate: CandidateNameOut
    total: int
    items: list[RankedOpeningOut]
    next_cursor: str | None = None


class TrustCreatedOut(BaseModel):
    id: int
    kind: str


class TrustRefOut(BaseModel):
    id: int
    kind: str
    ref: str


class TrustListOut(BaseModel):
    items: list[TrustRefOut]
