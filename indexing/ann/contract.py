"""The search contract every index backend keeps: inner-product search over normalised vectors
keyed by non-negative int64 caller ids, with add / remove / search (an `allowed` filter) /
vectors / save, and the manifest written beside each save.

The shared work lives here (checking input, replacing ids on add, the exact path for small
allowed sets, padding, saving); a backend (flat.py, ivf.py, hnsw.py) implements the abstract
hooks below over its FAISS index.
"""

from __future__ import annotations

import os
from abc import ABC, abstractmethod
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

import faiss
import numpy as np

from indexing.ann.idmap import flat_twin
from indexing.ann.manifest import IndexManifest, write_saved
from indexing.ann.search import empty_results, omp_threads, pad_results, topk_exact
from indexing.encoder import normalize_rows


@dataclass(frozen=True)
class Allowed:
    """A search's filter: the allowed ids; for backends that narrow it first, those of them the
    index holds (sorted), their internal slots (None when the backend has none) and their share
    of the index."""

    ids: np.ndarray
    present: np.ndarray | None = None
    slots: np.ndarray | None = None
    share: float = 1.0


class VectorIndex(ABC):
    """Inner-product search over normalised vectors keyed by non-negative int64 caller ids.

    `exact_filter_max`: for backends with `narrows_filters`, an allowed set holding at most this
    many of the index's ids is scored exactly (numpy) instead of through FAISS.
    """

    index_type: ClassVar[str]  # the name in manifests and settings
    narrows_filters: ClassVar[bool] = True  # find the allowed ids held before searching
    maps_saved_file: ClassVar[bool] = False  # load through open_saved (memory-maps its file)

    def __init__(self, dim: int, *, model_id: str, exact_filter_max: int = 2_000) -> None:
        self.dim = dim
        self.model_id = model_id
        self.exact_filter_max = exact_filter_max
        self.change_id = 0  # the caller's high-water mark of changes this index holds
        self._version = 0
        self._cache: dict[str, object] = {}

    # ------------------------------------------------------------------ backend hooks

    @abstractmethod
    def __len__(self) -> int:
        """How many live vectors the index holds."""

    @property
    @abstractmethod
    def ids(self) -> np.ndarray:
        """Every live id (int64)."""

    @abstractmethod
    def _id_slots(self) -> tuple[np.ndarray, np.ndarray | None]:
        """(the live ids sorted, their internal slots or None)."""

    @abstractmethod
    def _vectors_of(self, present: np.ndarray, slots: np.ndarray | None) -> np.ndarray:
        """The vectors of ids the index holds (with their slots from `_id_slots`)."""

    @abstractmethod
    def _insert(self, ids: np.ndarray, vectors: np.ndarray) -> None:
        """Add checked, normalised vectors under ids the index does not hold."""

    @abstractmethod
    def _delete(self, ids: np.ndarray) -> int:
        """Remove ids (some may be absent); how many were present."""

    @abstractmethod
    def _search(
        self, queries: np.ndarray, kk: int, allowed: Allowed | None
    ) -> tuple[np.ndarray, np.ndarray]:
        """FAISS's (scores, ids) of the kk nearest (kk <= len(self)), within `allowed`."""

    @abstractmethod
    def _all_vectors(self) -> tuple[np.ndarray, np.ndarray]:
        """(ids, vectors) of a non-empty index, a copy."""

    @abstractmethod
    def _saved_form(self):
        """The FAISS index a save writes."""

    @abstractmethod
    def _adopt(self, raw) -> bool:
        """Take over a deserialised FAISS index of this type; False when `raw` is not one."""

    def compact(self) -> None:
        """Drop what removals left behind (hnsw tombstones); a no-op where removal is at once."""
        return None

    # ------------------------------------------------------------------ views of the data

    def _changed(self) -> None:
        self._cache.clear()

    def _sorted_ids(self) -> tuple[np.ndarray, np.ndarray | None]:
        """(sorted ids, their internal slots or None); cached until the next change."""
        if "sorted" not in self._cache:
            self._cache["sorted"] = self._id_slots()
        return self._cache["sorted"]  # type: ignore[return-value]

    def _present(self, ids: np.ndarray) -> tuple[np.ndarray, np.ndarray | None]:
        """The given ids that the index holds (sorted, unique), and their slots."""
        have, slots = self._sorted_ids()
        ids = np.unique(ids)
        pos = np.searchsorted(have, ids)
        pos[pos >= len(have)] = 0
        hit = (have[pos] == ids) if len(have) else np.zeros(len(ids), bool)
        return ids[hit], (slots[pos[hit]] if slots is not None else None)

    def _present_among(self, allowed: np.ndarray) -> tuple[np.ndarray, np.ndarray | None]:
        """`_present(allowed)`, for large allowed sets through a bitmap of the allowed ids
        looked up at every id the index holds (one gather) instead of sorting and binary
        searching the allowed ids: at 1M vectors with 500k allowed, 230 ms -> a few ms."""
        hi = int(allowed.max()) + 1
        if len(allowed) <= self.exact_filter_max or hi > max(1 << 23, 64 * len(allowed)):
            return self._present(allowed)
        mask = np.zeros(hi, bool)
        mask[allowed] = True
        have, slots = self._sorted_ids()
        hit = np.zeros(len(have), bool)
        inside = have < hi
        hit[inside] = mask[have[inside]]
        return have[hit], (slots[hit] if slots is not None else None)

    def _gather(self, ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(present ids, their vectors) for the given ids."""
        present, slots = self._present(ids)
        if len(present) == 0:
            return present, np.zeros((0, self.dim), np.float32)
        return present, self._vectors_of(present, slots)

    def vectors(self) -> tuple[np.ndarray, np.ndarray]:
        """All (ids, vectors) at once (a copy); flat and hnsw in insertion order."""
        if len(self) == 0:
            return np.zeros(0, np.int64), np.zeros((0, self.dim), np.float32)
        return self._all_vectors()

    def reconstruct(self, id_: int) -> np.ndarray:
        present, vecs = self._gather(np.asarray([int(id_)], np.int64))
        if not len(present):
            raise KeyError(id_)
        return vecs[0].copy()

    # ------------------------------------------------------------------ changes

    def _check(self, vectors: np.ndarray, ids: np.ndarray | None = None) -> np.ndarray:
        vectors = np.asarray(vectors, dtype=np.float32)
        if vectors.ndim != 2 or vectors.shape[1] != self.dim:
            raise ValueError(f"vectors must have shape (n, {self.dim}), got {vectors.shape}")
        if ids is not None and len(ids) != len(vectors):
            raise ValueError(f"{len(ids)} ids for {len(vectors)} vectors")
        return normalize_rows(vectors)

    def add(self, ids, vectors: np.ndarray) -> None:
        """Add or replace vectors under the given ids."""
        ids = np.asarray(ids, dtype=np.int64).reshape(-1)
        vectors = self._check(vectors, ids)
        if len(np.unique(ids)) != len(ids):
            raise ValueError("duplicate ids in one add")
        if len(ids) and ids.min() < 0:
            raise ValueError("ids must be non-negative (-1 marks a missing result)")
        if not len(ids):
            return
        if len(self):
            existing = self._present(ids)[0]
            if len(existing):
                self.remove(existing)
        self._insert(ids, vectors)
        self._changed()

    def remove(self, ids) -> int:
        """Remove ids; returns how many were present. Each backend says how it erases."""
        ids = np.asarray(ids, dtype=np.int64).reshape(-1)
        if not len(ids) or not len(self):
            return 0
        gone = self._delete(ids)
        if gone:
            self._changed()
        return gone

    # ------------------------------------------------------------------ search

    def _narrow(self, allowed: np.ndarray) -> Allowed | None:
        """The filter of a search; None when the index holds none of the allowed ids."""
        if not self.narrows_filters:
            return Allowed(allowed)
        present, slots = self._present_among(allowed)
        if len(present) == 0:
            return None
        return Allowed(allowed, present, slots, len(present) / len(self))

    def search(
        self, queries: np.ndarray, k: int = 10, *, allowed=None
    ) -> tuple[np.ndarray, np.ndarray]:
        """Return (scores, ids), each (n_queries, k); missing slots have id -1 and score -inf.

        `allowed` (ids) restricts the search to those ids: inside FAISS through an IDSelector,
        or for approximate types and small allowed sets by scoring exactly the allowed vectors.
        """
        queries = self._check(np.atleast_2d(queries))
        n = len(queries)
        if len(self) == 0 or k <= 0:
            return empty_results(n, k)
        kk = min(k, len(self))
        narrowed = None
        if allowed is not None:
            allowed = np.asarray(allowed, dtype=np.int64).reshape(-1)
            narrowed = self._narrow(allowed) if len(allowed) else None
            if narrowed is None:
                return empty_results(n, k)
            present = narrowed.present
            if present is not None and len(present) <= self.exact_filter_max:
                scores, ids = topk_exact(queries, *self._gather(present), k)
                return pad_results(scores, ids, k)
        # one query: FAISS parallelises over queries, so a second OpenMP thread only waits at
        # the barrier; on busy cores that wait is the tail (flat was 4x slower at 100k)
        with omp_threads(1 if n == 1 else None):
            scores, ids = self._search(queries, kk, narrowed)
        return pad_results(scores, ids, k)

    # ------------------------------------------------------------------ persistence

    def manifest(self) -> IndexManifest:
        return IndexManifest(
            model_id=self.model_id,
            dim=self.dim,
            normalized=True,
            count=len(self),
            index_type=self.index_type,
            faiss_version=faiss.__version__,
            version=self._version,
            change_id=self.change_id,
        )

    def serialize(self) -> bytes:
        """The bytes a save writes: the FAISS index itself (HNSW with its graph, IVF with its
        centroids), so a load does not rebuild."""
        return faiss.serialize_index(self._saved_form()).tobytes()

    def _saved_bytes(self) -> bytes | Iterable[bytes]:
        """What a save writes: `serialize()`, or for a large backend its chunks, streamed."""
        return self.serialize()

    def _after_save(self, path: Path) -> None:
        """A backend that serves from its saved file takes the new one over (ivfpq)."""
        return None

    def save(self, path: str | os.PathLike) -> IndexManifest:
        """Write `path` and `path.manifest.json`, each atomically (temp file, then os.replace)."""
        self._version += 1
        manifest = write_saved(Path(path), self._saved_bytes(), self.manifest())
        self._after_save(Path(path))
        return manifest

    def open_saved(self, path: Path, manifest: IndexManifest) -> bool:
        """For `maps_saved_file` backends: serve from a saved file (checked against its
        manifest); False when the file is not of this type."""
        raise NotImplementedError(f"{self.index_type} loads through restore()")

    def restore(self, raw, manifest: IndexManifest) -> bool:
        """Take over a deserialised saved index and its manifest's version and change id.
        A flat twin (an older save of another type, or an empty ivf's) is re-added. False when
        `raw` is neither this type nor a flat twin."""
        self._version = manifest.version
        self.change_id = manifest.change_id
        if self._adopt(raw):
            self._changed()
            return True
        twin = flat_twin(raw)
        if twin is None:
            return False
        if len(twin[0]):
            self.add(*twin)
        return True
