"""Every error answer as an RFC 9457 problem detail (`application/problem+json`), built here only.

    {"type": "urn:skillmatch:problem:not_found", "title": "Not Found", "status": 404,
     "detail": "no skill 99", "instance": "/v1/skills/99", "code": "not_found",
     "field": "skill_id"}

`type` is a URN made from `code`, a stable machine-readable name of the problem (the list is
PROBLEM_CODES, documented in docs/api.md); `title` is the status's reason phrase; `detail` says
what went wrong in words a person can act on; `instance` is the request's path; `field` names the
input at fault (`query.limit`, `body.text`) or is null. A 422 the schema check gives also lists
every fault in `errors`. The handlers (service/api/errors.py), the limits (413, 429, 503) and the
last-resort 500 (service/api/observability.py) all answer through `problem_response`.
"""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from fastapi.responses import JSONResponse

PROBLEM_MEDIA_TYPE = "application/problem+json"
TYPE_PREFIX = "urn:skillmatch:problem:"

# code -> what it means; one status each
PROBLEM_CODES: dict[str, tuple[int, str]] = {
    "body_not_decodable": (400, "the request body is not UTF-8 JSON (or is nested too deeply)"),
    "bad_request": (400, "the request cannot be served as sent"),
    "unauthorized": (401, "no API key where one is needed, or a key this service does not know"),
    "forbidden": (403, "the API key lacks the scope this action needs"),
    "not_found": (404, "an id, skill, cursor or page this service does not know"),
    "no_route": (404, "no route at this path"),
    "conflict": (409, "valid, but clashes with what is stored (a name in use, a revoked key)"),
    "method_not_allowed": (405, "the path exists, not with this method (see `Allow`)"),
    "body_too_large": (413, "the request body is larger than the configured limit"),
    "validation_failed": (422, "the request does not match the schema; `errors` lists every fault"),
    "unknown_parameter": (
        422,
        "a query parameter the route does not have (a filter that does not exist)",
    ),
    "invalid_input": (422, "a value the schema allows but the service cannot use"),
    "rate_limited": (429, "too many requests; `Retry-After` says when to retry"),
    "not_ready": (503, "the service is still loading its model and indexes"),
    "timed_out": (503, "a heavy request ran out of time; `Retry-After` says when to retry"),
    "internal_error": (500, "a fault of the service; quote the request id when reporting it"),
}
DEFAULT_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "body_too_large",
    422: "invalid_input",
    429: "rate_limited",
    500: "internal_error",
    503: "not_ready",
}


def title_of(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


def problem_body(
    status: int,
    detail: str,
    *,
    code: str | None = None,
    field: str | None = None,
    instance: str | None = None,
    errors: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    code = code or DEFAULT_CODES.get(status, "error")
    body: dict[str, Any] = {
        "type": TYPE_PREFIX + code,
        "title": title_of(status),
        "status": status,
        "detail": detail,
        "instance": instance,
        "code": code,
        "field": field,
    }
    if errors is not None:
        body["errors"] = errors
    return body


def problem_response(
    status: int,
    detail: str,
    *,
    code: str | None = None,
    field: str | None = None,
    instance: str | None = None,
    errors: list[dict[str, Any]] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    body = problem_body(status, detail, code=code, field=field, instance=instance, errors=errors)
    return JSONResponse(body, status_code=status, headers=headers, media_type=PROBLEM_MEDIA_TYPE)


def instance_of(scope: Any) -> str | None:
    """The request's path (without the query), for `instance`."""
    path = scope.get("path") if scope is not None else None
    return path or None
