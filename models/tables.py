"""SQLModel tables: the database is the source of truth; indexes are rebuilt from it."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import JSON, Column, Index, LargeBinary, Text, false
from sqlmodel import Field, SQLModel


def _now() -> datetime:
    return datetime.now(UTC)


class Meta(SQLModel, table=True):
    """Key/value facts about what was loaded (taxonomy versions, data fingerprints)."""

    key: str = Field(primary_key=True, max_length=128)
    value: str = Field(sa_column=Column(Text, nullable=False))


class Skill(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    uri: str = Field(index=True, unique=True, max_length=512)
    source: str = Field(max_length=16)  # "esco" | "onet"
    preferred_label: str = Field(index=True, max_length=512)
    alt_labels: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    hidden_labels: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    description: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    skill_type: str = Field(default="", max_length=32)
    reuse_level: str = Field(default="", max_length=32)
    collections: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    hot: bool = False  # O*NET "Hot Technology"


class SkillGroup(SQLModel, table=True):
    """A node of the ESCO skill hierarchy (skill pillar groups)."""

    id: int | None = Field(default=None, primary_key=True)
    uri: str = Field(index=True, unique=True, max_length=512)
    preferred_label: str = Field(max_length=512)
    code: str = Field(default="", max_length=32)
    description: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))


class SkillBroader(SQLModel, table=True):
    """Broader relation of the skill pillar: a skill or group under a broader skill or group."""

    uri: str = Field(primary_key=True, max_length=512)
    broader_uri: str = Field(primary_key=True, max_length=512, index=True)


class Occupation(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    uri: str = Field(index=True, unique=True, max_length=512)
    source: str = Field(default="esco", max_length=16)
    preferred_label: str = Field(index=True, max_length=512)
    alt_labels: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    description: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    isco_code: str = Field(default="", max_length=16, index=True)
    code: str = Field(default="", max_length=64)
    # ESCO's regulatedProfessionNote: practising needs a recognised qualification (and often a
    # registration) in EU member states
    regulated: bool = Field(default=False, sa_column_kwargs={"server_default": false()})


class OccupationSkill(SQLModel, table=True):
    __table_args__ = (Index("ix_occupationskill_skill", "skill_id"),)

    occupation_id: int = Field(foreign_key="occupation.id", primary_key=True, ondelete="CASCADE")
    skill_id: int = Field(foreign_key="skill.id", primary_key=True, ondelete="CASCADE")
    relation: str = Field(max_length=16)  # "essential" | "optional"
    source: str = Field(default="esco", max_length=16)  # "esco" | "onet" (through the crosswalk)


class Vector(SQLModel, table=True):
    """An embedding with the model that made it, so indexes can be rebuilt from the database."""

    kind: str = Field(primary_key=True, max_length=32)  # "credential" | "posting"
    ref_id: int = Field(primary_key=True)
    model_id: str = Field(primary_key=True, max_length=256)
    dim: int
    content_hash: str = Field(max_length=64)
    vector: bytes = Field(sa_column=Column(LargeBinary, nullable=False))


class IndexChange(SQLModel, table=True):
    """A change to a record index, written in the same transaction as the record. Every worker
    replays the changes it has not seen, so all of them serve the same index within seconds;
    a saved index notes the last change it holds, so a restart replays only what came after."""

    __tablename__ = "index_change"
    __table_args__ = (Index("ix_index_change_kind_id", "kind", "id"),)

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=32)  # credential | posting
    ref_id: int
    op: str = Field(max_length=8)  # upsert | delete
    at: datetime = Field(default_factory=_now, index=True)


class Credential(SQLModel, table=True):
    """A normalised micro-credential; `original` keeps the source document verbatim."""

    id: int | None = Field(default=None, primary_key=True)
    external_id: str = Field(index=True, unique=True, max_length=512)
    kind: str = Field(index=True, max_length=32)
    title: str = Field(max_length=500)
    description: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    issuer_name: str = Field(default="", max_length=300)
    issuer_url: str | None = Field(default=None, max_length=1000)
    url: str | None = Field(default=None, max_length=1000)
    language: str = Field(default="en", index=True, max_length=16)
    eqf_level: int | None = None
    level: str | None = Field(default=None, max_length=16)
    delivery_mode: str | None = Field(default=None, max_length=16)
    hours: float | None = Field(default=None, index=True)
    cost: float | None = Field(default=None, index=True)
    currency: str | None = Field(default=None, max_length=3)
    validity_months: int | None = None
    life_cycle_status: str | None = Field(default=None, max_length=24)
    credit_value: float | None = None
    credit_unit: str | None = Field(default=None, max_length=100)
    # ESCO occupation URIs it prepares for (stated, or mapped from O*NET-SOC / ISCO codes)
    occupation_uris: list[str] = Field(
        default_factory=list, sa_column=Column(JSON, nullable=False, server_default="[]")
    )
    prerequisites: list[dict] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    is_part_of: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    has_part: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    source_format: str = Field(max_length=16)
    content_hash: str = Field(max_length=64)
    original: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))


class CredentialSkill(SQLModel, table=True):
    __table_args__ = (Index("ix_credentialskill_skill", "skill_id"),)

    credential_id: int = Field(foreign_key="credential.id", primary_key=True, ondelete="CASCADE")
    skill_id: int = Field(foreign_key="skill.id", primary_key=True, ondelete="CASCADE")
    weight: float = 1.0
    source: str = Field(max_length=16)  # "explicit" | "extracted"
    confidence: float | None = None
    evidence: list[dict] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))


class CredentialLabel(SQLModel, table=True):
    """A skill name a credential states, as given, and what it became (indexing/stated.py):
    linked (skill_id), doubtful (linked, with `note`), or unlinked (a label only)."""

    __table_args__ = (Index("ix_credentiallabel_label", "label"),)

    credential_id: int = Field(foreign_key="credential.id", primary_key=True, ondelete="CASCADE")
    position: int = Field(primary_key=True)  # in the record's skills
    label: str = Field(max_length=512)
    status: str = Field(max_length=16)  # linked | doubtful | unlinked
    skill_id: int | None = Field(default=None, foreign_key="skill.id", ondelete="SET NULL")
    confidence: float | None = None
    note: str = Field(default="", max_length=500)


class JobPosting(SQLModel, table=True):
    __tablename__ = "jobposting"

    id: int | None = Field(default=None, primary_key=True)
    external_id: str = Field(index=True, unique=True, max_length=512)
    title: str = Field(max_length=500)
    description: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    employer: str | None = Field(default=None, max_length=300)
    location: str | None = Field(default=None, max_length=300)
    remote: bool | None = None
    date_posted: str | None = Field(default=None, max_length=10)  # ISO date
    occupation_id: int | None = Field(default=None, foreign_key="occupation.id", index=True)
    occupation_uri: str | None = Field(default=None, max_length=512)
    occupation_code: str | None = Field(default=None, max_length=64)
    # the closing date, UTC, as "YYYY-MM-DDTHH:MM:SSZ" (so text order is time order)
    valid_through: str | None = Field(default=None, max_length=20, index=True)
    employment_type: list[str] = Field(
        default_factory=list, sa_column=Column(JSON, nullable=False, server_default="[]")
    )
    salary: dict | None = Field(default=None, sa_column=Column(JSON, nullable=True))
    source_format: str = Field(max_length=16)
    content_hash: str = Field(max_length=64)
    original: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    # None: a public posting (shared, read-only for tenants); else a tenant's private opening.
    tenant_id: int | None = Field(
        default=None, foreign_key="tenant.id", index=True, ondelete="CASCADE"
    )


class PostingSkill(SQLModel, table=True):
    __table_args__ = (Index("ix_postingskill_skill", "skill_id"),)

    posting_id: int = Field(foreign_key="jobposting.id", primary_key=True, ondelete="CASCADE")
    skill_id: int = Field(foreign_key="skill.id", primary_key=True, ondelete="CASCADE")
    relation: str | None = Field(default=None, max_length=16)  # essential | optional | None
    source: str = Field(max_length=16)
    confidence: float | None = None
    evidence: list[dict] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))


class PostingLabel(SQLModel, table=True):
    """A skill name a posting states, as given, and what it became (as CredentialLabel)."""

    __table_args__ = (Index("ix_postinglabel_label", "label"),)

    posting_id: int = Field(foreign_key="jobposting.id", primary_key=True, ondelete="CASCADE")
    position: int = Field(primary_key=True)
    label: str = Field(max_length=512)
    status: str = Field(max_length=16)
    skill_id: int | None = Field(default=None, foreign_key="skill.id", ondelete="SET NULL")
    confidence: float | None = None
    note: str = Field(default="", max_length=500)


# ------------------------------------------------------------------ employers (tenants)


class Tenant(SQLModel, table=True):
    """An employer. Candidates, private openings and trust material belong to one tenant."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True, max_length=200)
    created_at: datetime = Field(default_factory=_now)


class ApiKey(SQLModel, table=True):
    """A key is shown once; only its SHA-256 is kept (keys are 256-bit random, so a fast hash
    is enough: there is nothing to brute-force). `prefix` lets people tell keys apart."""

    id: int | None = Field(default=None, primary_key=True)
    tenant_id: int = Field(foreign_key="tenant.id", index=True, ondelete="CASCADE")
    prefix: str = Field(max_length=16)
    key_hash: str = Field(unique=True, max_length=64)
    scopes: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    name: str = Field(default="", max_length=200)
    created_at: datetime = Field(default_factory=_now)
    revoked: bool = False


class Candidate(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    tenant_id: int = Field(foreign_key="tenant.id", index=True, ondelete="CASCADE")
    name: str | None = Field(default=None, max_length=200)
    external_id: str | None = Field(default=None, max_length=200)
    # recipient identifiers (email, URL, DID) matched against badge recipients; optional
    identifiers: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    declared: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    text: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    created_at: datetime = Field(default_factory=_now)
    updated_at: datetime = Field(default_factory=_now)


class CandidateBadge(SQLModel, table=True):
    """A held badge with its verification outcome. `document` is the unwrapped credential: it
    names the recipient, so it lives and dies with the candidate."""

    id: int | None = Field(default=None, primary_key=True)
    candidate_id: int = Field(foreign_key="candidate.id", index=True, ondelete="CASCADE")
    position: int = 0
    status: str = Field(max_length=16)  # verified | unverified | failed
    reason: str = Field(default="", max_length=64)
    message: str = Field(default="", max_length=1000)
    format: str = Field(default="", max_length=32)
    issuer: str | None = Field(default=None, max_length=1000)
    credential_id: str | None = Field(default=None, max_length=1000)
    title: str = Field(default="", max_length=500)
    valid_until: datetime | None = None
    document: dict | None = Field(default=None, sa_column=Column(JSON, nullable=True))


# the source of a stored CV reading for a role (service.profiles.role_reading): counted by a
# ranking only for a skill the opening asks for
ROLE_READING_SOURCE = "text:role"


class CandidateSkill(SQLModel, table=True):
    """One piece of evidence for one skill of a candidate (a badge, a declaration, CV text)."""

    __table_args__ = (Index("ix_candidateskill_skill", "skill_id"),)

    id: int | None = Field(default=None, primary_key=True)
    candidate_id: int = Field(foreign_key="candidate.id", index=True, ondelete="CASCADE")
    skill_id: int = Field(foreign_key="skill.id", ondelete="CASCADE")
    confidence: float
    source: str = Field(max_length=32)  # badge | declared | text | text:role
    badge_id: int | None = Field(default=None, foreign_key="candidatebadge.id", ondelete="CASCADE")
    evidence: str = Field(default="", max_length=1000)


class TrustDocument(SQLModel, table=True):
    """Verification material a tenant supplied: issuer keys and revocation / status lists."""

    id: int | None = Field(default=None, primary_key=True)
    tenant_id: int = Field(foreign_key="tenant.id", index=True, ondelete="CASCADE")
    kind: str = Field(max_length=16)  # key | revocation
    ref: str = Field(default="", max_length=1000)
    document: dict = Field(sa_column=Column(JSON, nullable=False))
    created_at: datetime = Field(default_factory=_now)


class JsonldContext(SQLModel, table=True):
    """A JSON-LD context document an operator imported (`skillmatch contexts import`), by the URL
    badges name it with: what RDFC canonicalisation of Data Integrity proofs reads, never the
    network."""

    url: str = Field(primary_key=True, max_length=2000)
    document: dict = Field(sa_column=Column(JSON, nullable=False))
    sha256: str = Field(max_length=64)
    imported_at: datetime = Field(default_factory=_now)
