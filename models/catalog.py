"""Answers of the records API: credentials and job postings as stored, their pages, and the
results of a batch ingest. (models/records.py holds what ingest parses a document into.)"""

from __future__ import annotations

from pydantic import BaseModel, Field
from pydantic.json_schema import SkipJsonSchema


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
    life_cycle_status: str | None = Field(
        default=None,
        description="active | ceased | suspended | under_development, as stated (CTDL "
        "lifeCycleStatusType); ceased and suspended credentials are never planned",
    )
    credit_value: float | None = None
    credit_unit: str | None = None
    occupations: list[str] = Field(
        default_factory=list,
        description="ESCO occupation URIs it prepares for (stated, or mapped from O*NET-SOC "
        "codes through the ESCO-O*NET crosswalk)",
    )
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
    valid_through: str | None = Field(default=None, description="closing time, UTC")
    expired: bool = Field(
        default=False, description="closed (valid_through has passed): kept out of rankings"
    )
    employment_type: list[str] = Field(default_factory=list)
    salary: dict | None = None
    occupation_code: str | None = Field(
        default=None, description='the code it states: "isco:2511", "onet:15-1252.00"'
    )
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
    total: int = Field(description="records that pass the filters (all pages)")


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
