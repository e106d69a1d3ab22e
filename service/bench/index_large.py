"""`skillmatch bench --large-index-sizes`: the compressed index (ivfpq) beside IVF at 1M and 2M
vectors, the sizes where RAM decides.

The vectors and queries are those of the `index` part (bench/index.py: synthetic mixes of the
linker's MiniLM label vectors, queries the stored record vectors of real texts). The truth is
exact top-10 by brute force (`faiss.knn`, what Flat returns) computed without a second copy of
the vectors, so 2M x 384 floats (3 GB) are held once.

RAM is the process's anonymous resident memory (RssAnon in /proc/self/status, after freeing
and `malloc_trim`) grown by the index in the state a serving worker runs it: ivf as built,
ivfpq saved and loaded again, its full vectors memory-mapped from the saved file. Mapped file
pages are page cache (shared, reclaimable) and are reported apart (RssFile growth); ivfpq's own
accounting (codes, list ids, centroids, codebooks, id map) is `ram_bytes`.
"""

from __future__ import annotations

import ctypes
import gc
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import faiss
import numpy as np

from indexing.ann.factory import load_index, new_index
from service.bench.index import (
    SYNTH,
    label_vectors,
    latencies,
    percentiles,
    recall_of,
    stored_record_vectors,
    synth_vectors,
)

GOAL = {"bytes_per_vector_max": 150, "recall_at_10_min": 0.95, "p99_ms_max": 10.0}


def _status_kb(field: str) -> int:
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _settle() -> tuple[int, int]:
    """(RssAnon, RssFile) in bytes after a collection and glibc's trim of freed memory."""
    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except OSError:
        pass
    return _status_kb("RssAnon") * 1024, _status_kb("RssFile") * 1024


def _truth(data: np.ndarray, queries: np.ndarray, k: int) -> np.ndarray:
    return faiss.knn(queries, data, k, metric=faiss.METRIC_INNER_PRODUCT)[1]


def _measure(index, queries, truth, k) -> dict:
    _, got = index.search(queries, k)
    return {"recall_at_10": recall_of(got, truth), **percentiles(latencies(index, queries, k))}


def _ivf_row(data, ids, queries, truth, k, opts) -> dict:
    anon0, file0 = _settle()
    t0 = time.perf_counter()
    index = new_index(data.shape[1], model_id="bench", index_type="ivf", **opts)
    index.add(ids, data)
    build_s = time.perf_counter() - t0
    anon1, file1 = _settle()
    row = {"build_s": round(build_s, 1), "nlist": index.nlist, "nprobe": index.nprobe}
    row |= _ram(anon1 - anon0, file1 - file0, len(ids))
    row |= _measure(index, queries, truth, k)
    del index
    return row


def _ivfpq_row(data, ids, queries, truth, k, opts, folder: Path) -> dict:
    path = folder / "bench-ivfpq.faiss"
    t0 = time.perf_counter()
    index = new_index(data.shape[1], model_id="bench", index_type="ivfpq", **opts)
    index.add(ids, data)
    build_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    index.save(path)
    save_s = time.perf_counter() - t0
    del index
    anon0, file0 = _settle()
    t0 = time.perf_counter()
    index = load_index(path, model_id="bench", dim=data.shape[1], **opts)
    load_s = time.perf_counter() - t0
    anon1, file1 = _settle()
    row = {"build_s": round(build_s, 1), "save_s": round(save_s, 1), "load_s": round(load_s, 1),
           "nlist": index.nlist, "nprobe": index.nprobe, "pq_m": index.pq_m,
           "rerank": index.rerank, "disk_bytes": path.stat().st_size,
           "own_ram_bytes_per_vector": round(index.ram_bytes() / len(ids), 1)}  # fmt: skip
    row |= _ram(anon1 - anon0, file1 - file0, len(ids))
    row |= _measure(index, queries, truth, k)
    row["file_resident_after_queries_mb"] = round((_settle()[1] - file0) / 2**20, 1)
    row["settings"] = _settings_sweep(index, queries, truth, k)
    del index
    path.unlink()
    path.with_name(path.name + ".manifest.json").unlink()
    return row


SWEEP = ((24, 100), (40, 50), (40, 200), (64, 100), (64, 200))  # (nprobe, rerank)


def _settings_sweep(index, queries, truth, k, n_queries: int = 300) -> list[dict]:
    """Recall and latency of the same index under other search settings (none rebuilds)."""
    keep = (index.nprobe, index.rerank)
    out = []
    for nprobe, rerank in SWEEP:
        index.nprobe, index.rerank = nprobe, rerank
        out.append({"nprobe": nprobe, "rerank": rerank,
                    **_measure(index, queries[:n_queries], truth[:n_queries], k)})  # fmt: skip
    index.nprobe, index.rerank = keep
    return out


def _ram(anon: int, file: int, n: int) -> dict:
    return {
        "ram_mb": round(anon / 2**20, 1),
        "bytes_per_vector": round(anon / n, 1),
        "file_resident_mb": round(file / 2**20, 1),
    }


def _goal(row: dict) -> dict:
    return {
        "bytes_per_vector": row["bytes_per_vector"] <= GOAL["bytes_per_vector_max"],
        "recall_at_10": row["recall_at_10"] >= GOAL["recall_at_10_min"],
        "p99_ms": row["p99_ms"] < GOAL["p99_ms_max"],
    }


def run_large_index_bench(
    settings=None,
    *,
    sizes=(1_000_000, 2_000_000),
    types=("ivfpq", "ivf"),
    n_queries: int = 1000,
    k: int = 10,
    options: dict | None = None,
    bases: np.ndarray | None = None,
    queries: np.ndarray | None = None,
    folder: Path | None = None,
    seed: int = 0,
    on_row: Callable[[dict], None] | None = None,
) -> dict:
    """The report's "index_large" part; `folder` takes ivfpq's saved file (default: a
    temporary folder under the index folder of `settings`, else the system's). `on_row` is
    called with the report so far after each index (the CLI saves it: a long run cut short
    keeps what it measured)."""
    if bases is None or queries is None:
        from service.runtime import make_encoder, model_index_dir

        encoder = make_encoder(settings)
        idir = model_index_dir(settings, encoder)
        bases = label_vectors(idir) if bases is None else bases
        if queries is None:
            queries = stored_record_vectors(settings.database_url, encoder.model_id)
    rng = np.random.default_rng(seed)
    queries = np.ascontiguousarray(queries[rng.permutation(len(queries))[:n_queries]], np.float32)
    where = folder or (Path(settings.index_dir) if settings is not None else None)
    if where is not None:
        Path(where).mkdir(parents=True, exist_ok=True)
    report = {"vectors": {**SYNTH, "dim": int(bases.shape[1])}, "queries": len(queries), "k": k,
              "faiss_threads": faiss.omp_get_max_threads(),
              "goal": GOAL, "sizes": {}}  # fmt: skip
    options = options or {}
    with tempfile.TemporaryDirectory(prefix="bench-large-", dir=where) as tmp:
        for n in sizes:
            data = synth_vectors(bases, n, seed=seed)
            ids = np.arange(n, dtype=np.int64)
            t0 = time.perf_counter()
            truth = _truth(data, queries, k)
            out: dict = {"exact_truth_s": round(time.perf_counter() - t0, 1)}
            report["sizes"][str(n)] = out
            for t in types:
                opts = options.get(t, {})
                if t == "ivfpq":
                    row = _ivfpq_row(data, ids, queries, truth, k, opts, Path(tmp))
                else:
                    row = _ivf_row(data, ids, queries, truth, k, opts)
                row["meets_goal"] = _goal(row)
                out[t] = row
                if on_row:
                    on_row(report)
            del data, truth
            gc.collect()
    return report


def summary(report: dict) -> dict:
    keys = ("recall_at_10", "p50_ms", "p99_ms", "bytes_per_vector", "build_s")
    return {
        size: {t: {k: row[k] for k in keys} for t, row in types.items() if isinstance(row, dict)}
        for size, types in report["sizes"].items()
    }
