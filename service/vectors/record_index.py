"""The vector index of one record kind (credentials or postings), kept in step with the database.

Vectors live in the `vector` table with the model id that made them; the FAISS index is a
persisted copy. At start the saved index is used when its manifest fits the database; otherwise it
is rebuilt from the stored vectors, and only records without a vector for this model are embedded.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
from sqlalchemy import delete, func, insert, or_, select
from sqlalchemy.engine import Engine
from sqlmodel import Session

from indexing.ann.contract import VectorIndex
from indexing.ann.factory import load_index, new_index, resolve_index_type
from indexing.ann.ivf import default_nlist
from indexing.ann.manifest import IndexMismatchError, read_manifest
from indexing.encoder import Encoder
from models.tables import IndexChange, Vector
from service.repo.identity import text_hash

log = logging.getLogger("skillmatch")


def compose_text(title: str, description: str) -> tuple[str, int]:
    """The text a record is embedded and linked from, and where the description starts in it."""
    if not description.strip():
        return title, len(title)
    sep = " " if title.rstrip().endswith((".", "!", "?", ":")) else ". "
    return f"{title}{sep}{description}", len(title) + len(sep)


def record_text(title: str, description: str) -> str:
    return compose_text(title, description)[0]


def change_rows(kind: str, ids: Sequence[int], op: str) -> list[dict]:
    """IndexChange rows to insert in the transaction that writes or deletes the records."""
    import datetime as dt

    at = dt.datetime.now(dt.UTC)
    return [{"kind": kind, "ref_id": int(i), "op": op, "at": at} for i in ids]


# Changes committed out of id order (PostgreSQL hands out ids before commit) are caught by
# looking back this long on every sync; replaying a change is idempotent.
SYNC_LOOKBACK_S = 30.0
PRUNED = "pruned"  # op of the marker a prune leaves: ref_id is the highest change id it deleted


def prune_changes(engine: Engine, *, keep_s: float) -> dict[str, int]:
    """Delete the `index_change` rows older than `keep_s` seconds, per kind, and leave a marker
    row (op "pruned", ref_id = the highest id deleted) in the same transaction.

    The newest row of each kind always stays (so the highest id never goes down, even where
    SQLite would reuse ids). A worker whose index has not seen every deleted change finds the
    marker on its next sync and rebuilds from the stored vectors instead of replaying (see
    RecordIndex.sync), so pruning never leaves an index behind. Returns rows deleted per kind.
    """
    import datetime as dt

    if keep_s < 10 * SYNC_LOOKBACK_S:
        raise ValueError(f"keep at least {10 * SYNC_LOOKBACK_S:.0f} s of changes")
    before = dt.datetime.now(dt.UTC) - dt.timedelta(seconds=keep_s)
    out: dict[str, int] = {}
    with Session(engine) as s:
        kinds = s.execute(select(IndexChange.kind).distinct()).scalars().all()
        for kind in kinds:
            newest = s.execute(
                select(func.max(IndexChange.id)).where(IndexChange.kind == kind)
            ).scalar_one()
            cutoff = s.execute(
                select(func.max(IndexChange.id)).where(
                    IndexChange.kind == kind, IndexChange.at < before, IndexChange.id < newest
                )
            ).scalar_one()
            if cutoff is None:
                continue
            gone = s.execute(
                delete(IndexChange).where(IndexChange.kind == kind, IndexChange.id <= cutoff)
            ).rowcount
            s.add(IndexChange(kind=kind, ref_id=int(cutoff), op=PRUNED))
            out[kind] = int(gone or 0)
        s.commit()
    return out


def index_settings(settings) -> dict:
    """RecordIndex keyword arguments from Settings: the type rule and the search parameters."""
    return {
        "index_type": settings.index_type,
        "auto_threshold": settings.index_auto_threshold,
        "compress_threshold": settings.index_compress_threshold,
        "memory_budget_mb": settings.index_memory_budget_mb,
        "index_options": {
            "nlist": settings.index_ivf_nlist,
            "nprobe": settings.index_ivf_nprobe,
            "hnsw_m": settings.index_hnsw_m,
            "ef_search": settings.index_hnsw_ef_search,
            "ef_construction": settings.index_hnsw_ef_construction,
            "exact_filter_max": settings.index_exact_filter_max,
            "pq_m": settings.index_pq_m,
            "rerank": settings.index_pq_rerank,
            "spill_dir": str(settings.index_dir),
        },
    }


class RecordIndex:
    """`index_type` is a setting: `auto` picks Flat below `auto_threshold` vectors, IVF at or
    above it and the compressed ivfpq from `compress_threshold` vectors or past
    `memory_budget_mb` (resolve_index_type); a rebuild, or a load whose saved type no longer
    fits the count, switches the type. `index_options` are VectorIndex search/build parameters."""

    def __init__(
        self,
        kind: str,
        engine: Engine,
        encoder: Encoder,
        path: Path,
        *,
        index_type: str = "auto",
        auto_threshold: int = 50_000,
        compress_threshold: int = 0,
        memory_budget_mb: int = 0,
        index_options: dict | None = None,
    ) -> None:
        self.kind = kind
        self.engine = engine
        self.encoder = encoder
        self.documents = encoder  # embeds record texts (shipped vectors while defaults load)
        self.path = Path(path)
        self.index_type = index_type  # the setting: auto | flat | ivf | hnsw | ivfpq
        self.auto_threshold = auto_threshold
        self.compress_threshold = compress_threshold
        self.memory_budget = memory_budget_mb * 2**20
        self.index_options = dict(index_options or {})
        self.index = self._new_index(0)
        self.lock = threading.RLock()
        self.seen_change = 0  # the last IndexChange id this index holds
        self._recent: dict[int, float] = {}  # change id -> when applied, within the lookback

    def __len__(self) -> int:
        return len(self.index)

    def wanted_type(self, n: int, current: str | None = None) -> str:
        """The index type for n vectors under the setting (see resolve_index_type)."""
        rule = {
            "threshold": self.auto_threshold,
            "current": current,
            "dim": self.encoder.dim,
            "compress_threshold": self.compress_threshold,
            "memory_budget": self.memory_budget,
        }
        return resolve_index_type(self.index_type, n, **rule)

    def _new_index(self, n: int, current: str | None = None) -> VectorIndex:
        return new_index(
            self.encoder.dim,
            model_id=self.encoder.model_id,
            index_type=self.wanted_type(n, current),
            **self.index_options,
        )

    def _switch_if_needed(self) -> bool:
        """Rebuild under another type when the count crossed the threshold (auto), or retrain
        an IVF (or ivfpq) index whose collection has grown about 4x since its lists were
        trained."""
        current, n = self.index.index_type, len(self.index)
        wanted = self.wanted_type(n, current)
        if wanted != current:
            log.info("%s index: %d vectors, switching %s -> %s", self.kind, n, current, wanted)
        elif (
            current in ("ivf", "ivfpq")
            and not self.index_options.get("nlist")
            and self.index.nlist
            and default_nlist(n) >= 2 * self.index.nlist
        ):
            log.info("%s index: %d vectors, retraining IVF (%d lists)", self.kind, n,
                     self.index.nlist)  # fmt: skip
        else:
            return False
        self.rebuild_from_db()
        return True

    def _db_count(self, session: Session) -> int:
        return session.execute(
            select(func.count())
            .select_from(Vector)
            .where(Vector.kind == self.kind, Vector.model_id == self.encoder.model_id)
        ).scalar_one()

    def open(
        self,
        texts_without_vectors: Callable[[], list[tuple[int, str]]],
        progress: Callable[[int], None] | None = None,
    ) -> str:
        """Make the index match the database. Returns "loaded", "rebuilt" or "embedded"."""
        missing = texts_without_vectors()
        how = "loaded"
        if missing:
            self.store_vectors(missing, progress=progress, switch=False)  # rebuilt below
            how = "embedded"
        with Session(self.engine) as s:
            count = self._db_count(s)
        if how == "loaded":
            saved = read_manifest(self.path)
            try:
                self.index = load_index(
                    self.path,
                    model_id=self.encoder.model_id,
                    dim=self.encoder.dim,
                    index_type=self.wanted_type(count, saved.index_type if saved else None),
                    **self.index_options,
                )
                self.seen_change = self.index.change_id
                self.sync(force=True)  # what other processes committed after this save
                if len(self.index) != count:
                    raise IndexMismatchError(
                        f"index holds {len(self.index)} vectors, the database {count}"
                    )
                return how
            except (FileNotFoundError, IndexMismatchError) as exc:
                log.info("rebuilding %s index from the database (%s)", self.kind, exc)
                how = "rebuilt"
        self.rebuild_from_db()
        return how

    def _last_change(self, session: Session) -> int:
        return session.execute(
            select(func.coalesce(func.max(IndexChange.id), 0)).where(IndexChange.kind == self.kind)
        ).scalar_one()

    def sync(self, *, force: bool = False) -> bool:
        """Replay the changes other processes committed since this index last looked: upserts
        read their vectors from the database, deletes remove. Returns whether anything changed.
        """
        import datetime as dt

        now = time.time()
        since = dt.datetime.fromtimestamp(now - SYNC_LOOKBACK_S, dt.UTC)
        with Session(self.engine) as s:
            rows = s.execute(
                select(IndexChange.id, IndexChange.ref_id, IndexChange.op)
                .where(
                    IndexChange.kind == self.kind,
                    or_(IndexChange.id > self.seen_change, IndexChange.at >= since),
                )
                .order_by(IndexChange.id)
            ).all()
            rows = [r for r in rows if r[0] not in self._recent]
            if not rows:
                return False
            if any(op == PRUNED and ref > self.seen_change for _cid, ref, op in rows):
                # changes this index never saw were pruned: the stored vectors are the truth
                log.info("%s index is behind pruned changes: rebuilding", self.kind)
                s.close()
                self.rebuild_from_db()
                self._switch_if_needed()
                return True
            last = {ref: op for _cid, ref, op in rows if op != PRUNED}  # the latest one wins
            ups = [ref for ref, op in last.items() if op == "upsert"]
            vecs = dict(
                s.execute(
                    select(Vector.ref_id, Vector.vector).where(
                        Vector.kind == self.kind,
                        Vector.model_id == self.encoder.model_id,
                        Vector.ref_id.in_(ups),
                    )
                ).all()
            ) if ups else {}  # fmt: skip
        gone = [ref for ref, op in last.items() if op == "delete" or ref not in vecs]
        with self.lock:
            if gone:
                self.index.remove(np.asarray(gone, dtype=np.int64))
            if vecs:
                ids = np.fromiter(vecs, dtype=np.int64)
                self.index.add(ids, np.stack([np.frombuffer(vecs[i], np.float32) for i in ids]))
            self.seen_change = max(self.seen_change, rows[-1][0])
            self.index.change_id = self.seen_change
            for cid, _ref, _op in rows:
                self._recent[cid] = now
            for cid, t in list(self._recent.items()):
                if t < now - 2 * SYNC_LOOKBACK_S:
                    del self._recent[cid]
        self._switch_if_needed()
        return bool(last)

    def rebuild_from_db(self) -> None:
        """A new index of the type the stored count calls for, from the stored vectors; saved."""
        with Session(self.engine) as s:
            change_id = self._last_change(s)  # read first: later changes get replayed
            rows = s.execute(
                select(Vector.ref_id, Vector.vector).where(
                    Vector.kind == self.kind, Vector.model_id == self.encoder.model_id
                )
            ).all()
        index = self._new_index(len(rows), self.index.index_type)
        index.change_id = change_id
        if rows:
            ids = np.array([r[0] for r in rows], dtype=np.int64)
            vecs = np.stack([np.frombuffer(r[1], dtype=np.float32) for r in rows])
            index.add(ids, vecs)
        with self.lock:
            self.index = index
            self.seen_change = index.change_id
            self.save()

    def embed(self, texts: Sequence[str], *, progress=None, batch_size: int = 64) -> np.ndarray:
        return self.documents.encode_documents(
            list(texts), batch_size=batch_size, progress=progress
        )

    def vector_rows(
        self, ids: Sequence[int], texts: Sequence[str], vecs: np.ndarray
    ) -> list[Vector]:
        mid = self.encoder.model_id
        return [
            Vector(
                kind=self.kind,
                ref_id=int(i),
                model_id=mid,
                dim=int(v.shape[0]),
                content_hash=text_hash(t, mid),
                vector=np.asarray(v, np.float32).tobytes(),
            )
            for i, t, v in zip(ids, texts, vecs, strict=True)
        ]

    def store_vectors(
        self, items: Sequence[tuple[int, str]], *, progress=None, switch: bool = True
    ) -> None:
        """Embed (id, text) pairs and store their vectors (database, then index)."""
        if not items:
            return
        ids = [i for i, _ in items]
        texts = [t for _, t in items]
        vecs = self.embed(texts, progress=progress)
        with Session(self.engine) as s:
            s.execute(
                delete(Vector).where(
                    Vector.kind == self.kind,
                    Vector.ref_id.in_(ids),
                    Vector.model_id == self.encoder.model_id,
                )
            )
            s.add_all(self.vector_rows(ids, texts, vecs))
            s.execute(insert(IndexChange), change_rows(self.kind, ids, "upsert"))
            s.commit()
        self.upsert(ids, vecs, switch=switch)

    def upsert(self, ids: Sequence[int], vecs: np.ndarray, *, switch: bool = True) -> None:
        """Add or replace vectors already stored in the database; past the auto threshold the
        index is rebuilt under the other type (`switch`)."""
        with self.lock:
            self.index.add(np.asarray(ids, dtype=np.int64), vecs)
        if switch:
            self._switch_if_needed()

    def remove(self, ids: Sequence[int]) -> None:
        with self.lock:
            self.index.remove(np.asarray(ids, dtype=np.int64))
        self._switch_if_needed()

    def save(self) -> None:
        with self.lock:
            self.index.save(self.path)

    def search(
        self, query: str, *, k: int, allowed: Sequence[int] | None = None
    ) -> list[tuple[int, float]]:
        """Top-k (id, score) for a text query, in a total order (score desc, then id asc).

        Ties at the k-th place are all fetched before ordering, so pages cut from this list
        are stable from one request to the next. `allowed` restricts the ids searched.
        """
        q = self.encoder.encode_queries([query])
        fetch = k
        with self.lock:
            while True:
                scores, ids = self.index.search(q, k=fetch, allowed=allowed)
                found = int((ids[0] >= 0).sum())
                if found < fetch or k == 0 or scores[0][fetch - 1] < scores[0][k - 1]:
                    break
                fetch *= 2
        hits = [(int(i), float(s)) for i, s in zip(ids[0], scores[0], strict=True) if i >= 0]
        hits.sort(key=lambda h: (-h[1], h[0]))
        return hits[:k]
