"""API keys on requests: `Authorization: Bearer <key>` or `X-API-Key: <key>`.

Reads of the shared catalog, taxonomy and public postings stay open (the demo); every write
needs a key with the `write` scope, and the shared catalog needs `admin`. Objects of another
tenant answer 404, never 403, so ids do not leak which tenant owns what.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from sqlmodel import Session

from service.api.deps import RuntimeDep
from service.employer.tenants import Principal, authenticate
from service.errors import Forbidden, Unauthorized


def presented_key(request: Request) -> str | None:
    auth = request.headers.get("authorization", "")
    if auth[:7].lower() == "bearer ":
        return auth[7:].strip() or None
    return request.headers.get("x-api-key") or None


def get_principal(request: Request, runtime: RuntimeDep) -> Principal | None:
    key = presented_key(request)
    if key is None:
        return None
    with Session(runtime.engine) as session:
        principal = authenticate(session, key)
    if principal is None:
        raise Unauthorized("the API key is unknown or revoked", field="authorization")
    return principal


OptionalPrincipal = Annotated[Principal | None, Depends(get_principal)]


def require(scope: str):
    def dep(principal: OptionalPrincipal) -> Principal:
        if principal is None:
            raise Unauthorized(
                f"this action needs an API key with the {scope!r} scope "
                "(header Authorization: Bearer <key>)",
                field="authorization",
            )
        if not principal.can(scope):
            raise Forbidden(f"this API key lacks the {scope!r} scope", field="authorization")
        return principal

    return Annotated[Principal, Depends(dep)]


ReadKey = require("read")
WriteKey = require("write")
AdminKey = require("admin")
