"""Tenants (employers) and their API keys: random keys shown once, kept only as SHA-256.

Scopes: `read` (the tenant's private objects), `write` (create and change them; implies read),
`admin` (the shared catalog and public postings; implies write). Anonymous callers read the
public catalog, taxonomy and postings, and compute recommendations, as in the demo.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from models.common import ASCII_SPACE
from models.tables import ApiKey, Tenant
from service.errors import Conflict, InvalidInput, NotFound
from service.repo import tenants as repo

SCOPES = ("read", "write", "admin")
_IMPLIED = {"admin": {"admin", "write", "read"}, "write": {"write", "read"}, "read": {"read"}}
KEY_PREFIX = "sm_"


@dataclass(frozen=True)
class Principal:
    tenant_id: int
    tenant_name: str
    key_id: int
    scopes: frozenset[str]

    def can(self, scope: str) -> bool:
        return scope in self.scopes


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def expand_scopes(scopes: list[str] | tuple[str, ...]) -> frozenset[str]:
    out: set[str] = set()
    for sc in scopes:
        if sc not in _IMPLIED:
            raise InvalidInput(f"unknown scope {sc!r}; use {', '.join(SCOPES)}", field="scopes")
        out |= _IMPLIED[sc]
    return frozenset(out)


def create_tenant(session: Session, name: str) -> Tenant:
    name = name.strip(ASCII_SPACE)  # as the schema's pattern reads blank (no U+00A0 surprise)
    if not name:
        raise InvalidInput("a tenant needs a name", field="name")
    tenant = Tenant(name=name)
    session.add(tenant)
    try:
        session.commit()
    except IntegrityError as exc:
        session.rollback()
        raise Conflict(f"a tenant named {name!r} exists", field="name") from exc
    session.refresh(tenant)
    return tenant


def find_tenant(session: Session, ref: str | int) -> Tenant:
    if isinstance(ref, int) or (str(ref).isascii() and str(ref).isdigit()):
        tenant = repo.tenant_by_id(session, tenant_id=int(ref))
    else:
        tenant = repo.tenant_by_name(session, name=ref)
    if tenant is None:
        raise NotFound(f"no tenant {ref!r}", field="tenant")
    return tenant


def create_key(
    session: Session, tenant_id: int, scopes: list[str] | tuple[str, ...], name: str = ""
) -> tuple[ApiKey, str]:
    """A new key for the tenant: the row, and the key itself (the only time it is seen)."""
    if not scopes:
        raise InvalidInput("a key needs at least one scope", field="scopes")
    expand_scopes(scopes)
    secret = secrets.token_urlsafe(32)
    key = f"{KEY_PREFIX}{secret}"
    row = ApiKey(
        tenant_id=tenant_id,
        prefix=key[:10],
        key_hash=hash_key(key),
        scopes=sorted(set(scopes)),
        name=name,
    )
    session.add(row)
    session.commit()
    session.refresh(row)
    return row, key


def revoke_key(session: Session, key_id: int) -> None:
    row = repo.api_key_by_id(session, key_id=key_id)
    if row is None:
        raise NotFound(f"no key {key_id}", field="key_id")
    row.revoked = True
    session.add(row)
    session.commit()


def authenticate(session: Session, key: str) -> Principal | None:
    """The principal a key stands for, or None for an unknown or revoked key."""
    if not key.startswith(KEY_PREFIX) or len(key) > 200:
        return None
    found = repo.api_key_with_tenant(session, key_hash=hash_key(key))
    if found is None or found[0].revoked:
        return None
    row, tenant = found
    return Principal(tenant.id, tenant.name, row.id, expand_scopes(row.scopes))
