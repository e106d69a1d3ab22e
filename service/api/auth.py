"""API keys on requests: `Authorization: Bearer <key>` or `X-API-Key: <key>`.

Reads of the shared catalog, taxonomy and public postings stay open (the demo); every write
needs a key with the `write` scope, and the shared catalog needs `admin`. Objects of another
tenant answer 404, never 403, so ids do not leak which tenant owns what.

Both headers are read through FastAPI's security utilities (`HTTPBearer`, `APIKeyHeader`), so the
OpenAPI schema declares them as security schemes and /docs can authorise. An operation's
security requirement names the scope it needs (OpenAPI 3.1 lets a non-OAuth scheme list roles);
where a key is optional (reads that a key widens), the requirement list also holds `{}`
(`declare_optional_security`).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, FastAPI, Request, Security
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer
from fastapi.security.utils import get_authorization_scheme_param
from sqlmodel import Session

from service.api.deps import RuntimeDep
from service.employer.tenants import Principal, authenticate
from service.errors import Forbidden, Unauthorized

BEARER = HTTPBearer(
    scheme_name="bearer",
    description="An API key as `Authorization: Bearer <key>` (`skillmatch tenants create`).",
    auto_error=False,
)
API_KEY = APIKeyHeader(
    name="X-API-Key",
    scheme_name="apiKey",
    description="The same API key in the `X-API-Key` header.",
    auto_error=False,
)


def presented_key(request: Request) -> str | None:
    """The key a request presents, read as the security schemes read it: a bearer token first,
    else X-API-Key (the rate limiter reads it here too, before routing)."""
    scheme, credentials = get_authorization_scheme_param(request.headers.get("authorization"))
    if scheme.lower() == "bearer" and credentials:
        return credentials
    return request.headers.get("x-api-key") or None


def get_principal(
    request: Request,
    runtime: RuntimeDep,
    _bearer: Annotated[HTTPAuthorizationCredentials | None, Security(BEARER)],
    _api_key: Annotated[str | None, Security(API_KEY)],
) -> Principal | None:
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
    # a default, not Annotated: the annotations are strings here and `scope` is a local
    def dep(principal: Principal | None = Security(get_principal, scopes=[scope])) -> Principal:
        if principal is None:
            raise Unauthorized(
                f"this action needs an API key with the {scope!r} scope "
                "(header Authorization: Bearer <key>, or X-API-Key: <key>)",
                field="authorization",
            )
        if not principal.can(scope):
            raise Forbidden(f"this API key lacks the {scope!r} scope", field="authorization")
        return principal

    return Annotated[Principal, Depends(dep)]


ReadKey = require("read")
WriteKey = require("write")
AdminKey = require("admin")


def declare_optional_security(app: FastAPI) -> None:
    """In the OpenAPI schema: an operation whose key is optional (no requirement names a scope)
    also lists `{}`, no security; one that needs a scope lists only the requirements naming
    it. Duplicates are dropped."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            for item in generate().get("paths", {}).values():
                for operation in item.values():
                    if "security" in operation:
                        operation["security"] = _requirements(operation["security"])
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def _requirements(given: list[dict[str, list[str]]]) -> list[dict[str, list[str]]]:
    scoped = [r for r in given if any(r.values())]
    out: list[dict[str, list[str]]] = []
    for requirement in scoped or given:
        if requirement not in out:
            out.append(requirement)
    return out if scoped else [*out, {}]
