"""Request ids, JSON access log lines, and Prometheus metrics on a registry per app."""

from __future__ import annotations

import io
import json
import logging
import re
from contextlib import contextmanager

import pytest
from fastapi.testclient import TestClient

from indexing.encoder import FakeEncoder
from service.api.app import create_app
from service.api.observability import (
    JsonFormatter,
    configure_logging,
    request_id_from,
    request_id_var,
)
from service.encoder_hooks import observe_encoder


@pytest.fixture
def app_client(settings, runtime):
    with TestClient(create_app(settings, runtime=runtime)) as c:
        yield c


@contextmanager
def json_log(settings):
    """Root logging as `skillmatch serve` sets it (JSON lines), into a buffer; restored after.
    Used inside a test body, so pytest's own capture handlers of that phase are put back."""
    root = logging.getLogger()
    saved_handlers, saved_level = root.handlers[:], root.level
    buf = io.StringIO()
    configure_logging(settings.model_copy(update={"log_json": True}), stream=buf)

    def lines() -> list[dict]:
        return [json.loads(line) for line in buf.getvalue().splitlines() if line.strip()]

    try:
        yield lines
    finally:
        root.handlers[:] = saved_handlers
        root.setLevel(saved_level)


def _sample(text: str, name: str, **labels) -> float | None:
    """The value of one sample in Prometheus text, or None when it is absent."""
    for line in text.splitlines():
        if line.startswith("#") or not line.startswith(name):
            continue
        head, _, value = line.rpartition(" ")
        m = re.fullmatch(r"([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?", head)
        if not m or m.group(1) != name:
            continue
        got = dict(re.findall(r'(\w+)="((?:[^"\\]|\\.)*)"', m.group(2) or ""))
        if got == {k: str(v) for k, v in labels.items()}:
            return float(value)
    return None


def test_request_id_round_trips_and_is_in_the_json_access_line(app_client, settings):
    with json_log(settings) as lines:
        r = app_client.get(
            "/v1/occupations",
            params={"q": "data scientist"},
            headers={"X-Request-ID": "req-42.a:b"},
        )
    assert r.status_code == 200
    assert r.headers["X-Request-ID"] == "req-42.a:b"
    access = [line for line in lines() if line["logger"] == "skillmatch.access"]
    assert len(access) == 1, lines()
    line = access[0]
    assert line["request_id"] == "req-42.a:b"
    assert line["level"] == "INFO"
    assert line["method"] == "GET"
    assert line["route"] == "/v1/occupations"
    assert line["status"] == 200
    assert isinstance(line["duration_ms"], float) and line["duration_ms"] >= 0
    assert line["client"] == "testclient"
    assert line["msg"].startswith("GET /v1/occupations 200")
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00", line["ts"])


def test_a_missing_or_unsafe_request_id_is_replaced_by_a_new_one(app_client):
    fresh = app_client.get("/health").headers["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", fresh)
    for bad in ("has space", "x" * 129, "<script>", "evil\u00e9".encode("latin-1"), ""):
        got = app_client.get("/health", headers={"X-Request-ID": bad}).headers["X-Request-ID"]
        assert got != bad and re.fullmatch(r"[0-9a-f]{32}", got)
    assert app_client.get("/health", headers={"X-Request-ID": "y" * 128}).headers[
        "X-Request-ID"
    ] == ("y" * 128)
    assert request_id_from(None) != request_id_from(None)


def test_error_answers_carry_the_request_id_header_and_keep_their_shape(app_client):
    r = app_client.get("/v1/credentials/999999", headers={"X-Request-ID": "err-1"})
    assert r.status_code == 404
    assert r.headers["X-Request-ID"] == "err-1"
    assert set(r.json()) == {"type", "title", "status", "detail", "instance", "code", "field"}


def test_log_lines_written_during_a_request_carry_its_id(settings):
    with json_log(settings) as lines:
        token = request_id_var.set("inner-7")
        try:
            logging.getLogger("skillmatch.test").warning("work %d", 3, extra={"items": 2})
        finally:
            request_id_var.reset(token)
        logging.getLogger("skillmatch.test").warning("outside")
    inside, outside = [line for line in lines() if line["logger"] == "skillmatch.test"]
    assert inside["request_id"] == "inner-7" and inside["msg"] == "work 3" and inside["items"] == 2
    assert "request_id" not in outside


def test_json_formatter_keeps_the_exception():
    try:
        raise ValueError("boom")
    except ValueError:
        record = logging.getLogger("x").makeRecord(
            "x", logging.ERROR, __file__, 1, "failed", None, __import__("sys").exc_info()
        )
    out = json.loads(JsonFormatter().format(record))
    assert out["level"] == "ERROR" and "ValueError: boom" in out["exc_info"]


def test_text_logging_when_json_is_off(settings):
    root = logging.getLogger()
    saved_handlers, saved_level = root.handlers[:], root.level
    buf = io.StringIO()
    try:
        configure_logging(settings.model_copy(update={"log_json": False}), stream=buf)
        token = request_id_var.set("t-1")
        logging.getLogger("skillmatch").info("hello")
        request_id_var.reset(token)
    finally:
        root.handlers[:] = saved_handlers
        root.setLevel(saved_level)
    assert re.search(r"INFO skillmatch \[t-1\] hello$", buf.getvalue().strip())


def test_metrics_count_requests_by_route_template(app_client):
    app_client.get("/v1/credentials/999998")
    app_client.get("/v1/credentials/999997")
    app_client.get("/no/such/path")
    text = app_client.get("/metrics").text
    labels = {"method": "GET", "route": "/v1/credentials/{record_id}", "status": "404"}
    assert _sample(text, "skillmatch_requests_total", **labels) == 2.0
    assert "/v1/credentials/999998" not in text  # raw paths never become labels
    assert (
        _sample(text, "skillmatch_requests_total", method="GET", route="unmatched", status="404")
        == 1.0
    )
    count = _sample(
        text, "skillmatch_request_duration_seconds_count", route="/v1/credentials/{record_id}"
    )
    assert count == 2.0


def test_each_app_has_its_own_registry(settings, runtime):
    with TestClient(create_app(settings, runtime=runtime)) as a:
        a.get("/health")
        a.get("/health")
        with TestClient(create_app(settings, runtime=runtime)) as b:
            b.get("/health")
            text_b = b.get("/metrics").text
        text_a = a.get("/metrics").text
    labels = {"method": "GET", "route": "/health", "status": "200"}
    assert _sample(text_a, "skillmatch_requests_total", **labels) == 2.0
    assert _sample(text_b, "skillmatch_requests_total", **labels) == 1.0


def test_metrics_are_prometheus_text(app_client):
    r = app_client.get("/metrics")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/plain")
    assert "# TYPE skillmatch_requests_total counter" in r.text
    assert "# TYPE skillmatch_request_duration_seconds histogram" in r.text


def test_index_sizes_are_read_at_scrape_time(app_client, runtime):
    from sqlalchemy import text as sql

    with runtime.engine.connect() as conn:  # tenants' private openings are not counted
        public = conn.execute(sql("SELECT count(*) FROM jobposting WHERE tenant_id IS NULL"))
        public_postings = public.scalar_one()
    text = app_client.get("/metrics").text
    assert _sample(text, "skillmatch_ready") == 1.0
    for name, size in (
        ("credentials", len(runtime.credentials)),
        ("postings", public_postings),
        ("skills", len(runtime.skills)),
        ("occupations", len(runtime.occupations)),
    ):
        assert _sample(text, "skillmatch_index_size", index=name) == float(size)
    assert len(runtime.skills) > 0


def test_metrics_answer_while_the_runtime_is_loading(settings):
    app = create_app(settings)  # no runtime; lifespan not entered
    text = TestClient(app).get("/metrics").text
    assert _sample(text, "skillmatch_ready") == 0.0
    assert _sample(text, "skillmatch_index_size", index="credentials") is None


def test_encoder_batches_are_timed(app_client, runtime):
    def totals() -> tuple[float, float]:
        text = app_client.get("/metrics").text
        texts = sum(_sample(text, "skillmatch_encoder_texts_total", kind=k) or 0.0 for k in KINDS)
        calls = sum(
            _sample(text, "skillmatch_encoder_batch_seconds_count", kind=k) or 0.0 for k in KINDS
        )
        return texts, calls

    texts0, calls0 = totals()
    encoded0, fake_calls0 = runtime.encoder.texts_encoded, runtime.encoder.calls
    r = app_client.post("/v1/skills/extract", json={"text": "Write Python and use Git daily."})
    assert r.status_code == 200
    texts1, calls1 = totals()
    assert runtime.encoder.texts_encoded > encoded0
    assert texts1 - texts0 == runtime.encoder.texts_encoded - encoded0
    assert calls1 - calls0 == runtime.encoder.calls - fake_calls0


KINDS = ("queries", "documents")


class _Recorder:
    def __init__(self) -> None:
        self.calls: list[tuple[str, int]] = []

    def __call__(self, kind: str, n: int, seconds: float) -> None:
        assert seconds >= 0
        self.calls.append((kind, n))

    def on_encode(self, kind: str, n: int, seconds: float) -> None:
        self(kind, n, seconds)


def test_encoder_hook_is_idempotent_passes_results_through_and_drops_dead_observers():
    enc, plain = FakeEncoder(dim=16), FakeEncoder(dim=16)
    rec = _Recorder()
    assert observe_encoder(enc, rec)
    assert observe_encoder(enc, rec)  # registered once only
    out = enc.encode_documents(["a b", "c"])
    assert rec.calls == [("documents", 2)]
    assert (out == plain.encode_documents(["a b", "c"])).all()
    assert enc.texts_encoded == 2  # the original method still ran
    method_owner = _Recorder()
    observe_encoder(enc, method_owner.on_encode)  # held weakly
    enc.encode_queries(["q"])
    assert method_owner.calls == [("queries", 1)]
    del method_owner
    enc.encode_queries(["q2"])  # the dead observer is skipped, the live one still called
    assert rec.calls[-1] == ("queries", 1) and len(rec.calls) == 3


def test_serve_sets_up_logging_and_leaves_the_access_log_to_the_app(monkeypatch):
    import uvicorn

    from service.api import observability
    from service.cli import main as cli

    seen: dict = {}
    monkeypatch.setattr(
        observability, "configure_logging", lambda s, **kw: seen.update(log_json=s.log_json)
    )
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.update(kw, app=app))
    monkeypatch.setenv("SKILLMATCH_LOG_JSON", "false")
    assert cli.main(["serve", "--port", "8999"]) == 0
    assert seen["log_json"] is False
    assert seen["log_config"] is None and seen["access_log"] is False
    assert seen["port"] == 8999 and seen["app"].state.metrics is not None
