"""The graph backend: `IndexIDMap2(IndexHNSWFlat)`.

HNSW cannot delete in place: a removed vector's bytes are overwritten with zeros at once (erased
from memory and from the next save), its id slot is set to -1 and its graph node stays as a
tombstone that searches skip; once tombstones pass `HNSW_COMPACT_SHARE` of the index it is
rebuilt from the live vectors. A filter raises efSearch as it narrows (ef / sqrt(share)).
"""

from __future__ import annotations

import math

import faiss
import numpy as np

from indexing.ann.contract import Allowed, VectorIndex
from indexing.ann.idmap import id_map, sorted_slots
from indexing.ann.search import BitmapSelector

HNSW_COMPACT_SHARE = 0.2  # rebuild an HNSW index once this share of its slots are tombstones


class HnswIndex(VectorIndex):
    """`hnsw_m`: graph degree; `ef_search` / `ef_construction`: HNSW's beam widths."""

    index_type = "hnsw"

    def __init__(
        self,
        dim: int,
        *,
        model_id: str,
        hnsw_m: int = 32,
        ef_search: int = 128,
        ef_construction: int = 40,
        exact_filter_max: int = 2_000,
    ) -> None:
        super().__init__(dim, model_id=model_id, exact_filter_max=exact_filter_max)
        self._hnsw_m = hnsw_m
        self._ef_search = ef_search
        self._ef_construction = ef_construction
        self._dead = 0  # tombstones
        self._index = self._new_graph()

    def _new_graph(self):
        base = faiss.IndexHNSWFlat(self.dim, self._hnsw_m, faiss.METRIC_INNER_PRODUCT)
        base.hnsw.efSearch = self._ef_search
        base.hnsw.efConstruction = self._ef_construction
        return faiss.IndexIDMap2(base)

    @property
    def hnsw_m(self) -> int:
        return self._hnsw_m

    @property
    def ef_search(self) -> int:
        return self._ef_search

    @property
    def ef_construction(self) -> int:
        return self._ef_construction

    @property
    def slots(self) -> int:
        """Graph nodes, tombstones included (len() counts the live ones)."""
        return int(self._index.ntotal)

    def __len__(self) -> int:
        return int(self._index.ntotal) - self._dead

    def stored_vectors(self) -> np.ndarray:
        """The stored vectors, one row per internal slot (zeros at tombstones); a live view."""
        storage = faiss.downcast_index(faiss.downcast_index(self._index.index).storage)
        n = int(storage.ntotal)
        if n == 0:
            return np.zeros((0, self.dim), np.float32)
        return faiss.rev_swig_ptr(storage.get_xb(), n * self.dim).reshape(n, self.dim)

    @property
    def ids(self) -> np.ndarray:
        m = id_map(self._index)
        return m[m >= 0].astype(np.int64)

    def _id_slots(self) -> tuple[np.ndarray, np.ndarray | None]:
        return sorted_slots(id_map(self._index))

    def _vectors_of(self, present: np.ndarray, slots: np.ndarray | None) -> np.ndarray:
        return self.stored_vectors()[slots]

    def _insert(self, ids: np.ndarray, vectors: np.ndarray) -> None:
        self._index.add_with_ids(vectors, ids)

    def _delete(self, ids: np.ndarray) -> int:
        present, slots = self._present(ids)
        if not len(present):
            return 0
        self.stored_vectors()[slots] = 0.0  # erase the vectors; the nodes become tombstones
        id_map(self._index)[slots] = -1
        self._dead += len(slots)
        if self._dead >= HNSW_COMPACT_SHARE * self._index.ntotal:
            self.compact()
        return len(slots)

    def compact(self) -> None:
        """Rebuild the graph from the live vectors, dropping every tombstone."""
        if not self._dead:
            return
        ids, vecs = self.vectors()
        self._index = self._new_graph()
        self._dead = 0
        if len(ids):
            self._index.add_with_ids(vecs, ids)
        self._changed()

    def _live_bitmap(self, slots: np.ndarray | None = None) -> BitmapSelector:
        """A selector over internal slots (the given ones, else every live one)."""
        mask = np.zeros(int(self._index.ntotal), bool)
        if slots is None:
            mask[id_map(self._index) >= 0] = True
        else:
            mask[slots] = True
        return BitmapSelector(mask)

    def _search(
        self, queries: np.ndarray, kk: int, allowed: Allowed | None
    ) -> tuple[np.ndarray, np.ndarray]:
        ef = max(self._ef_search, kk)
        sel = None
        if allowed is not None:
            sel = self._live_bitmap(allowed.slots)
            ef = max(kk, min(len(self), math.ceil(ef / math.sqrt(allowed.share))))
        elif self._dead:
            sel = self._cache.get("live") or self._live_bitmap()
            self._cache["live"] = sel
        params = faiss.SearchParametersHNSW(sel=sel, efSearch=ef)
        graph = faiss.downcast_index(self._index.index)
        scores, slots_found = graph.search(queries, kk, params=params)
        slot_ids = id_map(self._index)
        return scores, np.where(slots_found >= 0, slot_ids[np.maximum(slots_found, 0)], -1)

    def _all_vectors(self) -> tuple[np.ndarray, np.ndarray]:
        m = id_map(self._index)
        live = m >= 0
        return m[live].astype(np.int64), self.stored_vectors()[live].copy()

    def _saved_form(self):
        return self._index  # tombstones are written as zero vectors with id -1

    def _adopt(self, raw) -> bool:
        inner = faiss.downcast_index(raw.index) if isinstance(raw, faiss.IndexIDMap2) else None
        if not isinstance(inner, faiss.IndexHNSWFlat):
            return False
        inner.hnsw.efSearch = self._ef_search
        self._index = raw
        self._dead = int((id_map(raw) < 0).sum())
        return True
