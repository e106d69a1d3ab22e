"""Bulk embedding spread over workers: `skillmatch embed --shard I/N` (in-process; see
embed_ray.py for `--ray`, the same job scheduled by Ray Data).

Each worker takes the records of one kind that have no vector for the configured model and
whose id falls in its shard (id mod N == I), embeds them in batches (long texts chunked, see
indexing/encoder.py) and writes each batch's vectors with `index_change` upserts in one
transaction. Serving workers replay those changes into their own FAISS copies (RecordIndex.sync),
so shards can run on any number of machines against the same database, and a killed worker
resumes where it stopped (what it committed has vectors and is skipped next time).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from sqlalchemy import delete, insert
from sqlmodel import Session

from models.tables import Credential, IndexChange, JobPosting, Vector
from service.config import Settings
from service.repo.identity import text_hash
from service.vectors.record_index import change_rows

TABLES = {"credential": Credential, "posting": JobPosting}


def parse_shard(text: str) -> tuple[int, int]:
    """'I/N' -> (I, N) with 0 <= I < N."""
    i, n = (int(x) for x in text.split("/"))
    if not 0 <= i < n:
        raise ValueError(f"shard must be I/N with 0 <= I < N, got {text!r}")
    return i, n


def write_vectors(engine, kind: str, model_id: str, part: list[tuple[int, str]], vecs) -> None:
    """One transaction: the vectors of `part` ((id, text) pairs) for the model, replacing any,
    and their `index_change` upserts for the serving workers."""
    ids = [rid for rid, _ in part]
    with Session(engine) as s:
        s.execute(
            delete(Vector).where(
                Vector.kind == kind, Vector.ref_id.in_(ids), Vector.model_id == model_id
            )
        )
        s.add_all(
            Vector(kind=kind, ref_id=rid, model_id=model_id, dim=int(v.shape[0]),
                   content_hash=text_hash(t, model_id), vector=v.astype("float32").tobytes())
            for (rid, t), v in zip(part, vecs, strict=True)
        )  # fmt: skip
        s.execute(insert(IndexChange), change_rows(kind, ids, "upsert"))
        s.commit()


def embed_missing(
    settings: Settings,
    kind: str,
    *,
    shard: tuple[int, int] = (0, 1),
    batch: int = 1000,
    encoder=None,
    engine=None,
    progress: Callable[[int], None] | None = None,
) -> dict:
    """Embed this shard's records of `kind` that lack a vector for the model; returns counts."""
    from service.db import make_engine
    from service.runtime import make_encoder, records_without_vectors

    encoder = encoder or make_encoder(settings)
    own_engine = engine is None
    engine = engine or make_engine(settings.database_url)
    i, n = shard
    try:
        todo = [
            (rid, text)
            for rid, text in records_without_vectors(engine, TABLES[kind], kind, encoder.model_id)
            if rid % n == i
        ]
        t0 = time.perf_counter()
        mid = encoder.model_id
        for start in range(0, len(todo), batch):
            part = todo[start : start + batch]
            vecs = encoder.encode_documents(
                [t for _, t in part], batch_size=settings.encode_batch_size
            )
            write_vectors(engine, kind, mid, part, vecs)
            if progress:
                progress(len(part))
        seconds = time.perf_counter() - t0
    finally:
        if own_engine:
            engine.dispose()
    return {
        "kind": kind,
        "model": encoder.model_id,
        "shard": f"{i}/{n}",
        "embedded": len(todo),
        "seconds": round(seconds, 2),
        "texts_per_s": round(len(todo) / seconds, 1) if seconds and todo else None,
    }
