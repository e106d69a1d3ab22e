"""Load: concurrent clients for N seconds against `skillmatch serve --workers 2` on the default
data, a mix of semantic search, skill extraction (1,000 real posting sentences) and
recommendations (issue goals: no errors, server memory growth under 10% from start to end).

The server is a real subprocess on the database and indexes `make run` built; its memory is the
resident set of the whole process tree (the uvicorn supervisor and its workers), read from /proc
after a warm-up and again at the end. The rate limit is off for the run: every client shares one
address, and the bench measures capacity, not the limiter. The reference is the same mix sent by
one client (no concurrency) for a fifth of the time, in the same run.
"""

from __future__ import annotations

import os
import random
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

from service.config import Settings

QUERIES = [
    "food safety", "python data analysis", "project management", "welding", "nursing care",
    "cloud computing", "bookkeeping", "customer service", "machine learning", "first aid",
    "solar panel installation", "leadership", "cyber security", "hotel reception", "excel",
]  # fmt: skip
TEXTS = [
    "You know PostgreSQL and Docker, write Python, and mentor junior developers.",
    "Prepare meals following HACCP rules, manage stock and train kitchen staff.",
    "Maintain electrical installations, read technical drawings, work safely at height.",
    "Support patients with daily care, record vital signs, communicate with families.",
    "Build dashboards in Power BI, clean data with SQL, present findings to managers.",
]


def extract_texts(data_dir, n: int = 1000, seed: int = 3) -> list[str]:
    """Texts for the extraction requests: n real sentences (6-40 words) of the SkillSpan
    postings, so that requests vary as real ones do (the linker caches the vectors of recent
    texts, and a handful of texts sent over and over would measure only that cache). TEXTS when
    the postings are not there."""
    from service.defaults import POSTINGS, read_jsonl_gz

    path = Path(data_dir) / POSTINGS
    if not path.exists():
        return list(TEXTS)
    from indexing.text import split_sentences

    pool = sorted({
        s.text
        for doc in read_jsonl_gz(path)
        for s in split_sentences(doc["text"])
        if 6 <= len(s.text.split()) <= 40
    })  # fmt: skip
    return random.Random(seed).sample(pool, min(n, len(pool)))


def _pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))] if values else 0.0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants (Linux /proc)."""
    children: dict[int, list[int]] = {}
    for d in Path("/proc").iterdir():
        if not d.name.isdigit():
            continue
        try:
            ppid = int((d / "stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(d.name))
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        todo.extend(children.get(p, []))
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total / 1024


def _requests(
    rng: random.Random, credential_ids: list[int], occupation_ids: list[int], texts: list[str]
):
    roll = rng.random()
    if roll < 0.4:
        q = rng.choice(QUERIES)
        return "search", ("GET", "/v1/credentials", {"params": {"q": q, "limit": 10}})
    if roll < 0.7:
        body = {"text": rng.choice(texts)}
        return "extract", ("POST", "/v1/skills/extract", {"json": body})
    body = {
        "learner": {"credentials": rng.sample(credential_ids, 2)},
        "target": {"occupation_id": rng.choice(occupation_ids)},
        "constraints": {"max_hours": 200},
    }
    return "recommend", ("POST", "/v1/recommendations", {"json": body})


def _drive(base: str, seconds: float, clients: int, ids, seed: int) -> dict:
    import httpx

    stop = time.monotonic() + seconds
    lat: dict[str, list[float]] = {"search": [], "extract": [], "recommend": []}
    errors: list[str] = []
    lock = threading.Lock()

    def client(k: int) -> None:
        rng = random.Random(seed + k)
        with httpx.Client(base_url=base, timeout=60) as http:
            while time.monotonic() < stop:
                kind, (method, path, kw) = _requests(rng, *ids)
                t = time.perf_counter()
                try:
                    r = http.request(method, path, **kw)
                    ok = r.status_code < 400
                    err = f"{kind}: {r.status_code} {r.text[:120]}"
                except httpx.HTTPError as exc:
                    ok, err = False, f"{kind}: {exc.__class__.__name__}"
                ms = (time.perf_counter() - t) * 1000
                with lock:
                    lat[kind].append(ms)
                    if not ok:
                        errors.append(err)

    t0 = time.monotonic()
    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    wall = time.monotonic() - t0
    everything = [x for v in lat.values() for x in v]
    return {
        "clients": clients,
        "seconds": round(wall, 1),
        "requests": len(everything),
        "throughput_rps": round(len(everything) / wall, 1),
        "p50_ms": round(_pct(everything, 0.5), 1),
        "p99_ms": round(_pct(everything, 0.99), 1),
        "by_kind": {
            k: {"n": len(v), "p50_ms": round(_pct(v, 0.5), 1), "p99_ms": round(_pct(v, 0.99), 1)}
            for k, v in lat.items()
        },
        "errors": len(errors),
        "error_samples": errors[:5],
    }


def _default_ids(settings: Settings) -> tuple[list[int], list[int], int]:
    """Credential ids and ids of occupations with skills to send, and the occupations' count."""
    from sqlalchemy import select
    from sqlmodel import Session

    from models.tables import Credential, Occupation, OccupationSkill
    from service.db import make_engine

    engine = make_engine(settings.database_url)
    with Session(engine) as s:
        cred_ids = s.execute(select(Credential.id).limit(500)).scalars().all()
        occ_ids = (
            s.execute(select(OccupationSkill.occupation_id).distinct().limit(300)).scalars().all()
        )
        n_occ = len(s.execute(select(Occupation.id)).all())
    engine.dispose()
    if len(cred_ids) < 2 or not occ_ids:
        raise RuntimeError("the load bench needs the default data: run `make run` first")
    return list(cred_ids), list(occ_ids), n_occ


def _start_server(settings: Settings, workers: int) -> tuple[subprocess.Popen, str]:
    """`skillmatch serve` on a free port, rate limit off, in its own process group."""
    port = _free_port()
    env = dict(
        os.environ,
        SKILLMATCH_DATABASE_URL=settings.database_url,
        SKILLMATCH_DATA_DIR=str(settings.data_dir),
        SKILLMATCH_INDEX_DIR=str(settings.index_dir),
        SKILLMATCH_MODEL=settings.model,
        SKILLMATCH_RATE_LIMIT_PER_MINUTE="0",
        SKILLMATCH_LOG_LEVEL="WARNING",
    )
    cmd = [sys.executable, "-m", "service.cli.main", "serve", "--workers", str(workers)]
    proc = subprocess.Popen(
        [*cmd, "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    return proc, f"http://127.0.0.1:{port}"


def _wait_ready(proc: subprocess.Popen, base: str) -> float:
    """Seconds until the server answers /ready (300 at most)."""
    import httpx

    t0 = time.monotonic()
    while True:
        if proc.poll() is not None:
            raise RuntimeError("the server exited before it was ready")
        try:
            if httpx.get(f"{base}/ready", timeout=2).status_code == 200:
                # every worker answers /ready on its own; wait until a few in a row do
                if all(
                    httpx.get(f"{base}/ready", headers={"Connection": "close"}).status_code == 200
                    for _ in range(6)
                ):
                    break
        except httpx.HTTPError:
            pass
        if time.monotonic() - t0 > 300:
            raise RuntimeError("the server was not ready in 300 s")
        time.sleep(0.5)
    return time.monotonic() - t0


def _stop(proc: subprocess.Popen) -> None:
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(30)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)


def run_load_bench(
    settings: Settings, *, seconds: float = 60.0, clients: int = 8, workers: int = 2
) -> dict:
    cred_ids, occ_ids, n_occ = _default_ids(settings)
    proc, base = _start_server(settings, workers)
    try:
        ready_s = _wait_ready(proc, base)
        ids = (cred_ids, occ_ids, extract_texts(settings.data_dir))
        _drive(base, min(10.0, seconds / 6), clients, ids, seed=1)  # warm-up
        rss_start = tree_rss_mb(proc.pid)
        single = _drive(base, seconds / 5, 1, ids, seed=99)
        loaded = _drive(base, seconds, clients, ids, seed=7)
        rss_end = tree_rss_mb(proc.pid)
    finally:
        _stop(proc)
    growth = (rss_end - rss_start) / rss_start if rss_start else 0.0
    return {
        "workers": workers,
        "ready_s": round(ready_s, 1),
        "occupations": n_occ,
        "load": loaded,
        "reference_one_client": {
            k: single[k] for k in ("requests", "throughput_rps", "p50_ms", "p99_ms", "errors")
        },
        "throughput_vs_one_client": round(
            loaded["throughput_rps"] / max(single["throughput_rps"], 1e-9), 2
        ),
        "rss_start_mb": round(rss_start, 1),
        "rss_end_mb": round(rss_end, 1),
        "rss_growth": round(growth, 4),
        "goals": {"errors": 0, "rss_growth_below": 0.10},
    }
