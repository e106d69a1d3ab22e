"""Real server processes: two workers sharing one database see each other's writes within
seconds, and a server killed with SIGKILL in the middle of a batch ingest restarts with every
acknowledged record present and an index that agrees with the database (a torn index file is
refused and rebuilt). The servers run `skillmatch serve` on the mini taxonomy with the hashing
encoder (SKILLMATCH_MODEL=fake:64), so no model loads."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def env(tmp_path, mini_data_dir, database_url):
    if database_url.startswith("sqlite"):
        yield from _env(tmp_path, mini_data_dir, f"sqlite:///{tmp_path / 'shared.db'}")
        return
    from tests.conftest import _postgres_database

    for url in _postgres_database():  # a database of its own: these tests fill it
        yield from _env(tmp_path, mini_data_dir, url)


def _env(tmp_path, mini_data_dir, url):
    e = dict(os.environ)
    e.update(
        SKILLMATCH_DATABASE_URL=url,
        SKILLMATCH_DATA_DIR=str(mini_data_dir),
        SKILLMATCH_INDEX_DIR=str(tmp_path / "indexes"),
        SKILLMATCH_MODEL="fake:64",
        SKILLMATCH_LOAD_DEFAULT_DATA="false",
        SKILLMATCH_PROGRESS="false",
        SKILLMATCH_SYNC_INTERVAL_S="0.2",
        SKILLMATCH_RATE_LIMIT_PER_MINUTE="100000",
    )
    tag = f"ops-{os.getpid()}-{time.monotonic_ns()}"
    out = subprocess.run(
        [sys.executable, "-m", "service.cli.main", "tenants", "create", tag, "--scopes", "admin"],
        env=e,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    e["_KEY"] = json.loads(out)["key"]["key"]
    yield e


class Server:
    def __init__(self, env: dict, log: Path, *extra: str) -> None:
        self.port = _free_port()
        self.log = open(log, "ab")  # noqa: SIM115
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "service.cli.main",
                "serve",
                "--init",
                "--port",
                str(self.port),
                *extra,
            ],  # fmt: skip
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        self.http = httpx.Client(
            base_url=f"http://127.0.0.1:{self.port}",
            headers={"Authorization": f"Bearer {env['_KEY']}"},
            timeout=60,
        )

    def wait_ready(self, timeout: float = 120) -> None:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            assert self.proc.poll() is None, "server exited early"
            try:
                if self.http.get("/ready").status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        raise AssertionError("server not ready in time")

    def stop(self, sig=signal.SIGTERM) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
            self.proc.wait(30)
        self.http.close()
        self.log.close()


def _cred(i: int, tag: str) -> dict:
    return {
        "external_id": f"{tag}-{i}",
        "title": f"{tag} credential number {i} in data analysis",
        "description": "Statistics, Python programming and data visualisation.",
        "kind": "course",
        "hours": 10,
    }


def _search_ids(server: Server, q: str) -> set[int]:
    r = server.http.get("/v1/credentials", params={"q": q, "limit": 50})
    assert r.status_code == 200, r.text
    return {c["id"] for c in r.json()["items"]}


def _wait_for(pred, timeout: float = 5.0) -> float:
    t0 = time.monotonic()
    while time.monotonic() - t0 < timeout:
        if pred():
            return time.monotonic() - t0
        time.sleep(0.1)
    raise AssertionError(f"not seen within {timeout} s")


def test_two_workers_see_each_others_writes(env, tmp_path):
    a = Server(env, tmp_path / "a.log")
    a.wait_ready()  # the first one loads the taxonomy and builds the indexes
    b = Server(env, tmp_path / "b.log")
    try:
        b.wait_ready()
        r = a.http.post("/v1/credentials", json=_cred(1, "twoproc"))
        assert r.status_code == 201, r.text
        cid = r.json()["items"][0]["id"]
        assert b.http.get(f"/v1/credentials/{cid}").status_code == 200  # the database: at once
        q = "twoproc credential number 1 in data analysis"
        _wait_for(lambda: cid in _search_ids(b, q))  # the index: within seconds
        assert b.http.delete(f"/v1/credentials/{cid}").status_code == 204
        _wait_for(lambda: cid not in _search_ids(a, q))
        about_a, about_b = a.http.get("/v1/about").json(), b.http.get("/v1/about").json()
        assert about_a["index_sizes"] == about_b["index_sizes"]
    finally:
        a.stop()
        b.stop()


def test_uvicorn_workers_serve_one_consistent_index(env, tmp_path):
    server = Server(env, tmp_path / "w.log", "--workers", "2")
    try:
        server.wait_ready()
        r = server.http.post("/v1/credentials", json=_cred(7, "workers"))
        assert r.status_code == 201, r.text
        cid = r.json()["items"][0]["id"]
        q = "workers credential number 7 in data analysis"
        time.sleep(1.0)
        # whichever worker answers (a new connection each time), the new record is searchable
        for _ in range(12):
            r = httpx.get(
                f"http://127.0.0.1:{server.port}/v1/credentials",
                params={"q": q, "limit": 50},
                headers={"Connection": "close"},
            )
            assert cid in {c["id"] for c in r.json()["items"]}
    finally:
        server.stop()


def test_sigkill_mid_ingest_loses_no_acknowledged_record(env, tmp_path):
    server = Server(env, tmp_path / "1.log")
    server.wait_ready()
    acked: list[str] = []
    stop = threading.Event()

    def feed() -> None:
        n = 0
        while not stop.is_set():
            batch = [_cred(n + i, "crash") for i in range(40)]
            n += 40
            try:
                r = server.http.post("/v1/credentials", json=batch)
            except httpx.HTTPError:
                return  # the server died under this batch: it was never acknowledged
            if r.status_code in (200, 201):
                acked.extend(d["external_id"] for d in batch)

    t = threading.Thread(target=feed)
    t.start()
    _wait_for(lambda: len(acked) >= 120, timeout=60)
    server.proc.send_signal(signal.SIGKILL)
    server.proc.wait(10)
    stop.set()
    t.join(30)
    server.stop()
    # and a torn index file on top of it: it must be refused, not loaded
    saved = next(Path(env["SKILLMATCH_INDEX_DIR"]).rglob("credentials.faiss"))
    saved.write_bytes(saved.read_bytes()[:-100])

    again = Server(env, tmp_path / "2.log")
    try:
        again.wait_ready()
        missing = [
            e
            for e in acked
            if not again.http.get("/v1/credentials", params={"external_id": e}).json()["items"]
        ]
        assert missing == [], f"{len(missing)} acknowledged records lost"
        about = again.http.get("/v1/about").json()
        assert about["index_sizes"]["credentials"] == about["counts"]["credentials"]
        probe = acked[len(acked) // 2]
        i = int(probe.rsplit("-", 1)[1])
        # the hashing test encoder gives some titles the same vector ("41" and "80" may share
        # a bucket): the probe must be among the best, not necessarily first of its ties
        hits = again.http.get(
            "/v1/credentials", params={"q": _cred(i, "crash")["title"], "limit": 10}
        ).json()["items"]
        assert probe in [h["external_id"] for h in hits]
    finally:
        again.stop()
