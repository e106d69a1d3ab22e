"""The compressed backend for large collections: `IndexIVFPQ` codes in memory, the full vectors
on disk, memory-mapped, for an exact re-ranking of each query's short list.

In memory per vector: `pq_m` bytes of PQ code (64 for 384-d MiniLM: 6 dimensions a byte, on
the residual to the list's centroid), its id in the inverted list (8 bytes), and the id -> row
map of the full-vector store (16 bytes); plus the coarse centroids (nlist x dim floats). The
full float32 vectors (rowstore.py) are page cache, not the process's memory: a search reads
`rerank` of them. A query probes `nprobe` lists (more under a filter, as in ivf.py), takes the
`rerank` best by PQ score and returns their exact inner products, best first.

Training (coarse lists and PQ codebooks) happens on the first add that brings the index to
`train_min` vectors, on a sample (40 a list, at least 16,384); below it, searches score the
stored vectors exactly. Removal takes the id out of its list and zeroes its stored row at once;
the next save no longer holds it.

The saved file is one piece, so a save is one atomic replace: a 4 KiB JSON header, the FAISS
index (codes, lists, codebooks), the ids (sorted) and the float32 rows in that order. A load
reads the header, FAISS part and ids, and maps the rows copy-on-write.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from pathlib import Path

import faiss
import numpy as np

from indexing.ann.contract import Allowed, VectorIndex
from indexing.ann.ivf import default_nlist
from indexing.ann.manifest import IndexManifest
from indexing.ann.rowstore import RowStore
from indexing.ann.search import id_selector, topk_exact

MAGIC = b"SKMIVFPQ"
HEADER = 4096  # bytes: MAGIC, then the JSON header padded with spaces


def _align(n: int, to: int) -> int:
    return -(-n // to) * to


def pq_subquantizers(dim: int, wanted: int) -> int:
    """The largest divisor of `dim` not above `wanted` (PQ splits a vector evenly)."""
    return max(m for m in range(1, min(dim, wanted) + 1) if dim % m == 0)


class IvfPqIndex(VectorIndex):
    """`nlist` 0: default_nlist(n) when trained; `nprobe`: lists probed a query; `pq_m`: code
    bytes a vector; `rerank`: candidates re-scored exactly a query; `train_min`: vectors from
    which codes are trained; `spill_dir`: where rows added since the last save are mapped."""

    index_type = "ivfpq"
    maps_saved_file = True

    def __init__(
        self,
        dim: int,
        *,
        model_id: str,
        nlist: int = 0,
        nprobe: int = 40,
        pq_m: int = 64,
        rerank: int = 200,
        train_min: int = 10_000,
        spill_dir: str | None = None,
        exact_filter_max: int = 2_000,
    ) -> None:
        super().__init__(dim, model_id=model_id, exact_filter_max=exact_filter_max)
        self._nlist = nlist
        self.nprobe = nprobe
        self.pq_m = pq_subquantizers(dim, pq_m)
        self.rerank = rerank
        self.train_min = max(2, train_min)
        self._ivf = None  # trained IndexIVFPQ, or None: exact scan of the stored rows
        self._quantizer = None
        self._store = RowStore(dim, spill_dir=spill_dir)
        self._keys = np.zeros(0, np.int64)  # live ids, sorted
        self._slots = np.zeros(0, np.int64)  # the store row of each

    # ------------------------------------------------------------------ state

    @property
    def nlist(self) -> int:
        return int(self._ivf.nlist) if self._ivf is not None else 0

    @property
    def trained(self) -> bool:
        return self._ivf is not None

    def __len__(self) -> int:
        return len(self._keys)

    @property
    def ids(self) -> np.ndarray:
        return self._keys.copy()

    def ram_bytes(self) -> int:
        """What this index holds in process memory: codes, list ids, centroids, codebooks and
        the id -> row map (the full vectors are memory-mapped, see rowstore.py)."""
        maps = self._keys.nbytes + self._slots.nbytes
        if self._ivf is None:
            return maps
        codes = self._ivf.ntotal * (self._ivf.code_size + 8)
        centroids = self._ivf.nlist * self.dim * 4
        books = self._ivf.pq.M * self._ivf.pq.ksub * self._ivf.pq.dsub * 4
        return int(maps + codes + centroids + books)

    def _id_slots(self) -> tuple[np.ndarray, np.ndarray | None]:
        return self._keys, self._slots

    def _vectors_of(self, present: np.ndarray, slots: np.ndarray | None) -> np.ndarray:
        return self._store.rows(slots)

    def _all_vectors(self) -> tuple[np.ndarray, np.ndarray]:
        return self._keys.copy(), self._store.rows(self._slots)

    # ------------------------------------------------------------------ changes

    def _train(self) -> None:
        """Train lists and codebooks on a sample of the stored rows, then code every row."""
        n = len(self._keys)
        nlist = max(1, min(self._nlist or default_nlist(n), n // 39 or 1))
        rng = np.random.default_rng(1234)
        take = min(n, max(40 * nlist, 16_384))  # 40 a list (as ivf.py); 64 a PQ centroid
        sample = self._store.rows(np.sort(rng.choice(self._slots, take, replace=False)))
        nbits = int(min(8, max(4, math.floor(math.log2(take / 39)))))
        quantizer = faiss.IndexFlatIP(self.dim)
        ivf = faiss.IndexIVFPQ(
            quantizer, self.dim, nlist, self.pq_m, nbits, faiss.METRIC_INNER_PRODUCT
        )
        ivf.cp.niter = 10
        ivf.cp.seed = 1234
        # codebooks: `pq_m` k-means of 2^nbits centroids; 64 points a centroid and 15
        # iterations (faiss: 256 and 25) train 64 codebooks at 384-d in a fraction of the time
        # and the exact re-ranking makes up the difference
        ivf.pq.cp.max_points_per_centroid = 64
        ivf.pq.cp.niter = 15
        ivf.pq.cp.min_points_per_centroid = 8  # small samples (tests) train 4-bit codes quietly
        ivf.train(sample)
        ivf.nprobe = self.nprobe
        del sample
        for start in range(0, n, 65_536):
            part = slice(start, start + 65_536)
            ivf.add_with_ids(self._store.rows(self._slots[part]), self._keys[part])
        self._ivf, self._quantizer = ivf, quantizer  # keep the quantizer alive with the index

    def _insert(self, ids: np.ndarray, vectors: np.ndarray) -> None:
        slots = self._store.append(vectors)
        order = np.argsort(ids)  # merged into the sorted map: O(n) copies, no sort of all ids
        pos = np.searchsorted(self._keys, ids[order])
        self._keys = np.insert(self._keys, pos, ids[order])
        self._slots = np.insert(self._slots, pos, slots[order])
        if self._ivf is not None:
            self._ivf.add_with_ids(vectors, ids)
        elif len(self._keys) >= self.train_min:
            self._train()

    def _delete(self, ids: np.ndarray) -> int:
        present, slots = self._present(ids)
        if not len(present):
            return 0
        if self._ivf is not None:
            self._ivf.remove_ids(faiss.IDSelectorBatch(present))
        self._store.erase(slots)
        pos = np.searchsorted(self._keys, present)  # present: sorted, all held
        self._keys, self._slots = np.delete(self._keys, pos), np.delete(self._slots, pos)
        return len(present)

    # ------------------------------------------------------------------ search

    def _search(
        self, queries: np.ndarray, kk: int, allowed: Allowed | None
    ) -> tuple[np.ndarray, np.ndarray]:
        if self._ivf is None:  # untrained: every (allowed) stored row, exactly
            ids, slots = (allowed.present, allowed.slots) if allowed else self._id_slots()
            return topk_exact(queries, ids, self._store.rows(slots), kk)
        share = allowed.share if allowed is not None else 1.0
        nprobe = min(self._ivf.nlist, math.ceil(self.nprobe / math.sqrt(share)))
        sel = id_selector(allowed.present) if allowed is not None else None
        params = faiss.SearchParametersIVF(sel=sel, nprobe=nprobe)
        _, cand = self._ivf.search(queries, min(len(self), max(kk, self.rerank)), params=params)
        scores = np.full((len(queries), kk), -np.inf, np.float32)
        found = np.full((len(queries), kk), -1, np.int64)
        for qi, row in enumerate(cand):
            row = row[row >= 0]
            if not len(row):
                continue
            rows = self._store.rows(self._slots[np.searchsorted(self._keys, row)])
            s, i = topk_exact(queries[qi : qi + 1], row, rows, kk)
            scores[qi, : s.shape[1]], found[qi, : s.shape[1]] = s[0], i[0]
        return scores, found

    # ------------------------------------------------------------------ persistence

    def _saved_form(self):
        return self._ivf

    def _adopt(self, raw) -> bool:
        return False  # loads through open_saved: the file is more than a FAISS index

    def serialize(self) -> bytes:
        return b"".join(self._saved_bytes())

    def _layout(self) -> tuple[dict, bytes]:
        coded = b"" if self._ivf is None else faiss.serialize_index(self._ivf).tobytes()
        ids_at = _align(HEADER + len(coded), 64)
        rows_at = _align(ids_at + self._keys.nbytes, 4096)
        head = {"format": 1, "dim": self.dim, "count": len(self), "faiss_bytes": len(coded),
                "ids_offset": ids_at, "rows_offset": rows_at}  # fmt: skip
        return head, coded

    def _saved_bytes(self) -> Iterator[bytes]:
        head, coded = self._layout()
        text = MAGIC + json.dumps(head).encode()
        yield text.ljust(HEADER, b" ")
        yield coded
        yield b"\0" * (head["ids_offset"] - HEADER - len(coded))
        yield self._keys.tobytes()
        yield b"\0" * (head["rows_offset"] - head["ids_offset"] - self._keys.nbytes)
        yield from self._store.blocks(self._slots)

    def _after_save(self, path: Path) -> None:
        """Serve rows from the file just written (ids sorted, rows in that order); the rows
        added since the last save and their temporary file are dropped."""
        self._open_rows(path)

    def _open_rows(self, path: Path) -> dict | None:
        with open(path, "rb") as fh:
            first = fh.read(HEADER)
        if not first.startswith(MAGIC):
            return None
        head = json.loads(first[len(MAGIC) :].decode())
        if head.get("format") != 1 or head.get("dim") != self.dim:
            return None
        n = int(head["count"])
        self._keys = np.fromfile(path, np.int64, count=n, offset=head["ids_offset"])
        self._slots = np.arange(n, dtype=np.int64)
        self._store.adopt_file(path, head["rows_offset"], n)
        self._changed()
        return head

    def open_saved(self, path: Path, manifest: IndexManifest) -> bool:
        head = self._open_rows(path)
        if head is None:
            return False
        if np.any(np.diff(self._keys) <= 0):
            return False
        self._version, self.change_id = manifest.version, manifest.change_id
        self._ivf = None
        if head["faiss_bytes"]:
            with open(path, "rb") as fh:
                fh.seek(HEADER)
                coded = np.frombuffer(fh.read(head["faiss_bytes"]), np.uint8)
            raw = faiss.deserialize_index(coded)  # (a downcast wrapper would not own it)
            if not isinstance(raw, faiss.IndexIVFPQ) or raw.ntotal != len(self._keys):
                return False
            raw.nprobe = self.nprobe
            self._ivf = raw
        return True
