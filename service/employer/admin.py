"""Tenant and key management for operators (the `admin` scope, over the API; the CLI does the
same through service/employer/tenants.py): tenants with their keys (prefixes, never the keys),
keys created, rotated (a new key with the same tenant and scopes; the old one revoked in the
same transaction) and revoked."""

from __future__ import annotations

from sqlmodel import Session

from models.tables import ApiKey, Tenant
from service.employer.tenants import create_key, create_tenant, expand_scopes, find_tenant
from service.errors import Conflict, NotFound
from service.repo import tenants as repo
from service.repo.records import decode_cursor, encode_cursor


def key_json(row: ApiKey, key: str | None = None) -> dict:
    out = {
        "id": row.id,
        "tenant_id": row.tenant_id,
        "prefix": row.prefix,
        "scopes": list(row.scopes),
        "label": row.name,
        "revoked": bool(row.revoked),
        "created_at": row.created_at.isoformat(),
    }
    return out | ({"key": key} if key is not None else {})


def tenant_json(tenant: Tenant, keys: list[ApiKey]) -> dict:
    return {
        "id": tenant.id,
        "name": tenant.name,
        "created_at": tenant.created_at.isoformat(),
        "keys": [key_json(k) for k in keys if k.tenant_id == tenant.id],
    }


def list_tenants(session: Session, *, limit: int, cursor: str | None) -> dict:
    rows = repo.tenants_page(session, after=decode_cursor(cursor), limit=limit + 1)
    page = rows[:limit]
    keys = repo.keys_of(session, tenant_ids=[t.id for t in page]) if page else []
    nxt = encode_cursor(page[-1].id) if len(rows) > limit else None
    items = [tenant_json(t, keys) for t in page]
    return {"items": items, "next_cursor": nxt, "total": repo.tenant_count(session)}


def new_tenant(session: Session, name: str, scopes: list[str]) -> dict:
    if scopes:
        expand_scopes(scopes)  # refused before anything is stored
    tenant = create_tenant(session, name)
    out: dict = {"tenant": None, "key": None}
    if scopes:
        row, key = create_key(session, tenant.id, scopes, name="first key")
        out["key"] = key_json(row, key)
    out["tenant"] = tenant_json(tenant, repo.keys_of(session, tenant_ids=[tenant.id]))
    return out


def new_key(session: Session, tenant_id: int, scopes: list[str], label: str) -> dict:
    tenant = find_tenant(session, tenant_id)
    row, key = create_key(session, tenant.id, scopes, name=label)
    return key_json(row, key)


def _live_key(session: Session, key_id: int, presented_key_id: int | None) -> ApiKey:
    """A key that can be rotated or revoked: it exists, works, and is not the one this request
    presents (an admin that revoked its own key would lock itself out mid-request; create
    another admin key first, or use the CLI)."""
    if key_id == presented_key_id:
        raise Conflict(
            f"key {key_id} is the key this request presents; use another admin key",
            field="key_id",
        )
    row = repo.api_key_by_id(session, key_id=key_id)
    if row is None:
        raise NotFound(f"no key {key_id}", field="key_id")
    if row.revoked:
        raise Conflict(f"key {key_id} is revoked", field="key_id")
    return row


def rotate_key(session: Session, key_id: int, presented_key_id: int | None = None) -> dict:
    """A new key of the same tenant, scopes and label; the old one is revoked at once."""
    old = _live_key(session, key_id, presented_key_id)
    old.revoked = True
    session.add(old)
    row, key = create_key(session, old.tenant_id, list(old.scopes), name=old.name)  # commits both
    return key_json(row, key)


def revoke(session: Session, key_id: int, presented_key_id: int | None = None) -> None:
    row = _live_key(session, key_id, presented_key_id)
    row.revoked = True
    session.add(row)
    session.commit()
