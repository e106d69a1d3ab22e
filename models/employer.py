"""Employers: their candidates (job seekers) with badges, trust material, and the rankings both
ways (candidates for an opening, openings for a candidate): requests and answers."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field, StringConstraints

from models.common import (
    STRICT,
    Badge,
    BodyCursor,
    Id,
    Identifier,
    JsonDocument,
    Label,
    PageSize,
    WarningOut,
    limited_by,
)
from models.matching import (
    COVERAGE,
    COVERAGE_HELD,
    CREDIT,
    HELD,
    NOTE,
    WEAK,
    EvidenceKind,
    GapStatus,
    PlanStepOut,
    ShortfallOut,
    SkillRefLabelOut,
)
from models.safe_values import NO_CONTROLS, ONE_LINE

MAX_BADGES = 50
MAX_CANDIDATE_BATCH = 20  # candidates in one import: each verified and read on its own


class CandidateIn(BaseModel):
    """A candidate profile. Nothing personal is required: a name and identifiers are optional;
    identifiers (email, URL, DID) are only used to check that badges were issued to them."""

    model_config = STRICT

    name: str | None = Field(default=None, max_length=200, pattern=ONE_LINE)
    external_id: str | None = Field(default=None, max_length=200, pattern=NO_CONTROLS)
    identifiers: list[Identifier] = Field(
        default_factory=list,
        max_length=20,
        description="recipient identifiers (email, URL, DID) that badges must name",
    )
    badges: list[Badge] = Field(
        default_factory=list,
        max_length=MAX_BADGES,
        description="Open Badges 2.0 assertions or 3.0 OpenBadgeCredentials: JSON or JWT",
    )
    skills: list[Label] = Field(
        default_factory=list, max_length=200, description="declared skills: labels or URIs"
    )
    text: str = Field(
        default="", description="CV text", json_schema_extra=limited_by("max_text_chars")
    )
    keys: list[JsonDocument | Annotated[str, StringConstraints(max_length=20_000)]] = Field(
        default_factory=list,
        max_length=20,
        description="issuer public keys for these badges (JWK, PEM, or an OB 2.0 "
        "CryptographicKey), besides the tenant's stored ones",
    )
    revocations: list[JsonDocument] = Field(
        default_factory=list,
        max_length=20,
        description="revocation lists or status list credentials, besides the stored ones",
    )


class CandidateSkillsIn(BaseModel):
    """A correction of a candidate's skills after reading their evidence: skills to remove (by
    id, with all their evidence) and skills to add (labels or URIs, stored as declared)."""

    model_config = STRICT

    remove: list[Id] = Field(
        default_factory=list, max_length=200, description="skill ids the candidate does not hold"
    )
    add: list[Label] = Field(
        default_factory=list, max_length=50, description="skills to add: labels or URIs"
    )


class CandidateBatchIn(BaseModel):
    """Several candidates at once. Each item is a candidate as `POST /v1/candidates` takes it,
    checked and saved on its own: a bad item is answered with its errors, the good ones are
    saved."""

    model_config = STRICT

    items: list[JsonDocument] = Field(
        min_length=1,
        max_length=MAX_CANDIDATE_BATCH,
        description=f"at most {MAX_CANDIDATE_BATCH} candidates (CandidateIn objects)",
    )


class MatchIn(BaseModel):
    model_config = STRICT

    limit: PageSize = 20
    cursor: BodyCursor = None
    plan: bool = Field(default=True, description="the shortest plan to close missing essentials")
    min_coverage: float = Field(
        default=0.0, ge=0, le=1, description="the least trust-weighted `coverage` listed"
    )


class OpeningsIn(BaseModel):
    model_config = STRICT

    limit: PageSize = 20
    cursor: BodyCursor = None
    include_public: bool = Field(default=True, description="public postings too, not only ours")
    plan: bool = False
    min_coverage: float = Field(
        default=0.0,
        ge=0,
        le=1,
        description="the least trust-weighted `coverage` listed: openings under it are left out "
        "(and out of `total`)",
    )


class TrustIn(BaseModel):
    model_config = STRICT

    kind: Literal["key", "revocation"] = Field(description="key | revocation")
    document: JsonDocument = Field(
        description="a JWK, a CryptographicKey (OB 2.0), a RevocationList (OB 2.0), a "
        "1EdTechRevocationList or a BitstringStatusListCredential"
    )


# ---------------------------------------------------------------------------------------------
# answers


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
    readings: list[CandidateSkillOut] = Field(
        default_factory=list,
        description="skills the CV text may also say, read once for any opening (evidence "
        'source "text:role"): a ranking counts one only where the opening asks for it; not the '
        "candidate's skills, removable as they are",
    )
    warnings: list[WarningOut]


class CandidateBatchItemOut(BaseModel):
    position: int = Field(description="the item's index in the request")
    status: Literal["created", "failed"]
    id: int | None = None
    name: str | None = None
    skills: list[str] = Field(default_factory=list, description="labels of the skills read")
    errors: list[WarningOut] = Field(default_factory=list)
    warnings: list[WarningOut] = Field(default_factory=list)


class CandidateBatchOut(BaseModel):
    summary: dict[str, int] = Field(description="created and failed counts")
    items: list[CandidateBatchItemOut]


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
    summary: str = Field(
        default="",
        description="one plain sentence: what matches, what is missing, which evidence is weak",
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
