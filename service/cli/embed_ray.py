"""Bulk embedding as a Ray Data job: `skillmatch embed --ray [ADDRESS]`.

The driver reads the records of one kind that have no vector for the configured model, sorts
them by text length (longest first, so each batch pads little and the long, chunked texts are
spread over the actors from the start) and hands them to Ray Data as one Arrow table.
`map_batches` runs `EmbedActor`, a stateful actor class: each actor loads the encoder once and
embeds batch after batch. The driver streams the vectors back and writes each batch of
`batch` records (its vectors and their `index_change` upserts) in one transaction, exactly as
`embed --shard` does, so the serving workers replay them and a rerun embeds only what is still
missing: a job that is killed, or loses a node, loses at most the batches not yet committed.

Without an address the job starts a local Ray on this machine (`num_cpus`); with one
(`auto`, `host:6379`, `ray://host:10001`) it joins that cluster. Ray retries a lost task or
actor itself; the database decides what is done. Ray is an optional extra: `pip install
'.[ray]'`.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable

import numpy as np

from service.config import Settings

RAY_MISSING = "skillmatch embed --ray needs Ray: pip install 'skillmatch[ray]' (or '.[ray]')"


class EmbedActor:
    """One encoder per actor, loaded once; called with a batch of {"id", "text"} columns."""

    def __init__(self, settings: Settings, batch_size: int) -> None:
        from service.runtime import make_encoder

        self.encoder = make_encoder(settings)
        self.batch_size = batch_size

    def __call__(self, batch: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        texts = [str(t) for t in batch["text"]]
        vecs = self.encoder.encode_documents(texts, batch_size=self.batch_size)
        return {"id": np.asarray(batch["id"], np.int64), "vector": vecs.astype(np.float32)}


def start_ray(address: str | None, num_cpus: int):
    try:
        import ray
    except ImportError as exc:  # the optional extra is not installed
        raise RuntimeError(RAY_MISSING) from exc
    if ray.is_initialized():
        return ray, False
    passed = ("PYTHONPATH", "HF_HUB_OFFLINE")  # actors import this checkout, load offline
    env = {"env_vars": {k: v for k, v in os.environ.items() if k in passed}}
    if address:
        ray.init(address=address, runtime_env=env, log_to_driver=False)
    else:
        ray.init(num_cpus=num_cpus, runtime_env=env, include_dashboard=False, log_to_driver=False)
    return ray, True


def _ordered_blocks(todo: list[tuple[int, str]], rows: int) -> list:
    """Arrow tables of `rows` records each, longest texts first: batches of like lengths, and
    one block an actor at a time, so every actor works."""
    import pyarrow as pa

    todo = sorted(todo, key=lambda r: -len(r[1]))
    table = pa.table({"id": pa.array([r for r, _ in todo], pa.int64()),
                      "text": pa.array([t for _, t in todo], pa.large_string())})  # fmt: skip
    return [table.slice(i, rows) for i in range(0, len(todo), rows)]


def embed_missing_ray(
    settings: Settings,
    kind: str,
    *,
    address: str | None = None,
    num_cpus: int = 2,
    actors: int = 0,
    batch: int = 1000,
    engine=None,
    stop_after: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> dict:
    """Embed the records of `kind` without a vector for the model on Ray; returns counts.

    `actors` 0: one per CPU of the cluster. `stop_after` (tests): stop once that many records
    are committed, as a killed job would (the rest stays missing for the next run)."""
    from service.cli.embed import TABLES, write_vectors
    from service.db import make_engine
    from service.runtime import make_encoder, records_without_vectors

    model_id = make_encoder(settings).model_id
    own_engine = engine is None
    engine = engine or make_engine(settings.database_url)
    t_start = time.perf_counter()
    ray, started = start_ray(address, num_cpus)
    done, t0 = 0, time.perf_counter()
    try:
        todo = records_without_vectors(engine, TABLES[kind], kind, model_id)
        texts = dict(todo)
        n_actors = actors or max(1, int(ray.cluster_resources().get("CPU", 1)))
        if todo:
            per_block = max(1, min(batch, -(-len(todo) // (4 * n_actors))))
            ds = ray.data.from_arrow(_ordered_blocks(todo, per_block)).map_batches(
                EmbedActor,
                fn_constructor_kwargs={
                    "settings": settings,
                    "batch_size": settings.encode_batch_size,
                },
                batch_size=min(per_block, settings.encode_batch_size * 4),
                batch_format="numpy",
                concurrency=n_actors,
                num_cpus=1,
            )
            for out in ds.iter_batches(batch_size=batch, batch_format="numpy"):
                ids = [int(i) for i in out["id"]]
                write_vectors(engine, kind, model_id, [(i, texts[i]) for i in ids], out["vector"])
                done += len(ids)
                if progress:
                    progress(len(ids))
                if stop_after is not None and done >= stop_after:
                    break
        seconds = time.perf_counter() - t0
    finally:
        if started:
            ray.shutdown()
        if own_engine:
            engine.dispose()
    return {
        "kind": kind,
        "model": model_id,
        "ray": address or f"local ({num_cpus} CPUs)",
        "actors": n_actors,
        "missing": len(todo),
        "embedded": done,
        "ray_start_s": round(t0 - t_start, 2),
        "seconds": round(seconds, 2),  # reading, actors loading the model, embedding, writing
        "texts_per_s": round(done / seconds, 1) if seconds and done else None,
    }
