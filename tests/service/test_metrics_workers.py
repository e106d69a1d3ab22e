"""Issue 19, item 3: with `serve --workers 2` every scrape of /metrics sums both workers'
counters (prometheus-client's multiprocess mode), whichever worker answers it."""

from __future__ import annotations

import re
import time
from pathlib import Path

import httpx
import pytest
from prometheus_client.multiprocess import MultiProcessCollector

from tests.service.test_processes import Server, env  # noqa: F401  (env: a fixture)

pytestmark = pytest.mark.slow

ABOUT = re.compile(
    r'^skillmatch_requests_total\{method="GET",route="/v1/about",status="200"\} (\S+)$'
)


def _about_count(text: str) -> float:
    found = [float(m.group(1)) for line in text.splitlines() if (m := ABOUT.match(line))]
    assert len(found) == 1, text
    return found[0]


def _per_worker(folder: Path) -> dict[str, float]:
    """/v1/about answers counted in each worker's own file (counter_<pid>.db)."""
    out = {}
    for f in folder.glob("counter_*.db"):
        if f.stat().st_size < 8:  # a worker's file created, not yet sized
            continue
        for metric in MultiProcessCollector.merge([str(f)]):
            for sample in metric.samples:
                if sample.name == "skillmatch_requests_total" and sample.labels["route"] == (
                    "/v1/about"
                ):
                    out[f.stem] = out.get(f.stem, 0) + sample.value
    return out


def test_a_scrape_sums_every_worker(env, tmp_path):  # noqa: F811
    base = tmp_path / "metrics"
    env = {**env, "SKILLMATCH_METRICS_MULTIPROCESS_DIR": str(base)}
    server = Server(env, tmp_path / "w.log", "--workers", "2")
    url = f"http://127.0.0.1:{server.port}"
    try:
        server.wait_ready()
        (folder,) = base.iterdir()  # the fresh folder of this start
        sent = 0
        deadline = time.monotonic() + 60
        # a new connection each time, until both workers have answered some
        while len(_per_worker(folder)) < 2 or sent < 20:
            assert time.monotonic() < deadline, _per_worker(folder)
            r = httpx.get(url + "/v1/about", headers={"Connection": "close"})
            assert r.status_code == 200
            sent += 1
        # a request is counted once its answer has gone out (the middleware records after the
        # send), so the last count may land just after the client has read the answer
        settle = time.monotonic() + 10
        while sum(_per_worker(folder).values()) < sent and time.monotonic() < settle:
            time.sleep(0.05)
        per_worker = _per_worker(folder)
        assert len(per_worker) == 2 and all(n > 0 for n in per_worker.values())
        assert sum(per_worker.values()) == sent
        for _ in range(6):  # whichever worker answers the scrape, it counts every answer
            scrape = httpx.get(url + "/metrics", headers={"Connection": "close"})
            assert scrape.status_code == 200
            assert _about_count(scrape.text) == sent
            assert "skillmatch_index_size" in scrape.text
    finally:
        server.stop()
    assert not folder.exists()  # removed when the server stops


def test_a_worker_file_not_yet_sized_is_left_out_of_a_scrape(tmp_path):
    """A worker creates its counter file before sizing it: merging the empty file raised
    struct.error, so a scrape at that instant answered 500."""
    from service.api.observability import _EveryWorker

    (tmp_path / "counter_1.db").write_bytes(b"")  # created, not yet sized
    assert list(_EveryWorker(str(tmp_path)).collect()) == []
