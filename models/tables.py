"""SQLModel tables: the database is the source of truth; indexes are rebuilt from it."""

from __future__ import annotations

from sqlalchemy import JSON, Column, Index, LargeBinary, Text
from sqlmodel import Field, SQLModel


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
