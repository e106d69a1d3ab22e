"""The documented error answer, checked in one place."""

from __future__ import annotations


def assert_error(r, status: int, field: str | None, request_id: str | None = None) -> dict:
    """`r` is a JSON error answer of `status` naming `field`, with a message and X-Request-ID
    (the given one, when there is one)."""
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/json")
    body = r.json()
    assert body["error"]["field"] == field, body
    assert body["error"]["message"]
    assert r.headers["X-Request-ID"] == request_id if request_id else r.headers["X-Request-ID"]
    return body
