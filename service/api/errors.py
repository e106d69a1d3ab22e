"""Domain errors mapped to HTTP answers, and declared in the OpenAPI schema, in one place."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from models.common import ErrorOut
from service.errors import DomainError, InvalidInput, NotFound, NotReady, TooLarge

__all__ = [
    "DomainError",
    "InvalidInput",
    "NotFound",
    "NotReady",
    "TooLarge",
    "error_responses",
    "install_error_handlers",
    "links_to",
]

# Every error answer has the shape of models.common.ErrorOut.
ERROR_DESCRIPTIONS = {
    400: "The request body could not be decoded (not UTF-8 JSON)",
    401: "No API key where one is needed, or a key this service does not know",
    403: "The API key lacks the scope this action needs",
    404: "An id, skill, cursor or page this service does not know (another tenant's ids too)",
    409: "The request does not fit the current state (e.g. removing a skill the candidate does "
    "not hold: the page may be out of date)",
    413: "The request body is larger than the configured limit",
    422: "Invalid input: the field at fault is named (`query.limit`, `body.text`, ...)",
    429: "Too many requests from this API key or address; `Retry-After` says when to retry",
    503: "Still loading the model and indexes, or a heavy request ran out of time; see "
    "`Retry-After`",
}
RETRY_AFTER = {
    "Retry-After": {"description": "whole seconds to wait", "schema": {"type": "integer"}}
}


def error_responses(*codes: int) -> dict[int | str, dict[str, Any]]:
    """The `responses=` entries of the error answers a router or route can give."""
    out: dict[int | str, dict[str, Any]] = {}
    for code in codes:
        entry: dict[str, Any] = {"model": ErrorOut, "description": ERROR_DESCRIPTIONS[code]}
        if code in (429, 503):
            entry["headers"] = RETRY_AFTER
        out[code] = entry
    return out


# What every route under /v1 can answer besides its own errors: a body over the size limit, a
# request the schema rejects, a client over its rate, and a service still loading (or timed out).
COMMON_ERRORS = (413, 422, 429, 503)


def links_to(value: str, *targets: tuple[str, str, str]) -> dict[int | str, dict[str, Any]]:
    """`responses=` for a 200 whose body names a resource (`value`, a runtime expression such as
    `$response.body#/items/0/id`): an OpenAPI link to each (method, path, parameter) target, so
    clients and the stateful tests can follow it."""
    out: dict[str, Any] = {}
    for method, path, parameter in targets:
        ref = "#/paths/" + path.replace("~", "~0").replace("/", "~1") + "/" + method.lower()
        name = method.capitalize() + "".join(p.strip("{}").title() for p in path.split("/")[2:])
        out[name.replace("_", "")] = {"operationRef": ref, "parameters": {parameter: value}}
    return {200: {"links": out}}


def _field(loc: tuple | list) -> str:
    return ".".join(str(p) for p in loc)


_METHODS = ("DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT")


def allowed_methods(request: Request) -> list[str]:
    """Every method some route of the app answers at the request's path: each method is tried
    against every route (included routers too, which FastAPI nests in route objects of its
    own), as the router itself would match it."""
    routes = request.app.router.routes
    allowed = []
    for method in _METHODS:
        scope = {**request.scope, "method": method}
        if any(route.matches(scope)[0] is Match.FULL for route in routes):
            allowed.append(method)
    return allowed


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(DomainError)
    async def _domain(_req: Request, exc: DomainError) -> JSONResponse:
        body = {"error": {"message": exc.message, "field": exc.field}, "detail": exc.message}
        return JSONResponse(body, status_code=exc.status_code)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        """Starlette's and FastAPI's own answers (unknown path, method not allowed, a body that
        cannot be decoded) in the same shape; a 405 names every method of the path in Allow."""
        headers = dict(exc.headers or {})
        if exc.status_code in (204, 304) or exc.status_code < 200:
            return Response(status_code=exc.status_code, headers=headers or None)
        if exc.status_code == 405:
            headers["Allow"] = ", ".join(allowed_methods(request))
        message = str(exc.detail)
        # FastAPI's only 400: a body it could not decode (not UTF-8, nested too deep, ...)
        field = "body" if exc.status_code == 400 else None
        body = {"error": {"message": message, "field": field}, "detail": message}
        return JSONResponse(body, status_code=exc.status_code, headers=headers or None)

    @app.exception_handler(RequestValidationError)
    async def _validation(_req: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [
            {"field": _field(e.get("loc", ())), "message": e.get("msg", ""), "type": e.get("type")}
            for e in exc.errors()
        ]
        first = errors[0] if errors else {"field": None, "message": "invalid request"}
        body = {
            "error": {"message": f"{first['field']}: {first['message']}", "field": first["field"]},
            "errors": errors,
        }
        return JSONResponse(body, status_code=422)
