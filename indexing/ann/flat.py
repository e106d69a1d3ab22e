"""The exact backend: `IndexIDMap2(IndexFlatIP)`. Removal is `remove_ids`: the vector leaves
memory at once and the next save no longer holds it. A filter runs inside FAISS through an
IDSelector, which is exact, so allowed sets are never narrowed first."""

from __future__ import annotations

import faiss
import numpy as np

from indexing.ann.contract import Allowed, VectorIndex
from indexing.ann.idmap import flat_inner, id_map, sorted_slots
from indexing.ann.search import id_selector


class FlatIndex(VectorIndex):
    index_type = "flat"
    narrows_filters = False

    def __init__(self, dim: int, *, model_id: str, exact_filter_max: int = 2_000) -> None:
        super().__init__(dim, model_id=model_id, exact_filter_max=exact_filter_max)
        self._index = faiss.IndexIDMap2(faiss.IndexFlatIP(dim))

    def __len__(self) -> int:
        return int(self._index.ntotal)

    @property
    def ids(self) -> np.ndarray:
        return id_map(self._index).astype(np.int64)

    def _id_slots(self) -> tuple[np.ndarray, np.ndarray | None]:
        return sorted_slots(id_map(self._index))

    def _vectors_of(self, present: np.ndarray, slots: np.ndarray | None) -> np.ndarray:
        return np.stack([self._index.reconstruct(int(i)) for i in present])

    def _insert(self, ids: np.ndarray, vectors: np.ndarray) -> None:
        self._index.add_with_ids(vectors, ids)

    def _delete(self, ids: np.ndarray) -> int:
        return int(self._index.remove_ids(faiss.IDSelectorBatch(ids)))

    def _search(
        self, queries: np.ndarray, kk: int, allowed: Allowed | None
    ) -> tuple[np.ndarray, np.ndarray]:
        params = faiss.SearchParameters(sel=id_selector(allowed.ids)) if allowed else None
        return self._index.search(queries, kk, params=params)

    def _all_vectors(self) -> tuple[np.ndarray, np.ndarray]:
        flat = faiss.downcast_index(self._index.index)
        vecs = faiss.vector_to_array(flat.codes).view(np.float32).reshape(-1, self.dim)
        return self.ids, vecs.copy()

    def _saved_form(self):
        return self._index

    def _adopt(self, raw) -> bool:
        if flat_inner(raw) is None:
            return False
        self._index = raw
        return True
