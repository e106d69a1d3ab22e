"""API schemas (plain data models; never inherit from table models)."""

from __future__ import annotations

from pydantic import BaseModel, Field


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


class ExtractRequest(BaseModel):
    text: str = Field(description="Free text: a sentence, a credential description, a job posting.")
    max_skills: int = Field(default=30, ge=1, le=200)
    min_score: float | None = Field(default=None, ge=-1.0, le=1.0)
    sources: list[str] | None = Field(default=None, description='e.g. ["esco"] or ["onet"]')


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
    score: float
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
    id: int | None = None
    errors: list[FieldErrorOut] = Field(default_factory=list)
    warnings: list[FieldErrorOut] = Field(default_factory=list)


class BatchResultOut(BaseModel):
    summary: dict[str, int]
    items: list[ItemResultOut]
