"""The inverted-file backend: `IndexIVFFlat` (inner product) holding the ids itself, with a
hashtable direct map for reconstruct and removal.

The coarse quantizer is trained once, on the first add (a rebuild retrains). Removal is
`remove_ids`: the entry leaves its inverted list at once, so erasure is immediate in memory and
in the next save. IVF is not wrapped in IDMap2: `IndexIDMap2(IndexIVF).remove_ids` compacts the
id map while the IVF keeps its old internal ids, so later searches return the wrong ids (checked
with faiss 1.15.1). A filter probes more lists as it narrows (nprobe / sqrt(allowed share)).
"""

from __future__ import annotations

import math

import faiss
import numpy as np

from indexing.ann.contract import Allowed, VectorIndex
from indexing.ann.search import id_selector


def default_nlist(n: int) -> int:
    """IVF lists for n vectors: about 2 sqrt(n), a power of two (2,048 at 1M, 512 at 50k),
    with at least 39 training points a list."""
    if n <= 0:
        return 1
    target = 2 ** round(math.log2(max(1.0, 2 * math.sqrt(n))))
    return int(max(1, min(target, n // 39)))


class IvfIndex(VectorIndex):
    """`nlist` 0: default_nlist(n) at the first add; `nprobe`: lists probed a query."""

    index_type = "ivf"

    def __init__(
        self,
        dim: int,
        *,
        model_id: str,
        nlist: int = 0,
        nprobe: int = 40,
        exact_filter_max: int = 2_000,
    ) -> None:
        super().__init__(dim, model_id=model_id, exact_filter_max=exact_filter_max)
        self._nlist = nlist
        self.nprobe = nprobe
        self._index = None  # made and trained on the first add, when there is data to train on
        self._quantizer = None

    def _train(self, vectors: np.ndarray) -> None:
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
        self._quantizer = quantizer  # keep the Python object alive with the index

    @property
    def nlist(self) -> int:
        """The inverted lists of the trained index (0 before the first add)."""
        return int(self._index.nlist) if self._index is not None else 0

    def __len__(self) -> int:
        return 0 if self._index is None else int(self._index.ntotal)

    def _lists(self):
        invlists = self._index.invlists
        for lst in range(self._index.nlist):
            size = invlists.list_size(lst)
            if size:
                yield lst, size, invlists

    @property
    def ids(self) -> np.ndarray:
        if self._index is None:
            return np.zeros(0, np.int64)
        parts = [faiss.rev_swig_ptr(inv.get_ids(lst), n).copy() for lst, n, inv in self._lists()]
        return np.concatenate(parts).astype(np.int64) if parts else np.zeros(0, np.int64)

    def _id_slots(self) -> tuple[np.ndarray, np.ndarray | None]:
        return np.sort(self.ids), None

    def _vectors_of(self, present: np.ndarray, slots: np.ndarray | None) -> np.ndarray:
        return self._index.reconstruct_batch(present)

    def _insert(self, ids: np.ndarray, vectors: np.ndarray) -> None:
        if self._index is None:
            self._train(vectors)
        self._index.add_with_ids(vectors, ids)

    def _delete(self, ids: np.ndarray) -> int:
        present = self._present(ids)[0]
        if not len(present):
            return 0
        sel = faiss.IDSelectorArray(len(present), faiss.swig_ptr(present))
        return int(self._index.remove_ids(sel))

    def _search(
        self, queries: np.ndarray, kk: int, allowed: Allowed | None
    ) -> tuple[np.ndarray, np.ndarray]:
        # a filter leaves fewer candidates in each list: probe more lists as it narrows
        share = allowed.share if allowed is not None else 1.0
        nprobe = min(self._index.nlist, math.ceil(self.nprobe / math.sqrt(share)))
        sel = id_selector(allowed.ids) if allowed is not None else None
        params = faiss.SearchParametersIVF(sel=sel, nprobe=nprobe)
        return self._index.search(queries, kk, params=params)

    def _all_vectors(self) -> tuple[np.ndarray, np.ndarray]:
        ids, vecs = [], []
        for lst, size, inv in self._lists():
            ids.append(faiss.rev_swig_ptr(inv.get_ids(lst), size).copy())
            codes = faiss.rev_swig_ptr(inv.get_codes(lst), size * inv.code_size)
            vecs.append(codes.view(np.float32).reshape(size, self.dim).copy())
        return np.concatenate(ids).astype(np.int64), np.vstack(vecs)

    def _saved_form(self):
        if self._index is None:  # never saw data: an empty flat stands in
            return faiss.IndexIDMap2(faiss.IndexFlatIP(self.dim))
        return self._index

    def _adopt(self, raw) -> bool:
        if not isinstance(raw, faiss.IndexIVFFlat):
            return False
        raw.nprobe = self.nprobe
        self._index = raw
        return True
