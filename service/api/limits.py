"""What one request may cost: body size (413), per-client rate (429), time on heavy routes (503).

All three are pure ASGI middlewares answering with problem details (`application/problem+json`,
service/api/problem.py). `install_limits` adds them; the order, outermost first, is rate limit,
body size, timeout: a client over its rate is refused before its body is read, and the timeout
clock starts once the body has passed the size check. It also writes the configured length
limits of text fields and batches into the OpenAPI schema (`declare_limits`,
service/api/schema_limits.py). Whose bucket a request draws on: service/api/identity.py; how a
timed-out request's work stops: service/deadline.py.
"""

from __future__ import annotations

import asyncio
import logging
import math
import threading
import time
from dataclasses import dataclass
from typing import Any

import anyio
from fastapi import FastAPI
from fastapi.responses import JSONResponse
from starlette.datastructures import Headers
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from service.api.auth import presented_key
from service.api.identity import KnownKeys, client_address, database_lookup, key_digest
from service.api.observability import route_path
from service.api.problem import instance_of, problem_response
from service.api.schema_limits import declare_limits
from service.config import Settings
from service.deadline import DEADLINE_SCOPE_KEY, Deadline

log = logging.getLogger("skillmatch")

RATE_LIMIT_EXEMPT = frozenset({"/health", "/ready", "/metrics"})
# (method, route template) of the routes whose work can take long: matching, extraction,
# batch ingest, and ranking a tenant's candidates or openings.
HEAVY_ROUTES = frozenset(
    {
        ("POST", "/v1/recommendations"),
        ("POST", "/v1/gap"),
        ("POST", "/v1/roles/suggest"),
        ("POST", "/v1/skills/extract"),
        ("POST", "/v1/credentials"),
        ("POST", "/v1/postings"),
        ("POST", "/v1/candidate-batches"),
        ("POST", "/v1/openings/{posting_id}/candidates"),
        ("POST", "/v1/candidates/{candidate_id}/openings"),
    }
)


def error_response(
    scope: Scope,
    status: int,
    message: str,
    *,
    code: str,
    field: str | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    """The problem detail every error answer has (service/api/problem.py)."""
    return problem_response(
        status, message, code=code, field=field, instance=instance_of(scope), headers=headers
    )


# ---------------------------------------------------------------------------------------------
# body size


class BodySizeLimitMiddleware:
    """413 for request bodies over `max_bytes`.

    A declared `Content-Length` over the limit is refused before anything is read. A body without
    one (chunked transfer encoding) is read here, up to the limit, and handed on whole: the
    stream is cut at the first chunk past the limit, so at most `max_bytes` plus one chunk is
    ever held. (Starlette's own limit raises inside the route's body parsing, which FastAPI
    turns into 400 for JSON-bodied routes; hence this middleware.)
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    def _too_large(self, scope: Scope) -> JSONResponse:
        return error_response(
            scope,
            413,
            f"the request body is larger than {self.max_bytes} bytes",
            code="body_too_large",
            field="body",
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        declared = headers.get("content-length")
        if declared is not None:
            try:
                too_large = int(declared) > self.max_bytes
            except ValueError:
                too_large = False  # the server rejects a malformed length itself
            if too_large:
                await self._too_large(scope)(scope, receive, send)
                return
            await self.app(scope, receive, send)
            return
        if "transfer-encoding" not in headers and scope["method"] not in ("POST", "PUT", "PATCH"):
            await self.app(scope, receive, send)  # no body
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":  # the client went away
                await self.app(scope, _replay([message], receive), send)
                return
            body = message.get("body", b"")
            size += len(body)
            if size > self.max_bytes:
                await self._too_large(scope)(scope, receive, send)
                return
            chunks.append(body)
            if not message.get("more_body", False):
                break
        whole = {"type": "http.request", "body": b"".join(chunks), "more_body": False}
        await self.app(scope, _replay([whole], receive), send)


def _replay(messages: list[Message], receive: Receive) -> Receive:
    pending = list(messages)

    async def replay() -> Message:
        return pending.pop(0) if pending else await receive()

    return replay


# ---------------------------------------------------------------------------------------------
# rate limits


@dataclass(frozen=True)
class Decision:
    allowed: bool
    retry_after: int = 0  # whole seconds until one request is allowed again


def client_identity(scope: Scope, keys: KnownKeys) -> tuple[str, str | None]:
    """The bucket a request draws on, and a key to look up first (None if none).

    `key:<sha256 prefix>` of its API key (read as authentication reads it: `Authorization:
    Bearer` or `X-API-Key`) when the key is known valid, else `ip:<client address>`: no key, an
    invalid key, or a key not looked up lately (returned too: once it is found valid, its own
    bucket is used). The raw key is never stored or logged. See service/api/identity.py.
    """
    address = "ip:" + client_address(scope)
    key = presented_key(Request(scope))
    if key is None:
        return address, None
    digest = key_digest(key)
    valid = keys.cached(digest)
    if valid is None:
        return address, key
    return ("key:" + digest if valid else address), None


class MemoryRateLimiter:
    """Token buckets in this process (thread-safe): `burst` requests at once, refilled at
    `per_minute` a minute. Each process counts alone; use the Redis limiter for several."""

    def __init__(self, per_minute: int, burst: int, *, max_buckets: int = 100_000) -> None:
        self.rate = per_minute / 60.0
        self.burst = float(burst)
        self.max_buckets = max_buckets
        self._buckets: dict[str, tuple[float, float]] = {}  # bucket -> (tokens, last update)
        self._lock = threading.Lock()

    def hit(self, bucket: str, *, now: float | None = None) -> Decision:
        now = time.monotonic() if now is None else now
        with self._lock:
            tokens, last = self._buckets.get(bucket, (self.burst, now))
            tokens = min(self.burst, tokens + max(0.0, now - last) * self.rate)
            allowed = tokens >= 1.0
            if allowed:
                tokens -= 1.0
            self._buckets[bucket] = (tokens, now)
            if len(self._buckets) > self.max_buckets:
                self._prune(now)
        if allowed:
            return Decision(True)
        return Decision(False, max(1, math.ceil((1.0 - tokens) / self.rate)))

    def _prune(self, now: float) -> None:
        """Forget full buckets (same as absent); if that is not enough, the least recent tenth."""
        full = [
            b
            for b, (t, last) in self._buckets.items()
            if t + (now - last) * self.rate >= self.burst
        ]
        for b in full:
            del self._buckets[b]
        if len(self._buckets) > self.max_buckets:
            oldest = sorted(self._buckets, key=lambda b: self._buckets[b][1])
            for b in oldest[: max(1, len(oldest) // 10)]:
                del self._buckets[b]

    async def acquire(self, bucket: str) -> Decision:
        return self.hit(bucket)


# KEYS[1] bucket key; ARGV[1] tokens per second, ARGV[2] burst. Server time, so every instance
# agrees. Returns {allowed (0/1), seconds to wait (as a string: Lua numbers become integers)}.
TOKEN_BUCKET_LUA = """
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(state[1])
local ts = tonumber(state[2])
if tokens == nil or ts == nil then
  tokens = burst
  ts = now
end
tokens = math.min(burst, tokens + math.max(0, now - ts) * rate)
local allowed = 0
local wait = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
else
  wait = (1 - tokens) / rate
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate * 1000) + 1000)
return {allowed, tostring(wait)}
"""


class RedisRateLimiter:
    """Token buckets in Redis, shared by every instance: one atomic Lua script per request,
    keyed `<prefix><bucket>`, expiring once the bucket would be full again.

    Fails open: when Redis cannot be reached (or answers an error) the request is allowed, a
    warning is logged once per outage, and Redis is not tried again for `retry_s` seconds, so an
    outage costs at most one `timeout_s` wait every `retry_s`. Calls run in worker threads under
    their own limiter, never on the event loop and never queued behind the route thread pool.
    """

    def __init__(
        self,
        url: str,
        per_minute: int,
        burst: int,
        *,
        prefix: str = "skillmatch:ratelimit:",
        timeout_s: float = 0.5,
        retry_s: float = 5.0,
    ) -> None:
        import redis  # only when this backend is chosen

        self._errors = (redis.RedisError, OSError)
        self.rate = per_minute / 60.0
        self.burst = burst
        self.prefix = prefix
        self.client = redis.Redis.from_url(
            url, socket_timeout=timeout_s, socket_connect_timeout=timeout_s
        )
        self._script = self.client.register_script(TOKEN_BUCKET_LUA)
        self.retry_s = retry_s
        self._down_until = 0.0
        self._down = False
        self._state_lock = threading.Lock()
        self._threads = anyio.CapacityLimiter(16)

    def hit(self, bucket: str) -> Decision:
        now = time.monotonic()
        if now < self._down_until:
            return Decision(True)
        try:
            allowed, wait = self._script(keys=[self.prefix + bucket], args=[self.rate, self.burst])
        except self._errors as exc:
            with self._state_lock:
                self._down_until = time.monotonic() + self.retry_s
                first = not self._down
                self._down = True
            if first:
                log.warning("rate limits off: Redis unreachable (%s); requests pass", exc)
            return Decision(True)
        if self._down:
            with self._state_lock:
                self._down = False
            log.warning("rate limits on again: Redis answers")
        if int(allowed):
            return Decision(True)
        return Decision(False, max(1, math.ceil(float(wait))))

    async def acquire(self, bucket: str) -> Decision:
        return await anyio.to_thread.run_sync(self.hit, bucket, limiter=self._threads)


RateLimiter = MemoryRateLimiter | RedisRateLimiter


def make_rate_limiter(settings: Settings) -> RateLimiter | None:
    """The limiter the settings ask for; None when `rate_limit_per_minute` is 0."""
    if settings.rate_limit_per_minute <= 0:
        return None
    if settings.rate_limit_backend == "redis":
        return RedisRateLimiter(
            settings.redis_url,
            settings.rate_limit_per_minute,
            settings.rate_limit_burst,
            prefix=settings.rate_limit_redis_prefix,
        )
    return MemoryRateLimiter(settings.rate_limit_per_minute, settings.rate_limit_burst)


class RateLimitMiddleware:
    """429 with `Retry-After` (whole seconds) once a client's bucket is empty: a valid API key's,
    else the client address's (`client_identity`). `/health`, `/ready` and `/metrics` are never
    limited."""

    def __init__(
        self, app: ASGIApp, limiter: RateLimiter, per_minute: int, keys: KnownKeys
    ) -> None:
        self.app = app
        self.limiter = limiter
        self.per_minute = per_minute
        self.keys = keys

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or route_path(scope) in RATE_LIMIT_EXEMPT:
            await self.app(scope, receive, send)
            return
        decision = await self._decide(scope)
        if decision.allowed:
            await self.app(scope, receive, send)
            return
        response = error_response(
            scope,
            429,
            f"too many requests: the limit is {self.per_minute} a minute; "
            f"try again in {decision.retry_after} s",
            code="rate_limited",
            headers={"Retry-After": str(decision.retry_after)},
        )
        await response(scope, receive, send)

    async def _decide(self, scope: Scope) -> Decision:
        """Charge the request's bucket. A key not looked up lately is looked up first, at the
        cost of a token of the address's lookup bucket (`lookup:ip:<address>`, apart from the
        address's requests, so that anonymous traffic from a shared address cannot keep a
        valid key from being recognised): invented keys make at most that many lookups."""
        bucket, unknown_key = client_identity(scope, self.keys)
        if unknown_key is not None:
            lookup = await self.limiter.acquire("lookup:" + bucket)
            if not lookup.allowed:
                return lookup
            if await self.keys.look_up_async(unknown_key):
                bucket = "key:" + key_digest(unknown_key)
        return await self.limiter.acquire(bucket)


# ---------------------------------------------------------------------------------------------
# timeouts


class TimeoutMiddleware:
    """503 with `Retry-After` when a heavy route has not started answering in `timeout_s`.

    Why not `anyio.fail_after` around the route: the heavy routes do their work in worker threads
    (sync routes, `run_in_threadpool`), and a thread cannot be killed; anyio waits for the thread
    before a cancellation takes effect, so the client would get its 503 only when the work was
    done. Instead the route runs in a task of its own: when time is up the client gets 503 at
    once and the task runs on, detached, its answer dropped. Each request carries a `Deadline`
    (service/deadline.py, in the scope under DEADLINE_SCOPE_KEY) that is cancelled with the 503:
    work that checks it (matching, gap and extraction: the linker's batches, the planner's
    steps) stops within a fraction of a second, so the thread is free again. Ingest does not
    check it: an ingest still commits, and re-posting the same documents afterwards answers
    `unchanged`. Many timeouts in a row mean the service is overloaded; the 503's
    `Retry-After` (the timeout, rounded up) asks clients to back off. An answer already
    started when time is up is let finish. Needs an asyncio event loop (uvicorn's); other
    loops run the route without a limit.
    """

    def __init__(
        self, app: ASGIApp, timeout_s: float, routes: frozenset[tuple[str, str]] = HEAVY_ROUTES
    ) -> None:
        self.app = app
        self.timeout_s = timeout_s
        self.routes = routes
        self._methods = frozenset(method for method, _template in routes)
        self._detached: set[asyncio.Task] = set()

    def _may_limit(self, scope: Scope) -> bool:
        return scope["type"] == "http" and self.timeout_s > 0 and scope["method"] in self._methods

    def _heavy(self, scope: Scope) -> bool:
        """Whether the route chosen for the request is a heavy one (routing has happened by the
        deadline: it takes microseconds, the work comes after)."""
        return (scope["method"], getattr(scope.get("route"), "path", None)) in self.routes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not self._may_limit(scope):
            await self.app(scope, receive, send)
            return
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            await self.app(scope, receive, send)
            return
        started = False
        timed_out = False
        deadline = Deadline(self.timeout_s)
        scope[DEADLINE_SCOPE_KEY] = deadline  # in place: outer middlewares read what routing sets

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if timed_out:
                return  # the client has its 503; this answer goes nowhere
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        task = asyncio.ensure_future(self.app(scope, receive, guarded_send))
        self._detached.add(task)
        task.add_done_callback(self._done)
        done, _pending = await asyncio.wait({task}, timeout=self.timeout_s)
        if done or started or not self._heavy(scope):
            await task  # the answer, or its exception
            return
        timed_out = True
        deadline.cancel()  # work that checks the deadline stops at its next check
        path = route_path(scope)
        log.warning(
            "%s %s took longer than %.1f s: answered 503, the work is told to stop",
            scope["method"],
            path,
            self.timeout_s,
        )
        task.add_done_callback(_report_late(scope["method"], path, deadline))
        retry = max(1, math.ceil(self.timeout_s))
        response = error_response(
            scope,
            503,
            f"the request took longer than {self.timeout_s:g} s; try again later",
            code="timed_out",
            headers={"Retry-After": str(retry)},
        )
        await response(scope, receive, send)

    def _done(self, task: asyncio.Task) -> None:
        self._detached.discard(task)


def _report_late(method: str, path: str, deadline: Deadline) -> Any:
    def report(task: asyncio.Task) -> None:
        if task.cancelled():
            log.warning("%s %s: timed-out work was cancelled", method, path)
        elif deadline.stopped:
            log.info("%s %s: timed-out work stopped", method, path)
        elif task.exception() is not None:
            log.warning("%s %s: timed-out work failed", method, path, exc_info=task.exception())
        else:
            log.info("%s %s: timed-out work finished", method, path)

    return report


def install_limits(app: FastAPI, settings: Settings) -> None:
    """Add the timeout, body-size and rate-limit middlewares (the last added is the outermost),
    and declare the configured limits in the OpenAPI schema."""
    declare_limits(app, settings)
    app.add_middleware(TimeoutMiddleware, timeout_s=settings.request_timeout_s)
    app.add_middleware(BodySizeLimitMiddleware, max_bytes=settings.max_body_bytes)
    limiter = make_rate_limiter(settings)
    app.state.rate_limiter = limiter
    app.state.known_keys = keys = KnownKeys(database_lookup(app))
    if limiter is not None:
        app.add_middleware(
            RateLimitMiddleware,
            limiter=limiter,
            per_minute=settings.rate_limit_per_minute,
            keys=keys,
        )
