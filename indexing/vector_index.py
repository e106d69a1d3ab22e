"""FAISS index with external int64 ids, a manifest beside it, and atomic saves."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import asdict, dataclass, replace
from pathlib import Path

import faiss
import numpy as np

from indexing.encoder import normalize_rows

INDEX_TYPES = ("flat", "hnsw")


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


class VectorIndex:
    """Inner-product search over normalised vectors keyed by caller ids.

    `flat` is exact and supports remove; `hnsw` is approximate and removes by rebuilding
    from the vectors it keeps (HNSW cannot delete in place).
    """

    def __init__(
        self,
        dim: int,
        *,
        model_id: str,
        index_type: str = "flat",
        hnsw_m: int = 32,
        ef_search: int = 128,
    ) -> None:
        if index_type not in INDEX_TYPES:
            raise ValueError(f"index_type must be one of {INDEX_TYPES}, got {index_type!r}")
        self.dim = dim
        self.model_id = model_id
        self.index_type = index_type
        self._hnsw_m = hnsw_m
        self._ef_search = ef_search
        self._version = 0
        self.change_id = 0
        self._index = self._new_index()
        # HNSW keeps a copy for removal by rebuild; flat answers reconstruct() itself.
        self._store: dict[int, np.ndarray] = {}

    def _new_index(self):
        if self.index_type == "flat":
            return faiss.IndexIDMap2(faiss.IndexFlatIP(self.dim))
        base = faiss.IndexHNSWFlat(self.dim, self._hnsw_m, faiss.METRIC_INNER_PRODUCT)
        base.hnsw.efSearch = self._ef_search
        return faiss.IndexIDMap2(base)

    def __len__(self) -> int:
        return int(self._index.ntotal)

    @property
    def ids(self) -> np.ndarray:
        return faiss.vector_to_array(self._index.id_map).astype(np.int64)

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
        existing = np.intersect1d(ids, self.ids)
        if len(existing):
            self.remove(existing)
        self._index.add_with_ids(vectors, ids)
        if self.index_type == "hnsw":
            for i, v in zip(ids.tolist(), vectors, strict=True):
                self._store[i] = v

    def remove(self, ids) -> int:
        """Remove ids; returns how many were present."""
        ids = np.asarray(ids, dtype=np.int64).reshape(-1)
        if self.index_type == "flat":
            return int(self._index.remove_ids(faiss.IDSelectorBatch(ids)))
        gone = [i for i in ids.tolist() if self._store.pop(i, None) is not None]
        if gone:
            self._rebuild_from_store()
        return len(gone)

    def _rebuild_from_store(self) -> None:
        self._index = self._new_index()
        if self._store:
            keys = np.fromiter(self._store.keys(), dtype=np.int64)
            self._index.add_with_ids(np.stack([self._store[k] for k in keys.tolist()]), keys)

    def search(
        self, queries: np.ndarray, k: int = 10, *, allowed=None
    ) -> tuple[np.ndarray, np.ndarray]:
        """Return (scores, ids), each (n_queries, k); missing slots have id -1 and score -inf.

        `allowed` (ids) restricts the search to those ids, inside FAISS (an IDSelector).
        """
        queries = self._check(np.atleast_2d(queries))
        n = len(queries)
        empty = (np.full((n, max(k, 0)), -np.inf, np.float32), np.full((n, max(k, 0)), -1))
        if len(self) == 0 or k <= 0:
            return empty
        params = None
        if allowed is not None:
            allowed = np.asarray(allowed, dtype=np.int64).reshape(-1)
            if len(allowed) == 0:
                return empty
            selector = faiss.IDSelectorBatch(allowed)
            if self.index_type == "hnsw":
                params = faiss.SearchParametersHNSW(sel=selector, efSearch=max(self._ef_search, k))
            else:
                params = faiss.SearchParameters(sel=selector)
        scores, ids = self._index.search(queries, min(k, len(self)), params=params)
        if ids.shape[1] < k:
            pad = k - ids.shape[1]
            scores = np.hstack([scores, np.full((n, pad), -np.inf, np.float32)])
            ids = np.hstack([ids, np.full((n, pad), -1, np.int64)])
        scores = np.where(ids < 0, -np.inf, scores).astype(np.float32)
        return scores, ids.astype(np.int64)

    def vectors(self) -> tuple[np.ndarray, np.ndarray]:
        """All (ids, vectors) at once, in insertion order (a copy)."""
        if self.index_type == "hnsw":
            ids = np.fromiter(self._store.keys(), dtype=np.int64, count=len(self._store))
            vecs = np.stack(list(self._store.values())) if len(ids) else np.zeros((0, self.dim))
            return ids, vecs.astype(np.float32)
        flat = faiss.downcast_index(self._index.index)
        vecs = faiss.vector_to_array(flat.codes).view(np.float32).reshape(-1, self.dim)
        return self.ids, vecs.copy()

    def reconstruct(self, id_: int) -> np.ndarray:
        if self.index_type == "hnsw":
            return self._store[int(id_)].copy()
        return self._index.reconstruct(int(id_))

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
        """Write `path` and `path.manifest.json`, each atomically (temp file, then os.replace)."""
        path = Path(path)
        self._version += 1
        index = self._index
        if self.index_type == "hnsw":  # keep vectors for later removal: save a flat twin
            index = faiss.IndexIDMap2(faiss.IndexFlatIP(self.dim))
            if self._store:
                keys = np.fromiter(self._store.keys(), dtype=np.int64)
                index.add_with_ids(np.stack([self._store[k] for k in keys.tolist()]), keys)
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
    ) -> VectorIndex:
        """Load a saved index, refusing one whose manifest disagrees with what is expected."""
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
        if problems:
            raise IndexMismatchError(f"refusing index {path}: " + "; ".join(problems))
        data = path.read_bytes()
        if m.sha256 and hashlib.sha256(data).hexdigest() != m.sha256:
            raise IndexMismatchError(f"refusing index {path}: its checksum is not the manifest's")
        flat = faiss.deserialize_index(np.frombuffer(data, dtype=np.uint8))
        if flat.ntotal != m.count or flat.d != m.dim:
            raise IndexMismatchError(
                f"refusing index {path}: file holds {flat.ntotal}x{flat.d}, manifest says "
                f"{m.count}x{m.dim}"
            )
        idx = cls(m.dim, model_id=m.model_id, index_type=m.index_type)
        idx._version = m.version
        idx.change_id = m.change_id
        if m.index_type == "flat":
            idx._index = flat
        elif flat.ntotal:
            ids = faiss.vector_to_array(flat.id_map).astype(np.int64)
            vecs = np.stack([flat.reconstruct(int(i)) for i in ids])
            idx._store = dict(zip(ids.tolist(), vecs, strict=True))
            idx._rebuild_from_store()
        return idx


def manifest_path(path: str | os.PathLike) -> Path:
    path = Path(path)
    return path.with_name(path.name + ".manifest.json")


def read_manifest(path: str | os.PathLike) -> IndexManifest | None:
    mpath = manifest_path(path)
    if not mpath.exists():
        return None
    return IndexManifest(**json.loads(mpath.read_text()))
