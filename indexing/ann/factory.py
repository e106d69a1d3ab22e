"""Which backend: the registry of index types, `auto` by collection size, and building a new
index or loading a saved one (its manifest checked) of the right backend."""

from __future__ import annotations

import inspect
import os
from pathlib import Path

import faiss
import numpy as np

from indexing.ann.contract import VectorIndex
from indexing.ann.flat import FlatIndex
from indexing.ann.hnsw import HnswIndex
from indexing.ann.ivf import IvfIndex
from indexing.ann.ivfpq import IvfPqIndex
from indexing.ann.manifest import IndexMismatchError, read_saved

BACKENDS: dict[str, type[VectorIndex]] = {
    cls.index_type: cls for cls in (FlatIndex, IvfIndex, HnswIndex, IvfPqIndex)
}
INDEX_TYPES = tuple(BACKENDS)
INDEX_SETTINGS = ("auto", *INDEX_TYPES)
AUTO_LARGE_TYPE = "ivf"  # what `auto` picks at and above the threshold (see docs/scale.md)
AUTO_COMPRESSED_TYPE = "ivfpq"  # what `auto` picks past the compress threshold or the budget


def uncompressed_bytes(n: int, dim: int) -> int:
    """RAM of n vectors held whole (flat, ivf): the float32 vector and its id (8 bytes); ivf
    measured 1,563 bytes a 384-d vector against 4 x 384 + 8 = 1,544 (its lists' slack)."""
    return n * (4 * dim + 8)


def _compress(n: int, dim: int, compress_threshold: int, memory_budget: int) -> bool:
    by_size = compress_threshold > 0 and n >= compress_threshold
    return by_size or (memory_budget > 0 and uncompressed_bytes(n, dim) > memory_budget)


def resolve_index_type(
    setting: str,
    n: int,
    *,
    threshold: int,
    current: str | None = None,
    compress_threshold: int = 0,
    memory_budget: int = 0,
    dim: int = 384,
) -> str:
    """The index type for `n` vectors: the setting itself, or for `auto` Flat below `threshold`
    and AUTO_LARGE_TYPE at or above it; AUTO_COMPRESSED_TYPE from `compress_threshold` vectors
    (0: never by size) or when the vectors held whole would pass `memory_budget` bytes (0: no
    budget). An index that is already of the larger kind keeps it until it falls under half
    its line, so a collection near a line does not flip at each rebuild.
    """
    if setting not in INDEX_SETTINGS:
        raise ValueError(f"index type must be one of {INDEX_SETTINGS}, got {setting!r}")
    if setting != "auto":
        return setting
    if _compress(n, dim, compress_threshold, memory_budget):
        return AUTO_COMPRESSED_TYPE
    if current == AUTO_COMPRESSED_TYPE and _compress(2 * n, dim, compress_threshold, memory_budget):
        return AUTO_COMPRESSED_TYPE
    if current in (AUTO_LARGE_TYPE, AUTO_COMPRESSED_TYPE) and n >= threshold // 2:
        return AUTO_LARGE_TYPE
    return AUTO_LARGE_TYPE if n >= threshold else "flat"


def _options_of(cls: type[VectorIndex]) -> set[str]:
    params = inspect.signature(cls.__init__).parameters.values()
    return {p.name for p in params if p.kind is inspect.Parameter.KEYWORD_ONLY} - {"model_id"}


def new_index(dim: int, *, model_id: str, index_type: str = "flat", **options) -> VectorIndex:
    """An empty index of `index_type`. `options` may name any backend's build or search
    parameter (hnsw_m, ef_search, ef_construction, nlist, nprobe, pq_m, rerank, train_min,
    spill_dir, exact_filter_max): each
    backend takes its own, so one settings dict serves every type."""
    if index_type not in BACKENDS:
        raise ValueError(f"index_type must be one of {INDEX_TYPES}, got {index_type!r}")
    known = set().union(*(_options_of(c) for c in BACKENDS.values()))
    unknown = sorted(set(options) - known)
    if unknown:
        raise TypeError(f"unknown index option(s) {unknown}; known: {sorted(known)}")
    cls = BACKENDS[index_type]
    own = _options_of(cls)
    return cls(dim, model_id=model_id, **{k: v for k, v in options.items() if k in own})


def load_index(
    path: str | os.PathLike,
    *,
    model_id: str,
    dim: int,
    count: int | None = None,
    index_type: str | None = None,
    **options,
) -> VectorIndex:
    """Load a saved index, refusing one whose manifest disagrees with what is expected.

    `options` (nprobe, ef_search, exact_filter_max, ...) set the search parameters.
    """
    path = Path(path)
    expected = {"model_id": model_id, "dim": dim, "count": count, "index_type": index_type}
    mapped = [t for t, cls in BACKENDS.items() if cls.maps_saved_file]
    m, data = read_saved(path, **expected, known_types=INDEX_TYPES, mapped_types=mapped)
    idx = new_index(m.dim, model_id=m.model_id, index_type=m.index_type, **options)
    if data is None:
        if not idx.open_saved(path, m):
            raise IndexMismatchError(f"refusing index {path}: not a {m.index_type!r} file")
        if len(idx) != m.count:
            raise IndexMismatchError(
                f"refusing index {path}: file holds {len(idx)}, manifest says {m.count}"
            )
        return idx
    raw = faiss.deserialize_index(np.frombuffer(data, dtype=np.uint8))
    if not idx.restore(raw, m):
        raise IndexMismatchError(
            f"refusing index {path}: file holds {type(raw).__name__}, manifest says "
            f"{m.index_type!r}"
        )
    if len(idx) != m.count or raw.d != m.dim:
        raise IndexMismatchError(
            f"refusing index {path}: file holds {len(idx)}x{raw.d}, manifest says {m.count}x{m.dim}"
        )
    return idx
