"""Every answer in the documented error shape with `X-Request-ID` (issue 13, defects 7 and 8):
unhandled exceptions, 405s, undecodable bodies, keyless `mine=true`; `/metrics` behind its
settings; a candidate's erasure leaves no copy in SQLite's write-ahead log."""

from __future__ import annotations

import json
import logging
import uuid
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr
from sqlalchemy import func, select
from sqlmodel import Session
from starlette.middleware import Middleware

from models.tables import Candidate
from service.api import routes_records
from service.api.app import create_app
from service.api.observability import JsonFormatter, request_id_var
from tests.utils.errors import assert_error


def _error_lines(caplog, request_id: str) -> list[dict]:
    """The ERROR records of this request, as the JSON log line `serve` would write."""
    got = [r for r in caplog.records if r.levelno >= logging.ERROR]
    lines = [json.loads(JsonFormatter().format(r)) for r in got]
    return [line for line in lines if line.get("request_id") == request_id]


# --- 500s: an exception no handler takes ---------------------------------------------------------


def test_an_unhandled_exception_answers_json_500_and_logs_the_right_request_id(
    client, monkeypatch, caplog
):
    def boom(*_a, **_kw):
        raise RuntimeError("secret detail")

    assert client.get("/v1/credentials", headers={"X-Request-ID": "prev-1"}).status_code == 200
    monkeypatch.setattr(routes_records, "search_records", boom)
    with caplog.at_level(logging.INFO):
        r = client.get("/v1/credentials", headers={"X-Request-ID": "boom-1"})
    body = assert_error(r, 500, None, request_id="boom-1")
    assert "secret detail" not in r.text and "RuntimeError" not in r.text
    assert "boom-1" in body["detail"]  # the id to quote when reporting it
    (line,) = _error_lines(caplog, "boom-1")
    assert "RuntimeError: secret detail" in line["exc_info"]  # the log keeps what the answer hides
    access = [r for r in caplog.records if r.name == "skillmatch.access"]
    assert access[-1].request_id == "boom-1" and access[-1].status == 500
    assert not _error_lines(caplog, "prev-1")
    assert request_id_var.get() is None  # reset after the request


class _ExplodesBeforeRouting:
    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "http" and scope["path"] == "/v1/about":
            raise RuntimeError("failed before routing")
        await self.app(scope, receive, send)


def test_an_error_raised_before_routing_gets_the_same_answer(settings, runtime, caplog):
    app = create_app(settings, runtime=runtime)
    app.user_middleware.append(Middleware(_ExplodesBeforeRouting))  # innermost: before routing
    with TestClient(app) as c, caplog.at_level(logging.INFO):
        r = c.get("/v1/about", headers={"X-Request-ID": "early-1"})
    assert_error(r, 500, None, request_id="early-1")
    assert _error_lines(caplog, "early-1")


# --- 405, 400, 401 -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "path", "allow"),
    [
        ("PUT", "/v1/postings", "GET, POST"),
        ("PATCH", "/v1/postings/1", "DELETE, GET"),
        ("DELETE", "/v1/recommendations", "POST"),
        ("PUT", "/v1/candidates", "GET, POST"),
        ("POST", "/v1/about", "GET"),
    ],
)
def test_a_405_lists_the_methods_of_the_path(client, method, path, allow):
    r = client.request(method, path)
    assert_error(r, 405, None)
    assert r.headers["Allow"] == allow


@pytest.mark.parametrize(
    "content",
    [b'{"name": "caf\xe9"}', b"[" * 3000, b'{"text": ' + b"9" * 5000 + b"}"],
    ids=["latin-1", "nesting", "long-integer"],
)
def test_a_body_that_cannot_be_decoded_names_the_body(client, content):
    r = client.post("/v1/candidates", content=content, headers={"content-type": "application/json"})
    assert_error(r, 400, "body")


@pytest.mark.parametrize("kind", ["credentials", "postings"])
def test_mine_without_a_key_is_401_as_declared(anon, kind):
    assert_error(anon.get(f"/v1/{kind}", params={"mine": "true"}), 401, "authorization")


# --- candidates ----------------------------------------------------------------------------------


def _candidates(runtime) -> int:
    with Session(runtime.engine) as s:
        return s.execute(select(func.count()).select_from(Candidate)).scalar_one()


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"text": " " * 20_001}, "body.text"),  # blank, but over the limit the schema states
        ({"name": "Erin\u0000"}, "body.name"),
        ({"external_id": "c-\u0007"}, "body.external_id"),
        ({"identifiers": ["a@example.org\u001b"]}, "body.identifiers.0"),
    ],
)
def test_a_candidate_the_schema_refuses_is_not_stored(client, runtime, body, field):
    before = _candidates(runtime)
    assert_error(client.post("/v1/candidates", json=body), 422, field)
    assert _candidates(runtime) == before


def test_a_badge_document_with_a_non_finite_number_is_refused(client, runtime):
    body = '{"badges": [{"type": "Assertion", "score": NaN}]}'
    r = client.post("/v1/candidates", content=body, headers={"content-type": "application/json"})
    assert r.status_code == 422, r.text
    assert "finite" in r.text


def test_an_erased_candidate_leaves_no_copy_in_the_sqlite_files(client, runtime):
    if runtime.engine.dialect.name != "sqlite":
        pytest.skip("the write-ahead log is SQLite's")
    marker = uuid.uuid4().hex
    made = client.post(
        "/v1/candidates",
        json={"name": f"Erin {marker}", "text": f"Curriculum vitae {marker}: SQL and Python."},
    )
    assert made.status_code == 201, made.text
    path = Path(runtime.engine.url.database)
    files = [path, path.with_name(path.name + "-wal")]

    def on_disk() -> bool:
        return any(marker.encode() in f.read_bytes() for f in files if f.exists())

    assert on_disk()  # the test can see it before the erasure
    assert client.delete(f"/v1/candidates/{made.json()['id']}").status_code == 204
    assert not on_disk()


# --- /metrics ------------------------------------------------------------------------------------


def _postings_size(text: str) -> float:
    line = next(x for x in text.splitlines() if x.startswith('skillmatch_index_size{index="post'))
    return float(line.rsplit(" ", 1)[1])


def test_metrics_behind_a_token(settings, runtime):
    token = SecretStr("s3cret")
    app = create_app(settings.model_copy(update={"metrics_token": token}), runtime=runtime)
    with TestClient(app) as c:
        assert_error(c.get("/metrics"), 401, "authorization")
        assert_error(
            c.get("/metrics", headers={"Authorization": "Bearer nope"}), 401, "authorization"
        )
        ok = c.get("/metrics", headers={"Authorization": "Bearer s3cret"})
        assert ok.status_code == 200 and "skillmatch_requests_total" in ok.text


def test_metrics_can_be_switched_off(settings, runtime):
    app = create_app(settings.model_copy(update={"metrics_enabled": False}), runtime=runtime)
    with TestClient(app) as c:
        assert_error(c.get("/metrics"), 404, None)
        assert c.get("/health").status_code == 200


def test_metrics_count_only_public_postings_by_default(client, anon, settings, runtime):
    before = _postings_size(anon.get("/metrics").text)
    r = client.post("/v1/postings", json={"external_id": "metrics-private", "title": "Secret job"})
    assert r.status_code == 201, r.text
    try:
        assert _postings_size(anon.get("/metrics").text) == before  # a private opening
        everything = settings.model_copy(update={"metrics_private_counts": True})
        with TestClient(create_app(everything, runtime=runtime)) as c:
            assert _postings_size(c.get("/metrics").text) == len(runtime.postings) > before
    finally:
        client.delete(f"/v1/postings/{r.json()['items'][0]['id']}")


def test_metrics_settings_come_from_the_environment(monkeypatch):
    from service.config import Settings

    monkeypatch.setenv("SKILLMATCH_METRICS_TOKEN", "from-env")
    monkeypatch.setenv("SKILLMATCH_METRICS_ENABLED", "false")
    s = Settings()
    assert s.metrics_token.get_secret_value() == "from-env" and s.metrics_enabled is False
    assert "from-env" not in repr(s)
