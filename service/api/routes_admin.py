"""Tenant and key management for operators: /v1/admin/... with a key of the `admin` scope
(service/employer/admin.py). A new key is in the answer once; lists show prefixes only."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Response

from models.admin import KeyIn, NewKeyOut, NewTenantOut, TenantIn, TenantPage
from models.common import MAX_ID
from service.api.auth import AdminKey
from service.api.deps import CursorQuery, SessionDep, SingleValuedQuery
from service.api.errors import COMMON_ERRORS, error_responses
from service.employer import admin as core

router = APIRouter(
    prefix="/v1/admin",
    tags=["admin"],
    responses=error_responses(400, 401, 403, 404, 409, *COMMON_ERRORS),
    dependencies=[SingleValuedQuery],
)
TenantId = Annotated[int, Path(ge=1, le=MAX_ID)]
KeyId = Annotated[int, Path(ge=1, le=MAX_ID)]


@router.get("/tenants", response_model=TenantPage, summary="Every tenant with its keys")
def list_tenants(
    session: SessionDep,
    _admin: AdminKey,
    limit: Annotated[int, Query(ge=1, le=100)] = 50,
    cursor: CursorQuery = None,
) -> dict:
    """Tenants by id, each with its keys (prefix, scopes, label, revoked; never the key)."""
    return core.list_tenants(session, limit=limit, cursor=cursor)


@router.post("/tenants", status_code=201, response_model=NewTenantOut, summary="Create a tenant")
def create_tenant(session: SessionDep, _admin: AdminKey, body: TenantIn) -> dict:
    """A tenant and, unless `scopes` is empty, its first key (in the answer, this once). A
    name in use is 422."""
    return core.new_tenant(session, body.name, list(body.scopes))


@router.post(
    "/tenants/{tenant_id}/keys",
    status_code=201,
    response_model=NewKeyOut,
    summary="Create a key for a tenant",
)
def create_key(session: SessionDep, _admin: AdminKey, tenant_id: TenantId, body: KeyIn) -> dict:
    """A new key of the tenant with these scopes (in the answer, this once)."""
    return core.new_key(session, tenant_id, list(body.scopes), body.label)


@router.post(
    "/keys/{key_id}/rotate",
    status_code=201,
    response_model=NewKeyOut,
    summary="Rotate a key",
)
def rotate_key(session: SessionDep, admin: AdminKey, key_id: KeyId) -> dict:
    """A new key with the old one's tenant, scopes and label; the old key is revoked at once.
    A revoked key, or the key this request presents, cannot be rotated (422)."""
    return core.rotate_key(session, key_id, admin.key_id)


@router.delete("/keys/{key_id}", status_code=204, summary="Revoke a key")
def revoke_key(session: SessionDep, admin: AdminKey, key_id: KeyId) -> Response:
    """The key stops working at once (every request checks the database). Revoking a revoked
    key, or the key this request presents, is 422."""
    core.revoke(session, key_id, admin.key_id)
    return Response(status_code=204)
