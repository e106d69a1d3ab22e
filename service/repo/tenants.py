"""Tenant and API key queries: a tenant by id or name, a key by id, a key's row with its tenant
by the key's hash (the key itself is never stored)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlmodel import Session

from models.tables import ApiKey, Tenant


def tenant_by_id(session: Session, *, tenant_id: int) -> Tenant | None:
    return session.get(Tenant, tenant_id)


def tenant_by_name(session: Session, *, name: str) -> Tenant | None:
    return session.execute(select(Tenant).where(Tenant.name == name)).scalar_one_or_none()


def api_key_by_id(session: Session, *, key_id: int) -> ApiKey | None:
    return session.get(ApiKey, key_id)


def api_key_with_tenant(session: Session, *, key_hash: str) -> tuple[ApiKey, Tenant] | None:
    """The key whose hash this is, and its tenant; None when no key has it."""
    found = session.execute(
        select(ApiKey, Tenant)
        .join(Tenant, Tenant.id == ApiKey.tenant_id)
        .where(ApiKey.key_hash == key_hash)
    ).first()
    return None if found is None else (found[0], found[1])


def tenants_page(session: Session, *, after: int, limit: int) -> list[Tenant]:
    """Up to `limit` tenants with an id above `after`, by id."""
    q = select(Tenant).where(Tenant.id > after).order_by(Tenant.id).limit(limit)
    return list(session.execute(q).scalars())


def tenant_count(session: Session) -> int:
    return int(session.execute(select(func.count()).select_from(Tenant)).scalar_one())


def keys_of(session: Session, *, tenant_ids: list[int]) -> list[ApiKey]:
    q = select(ApiKey).where(ApiKey.tenant_id.in_(tenant_ids)).order_by(ApiKey.id)
    return list(session.execute(q).scalars())
