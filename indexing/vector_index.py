"""FAISS index with external int64 ids, a manifest beside it, and atomic saves.

Three index types, one contract (add / remove / search with an `allowed` filter / save / load):

- `flat`: exact. `IndexIDMap2(IndexFlatIP)`. Removal is `remove_ids`: the vector leaves memory
  at once and the next save no longer holds it.
- `ivf`: approximate, `IndexIVFFlat` (inner product) holding the ids itself, with a hashtable
  direct map for reconstruct and removal. The coarse quantizer is trained once, on the first
  add (a rebuild retrains). Removal is `remove_ids`: the entry leaves its inverted list at once,
  so erasure is immediate in memory and in the next save. IVF is not wrapped in IDMap2:
  `IndexIDMap2(IndexIVF).remove_ids` compacts the id map while the IVF keeps its old internal
  ids, so later searches return the wrong ids (checked with faiss 1.15.1).
- `hnsw`: approximate, `IndexIDMap2(IndexHNSWFlat)`. HNSW cannot delete in place: a removed
  vector's bytes are overwritten with zeros at once (erased from memory and from the next
  save), its id slot is set to -1 and its graph node stays as a tombstone that searches skip;
  once tombstones pass `HNSW_COMPACT_SHARE` of the index it is rebuilt from the live vectors.

Filtered search (`allowed`) runs inside FAISS through an IDSelector; for `ivf` and `hnsw`, when
the allowed set is small (`exact_filter_max`, 2,000) the allowed vectors are scored exactly instead,
and for larger sets nprobe / efSearch grow as the allowed share shrinks, so filtered results
keep their recall. Which allowed ids the index holds is found with a bitmap of the allowed ids
read at each stored id, so a filter of half a million ids costs milliseconds, not a sort.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import tempfile
from contextlib import contextmanager
from dataclasses import asdict, dataclass, replace
from pathlib import Path

import faiss
import numpy as np

from indexing.encoder import normalize_rows

INDEX_TYPES = ("flat", "ivf", "hnsw")
INDEX_SETTINGS = ("auto", *INDEX_TYPES)
AUTO_LARGE_TYPE = "ivf"  # what `auto` picks at and above the threshold (see README, Scale)
HNSW_COMPACT_SHARE = 0.2  # rebuild an HNSW index once this share of its slots are tombstones


def resolve_index_type(setting: str, n: int, *, threshold: int, current: str | None = None) -> str:
    """The index type for `n` vectors: the setting itself, or for `auto` Flat below `threshold`
    and AUTO_LARGE_TYPE at or above it. An index that is already large stays large until it
    falls under half the threshold, so a collection near the line does not flip at each rebuild.
    """
    if setting not in INDEX_SETTINGS:
        raise ValueError(f"index type must be one of {INDEX_SETTINGS}, got {setting!r}")
    if setting != "auto":
        return setting
    if current == AUTO_LARGE_TYPE and n >= threshold // 2:
        return AUTO_LARGE_TYPE
    return AUTO_LARGE_TYPE if n >= threshold else "flat"


def default_nlist(n: int) -> int:
    """IVF lists for n vectors: about 2 sqrt(n), a power of two (2,048 at 1M, 512 at 50k),
    with at least 39 training points a list."""
    if n <= 0:
        return 1
    target = 2 ** round(math.log2(max(1.0, 2 * math.sqrt(n))))
    return int(max(1, min(target, n // 39)))


@contextmanager
def _threads(n: int | None):
    """FAISS's OpenMP threads for the block (None: unchanged). OpenMP keeps the setting per
    calling thread, so concurrent request threads do not see each other's."""
    if n is None:
        yield
        return
    before = faiss.omp_get_max_threads()
    faiss.omp_set_num_threads(n)
    try:
        yield
    finally:
        faiss.omp_set_num_threads(before)


class IndexMismatchError(RuntimeError):
    """A saved index does not fit what the caller expects (model, dim, normalisation, count)."""


@dataclass(frozen=True)
class IndexManifest:
    model_id: str
    dim: int
    normalized: bool
    count: int
    index_type: str
    faiss_version: str
    version: int = 1  # bumps on every save
    change_id: int = 0  # the caller's high-water mark of changes this index holds
    sha256: str = ""  # of the index file: a torn or mismatched pair is never loaded

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=2, sort_keys=True)


def _atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def _topk_exact(
    queries: np.ndarray, ids: np.ndarray, vecs: np.ndarray, k: int
) -> tuple[np.ndarray, np.ndarray]:
    """Brute-force top-k by inner product (score desc, then id asc)."""
    n = len(queries)
    if len(ids) == 0:
        return np.full((n, k), -np.inf, np.float32), np.full((n, k), -1, np.int64)
    sims = queries @ vecs.T
    kk = min(k, len(ids))
    if kk < len(ids):
        part = np.argpartition(-sims, kk - 1, axis=1)[:, :kk]
    else:
        part = np.broadcast_to(np.arange(len(ids)), (n, len(ids)))
    top = np.take_along_axis(sims, part, 1)
    top_ids = ids[part]
    order = np.lexsort((top_ids, -top), axis=1)
    return np.take_along_axis(top, order, 1), np.take_along_axis(top_ids, order, 1)


def id_selector(ids: np.ndarray):
    """An IDSelector for a set of ids: a bitmap when the ids are bounded (record ids are),
    which is built and checked far faster than a hash set of many ids; else IDSelectorBatch."""
    hi = int(ids.max()) + 1 if len(ids) else 1
    if hi > max(1 << 23, 64 * len(ids)):
        return faiss.IDSelectorBatch(ids)
    mask = np.zeros(hi, bool)
    mask[ids] = True
    bits = np.packbits(mask, bitorder="little")
    sel = faiss.IDSelectorBitmap(len(bits), faiss.swig_ptr(bits))  # n counts bytes
    sel._bits = bits  # keep the buffer alive as long as the selector
    return sel


class VectorIndex:
    """Inner-product search over normalised vectors keyed by non-negative int64 caller ids.

    See the module docstring for how each type (`flat`, `ivf`, `hnsw`) adds, removes and filters.
    """

    def __init__(
        self,
        dim: int,
        *,
        model_id: str,
        index_type: str = "flat",
        hnsw_m: int = 32,
        ef_search: int = 128,
        ef_construction: int = 40,
        nlist: int = 0,
        nprobe: int = 40,
        exact_filter_max: int = 2_000,
    ) -> None:
        if index_type not in INDEX_TYPES:
            raise ValueError(f"index_type must be one of {INDEX_TYPES}, got {index_type!r}")
        self.dim = dim
        self.model_id = model_id
        self.index_type = index_type
        self._hnsw_m = hnsw_m
        self._ef_search = ef_search
        self._ef_construction = ef_construction
        self._nlist = nlist  # 0: default_nlist(n) at the first add
        self.nprobe = nprobe
        self.exact_filter_max = exact_filter_max
        self._version = 0
        self.change_id = 0
        self._dead = 0  # hnsw tombstones
        self._cache: dict[str, object] = {}
        self._index = self._new_index()

    # ------------------------------------------------------------------ construction

    def _new_index(self):
        if self.index_type == "flat":
            return faiss.IndexIDMap2(faiss.IndexFlatIP(self.dim))
        if self.index_type == "hnsw":
            base = faiss.IndexHNSWFlat(self.dim, self._hnsw_m, faiss.METRIC_INNER_PRODUCT)
            base.hnsw.efSearch = self._ef_search
            base.hnsw.efConstruction = self._ef_construction
            return faiss.IndexIDMap2(base)
        return None  # ivf: made and trained on the first add, when there is data to train on

    def _train_ivf(self, vectors: np.ndarray) -> None:
        n = len(vectors)
        nlist = max(1, min(self._nlist or default_nlist(n), n))
        quantizer = faiss.IndexFlatIP(self.dim)
        ivf = faiss.IndexIVFFlat(quantizer, self.dim, nlist, faiss.METRIC_INNER_PRODUCT)
        ivf.cp.niter = 10
        ivf.cp.seed = 1234
        sample = vectors
        if n > 40 * nlist:  # k-means on a sample: 40 points a centroid is plenty
            rng = np.random.default_rng(1234)
            sample = vectors[np.sort(rng.choice(n, 40 * nlist, replace=False))]
        ivf.train(np.ascontiguousarray(sample))
        ivf.set_direct_map_type(faiss.DirectMap.Hashtable)
        ivf.nprobe = self.nprobe
        self._index = ivf
        self._index_quantizer = quantizer  # keep the Python object alive with the index

    def _changed(self) -> None:
        self._cache.clear()

    # ------------------------------------------------------------------ views of the data

    @property
    def nlist(self) -> int:
        return int(self._index.nlist) if self.index_type == "ivf" and self._index else 0

    def __len__(self) -> int:
        if self._index is None:
            return 0
        return int(self._index.ntotal) - self._dead

    def _id_map(self) -> np.ndarray:
        """flat/hnsw: the id of each internal slot (-1: an hnsw tombstone); a live view."""
        n = int(self._index.ntotal)
        if n == 0:
            return np.zeros(0, np.int64)
        return faiss.rev_swig_ptr(self._index.id_map.data(), n)

    def _hnsw_xb(self) -> np.ndarray:
        """hnsw: the stored vectors, one row per internal slot; a live, writable view."""
        storage = faiss.downcast_index(faiss.downcast_index(self._index.index).storage)
        n = int(storage.ntotal)
        if n == 0:
            return np.zeros((0, self.dim), np.float32)
        return faiss.rev_swig_ptr(storage.get_xb(), n * self.dim).reshape(n, self.dim)

    def _ivf_lists(self):
        invlists = self._index.invlists
        for lst in range(self._index.nlist):
            size = invlists.list_size(lst)
            if size:
                yield lst, size, invlists

    @property
    def ids(self) -> np.ndarray:
        if self._index is None:
            return np.zeros(0, np.int64)
        if self.index_type == "flat":
            return self._id_map().astype(np.int64)
        if self.index_type == "hnsw":
            m = self._id_map()
            return m[m >= 0].astype(np.int64)
        lists = self._ivf_lists()
        parts = [faiss.rev_swig_ptr(inv.get_ids(lst), n).copy() for lst, n, inv in lists]
        return np.concatenate(parts).astype(np.int64) if parts else np.zeros(0, np.int64)

    def _sorted_ids(self) -> tuple[np.ndarray, np.ndarray | None]:
        """(sorted ids, their internal slots or None); cached until the next change."""
        if "sorted" not in self._cache:
            if self.index_type == "ivf":
                self._cache["sorted"] = (np.sort(self.ids), None)
            else:
                m = self._id_map()
                slots = np.flatnonzero(m >= 0)
                order = np.argsort(m[slots], kind="stable")
                self._cache["sorted"] = (m[slots][order].astype(np.int64), slots[order])
        return self._cache["sorted"]  # type: ignore[return-value]

    def _present(self, ids: np.ndarray) -> tuple[np.ndarray, np.ndarray | None]:
        """The given ids that the index holds (sorted, unique), and their slots (flat/hnsw)."""
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
        if self.index_type == "ivf":
            return present, self._index.reconstruct_batch(present)
        if self.index_type == "hnsw":
            return present, self._hnsw_xb()[slots]
        return present, np.stack([self._index.reconstruct(int(i)) for i in present])

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
        if self._index is None:
            self._train_ivf(vectors)
        elif len(self):
            existing = self._present(ids)[0]
            if len(existing):
                self.remove(existing)
        self._index.add_with_ids(vectors, ids)
        self._changed()

    def remove(self, ids) -> int:
        """Remove ids; returns how many were present. See the module docstring for erasure."""
        ids = np.asarray(ids, dtype=np.int64).reshape(-1)
        if self._index is None or not len(ids) or not len(self):
            return 0
        if self.index_type == "flat":
            gone = int(self._index.remove_ids(faiss.IDSelectorBatch(ids)))
        elif self.index_type == "ivf":
            present = self._present(ids)[0]
            if not len(present):
                return 0
            sel = faiss.IDSelectorArray(len(present), faiss.swig_ptr(present))
            gone = int(self._index.remove_ids(sel))
        else:
            present, slots = self._present(ids)
            if not len(present):
                return 0
            self._hnsw_xb()[slots] = 0.0  # erase the vectors; the graph nodes become tombstones
            self._id_map()[slots] = -1
            self._dead += len(slots)
            gone = len(slots)
            if self._dead >= HNSW_COMPACT_SHARE * self._index.ntotal:
                self.compact()
        self._changed()
        return gone

    def compact(self) -> None:
        """hnsw: rebuild the graph from the live vectors, dropping every tombstone."""
        if self.index_type != "hnsw" or not self._dead:
            return
        ids, vecs = self.vectors()
        self._index = self._new_index()
        self._dead = 0
        if len(ids):
            self._index.add_with_ids(vecs, ids)
        self._changed()

    # ------------------------------------------------------------------ search

    def _live_bitmap(self, slots: np.ndarray | None = None):
        """hnsw: an IDSelectorBitmap over internal slots (the given ones, else every live one)."""
        n = int(self._index.ntotal)
        mask = np.zeros(n, bool)
        if slots is None:
            mask[self._id_map() >= 0] = True
        else:
            mask[slots] = True
        bits = np.packbits(mask, bitorder="little")
        sel = faiss.IDSelectorBitmap(len(bits), faiss.swig_ptr(bits))
        sel._bits = bits  # keep the buffer alive as long as the selector
        return sel

    def search(
        self, queries: np.ndarray, k: int = 10, *, allowed=None
    ) -> tuple[np.ndarray, np.ndarray]:
        """Return (scores, ids), each (n_queries, k); missing slots have id -1 and score -inf.

        `allowed` (ids) restricts the search to those ids: inside FAISS through an IDSelector,
        or for approximate types and small allowed sets by scoring exactly the allowed vectors.
        """
        queries = self._check(np.atleast_2d(queries))
        n = len(queries)
        empty = (np.full((n, max(k, 0)), -np.inf, np.float32), np.full((n, max(k, 0)), -1))
        if len(self) == 0 or k <= 0:
            return empty
        kk = min(k, len(self))
        share = 1.0
        if allowed is not None:
            allowed = np.asarray(allowed, dtype=np.int64).reshape(-1)
            if len(allowed) == 0:
                return empty
            if self.index_type != "flat":
                present, slots = self._present_among(allowed)
                if len(present) == 0:
                    return empty
                if len(present) <= self.exact_filter_max:
                    scores, ids = _topk_exact(queries, *self._gather(present), k)
                    return self._pad(scores, ids, k)
                share = len(present) / len(self)
        # one query: FAISS parallelises over queries, so a second OpenMP thread only waits at
        # the barrier; on busy cores that wait is the tail (flat was 4x slower at 100k)
        with _threads(1 if n == 1 else None):
            if self.index_type == "flat":
                params = (
                    faiss.SearchParameters(sel=id_selector(allowed))
                    if allowed is not None
                    else None
                )
                scores, ids = self._index.search(queries, kk, params=params)
            elif self.index_type == "ivf":
                # a filter leaves fewer candidates in each list: probe more lists as it narrows
                nprobe = min(self._index.nlist, math.ceil(self.nprobe / math.sqrt(share)))
                sel = id_selector(allowed) if allowed is not None else None
                params = faiss.SearchParametersIVF(sel=sel, nprobe=nprobe)
                scores, ids = self._index.search(queries, kk, params=params)
            else:
                ef = max(self._ef_search, kk)
                sel = None
                if allowed is not None:
                    sel = self._live_bitmap(slots)
                    ef = max(kk, min(len(self), math.ceil(ef / math.sqrt(share))))
                elif self._dead:
                    sel = self._cache.get("live") or self._live_bitmap()
                    self._cache["live"] = sel
                params = faiss.SearchParametersHNSW(sel=sel, efSearch=ef)
                hnsw = faiss.downcast_index(self._index.index)
                scores, slots_found = hnsw.search(queries, kk, params=params)
                id_map = self._id_map()
                ids = np.where(slots_found >= 0, id_map[np.maximum(slots_found, 0)], -1)
        return self._pad(scores, ids, k)

    @staticmethod
    def _pad(scores: np.ndarray, ids: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        n = len(ids)
        if ids.shape[1] < k:
            pad = k - ids.shape[1]
            scores = np.hstack([scores, np.full((n, pad), -np.inf, np.float32)])
            ids = np.hstack([ids, np.full((n, pad), -1, np.int64)])
        scores = np.where(ids < 0, -np.inf, scores).astype(np.float32)
        return scores, ids.astype(np.int64)

    # ------------------------------------------------------------------ vectors out

    def vectors(self) -> tuple[np.ndarray, np.ndarray]:
        """All (ids, vectors) at once (a copy); flat and hnsw in insertion order."""
        if self._index is None or len(self) == 0:
            return np.zeros(0, np.int64), np.zeros((0, self.dim), np.float32)
        if self.index_type == "hnsw":
            m = self._id_map()
            live = m >= 0
            return m[live].astype(np.int64), self._hnsw_xb()[live].copy()
        if self.index_type == "ivf":
            ids, vecs = [], []
            for lst, size, inv in self._ivf_lists():
                ids.append(faiss.rev_swig_ptr(inv.get_ids(lst), size).copy())
                codes = faiss.rev_swig_ptr(inv.get_codes(lst), size * inv.code_size)
                vecs.append(codes.view(np.float32).reshape(size, self.dim).copy())
            return np.concatenate(ids).astype(np.int64), np.vstack(vecs)
        flat = faiss.downcast_index(self._index.index)
        vecs = faiss.vector_to_array(flat.codes).view(np.float32).reshape(-1, self.dim)
        return self.ids, vecs.copy()

    def reconstruct(self, id_: int) -> np.ndarray:
        present, vecs = self._gather(np.asarray([int(id_)], np.int64))
        if not len(present):
            raise KeyError(id_)
        return vecs[0].copy()

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

    def save(self, path: str | os.PathLike) -> IndexManifest:
        """Write `path` and `path.manifest.json`, each atomically (temp file, then os.replace).

        The file is the FAISS index itself (HNSW with its graph, IVF with its centroids), so a
        load does not rebuild; HNSW tombstones are written as zero vectors with id -1.
        """
        path = Path(path)
        self._version += 1
        index = self._index
        if index is None:  # an ivf index that never saw data: an empty flat stands in
            index = faiss.IndexIDMap2(faiss.IndexFlatIP(self.dim))
        data = faiss.serialize_index(index).tobytes()
        _atomic_write(path, data)
        manifest = replace(self.manifest(), sha256=hashlib.sha256(data).hexdigest())
        _atomic_write(manifest_path(path), manifest.to_json().encode())
        return manifest

    @classmethod
    def load(
        cls,
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
        mpath = manifest_path(path)
        if not path.exists() or not mpath.exists():
            raise FileNotFoundError(f"no index at {path} (or its manifest {mpath.name})")
        m = IndexManifest(**json.loads(mpath.read_text()))
        problems = []
        if m.model_id != model_id:
            problems.append(f"model {m.model_id!r} != expected {model_id!r}")
        if m.dim != dim:
            problems.append(f"dim {m.dim} != expected {dim}")
        if not m.normalized:
            problems.append("vectors are not normalised")
        if count is not None and m.count != count:
            problems.append(f"count {m.count} != expected {count}")
        if index_type is not None and m.index_type != index_type:
            problems.append(f"index type {m.index_type!r} != expected {index_type!r}")
        if m.index_type not in INDEX_TYPES:
            problems.append(f"unknown index type {m.index_type!r}")
        if problems:
            raise IndexMismatchError(f"refusing index {path}: " + "; ".join(problems))
        data = path.read_bytes()
        if m.sha256 and hashlib.sha256(data).hexdigest() != m.sha256:
            raise IndexMismatchError(f"refusing index {path}: its checksum is not the manifest's")
        raw = faiss.deserialize_index(np.frombuffer(data, dtype=np.uint8))
        idx = cls(m.dim, model_id=m.model_id, index_type=m.index_type, **options)
        idx._version = m.version
        idx.change_id = m.change_id
        inner = faiss.downcast_index(raw.index) if isinstance(raw, faiss.IndexIDMap2) else None
        if m.index_type == "ivf" and isinstance(raw, faiss.IndexIVFFlat):
            raw.nprobe = idx.nprobe
            idx._index = raw
        elif m.index_type == "hnsw" and isinstance(inner, faiss.IndexHNSWFlat):
            inner.hnsw.efSearch = idx._ef_search
            idx._index = raw
            idx._dead = int((idx._id_map() < 0).sum())
        elif isinstance(inner, faiss.IndexFlat):
            # flat, or an older hnsw save (a flat twin of its vectors), or an empty ivf
            if m.index_type == "flat":
                idx._index = raw
            elif raw.ntotal:
                ids = faiss.vector_to_array(raw.id_map).astype(np.int64)
                vecs = faiss.rev_swig_ptr(inner.get_xb(), raw.ntotal * m.dim).reshape(-1, m.dim)
                idx.add(ids, vecs.copy())
        else:
            raise IndexMismatchError(
                f"refusing index {path}: file holds {type(raw).__name__}, manifest says "
                f"{m.index_type!r}"
            )
        if len(idx) != m.count or raw.d != m.dim:
            raise IndexMismatchError(
                f"refusing index {path}: file holds {len(idx)}x{raw.d}, manifest says "
                f"{m.count}x{m.dim}"
            )
        return idx


def manifest_path(path: str | os.PathLike) -> Path:
    path = Path(path)
    return path.with_name(path.name + ".manifest.json")


def read_manifest(path: str | os.PathLike) -> IndexManifest | None:
    mpath = manifest_path(path)
    if not mpath.exists():
        return None
    return IndexManifest(**json.loads(mpath.read_text()))
