"""Tenant and key management over the API (admin scope): requests and answers."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field, StringConstraints

from models.common import STRICT
from models.safe_values import NO_CONTROLS

Scope = Literal["read", "write", "admin"]
# not blank (a blank name is refused by the schema, as it says), no control characters
TenantName = Annotated[
    str,
    StringConstraints(
        min_length=1,
        max_length=200,
        pattern=r"^[^\x00-\x1f\x7f-\x9f]*[^\x00-\x20\x7f-\x9f][^\x00-\x1f\x7f-\x9f]*$",
    ),
]
KeyLabel = Annotated[str, StringConstraints(max_length=200, pattern=NO_CONTROLS)]


class TenantIn(BaseModel):
    model_config = STRICT

    name: TenantName = Field(description="unique; an employer's name")
    scopes: list[Scope] = Field(
        default_factory=lambda: ["read", "write"],
        max_length=3,
        description="the first key's scopes; [] for a tenant without a key",
    )


class KeyIn(BaseModel):
    model_config = STRICT

    scopes: list[Scope] = Field(min_length=1, max_length=3)
    label: KeyLabel = ""


class KeyOut(BaseModel):
    id: int
    tenant_id: int
    prefix: str = Field(description="the key's first characters, to tell keys apart")
    scopes: list[str]
    label: str
    revoked: bool
    created_at: str


class NewKeyOut(KeyOut):
    key: str = Field(description="the key itself: shown this once, kept only as a hash")


class AdminTenantOut(BaseModel):
    id: int
    name: str
    created_at: str
    keys: list[KeyOut]


class NewTenantOut(BaseModel):
    tenant: AdminTenantOut
    key: NewKeyOut | None = None


class TenantPage(BaseModel):
    items: list[AdminTenantOut]
    next_cursor: str | None = None
    total: int
