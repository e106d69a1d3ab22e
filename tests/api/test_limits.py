"""Body size (413), per-key rate limits in memory and Redis (429), heavy-route timeouts (503)."""

from __future__ import annotations

import asyncio
import hashlib
import logging
import threading
import time
import uuid

import pytest
from fastapi.testclient import TestClient

from service.api.app import create_app
from service.api.identity import KnownKeys
from service.api.limits import (
    BodySizeLimitMiddleware,
    MemoryRateLimiter,
    RedisRateLimiter,
    client_identity,
)

MiB = 1024 * 1024
REDIS_URL = "redis://127.0.0.1:6379/0"


def make_client(settings, runtime, **overrides) -> TestClient:
    return TestClient(create_app(settings.model_copy(update=overrides), runtime=runtime))


def assert_error(r, status: int, field: str | None) -> None:
    assert r.status_code == status, r.text
    body = r.json()
    assert body["field"] == field
    assert body["detail"]
    assert r.headers["X-Request-ID"]


# --- body size ---------------------------------------------------------------------------------


def test_a_body_over_the_limit_gets_413_from_its_content_length(client):
    r = client.post(
        "/v1/credentials", content=b"x" * (9 * MiB), headers={"content-type": "application/json"}
    )
    assert_error(r, 413, "body")
    assert str(8 * MiB) in r.json()["detail"]
    metrics = client.get("/metrics").text  # answered before routing, counted under its route
    assert 'method="POST",route="/v1/credentials",status="413"' in metrics


def test_a_chunked_body_streaming_past_the_limit_gets_413(client):
    def chunks():
        for _ in range(9):
            yield b"x" * MiB

    r = client.post("/v1/credentials", content=chunks(), headers={"content-type": "text/csv"})
    assert_error(r, 413, "body")


def test_a_chunked_body_under_the_limit_reaches_the_route_whole(settings, runtime):
    body = b'{"text": "Write Python programs and use Git for version control."}'

    def chunks(data: bytes):
        for i in range(0, len(data), 7):
            yield data[i : i + 7]

    with make_client(settings, runtime, max_body_bytes=len(body)) as c:
        json_type = {"content-type": "application/json"}
        r = c.post("/v1/skills/extract", content=chunks(body), headers=json_type)
        assert r.status_code == 200, r.text
        assert r.json()["skills"]
        assert r.json() == c.post("/v1/skills/extract", content=body, headers=json_type).json()
        over = c.post("/v1/skills/extract", content=chunks(body + b" "), headers=json_type)
        assert_error(over, 413, "body")


def test_the_stream_is_cut_at_the_first_chunk_past_the_limit():
    reached_app = []
    read = []

    async def inner(scope, receive, send):
        reached_app.append(True)

    async def receive():
        read.append(1)
        return {"type": "http.request", "body": b"y" * 100, "more_body": True}  # endless

    sent = []

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "method": "POST", "path": "/v1/postings", "headers": []}
    asyncio.run(BodySizeLimitMiddleware(inner, max_bytes=250)(scope, receive, send))
    assert not reached_app
    assert len(read) == 3  # 100 + 100 + 100 > 250
    assert sent[0]["type"] == "http.response.start" and sent[0]["status"] == 413


# --- rate limits: identity and the memory token bucket -----------------------------------------


def _scope(headers: dict[str, str], client=("10.0.0.7", 5000)) -> dict:
    raw = [(k.lower().encode(), v.encode()) for k, v in headers.items()]
    return {"type": "http", "method": "GET", "path": "/", "headers": raw, "client": client}


def test_the_bucket_is_a_hash_of_a_valid_api_key_else_the_client_address():
    keys = KnownKeys(lambda key: key == "sk-secret")
    digest = hashlib.sha256(b"sk-secret").hexdigest()[:32]
    address = "ip:10.0.0.7"
    # not looked up yet: the address's bucket, and the key to look up
    assert client_identity(_scope({"Authorization": "Bearer sk-secret"}), keys) == (
        address,
        "sk-secret",
    )
    assert keys.look_up("sk-secret") is True and keys.look_up("sk-invented") is False
    assert client_identity(_scope({"Authorization": "Bearer sk-secret"}), keys) == (
        f"key:{digest}",
        None,
    )
    assert client_identity(_scope({"X-API-Key": "sk-secret"}), keys) == (f"key:{digest}", None)
    assert client_identity(_scope({"X-API-Key": "sk-invented"}), keys) == (address, None)
    assert client_identity(_scope({}), keys) == (address, None)
    assert client_identity(_scope({"Authorization": "Basic abc"}), keys) == (address, None)


def test_the_token_bucket_allows_a_burst_then_refills_at_the_rate():
    limiter = MemoryRateLimiter(per_minute=60, burst=2)  # one token a second
    assert limiter.hit("a", now=100.0).allowed
    assert limiter.hit("a", now=100.0).allowed
    denied = limiter.hit("a", now=100.0)
    assert not denied.allowed and denied.retry_after == 1
    assert limiter.hit("b", now=100.0).allowed  # buckets are separate
    assert not limiter.hit("a", now=100.5).allowed
    assert limiter.hit("a", now=101.0).allowed
    assert limiter.hit("a", now=200.0).allowed and limiter.hit("a", now=200.0).allowed
    assert not limiter.hit("a", now=200.0).allowed  # refill stops at the burst


def test_the_memory_limiter_is_thread_safe():
    limiter = MemoryRateLimiter(per_minute=1, burst=50)
    allowed = []
    start = threading.Barrier(8)

    def worker():
        start.wait()
        allowed.extend(limiter.hit("shared", now=5.0).allowed for _ in range(25))

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(allowed) == 200 and sum(allowed) == 50


def test_the_memory_limiter_forgets_idle_buckets_beyond_its_cap():
    limiter = MemoryRateLimiter(per_minute=60, burst=1, max_buckets=10)
    for i in range(11):
        limiter.hit(f"c{i}", now=0.0)
    assert len(limiter._buckets) <= 10
    limiter.hit("late", now=100.0)  # the others are full again by now: forgotten
    assert len(limiter._buckets) == 1


def test_the_eleventh_request_in_a_burst_of_ten_gets_429(settings, runtime, admin_key):
    with make_client(settings, runtime, rate_limit_per_minute=1, rate_limit_burst=10) as c:
        for _ in range(10):
            assert c.get("/v1/about").status_code == 200
        r = c.get("/v1/about")
        assert_error(r, 429, None)
        retry = int(r.headers["Retry-After"])
        assert 50 <= retry <= 60
        assert c.get("/health").status_code == 200  # exempt
        assert c.get("/ready").status_code == 200
        metrics = c.get("/metrics")
        assert metrics.status_code == 200
        assert 'route="/v1/about",status="429"' in metrics.text
        other = c.get("/v1/about", headers={"X-API-Key": admin_key})
        assert other.status_code == 200  # a valid key: its own bucket


def test_bearer_and_x_api_key_count_against_the_same_bucket(settings, runtime, admin_key):
    bearer = {"Authorization": f"Bearer {admin_key}"}
    with make_client(settings, runtime, rate_limit_per_minute=1, rate_limit_burst=2) as c:
        assert c.get("/v1/about", headers=bearer).status_code == 200
        assert c.get("/v1/about", headers={"X-API-Key": admin_key}).status_code == 200
        assert c.get("/v1/about", headers=bearer).status_code == 429
        assert c.get("/v1/about").status_code == 200  # no key: the client address's bucket


def test_rate_limits_are_off_at_zero(settings, runtime):
    with make_client(settings, runtime, rate_limit_per_minute=0, rate_limit_burst=1) as c:
        assert all(c.get("/v1/about").status_code == 200 for _ in range(5))
        assert c.app.state.rate_limiter is None


# --- rate limits in Redis ----------------------------------------------------------------------


@pytest.fixture
def redis_prefix():
    redis = pytest.importorskip("redis")
    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=0.5, socket_timeout=0.5)
    try:
        client.ping()
    except (redis.RedisError, OSError) as exc:
        pytest.skip(f"Redis tests need a server at 127.0.0.1:6379 (CI runs one): {exc}")
    prefix = f"skillmatch-test:{uuid.uuid4().hex}:"
    yield prefix, client
    for key in client.scan_iter(match=prefix + "*"):
        client.delete(key)
    client.close()


def _redis_settings(settings, prefix: str, **more):
    return {
        "rate_limit_backend": "redis",
        "redis_url": REDIS_URL,
        "rate_limit_redis_prefix": prefix,
        "rate_limit_per_minute": 1,
        **more,
    }


def test_redis_buckets_are_shared_by_two_app_instances(settings, runtime, redis_prefix, admin_key):
    prefix, redis_client = redis_prefix
    over = _redis_settings(settings, prefix, rate_limit_burst=5)
    with make_client(settings, runtime, **over) as a, make_client(settings, runtime, **over) as b:
        headers = {"Authorization": f"Bearer {admin_key}"}
        codes = [
            (a if i % 2 else b).get("/v1/about", headers=headers).status_code for i in range(5)
        ]
        assert codes == [200] * 5
        r = a.get("/v1/about", headers=headers)
        assert_error(r, 429, None)
        assert 50 <= int(r.headers["Retry-After"]) <= 60
        assert b.get("/v1/about", headers=headers).status_code == 429
        assert a.get("/health").status_code == 200
    keys = sorted(k.decode() for k in redis_client.scan_iter(match=prefix + "*"))
    digest = hashlib.sha256(admin_key.encode()).hexdigest()[:32]
    # hashed, never the raw key; each instance looked the key up once, on the address's account
    assert keys == [f"{prefix}key:{digest}", f"{prefix}lookup:ip:testclient"]
    assert 0 < redis_client.pttl(keys[0]) <= 5 * 60_000 + 1000


def test_the_redis_limiter_refills(redis_prefix):
    prefix, _client = redis_prefix
    limiter = RedisRateLimiter(REDIS_URL, per_minute=600, burst=1, prefix=prefix)  # 10 a second
    assert limiter.hit("x").allowed
    denied = limiter.hit("x")
    assert not denied.allowed and denied.retry_after == 1
    time.sleep(0.15)
    assert limiter.hit("x").allowed


def test_an_unreachable_redis_fails_open_and_warns_once(settings, runtime, caplog):
    over = _redis_settings(settings, "x:", rate_limit_burst=1, redis_url="redis://127.0.0.1:1/0")
    with caplog.at_level(logging.WARNING, logger="skillmatch"):
        with make_client(settings, runtime, **over) as c:
            c.app.state.rate_limiter.retry_s = 0.0  # try Redis on every request
            assert [c.get("/v1/about").status_code for _ in range(3)] == [200, 200, 200]
    warnings = [r for r in caplog.records if "Redis unreachable" in r.getMessage()]
    assert len(warnings) == 1


# --- timeouts ----------------------------------------------------------------------------------


def test_a_slow_recommendation_gets_503_at_the_deadline(settings, runtime, monkeypatch):
    from service.recommend import gap as recommend

    def slow(*args, **kwargs):
        time.sleep(1.5)
        return {}

    monkeypatch.setattr(recommend, "compute", slow)
    with make_client(settings, runtime, request_timeout_s=0.3) as c:
        t0 = time.perf_counter()
        r = c.post("/v1/recommendations", json={"target": {"title": "Data Scientist"}})
        elapsed = time.perf_counter() - t0
        assert_error(r, 503, None)
        assert r.headers["Retry-After"] == "1"
        assert elapsed < 1.2  # answered at the deadline, not when the work ended
        assert "0.3 s" in r.json()["detail"]
        assert 'route="/v1/recommendations",status="503"' in c.get("/metrics").text


def test_fast_heavy_requests_and_other_routes_are_not_limited(settings, runtime, monkeypatch):
    from service.taxonomy import search as skills

    real = skills.search_skills

    def slow_search(*args, **kwargs):
        time.sleep(0.5)
        return real(*args, **kwargs)

    monkeypatch.setattr(skills, "search_skills", slow_search)
    with make_client(settings, runtime, request_timeout_s=0.3) as c:
        assert c.post("/v1/gap", json={"target": {"title": "Data Scientist"}}).status_code == 200
        assert c.get("/v1/skills", params={"q": "python"}).status_code == 200  # a GET: no limit


def test_a_timed_out_ingest_still_commits(settings, runtime, admin_key, monkeypatch, caplog):
    from service.ingest.pipeline import Ingestor

    real = Ingestor.ingest

    def slow_ingest(self, *args, **kwargs):
        time.sleep(0.8)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Ingestor, "ingest", slow_ingest)
    caplog.set_level(logging.INFO, logger="skillmatch")
    ext = f"timeout:{uuid.uuid4().hex[:8]}"
    doc = {"external_id": ext, "kind": "course", "title": "Slow ingest", "description": "Python."}
    headers = {"Authorization": f"Bearer {admin_key}"}
    with make_client(settings, runtime, request_timeout_s=0.2) as c:
        r = c.post("/v1/credentials", json=doc, headers=headers)
        assert_error(r, 503, None)
        deadline = time.monotonic() + 10
        items = []
        while not items and time.monotonic() < deadline:
            time.sleep(0.1)
            items = c.get("/v1/credentials", params={"external_id": ext}).json()["items"]
        assert [i["external_id"] for i in items] == [ext]
        assert c.delete(f"/v1/credentials/{items[0]['id']}", headers=headers).status_code in (
            200,
            204,
        )
    assert any("timed-out work finished" in r.getMessage() for r in caplog.records)
