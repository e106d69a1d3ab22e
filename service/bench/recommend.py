"""Recommendation latency through the API at growing catalog sizes (issue: p99 < 50 ms at 100k).

The demo catalog stored by `make run` is the template: it is copied (new ids and external ids,
hours and costs jittered, the same skills, evidence and vectors) into a fresh database until the
catalog holds N credentials. Requests go through the FastAPI app in-process (TestClient), with an
ESCO occupation as the target, so no free text is encoded; the encoding of a free-text title is
timed on its own.
"""

from __future__ import annotations

import os
import random
import statistics
import tempfile
import time
from pathlib import Path

from sqlalchemy import insert, select
from sqlmodel import Session

from models.tables import Credential, CredentialSkill, Occupation, OccupationSkill, Vector
from service.config import Settings


def _unlimited(settings: Settings) -> Settings:
    """The bench is one client sending hundreds of requests: no rate limit."""
    return settings.model_copy(update={"rate_limit_per_minute": 0})


def _pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def _grow(src_engine, dst_engine, model_id: str, target: int, have: int, rng) -> int:
    with Session(src_engine) as s:
        creds = s.execute(select(Credential)).scalars().all()
        links = s.execute(select(CredentialSkill)).scalars().all()
        vecs = dict(
            s.execute(
                select(Vector.ref_id, Vector.vector).where(
                    Vector.kind == "credential", Vector.model_id == model_id
                )
            ).all()
        )
    by_cred: dict[int, list] = {}
    for ln in links:
        by_cred.setdefault(ln.credential_id, []).append(ln)
    fields = [c.name for c in Credential.__table__.columns if c.name != "id"]
    with Session(dst_engine) as s:
        next_id = have + 1
        rows, link_rows, vec_rows = [], [], []
        while have < target:
            t = creds[have % len(creds)]
            copy = {f: getattr(t, f) for f in fields}
            copy.update(
                id=next_id,
                external_id=f"{t.external_id}#{next_id}",
                hours=round((t.hours or 10) * rng.uniform(0.7, 1.3), 1),
                cost=round((t.cost or 0) * rng.uniform(0.7, 1.3), 2),
                prerequisites=[],
                is_part_of=[],
                has_part=[],
            )
            rows.append(copy)
            link_rows += [
                {
                    "credential_id": next_id,
                    "skill_id": ln.skill_id,
                    "weight": ln.weight,
                    "source": ln.source,
                    "confidence": ln.confidence,
                    "evidence": ln.evidence,
                }
                for ln in by_cred.get(t.id, [])
            ]
            vec_rows.append(
                {
                    "kind": "credential",
                    "ref_id": next_id,
                    "model_id": model_id,
                    "dim": 384,
                    "content_hash": "bench",
                    "vector": vecs[t.id],
                }
            )
            next_id += 1
            have += 1
            if len(rows) >= 5000 or have == target:
                s.execute(insert(Credential), rows)
                s.execute(insert(CredentialSkill), link_rows)
                s.execute(insert(Vector), vec_rows)
                rows, link_rows, vec_rows = [], [], []
        s.commit()
    return have


def run_recommend_bench(
    settings: Settings, sizes=(1000, 10_000, 100_000), n_requests=100, seed: int = 5
) -> dict:
    from fastapi.testclient import TestClient

    from service.api.app import create_app
    from service.db import create_tables, make_engine
    from service.runtime import build_runtime, make_encoder, model_index_dir

    rng = random.Random(seed)
    encoder = make_encoder(settings)
    src = make_engine(settings.database_url)
    out: dict = {"sizes": {}, "n_requests": n_requests}
    with tempfile.TemporaryDirectory(prefix="skillmatch-rbench-") as tmp:
        tmp = Path(tmp)
        bs = settings.model_copy(
            update={
                "database_url": f"sqlite:///{tmp / 'r.db'}",
                "index_dir": tmp / "idx",
                "load_default_data": False,
                "progress": False,
            }
        )
        sub = model_index_dir(bs, encoder)
        sub.mkdir(parents=True)
        main = model_index_dir(settings, encoder)
        for name in ("skills", "occupations.faiss", "occupations.faiss.manifest.json"):
            os.symlink(main / name, sub / name)
        dst = make_engine(bs.database_url)
        create_tables(dst)
        have = 0
        runtime = None
        for size in sizes:
            t0 = time.perf_counter()
            runtime = build_runtime(bs, encoder=encoder, engine=dst) if runtime is None else runtime
            have = _grow(src, dst, encoder.model_id, size, have, rng)
            runtime.credentials.rebuild_from_db()
            runtime.catalog.invalidate()
            grow_s = time.perf_counter() - t0
            out["sizes"][size] = _measure(runtime, bs, n_requests, rng, TestClient, create_app)
            out["sizes"][size]["build_seconds"] = round(grow_s, 1)
        with TestClient(create_app(_unlimited(bs), runtime=runtime)) as client:
            enc = []
            for title in ("data analyst", "nurse", "welder", "software developer", "chef"):
                t = time.perf_counter()
                client.get("/v1/occupations", params={"q": title, "limit": 1})
                enc.append((time.perf_counter() - t) * 1000)
        out["title_resolution_ms_p50"] = round(statistics.median(enc), 2)
    return out


def _faiss_alone(index, n: int, rng) -> list[float]:
    """ms of n single top-10 searches of `index` (FAISS through VectorIndex, no service),
    each query a stored vector of the index."""
    ids = index.ids.tolist()
    out = []
    for _ in range(n):
        q = index.reconstruct(rng.choice(ids))[None, :]
        t = time.perf_counter()
        index.search(q, 10)
        out.append((time.perf_counter() - t) * 1000)
    return out


def _measure(runtime, settings, n, rng, TestClient, create_app) -> dict:
    with Session(runtime.engine) as s:
        occs = (
            s.execute(
                select(OccupationSkill.occupation_id)
                .where(OccupationSkill.relation == "essential")
                .group_by(OccupationSkill.occupation_id)
                .order_by(OccupationSkill.occupation_id)
            )
            .scalars()
            .all()
        )
        n_occ = s.execute(select(Occupation.id)).scalars().all()
        cred_ids = s.execute(select(Credential.id)).scalars().all()
    assert n_occ
    lat, stages = [], {}
    with TestClient(create_app(_unlimited(settings), runtime=runtime)) as client:
        for i in range(n + 5):
            body = {
                "learner": {"credentials": rng.sample(cred_ids, 2)},
                "target": {"occupation_id": rng.choice(occs)},
                "constraints": {"max_hours": 120},
            }
            t = time.perf_counter()
            r = client.post("/v1/recommendations", json=body)
            ms = (time.perf_counter() - t) * 1000
            if r.status_code != 200:
                raise RuntimeError(r.text)
            if i < 5:
                continue  # warm-up
            lat.append(ms)
            for k, v in r.json()["timings_ms"].items():
                stages.setdefault(k, []).append(v)
    total = sum(sum(v) for v in stages.values()) or 1.0
    faiss_ms = _faiss_alone(runtime.credentials.index, n, rng)
    p50, p99 = _pct(lat, 0.5), _pct(lat, 0.99)
    return {
        "p50_ms": round(p50, 2),
        "p99_ms": round(p99, 2),
        # the reference: one top-10 search of the same credential index, FAISS alone
        "faiss_alone_p50_ms": round(_pct(faiss_ms, 0.5), 3),
        "faiss_alone_p99_ms": round(_pct(faiss_ms, 0.99), 3),
        "p50_vs_faiss_alone": round(p50 / max(_pct(faiss_ms, 0.5), 1e-6), 1),
        "p99_vs_faiss_alone": round(p99 / max(_pct(faiss_ms, 0.99), 1e-6), 1),
        "stage_share": {k: round(sum(v) / total, 3) for k, v in stages.items()},
        "stage_p50_ms": {k: round(statistics.median(v), 2) for k, v in stages.items()},
    }
