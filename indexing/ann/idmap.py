"""The id of each internal slot of an `IndexIDMap2` (flat and hnsw keep caller ids this way),
and an older save's flat twin read back as (ids, vectors)."""

from __future__ import annotations

import faiss
import numpy as np


def id_map(index) -> np.ndarray:
    """The id of each internal slot (-1: an hnsw tombstone); a live, writable view."""
    n = int(index.ntotal)
    if n == 0:
        return np.zeros(0, np.int64)
    return faiss.rev_swig_ptr(index.id_map.data(), n)


def sorted_slots(m: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(the live ids sorted, the slot of each) from an id map."""
    slots = np.flatnonzero(m >= 0)
    order = np.argsort(m[slots], kind="stable")
    return m[slots][order].astype(np.int64), slots[order]


def flat_inner(raw):
    """The IndexFlat inside an `IndexIDMap2(IndexFlat)`, else None."""
    inner = faiss.downcast_index(raw.index) if isinstance(raw, faiss.IndexIDMap2) else None
    return inner if isinstance(inner, faiss.IndexFlat) else None


def flat_twin(raw) -> tuple[np.ndarray, np.ndarray] | None:
    """(ids, vectors) held by an `IndexIDMap2(IndexFlat)` (an empty ivf's save, or an older
    hnsw save that held a flat twin of its vectors); None for any other index."""
    inner = flat_inner(raw)
    if inner is None:
        return None
    if not raw.ntotal:
        return np.zeros(0, np.int64), np.zeros((0, raw.d), np.float32)
    ids = faiss.vector_to_array(raw.id_map).astype(np.int64)
    vecs = faiss.rev_swig_ptr(inner.get_xb(), raw.ntotal * raw.d).reshape(-1, raw.d)
    return ids, vecs.copy()
