"""Request ids, one log line per request (JSON by default), and Prometheus metrics per app.

- Request id: `X-Request-ID` from the request when it is a sane token (1-128 characters of
  letters, digits and `._~:+/=-`), else a new one; sent back in the `X-Request-ID` response header,
  kept in `request.state.request_id` and in a context variable, so every log line written while
  the request runs (route code, worker threads included) carries it. An exception that escapes
  every handler is logged here with that id and answered 500 as a problem detail.
- Access log: logger `skillmatch.access`, one line per request with request_id, method, route
  (the template, e.g. `/v1/credentials/{record_id}`), path, status, duration_ms and client.
  `/health`, `/ready` and `/metrics` log at DEBUG so probes and scrapes do not flood the log.
- Metrics: a `CollectorRegistry` per app (`app.state.metrics.registry`), served at `/metrics`;
  with `serve --workers N`, prometheus-client's multiprocess mode, so any worker's scrape sums
  every worker's counters (`Metrics`).
  Route labels are templates, never raw paths; requests no route matches count as "unmatched".
  Index sizes are read from `app.state.runtime` at scrape time (postings: the public ones, unless
  `metrics_private_counts`). `metrics_token` puts the route behind a bearer token;
  `metrics_enabled=false` removes it. Encoder calls are timed through
  `service.encoder_hooks.observe_encoder`, installed when the app starts (and, should the runtime
  arrive later, on the first request that sees it).

`configure_logging(settings)` sets up the root logger; `skillmatch serve` calls it. An app served
some other way (`uvicorn --factory`, gunicorn) logs through whatever logging its host configured.
"""

from __future__ import annotations

import hmac
import json
import logging
import os
import re
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.exposition import generate_latest
from prometheus_client.registry import Collector
from starlette.datastructures import Headers, MutableHeaders
from starlette.routing import compile_path
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from service.api.problem import instance_of, problem_response
from service.config import Settings
from service.encoder_hooks import observe_encoder
from service.errors import Unauthorized

log = logging.getLogger("skillmatch")
access_log = logging.getLogger("skillmatch.access")

REQUEST_ID_HEADER = "X-Request-ID"
_SANE_REQUEST_ID = re.compile(r"[A-Za-z0-9._~:+/=-]{1,128}")
request_id_var: ContextVar[str | None] = ContextVar("skillmatch_request_id", default=None)

QUIET_PATHS = frozenset({"/health", "/ready", "/metrics"})
UNMATCHED = "unmatched"
_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
REQUEST_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0)
ENCODER_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)


def current_request_id() -> str | None:
    """The id of the request being served in this context, if any."""
    return request_id_var.get()


def request_id_from(value: str | None) -> str:
    """The client's id when it is a sane token, else a new random one (32 hex characters)."""
    if value and _SANE_REQUEST_ID.fullmatch(value):
        return value
    return uuid.uuid4().hex


# ---------------------------------------------------------------------------------------------
# logging

_RECORD_ATTRS = frozenset(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {
    "message",
    "asctime",
    "color_message",  # uvicorn's ANSI-coloured copy of msg
}


class JsonFormatter(logging.Formatter):
    """One JSON object per line: ts, level, logger, msg, request_id, then any `extra=` fields."""

    def format(self, record: logging.LogRecord) -> str:
        out: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "msg": record.getMessage(),
        }
        request_id = getattr(record, "request_id", None) or request_id_var.get()
        if request_id:
            out["request_id"] = request_id
        for key, value in record.__dict__.items():
            if key not in _RECORD_ATTRS and key not in out and not key.startswith("_"):
                out[key] = value
        if record.exc_info:
            out["exc_info"] = self.formatException(record.exc_info)
        if record.stack_info:
            out["stack_info"] = self.formatStack(record.stack_info)
        return json.dumps(out, default=str, ensure_ascii=False)


class _RequestIdFilter(logging.Filter):
    """Gives text-format records a `request_id` ("-" outside requests)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not getattr(record, "request_id", None):
            record.request_id = request_id_var.get() or "-"
        return True


def configure_logging(settings: Settings, *, stream: IO[str] | None = None) -> logging.Handler:
    """Replace the root logger's handlers with one stream handler (stderr unless `stream`):
    JSON lines when `settings.log_json`, else text with the request id. Called by
    `skillmatch serve`; never at import. Returns the handler."""
    handler = logging.StreamHandler(stream if stream is not None else sys.stderr)
    if settings.log_json:
        handler.setFormatter(JsonFormatter())
    else:
        handler.addFilter(_RequestIdFilter())
        handler.setFormatter(
            logging.Formatter("%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s")
        )
    logging.basicConfig(level=settings.log_level.upper(), handlers=[handler], force=True)
    return handler


# ---------------------------------------------------------------------------------------------
# metrics


def public_postings(engine: Any) -> int:
    """Postings that every caller may see (no tenant's private openings)."""
    from sqlmodel import Session

    from service.repo.records import public_posting_count

    with Session(engine) as s:
        return public_posting_count(s)


class _RuntimeCollector(Collector):
    """Gauges read from the runtime at scrape time (nothing is stored between scrapes)."""

    def __init__(self, runtime_of: Callable[[], Any], *, private_counts: bool = False) -> None:
        self._runtime_of = runtime_of
        self._private_counts = private_counts

    def describe(self) -> Iterator[GaugeMetricFamily]:
        yield GaugeMetricFamily("skillmatch_ready", "")
        yield GaugeMetricFamily("skillmatch_index_size", "", labels=["index"])

    def collect(self) -> Iterator[GaugeMetricFamily]:
        runtime = self._runtime_of()
        yield GaugeMetricFamily(
            "skillmatch_ready",
            "1 once the model and indexes are loaded, else 0.",
            value=0.0 if runtime is None else 1.0,
        )
        sizes = GaugeMetricFamily(
            "skillmatch_index_size",
            "Entries in each in-memory index: credential and posting vectors, taxonomy skills, "
            "occupation labels (preferred and alternative). Postings are the public ones unless "
            "metrics_private_counts: tenants' private openings are theirs to count.",
            labels=["index"],
        )
        if runtime is not None:
            for name in ("credentials", "postings", "skills", "occupations"):
                try:
                    if name == "postings" and not self._private_counts:
                        sizes.add_metric([name], float(public_postings(runtime.engine)))
                        continue
                    sizes.add_metric([name], float(len(getattr(runtime, name))))
                except Exception:  # a scrape must not fail on one odd index
                    log.debug("no size for index %s", name, exc_info=True)
        yield sizes


def multiprocess_dir() -> str | None:
    """The folder of prometheus-client's multiprocess mode when this process is in it (the
    library decides when it is imported, from PROMETHEUS_MULTIPROC_DIR: `serve --workers N`
    sets it for its workers), else None."""
    from prometheus_client import values

    folder = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    return folder if folder and values.ValueClass is not values.MutexValue else None


class Metrics:
    """The metrics of one app, on a registry of its own (tests build many apps).

    With several worker processes (`multiprocess`: the folder they share), every counter and
    histogram is kept in that folder, one file per process, and a scrape answered by any worker
    sums them all (prometheus-client's MultiProcessCollector); the index gauges are read from
    the answering worker's runtime (every worker replays the same database)."""

    def __init__(
        self,
        runtime_of: Callable[[], Any],
        *,
        private_counts: bool = False,
        multiprocess: str | None = None,
    ) -> None:
        self.runtime_of = runtime_of
        self.multiprocess = multiprocess
        self.registry = CollectorRegistry()
        self.requests = Counter(
            "skillmatch_requests_total",
            "HTTP requests answered, by method, route template and status.",
            ["method", "route", "status"],
            registry=self.registry,
        )
        self.duration = Histogram(
            "skillmatch_request_duration_seconds",
            "Seconds from the request's arrival to the end of its answer, by route template.",
            ["route"],
            buckets=REQUEST_BUCKETS,
            registry=self.registry,
        )
        self.encoder_seconds = Histogram(
            "skillmatch_encoder_batch_seconds",
            "Seconds per encoder call (one batch of texts), by kind (queries or documents).",
            ["kind"],
            buckets=ENCODER_BUCKETS,
            registry=self.registry,
        )
        self.encoder_texts = Counter(
            "skillmatch_encoder_texts_total",
            "Texts encoded, by kind (queries or documents).",
            ["kind"],
            registry=self.registry,
        )
        self._gauges = _RuntimeCollector(runtime_of, private_counts=private_counts)
        self.registry.register(self._gauges)
        self._hooked_encoder: object | None = None

    def observe_encode(self, kind: str, n_texts: int, seconds: float) -> None:
        self.encoder_seconds.labels(kind).observe(seconds)
        self.encoder_texts.labels(kind).inc(n_texts)

    def hook_encoder(self) -> None:
        """Time the runtime's encoder from now on (once per encoder; cheap to call again)."""
        runtime = self.runtime_of()
        encoder = getattr(runtime, "encoder", None)
        if encoder is None or encoder is self._hooked_encoder:
            return
        observe_encoder(encoder, self.observe_encode)
        self._hooked_encoder = encoder

    def observe_request(self, method: str, route: str, status: int, seconds: float) -> None:
        self.requests.labels(method, route, str(status)).inc()
        self.duration.labels(route).observe(seconds)

    def render(self) -> bytes:
        if self.multiprocess is None:
            return generate_latest(self.registry)
        every_worker = CollectorRegistry()
        every_worker.register(_EveryWorker(self.multiprocess))
        every_worker.register(self._gauges)
        return generate_latest(every_worker)


class _EveryWorker:
    """prometheus-client's MultiProcessCollector over the workers' files, less a file a worker
    has just created and not yet sized (0 bytes): merging it raised struct.error, so a scrape
    at a worker's start answered 500."""

    def __init__(self, path: str) -> None:
        self.path = path

    def collect(self):
        from prometheus_client.multiprocess import MultiProcessCollector

        files = [str(f) for f in Path(self.path).glob("*.db") if _sized(f)]
        return MultiProcessCollector.merge(files, accumulate=True)


def _sized(f: Path) -> bool:
    try:
        return f.stat().st_size >= 8
    except OSError:  # gone between the listing and the look
        return False


# ---------------------------------------------------------------------------------------------
# middleware


def route_path(scope: Scope) -> str:
    """The request path below the app's root path."""
    path, root = scope.get("path", ""), scope.get("root_path", "")
    return path[len(root) :] if root and path.startswith(root) else path


def route_template(scope: Scope) -> str:
    """The template of the route that served (or would serve) the request, else "unmatched".

    After routing it is the matched route's path. For answers given before routing (413, 429) the
    path is matched against the app's templates: its own routes and the OpenAPI paths (which
    include the routes of included routers)."""
    template = getattr(scope.get("route"), "path", None)
    if template:
        return template
    path = route_path(scope)
    for regex, template in _route_templates(scope.get("app")):
        if regex.match(path):
            return template
    return UNMATCHED


def _route_templates(app: Any) -> list[tuple[re.Pattern, str]]:
    state = getattr(app, "state", None)
    cached = getattr(state, "route_templates", None)
    if cached is not None or state is None:
        return cached or []
    paths = [p for p in (getattr(r, "path", None) for r in getattr(app, "routes", ())) if p]
    try:
        paths += list(app.openapi().get("paths", {}))
    except Exception:  # no schema: only the app's own routes are known
        log.debug("no OpenAPI paths for route templates", exc_info=True)
    paths = sorted(dict.fromkeys(paths), key=lambda p: "{" in p)  # static paths first
    cached = [(compile_path(p)[0], p) for p in paths]
    state.route_templates = cached
    return cached


def internal_error(request_id: str, scope: Scope | None = None) -> JSONResponse:
    """The 500 of an exception no handler took: a problem detail like every error, no
    internals."""
    message = f"internal error; quote request id {request_id} when reporting it"
    return problem_response(
        500, message, code="internal_error", instance=instance_of(scope) if scope else None
    )


class ObservabilityMiddleware:
    """Request id, access log line and request metrics for every HTTP request (pure ASGI)."""

    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self.app(scope, receive, self._lifespan_send(send, scope.get("app")))
            return
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = request_id_from(Headers(scope=scope).get(REQUEST_ID_HEADER))
        scope.setdefault("state", {})["request_id"] = request_id
        token = request_id_var.set(request_id)
        status = 500
        started = False
        t0 = time.perf_counter()

        async def send_with_id(message: Message) -> None:
            nonlocal status, started
            if message["type"] == "http.response.start":
                status, started = message["status"], True
                MutableHeaders(scope=message)[REQUEST_ID_HEADER] = request_id
            await send(message)

        try:
            self.metrics.hook_encoder()
            await self.app(scope, receive, send_with_id)
        except Exception as exc:  # escaped every handler: logged here, with this request's id
            status = 500
            log.error(
                "unhandled %s in %s %s",
                exc.__class__.__name__,
                scope.get("method", ""),
                route_path(scope),
                exc_info=True,
                extra={"request_id": request_id},
            )
            if started:  # part of the answer is out: the server can only drop the connection
                raise
            await internal_error(request_id, scope)(scope, receive, send_with_id)
        finally:
            seconds = time.perf_counter() - t0
            try:
                self._record(scope, request_id, status, seconds)
            finally:
                request_id_var.reset(token)

    def _lifespan_send(self, send: Send, scope_app: Any) -> Send:
        async def lifespan_send(message: Message) -> None:
            if message["type"] == "lifespan.startup.complete":
                self.metrics.hook_encoder()
                _route_templates(scope_app)
            await send(message)

        return lifespan_send

    def _record(self, scope: Scope, request_id: str, status: int, seconds: float) -> None:
        method = scope.get("method", "")
        method = method if method in _METHODS else "OTHER"
        route = route_template(scope)
        self.metrics.observe_request(method, route, status, seconds)
        path = route_path(scope)
        if status >= 500:
            level = logging.WARNING
        elif path in QUIET_PATHS:
            level = logging.DEBUG
        else:
            level = logging.INFO
        if not access_log.isEnabledFor(level):
            return
        client = scope.get("client")
        duration_ms = round(seconds * 1000, 2)
        access_log.log(
            level,
            "%s %s %d %.1f ms",
            method,
            path,
            status,
            duration_ms,
            extra={
                "request_id": request_id,
                "method": method,
                "route": route,
                "path": path,
                "status": status,
                "duration_ms": duration_ms,
                "client": client[0] if client else None,
            },
        )


def install_observability(app: FastAPI, settings: Settings) -> Metrics:
    """Add the request-id/log/metrics middleware and, unless `settings.metrics_enabled` is off,
    the `/metrics` route (behind `Authorization: Bearer <metrics_token>` when a token is set).
    Call it after the other middlewares so it is the outermost and sees every answer (413, 429,
    503 and unhandled 500s included)."""
    metrics = Metrics(
        lambda: getattr(app.state, "runtime", None),
        private_counts=settings.metrics_private_counts,
        multiprocess=multiprocess_dir(),
    )
    app.state.metrics = metrics
    app.add_middleware(ObservabilityMiddleware, metrics=metrics)
    if not settings.metrics_enabled:
        return metrics
    token = settings.metrics_token.get_secret_value() if settings.metrics_token else None

    # a plain def: the scrape's database count runs in the thread pool, off the event loop
    @app.get("/metrics", tags=["ops"], include_in_schema=False)
    def prometheus_metrics(request: Request) -> Response:
        if token is not None and not bearer_matches(request.headers.get("authorization"), token):
            raise Unauthorized("/metrics needs the metrics token", field="authorization")
        return Response(metrics.render(), media_type=CONTENT_TYPE_LATEST)

    return metrics


def bearer_matches(header: str | None, token: str) -> bool:
    """Whether an Authorization header is `Bearer <token>` (compared in constant time)."""
    scheme, _, given = (header or "").partition(" ")
    if scheme.lower() != "bearer":
        return False
    return hmac.compare_digest(given.strip().encode(), token.encode())
