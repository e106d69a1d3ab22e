"""Normalised records: every ingest format (native JSON, CSV, Open Badges 2/3, CTDL, schema.org)
is parsed into one of these before skills are linked and the record is stored.

Parsers fill `skills` with what the document states (`source="explicit"`, by URI or by label);
the ingest pipeline resolves labels through the one SkillLinker and adds skills extracted
from the text (`source="extracted"`, with evidence spans).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from models.safe_values import FreeText, Ident, OneLine

CredentialKind = Literal[
    "badge", "certificate", "nano_degree", "course", "certification", "stackable_program"
]
Level = Literal["beginner", "intermediate", "advanced"]
DeliveryMode = Literal["online", "in_person", "blended"]
LifeCycle = Literal["active", "ceased", "suspended", "under_development"]
SourceFormat = Literal["native", "csv", "ob2", "ob3", "ctdl", "schema_org", "skillspan", "text"]
# Numbers are finite (no NaN, no Infinity: no JSON answer could carry them back) and within
# bounds no real record comes near; identifiers and names hold no control characters.
RECORD_CONFIG = ConfigDict(extra="forbid", allow_inf_nan=False)
MAX_HOURS = 20_000
MAX_COST = 1_000_000_000  # in the record's currency
MAX_VALIDITY_MONTHS = 1_200


class Span(BaseModel):
    """Character offsets [start, end) into the field named by `field` (e.g. "description")."""

    field: str = "description"
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str = ""


class SkillRef(BaseModel):
    """A skill a record teaches or requires: by taxonomy URI, or by label to be linked."""

    model_config = RECORD_CONFIG

    uri: Ident | None = None
    label: OneLine | None = None
    weight: float = Field(default=1.0, ge=0.0, le=1.0)
    source: Literal["explicit", "extracted"] = "explicit"
    confidence: float | None = Field(default=None, ge=0.0, le=1.0)
    relation: Literal["essential", "optional"] | None = None  # postings: as stated
    evidence: list[Span] = Field(default_factory=list)

    @field_validator("label")
    @classmethod
    def _strip(cls, v: str | None) -> str | None:
        v = v.strip() if v else v
        return v or None

    def model_post_init(self, _ctx: Any) -> None:
        if not self.uri and not self.label:
            raise ValueError("a skill needs a uri or a label")


class Issuer(BaseModel):
    name: OneLine = ""
    url: Ident | None = None


class Prerequisite(BaseModel):
    """A credential (by external id or URI) or a skill (by URI or label) needed first."""

    kind: Literal["credential", "skill"]
    ref: Ident = Field(min_length=1)
    label: OneLine | None = None
    required: bool = True  # False: recommended only (CTDL `recommends`)


class CredentialRecord(BaseModel):
    model_config = RECORD_CONFIG

    external_id: Ident = Field(min_length=1, max_length=512)
    kind: CredentialKind = "badge"
    title: OneLine = Field(min_length=1, max_length=500)
    description: FreeText = Field(default="", max_length=50_000)
    issuer: Issuer = Field(default_factory=Issuer)
    url: Ident | None = None
    language: Ident = "en"
    eqf_level: int | None = Field(default=None, ge=1, le=8)
    level: Level | None = None
    delivery_mode: DeliveryMode | None = None
    hours: float | None = Field(default=None, ge=0, le=MAX_HOURS)
    cost: float | None = Field(default=None, ge=0, le=MAX_COST)
    currency: Ident | None = Field(default=None, min_length=3, max_length=3)
    validity_months: int | None = Field(default=None, ge=0, le=MAX_VALIDITY_MONTHS)
    # CTDL lifeCycleStatusType: a ceased (or suspended) credential is kept out of plans
    life_cycle_status: LifeCycle | None = None
    credit_value: float | None = Field(default=None, ge=0, le=MAX_HOURS)  # as stated
    credit_unit: OneLine | None = Field(default=None, max_length=100)  # e.g. DegreeCredit
    # occupations it prepares for, as stated: ESCO occupation URIs, "onet:15-2051.00" (an
    # O*NET-SOC code, mapped to ESCO through the crosswalk at ingest) or "isco:2511"
    occupations: list[Ident] = Field(default_factory=list, max_length=100)
    skills: list[SkillRef] = Field(default_factory=list)
    prerequisites: list[Prerequisite] = Field(default_factory=list)
    is_part_of: list[Ident] = Field(default_factory=list)  # external ids of programs it is in
    has_part: list[Ident] = Field(default_factory=list)  # external ids of its parts
    source_format: SourceFormat = "native"
    original: Any = None  # the source document, verbatim (dict for JSON, str for CSV/text)


class Salary(BaseModel):
    """schema.org baseSalary as stated: a value or a range, its currency and unit (HOUR, MONTH,
    YEAR, ...)."""

    model_config = RECORD_CONFIG

    currency: Ident | None = Field(default=None, min_length=3, max_length=3)
    value: float | None = Field(default=None, ge=0, le=MAX_COST)
    min_value: float | None = Field(default=None, ge=0, le=MAX_COST)
    max_value: float | None = Field(default=None, ge=0, le=MAX_COST)
    unit: OneLine | None = Field(default=None, max_length=32)


class JobPostingRecord(BaseModel):
    model_config = RECORD_CONFIG

    external_id: Ident = Field(min_length=1, max_length=512)
    title: OneLine = Field(min_length=1, max_length=500)
    description: FreeText = Field(default="", max_length=100_000)
    employer: OneLine | None = None
    location: OneLine | None = None
    remote: bool | None = None
    date_posted: dt.date | None = None
    occupation_uri: Ident | None = None
    occupation_label: OneLine | None = None
    # a code the posting states: "isco:2511" (ISCO-08 unit group) or "onet:15-1252.00"; the
    # occupation is then chosen by code (ingest), not by text search
    occupation_code: Ident | None = Field(default=None, max_length=64)
    valid_through: dt.datetime | None = None  # schema.org validThrough: the closing date
    employment_type: list[OneLine] = Field(default_factory=list, max_length=20)
    salary: Salary | None = None
    skills: list[SkillRef] = Field(default_factory=list)
    source_format: SourceFormat = "native"
    original: Any = None


# Fields added after records were first stored (issue 19): left out of a record's JSON while
# they hold their defaults, so the content hashes of earlier records, and the shipped catalog,
# stay what they were (no re-ingest of unchanged records after an upgrade).
LATER_FIELDS: dict[str, Any] = {
    "life_cycle_status": None, "credit_value": None, "credit_unit": None, "occupations": [],
    "occupation_code": None, "valid_through": None, "employment_type": [], "salary": None,
}  # fmt: skip


def record_json(record: CredentialRecord | JobPostingRecord) -> dict[str, Any]:
    """A record's normalised fields as JSON data (without `original`)."""
    body = record.model_dump(mode="json", exclude={"original"})
    return {k: v for k, v in body.items() if k not in LATER_FIELDS or v != LATER_FIELDS[k]}
