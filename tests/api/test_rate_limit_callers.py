"""Who a rate-limit bucket belongs to: invented API keys and forged X-Forwarded-For headers buy
no fresh bucket; a valid key has its own; key lookups cannot be forced faster than the rate."""

from __future__ import annotations

import secrets
import socket
import threading
import time

import httpx
import pytest
import uvicorn
from fastapi.testclient import TestClient

from service.api.app import create_app
from service.api.identity import KnownKeys, key_digest
from service.cli.main import proxy_options


def make_client(settings, runtime, **overrides) -> TestClient:
    return TestClient(create_app(settings.model_copy(update=overrides), runtime=runtime))


def invented_key() -> str:
    return "sm_" + secrets.token_urlsafe(32)  # the shape of a real key, unknown to the service


KEYLESS = [
    ("GET", "/v1/skills", {"params": {"q": "python"}}),
    ("GET", "/v1/occupations", {"params": {"q": "cook"}}),
    ("POST", "/v1/skills/extract", {"json": {"text": "Python and SQL."}}),
]


@pytest.mark.parametrize(("method", "path", "kw"), KEYLESS, ids=[p for _m, p, _k in KEYLESS])
def test_invented_keys_share_the_address_bucket_on_keyless_routes(
    settings, runtime, method, path, kw
):
    with make_client(settings, runtime, rate_limit_per_minute=1, rate_limit_burst=3) as c:
        codes = []
        for i in range(6):
            key = invented_key() if i % 2 else secrets.token_hex(8)  # with and without sm_
            r = c.request(method, path, headers={"Authorization": f"Bearer {key}"}, **kw)
            codes.append(r.status_code)
        # the first three pass the limiter (a keyless GET answers; extraction checks the key)
        assert codes[3:] == [429, 429, 429], codes
        assert set(codes[:3]) <= {200, 401}, codes
        assert c.request(method, path, **kw).status_code == 429  # the same, anonymous bucket


def test_extraction_refuses_an_invented_key(anon):
    r = anon.post(
        "/v1/skills/extract",
        json={"text": "Python and SQL."},
        headers={"Authorization": f"Bearer {invented_key()}"},
    )
    assert r.status_code == 401 and r.json()["field"] == "authorization"


def test_a_valid_key_has_its_own_bucket_once_looked_up(settings, runtime, admin_key):
    with make_client(settings, runtime, rate_limit_per_minute=1, rate_limit_burst=2) as c:
        assert [c.get("/v1/about").status_code for _ in range(3)] == [200, 200, 429]
        keyed = {"Authorization": f"Bearer {admin_key}"}
        assert [c.get("/v1/about", headers=keyed).status_code for _ in range(3)] == [
            200,
            200,
            429,
        ]
        assert c.app.state.known_keys.lookups == 1  # then remembered


def test_invented_keys_cannot_force_more_lookups_than_the_rate(settings, runtime):
    """Each invented key is new to the cache; its lookup costs a token of the address's lookup
    bucket, so past the burst the service answers 429 without asking the database."""
    with make_client(settings, runtime, rate_limit_per_minute=1, rate_limit_burst=4) as c:
        codes = [
            c.get(
                "/v1/skills",
                params={"q": "python"},
                headers={"Authorization": f"Bearer {invented_key()}"},
            ).status_code
            for _ in range(30)
        ]
        assert codes.count(200) == 4 and codes.count(429) == 26
        assert c.app.state.known_keys.lookups == 4


def test_an_invented_key_repeated_is_looked_up_once(settings, runtime):
    key = {"X-API-Key": invented_key()}
    with make_client(settings, runtime, rate_limit_per_minute=600, rate_limit_burst=50) as c:
        assert all(
            c.get("/v1/skills", params={"q": "git"}, headers=key).status_code == 200
            for _ in range(10)
        )
        assert c.app.state.known_keys.lookups == 1


def test_known_keys_expire_and_invalid_ones_never_push_valid_ones_out():
    now = [0.0]
    keys = KnownKeys(
        lambda key: key.startswith("good"), ttl_s=10.0, max_entries=3, clock=lambda: now[0]
    )
    assert keys.look_up("good-1") is True
    for i in range(20):  # a flood of invented keys
        assert keys.look_up(f"bad-{i}") is False
    assert keys.cached(key_digest("good-1")) is True
    assert keys.cached(key_digest("bad-19")) is False
    assert keys.cached(key_digest("bad-0")) is None  # forgotten: the invalid cache is bounded
    now[0] = 10.5
    assert keys.cached(key_digest("good-1")) is None  # looked up again after ttl_s


def test_a_failing_lookup_counts_the_key_as_unknown_and_is_not_remembered(caplog):
    def broken(key: str) -> bool:
        raise OSError("database down")

    keys = KnownKeys(broken)
    assert keys.look_up("sm_x") is None
    assert keys.cached(key_digest("sm_x")) is None
    assert "lookup for the rate limit failed" in caplog.text


# --- X-Forwarded-For ---------------------------------------------------------------------------


def test_serve_trusts_forwarded_headers_only_from_configured_proxies(monkeypatch):
    from service.api import observability
    from service.cli import main as cli

    seen: list[dict] = []
    monkeypatch.setattr(observability, "configure_logging", lambda s, **kw: None)
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.append(kw))
    monkeypatch.setattr(cli, "init_runtime", lambda settings: None)
    monkeypatch.delenv("SKILLMATCH_FORWARDED_ALLOW_IPS", raising=False)
    assert cli.main(["serve", "--port", "8999"]) == 0
    assert cli.main(["serve", "--port", "8999", "--workers", "2"]) == 0
    assert [kw["proxy_headers"] for kw in seen] == [False, False]  # uvicorn's default: True
    seen.clear()
    monkeypatch.setenv("SKILLMATCH_FORWARDED_ALLOW_IPS", "10.0.0.5, 10.1.0.0/16")
    assert cli.main(["serve", "--port", "8999"]) == 0
    assert cli.main(["serve", "--port", "8999", "--workers", "2"]) == 0
    for kw in seen:
        assert kw["proxy_headers"] is True
        assert kw["forwarded_allow_ips"] == "10.0.0.5, 10.1.0.0/16"


@pytest.mark.parametrize("before", [None, "/somewhere/else"])
def test_serve_with_workers_puts_the_metrics_folder_setting_back(monkeypatch, before):
    """During the run the workers see a fresh folder; after it the process's environment is as
    it was (a server started later must not inherit a deleted folder: its metrics would fail)."""
    import os

    from service.api import observability
    from service.cli import main as cli

    during: list[str | None] = []

    def run(app, **kw):
        folder = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
        during.append(folder if folder and os.path.isdir(folder) else None)

    monkeypatch.setattr(observability, "configure_logging", lambda s, **kw: None)
    monkeypatch.setattr(uvicorn, "run", run)
    monkeypatch.setattr(cli, "init_runtime", lambda settings: None)
    if before is None:
        monkeypatch.delenv("PROMETHEUS_MULTIPROC_DIR", raising=False)
    else:
        monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", before)
    assert cli.main(["serve", "--port", "8999", "--workers", "2"]) == 0
    assert during and during[0] is not None and during[0] != before
    assert os.environ.get("PROMETHEUS_MULTIPROC_DIR") == before


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer:
    """The app under uvicorn, in a thread, with the options `skillmatch serve` passes."""

    def __init__(self, app, settings) -> None:
        self.port = _free_port()
        config = uvicorn.Config(
            app,
            host="127.0.0.1",
            port=self.port,
            log_config=None,
            access_log=False,
            **proxy_options(settings),
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.05)
        return f"http://127.0.0.1:{self.port}"

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def _codes(url: str, forwarded: list[str]) -> list[int]:
    with httpx.Client(base_url=url) as http:
        return [
            http.get("/v1/about", headers={"X-Forwarded-For": ip}).status_code for ip in forwarded
        ]


@pytest.mark.parametrize("trusted", ["", "10.9.9.9"])
def test_x_forwarded_for_from_an_untrusted_peer_is_ignored(settings, runtime, trusted):
    """From 127.0.0.1 (which uvicorn trusts by default): each request names another client, yet
    all of them share the peer's bucket, unless the peer is a configured proxy."""
    over = {"rate_limit_per_minute": 1, "rate_limit_burst": 2, "forwarded_allow_ips": trusted}
    s = settings.model_copy(update=over)
    with LiveServer(create_app(s, runtime=runtime), s) as url:
        assert _codes(url, [f"203.0.113.{i}" for i in range(5)]) == [200, 200, 429, 429, 429]


def test_x_forwarded_for_from_a_configured_proxy_names_the_client(settings, runtime):
    over = {"rate_limit_per_minute": 1, "rate_limit_burst": 2, "forwarded_allow_ips": "127.0.0.1"}
    s = settings.model_copy(update=over)
    with LiveServer(create_app(s, runtime=runtime), s) as url:
        assert _codes(url, [f"203.0.113.{i}" for i in range(5)]) == [200] * 5  # a bucket each
        assert _codes(url, ["198.51.100.1"] * 3) == [200, 200, 429]  # one client: its bucket
