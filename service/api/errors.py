"""Domain errors mapped to HTTP answers, and declared in the OpenAPI schema, in one place."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from models.common import ErrorOut
from service.api.problem import PROBLEM_MEDIA_TYPE, instance_of, problem_response
from service.errors import DomainError, InvalidInput, NotFound, NotReady, TooLarge

__all__ = [
    "DomainError",
    "InvalidInput",
    "NotFound",
    "NotReady",
    "TooLarge",
    "declare_problems",
    "error_responses",
    "install_error_handlers",
    "links_to",
]

# Every error answer is a problem detail (models.common.ErrorOut, service/api/problem.py).
ERROR_DESCRIPTIONS = {
    400: "The request body could not be decoded (not UTF-8 JSON): code `body_not_decodable`",
    401: "No API key where one is needed, or a key this service does not know: code `unauthorized`",
    403: "The API key lacks the scope this action needs: code `forbidden`",
    404: "An id, skill, cursor or page this service does not know (another tenant's ids too): "
    "code `not_found`",
    409: "Valid, but it clashes with what is stored (a name in use, a revoked key, a skill to "
    "remove that the candidate does not hold: the page may be out of date): code `conflict`",
    413: "The request body is larger than the configured limit: code `body_too_large`",
    422: "Invalid input: `field` names the input at fault (`query.limit`, `body.text`, ...); "
    "code `validation_failed` (with `errors`, every fault) or `invalid_input`",
    429: "Too many requests from this API key or address; `Retry-After` says when to retry: "
    "code `rate_limited`",
    503: "Still loading the model and indexes (code `not_ready`), or a heavy request ran out of "
    "time (code `timed_out`); see `Retry-After`",
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
    async def _domain(request: Request, exc: DomainError) -> Response:
        return problem_response(
            exc.status_code,
            exc.message,
            code=exc.code,
            field=exc.field,
            instance=instance_of(request.scope),
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        """Starlette's and FastAPI's own answers (unknown path, method not allowed, a body that
        cannot be decoded) in the same shape; a 405 names every method of the path in Allow."""
        headers = dict(exc.headers or {})
        if exc.status_code in (204, 304) or exc.status_code < 200:
            return Response(status_code=exc.status_code, headers=headers or None)
        code = None
        if exc.status_code == 405:
            headers["Allow"] = ", ".join(allowed_methods(request))
        elif exc.status_code == 404:
            code = "no_route"  # the router's own 404: no route matched the path
        # FastAPI's only 400: a body it could not decode (not UTF-8, nested too deep, ...)
        field = "body" if exc.status_code == 400 else None
        if exc.status_code == 400:
            code = "body_not_decodable"
        return problem_response(
            exc.status_code,
            str(exc.detail),
            code=code,
            field=field,
            instance=instance_of(request.scope),
            headers=headers or None,
        )

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> Response:
        errors = [
            {"field": _field(e.get("loc", ())), "message": e.get("msg", ""), "type": e.get("type")}
            for e in exc.errors()
        ]
        first = errors[0] if errors else {"field": None, "message": "invalid request"}
        return problem_response(
            422,
            f"{first['field']}: {first['message']}",
            code="validation_failed",
            field=first["field"],
            instance=instance_of(request.scope),
            errors=errors,
        )


def declare_problems(app: FastAPI) -> None:
    """In the OpenAPI schema, error answers (4xx, 5xx) are `application/problem+json`."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = generate()  # caches the schema on the app
            for path in schema.get("paths", {}).values():
                for operation in path.values():
                    for status, response in (operation.get("responses") or {}).items():
                        content = response.get("content")
                        if status[:1] in "45" and content and "application/json" in content:
                            content[PROBLEM_MEDIA_TYPE] = content.pop("application/json")
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
