"""The documented error answer (an RFC 9457 problem detail), checked in one place."""

from __future__ import annotations

PROBLEM_KEYS = {"type", "title", "status", "detail", "instance", "code", "field"}


def assert_error(
    r, status: int, field: str | None, request_id: str | None = None, code: str | None = None
) -> dict:
    """`r` is an `application/problem+json` answer of `status` naming `field` (and `code`, when
    given), with a detail, the request's path as `instance` and X-Request-ID (the given one,
    when there is one)."""
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    body = r.json()
    assert PROBLEM_KEYS <= set(body), body
    assert body["status"] == status and body["field"] == field, body
    assert body["detail"] and body["title"]
    assert body["type"] == "urn:skillmatch:problem:" + body["code"]
    if code is not None:
        assert body["code"] == code, body
    assert body["instance"] == r.request.url.path
    assert r.headers["X-Request-ID"] == request_id if request_id else r.headers["X-Request-ID"]
    return body
