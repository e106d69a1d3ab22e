"""`skillmatch bench --index-sizes`: the FAISS index types side by side at several sizes.

Vectors are realistic, not uniform: the base set is the linker's stored label vectors (every
preferred, alternative and hidden label of the ~15k skills, ~100k MiniLM vectors). Each of the n
vectors is one base label vector, for half of them plus w x a second random label vector
(w ~ U(0, 0.5): a record about two skills), plus Gaussian noise (sd 0.02 a dimension, a cosine
of about 0.93 to the clean mix), renormalised. Queries are held-out real texts: the stored
vectors of the catalog credentials and postings in the database (title + description, never
used as bases). The truth is the Flat index of the same run; every figure of a size comes from
one run, so the ratios to Flat hold even when the machine is busy.

Per size and type: build seconds (IVF: its training included), memory (serialized bytes and
RSS growth), single-query p50/p99 through VectorIndex.search, recall@10 against Flat and the
ratio of each latency to Flat's; filtered searches (a random allowed share of the ids) with
their recall and latency.
"""

from __future__ import annotations

import gc
import os
import time
from pathlib import Path

import faiss
import numpy as np

from indexing.ann.contract import VectorIndex
from indexing.ann.factory import load_index, new_index
from indexing.ann.manifest import read_manifest

SYNTH = {"mix_share": 0.5, "mix_max": 0.5, "noise": 0.02}
TYPES = ("flat", "ivf", "hnsw")  # the compressed ivfpq has its own part (index_large.py)


def synth_vectors(
    bases: np.ndarray,
    n: int,
    *,
    seed: int = 0,
    mix_share: float = 0.5,
    mix_max: float = 0.5,
    noise: float = 0.02,
    chunk: int = 100_000,
) -> np.ndarray:
    """n unit vectors around `bases`: base_i (+ w * base_j for `mix_share` of them,
    w ~ U(0, mix_max)) + N(0, noise^2) per dimension, renormalised."""
    rng = np.random.default_rng(seed)
    dim = bases.shape[1]
    out = np.empty((n, dim), np.float32)
    for start in range(0, n, chunk):
        m = min(chunk, n - start)
        i = rng.integers(0, len(bases), m)
        j = rng.integers(0, len(bases), m)
        w = rng.random(m) * mix_max * (rng.random(m) < mix_share)
        v = bases[i] + w[:, None].astype(np.float32) * bases[j]
        v += rng.normal(0.0, noise, (m, dim)).astype(np.float32)
        v /= np.linalg.norm(v, axis=1, keepdims=True)
        out[start : start + m] = v
    return out


def label_vectors(index_dir: Path) -> np.ndarray:
    """The linker's stored label vectors (labels.faiss under <index_dir>/skills)."""
    path = Path(index_dir) / "skills" / "labels.faiss"
    m = read_manifest(path)
    if m is None:
        raise FileNotFoundError(f"no label vectors at {path}: run `skillmatch init` first")
    return load_index(path, model_id=m.model_id, dim=m.dim).vectors()[1]


def stored_record_vectors(database_url: str, model_id: str) -> np.ndarray:
    """Vectors of the stored credentials and postings (real texts) for one model."""
    from sqlalchemy import select
    from sqlmodel import Session

    from models.tables import Vector
    from service.db import make_engine

    engine = make_engine(database_url)
    try:
        with Session(engine) as s:
            rows = s.execute(
                select(Vector.vector).where(Vector.model_id == model_id).order_by(Vector.ref_id)
            ).all()
    finally:
        engine.dispose()
    if not rows:
        raise LookupError(f"no stored record vectors for {model_id} in the database")
    return np.stack([np.frombuffer(r[0], np.float32) for r in rows])


def _rss_bytes() -> int:
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        return 0


def latencies(index: VectorIndex, queries: np.ndarray, k: int, allowed=None) -> np.ndarray:
    out = np.empty(len(queries))
    for i in range(len(queries)):
        t0 = time.perf_counter()
        index.search(queries[i : i + 1], k, allowed=allowed)
        out[i] = time.perf_counter() - t0
    return out * 1000.0


def recall_of(got: np.ndarray, truth: np.ndarray) -> float:
    hits = [len(set(a.tolist()) & set(b.tolist()) - {-1}) / max(1, (b >= 0).sum())
            for a, b in zip(got, truth, strict=True)]  # fmt: skip
    return round(float(np.mean(hits)), 4)


def percentiles(ms: np.ndarray) -> dict:
    return {
        "p50_ms": round(float(np.percentile(ms, 50)), 3),
        "p99_ms": round(float(np.percentile(ms, 99)), 3),
    }


def bench_size(
    data: np.ndarray,
    queries: np.ndarray,
    *,
    types=TYPES,
    k: int = 10,
    filter_shares=(0.5, 0.1, 0.01),
    filter_queries: int = 200,
    options: dict | None = None,
    seed: int = 0,
) -> dict:
    """Every type over the same vectors and queries; Flat first (it gives the truth)."""
    n = len(data)
    ids = np.arange(n, dtype=np.int64)
    rng = np.random.default_rng(seed + 1)
    allowed = {
        share: np.sort(rng.choice(ids, max(1, int(share * n)), replace=False))
        for share in filter_shares
    }
    fq = queries[:filter_queries]
    options = options or {}
    order = ["flat", *[t for t in types if t != "flat"]]
    truth: dict = {}
    out: dict = {}
    for index_type in order:
        opts = options.get(index_type, {})
        gc.collect()
        rss0 = _rss_bytes()
        t0 = time.perf_counter()
        index = new_index(data.shape[1], model_id="bench", index_type=index_type, **opts)
        index.add(ids, data)
        build_s = time.perf_counter() - t0
        rss_delta = _rss_bytes() - rss0
        nbytes = len(index.serialize())
        _, got = index.search(queries, k)
        lat = latencies(index, queries, k)
        row = {
            "build_s": round(build_s, 2),
            "serialized_bytes": nbytes,
            "bytes_per_vector": round(nbytes / n, 1),
            "rss_delta_mb": round(rss_delta / 2**20, 1),
            **percentiles(lat),
        }
        if index_type == "flat":
            truth["all"] = got
            for share, allow in allowed.items():
                truth[share] = index.search(fq, k, allowed=allow)[1]
        row["recall_at_10"] = recall_of(got, truth["all"])
        if index_type == "ivf":
            row["nlist"], row["nprobe"] = index.nlist, index.nprobe
        if index_type == "hnsw":
            row["M"], row["ef_search"] = index.hnsw_m, index.ef_search
        filt = {}
        for share, allow in allowed.items():
            flat_path = index_type == "flat" or len(allow) > index.exact_filter_max
            fl = latencies(index, fq, k, allowed=allow)
            filt[str(share)] = {
                "allowed": int(len(allow)),
                "path": "faiss" if flat_path else "exact",
                "recall_at_10": recall_of(index.search(fq, k, allowed=allow)[1], truth[share]),
                **percentiles(fl),
            }
        row["filtered"] = filt
        out[index_type] = row
        del index
    flat = out["flat"]
    for row in out.values():
        row["p50_vs_flat"] = round(row["p50_ms"] / flat["p50_ms"], 3)
        row["p99_vs_flat"] = round(row["p99_ms"] / flat["p99_ms"], 3)
    return out


def run_index_bench(
    settings=None,
    *,
    sizes=(10_000, 100_000, 1_000_000),
    types=TYPES,
    n_queries: int = 1000,
    k: int = 10,
    filter_shares=(0.5, 0.1, 0.01),
    bases: np.ndarray | None = None,
    queries: np.ndarray | None = None,
    options: dict | None = None,
    seed: int = 0,
) -> dict:
    """The report's "index" part. `bases`/`queries` default to the linker's label vectors and
    the stored record vectors of `settings` (its database and index folder)."""
    source = {"bases": "given", "queries": "given"}
    if bases is None or queries is None:
        from service.runtime import make_encoder, model_index_dir

        encoder = make_encoder(settings)
        model_id = encoder.model_id
        idir = model_index_dir(settings, encoder)
        if bases is None:
            bases = label_vectors(idir)
            source["bases"] = f"{len(bases)} linker label vectors ({model_id})"
        if queries is None:
            queries = stored_record_vectors(settings.database_url, model_id)
            source["queries"] = f"stored record vectors ({len(queries)} credentials+postings)"
    rng = np.random.default_rng(seed)
    queries = np.ascontiguousarray(queries[rng.permutation(len(queries))[:n_queries]], np.float32)
    report = {
        "vectors": {"source": source, **SYNTH, "dim": int(bases.shape[1])},
        "queries": len(queries),
        "k": k,
        "faiss_threads": faiss.omp_get_max_threads(),
        "sizes": {},
    }
    for n in sizes:
        data = synth_vectors(bases, n, seed=seed)
        report["sizes"][str(n)] = bench_size(
            data,
            queries,
            types=types,
            k=k,
            filter_shares=filter_shares,
            options=options,
            seed=seed,
        )
        del data
        gc.collect()
    return report


def summary(report: dict) -> dict:
    """Per size and type: recall, p50/p99 and their ratio to Flat, build seconds, bytes/vector."""
    keys = ("recall_at_10", "p50_ms", "p99_ms", "p99_vs_flat", "build_s", "bytes_per_vector")
    return {
        size: {t: {k: row[k] for k in keys} for t, row in types.items()}
        for size, types in report["sizes"].items()
    }
