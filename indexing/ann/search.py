"""Search helpers every backend shares: FAISS id selectors, exact top-k over a few vectors,
padding results to k, and FAISS's thread count for one call."""

from __future__ import annotations

from contextlib import contextmanager

import faiss
import numpy as np


@contextmanager
def omp_threads(n: int | None):
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


class BitmapSelector(faiss.IDSelectorBitmap):
    """An IDSelectorBitmap over a boolean mask; it holds the packed bits FAISS reads, so the
    buffer lives as long as the selector."""

    def __init__(self, mask: np.ndarray) -> None:
        bits = np.packbits(mask, bitorder="little")
        super().__init__(len(bits), faiss.swig_ptr(bits))  # n counts bytes
        self.bits = bits


def id_selector(ids: np.ndarray):
    """An IDSelector for a set of ids: a bitmap when the ids are bounded (record ids are),
    which is built and checked far faster than a hash set of many ids; else IDSelectorBatch."""
    hi = int(ids.max()) + 1 if len(ids) else 1
    if hi > max(1 << 23, 64 * len(ids)):
        return faiss.IDSelectorBatch(ids)
    mask = np.zeros(hi, bool)
    mask[ids] = True
    return BitmapSelector(mask)


def topk_exact(
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


def empty_results(n: int, k: int) -> tuple[np.ndarray, np.ndarray]:
    """(scores, ids) of n queries that found nothing: -inf and -1."""
    return np.full((n, max(k, 0)), -np.inf, np.float32), np.full((n, max(k, 0)), -1)


def pad_results(scores: np.ndarray, ids: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Results widened to k columns; a missing slot has id -1 and score -inf."""
    n = len(ids)
    if ids.shape[1] < k:
        pad = k - ids.shape[1]
        scores = np.hstack([scores, np.full((n, pad), -np.inf, np.float32)])
        ids = np.hstack([ids, np.full((n, pad), -1, np.int64)])
    scores = np.where(ids < 0, -np.inf, scores).astype(np.float32)
    return scores, ids.astype(np.int64)
