"""Query vectors of recently linked texts (sentences, n-grams, stated names), kept so that a text
seen again is not encoded again: the encoder is deterministic. Least recently used out first."""

from __future__ import annotations

import threading
from collections import OrderedDict

import numpy as np

from indexing.encoder import Encoder
from indexing.types import Check, unchecked


class QueryCache:
    """At most `size` query vectors (0: none kept, every call encodes)."""

    def __init__(self, encoder: Encoder, size: int) -> None:
        self.encoder = encoder
        self.size = size
        self._vecs: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._vecs)

    def clear(self) -> None:
        """Forget every kept vector."""
        with self._lock:
            self._vecs.clear()

    def vectors(
        self, texts: list[str], batch_size: int = 64, check: Check = unchecked
    ) -> np.ndarray:
        """Query vectors of distinct texts: those seen recently from the cache, the others
        encoded in one call and cached. `check` runs before encoding and after each of the
        encoder's batches."""
        check()

        def progress(_n: int) -> None:
            check()

        if self.size <= 0:
            return self.encoder.encode_queries(texts, batch_size=batch_size, progress=progress)
        with self._lock:
            cached = {t: v for t in texts if (v := self._vecs.get(t)) is not None}
            for t in cached:
                self._vecs.move_to_end(t)
        todo = [t for t in texts if t not in cached]
        if not todo:
            return np.stack([cached[t] for t in texts])
        fresh = self.encoder.encode_queries(todo, batch_size=batch_size, progress=progress)
        new = {t: v.copy() for t, v in zip(todo, fresh, strict=True)}  # not views of a batch
        with self._lock:
            self._vecs.update(new)
            while len(self._vecs) > self.size:
                self._vecs.popitem(last=False)
        if not cached:
            return fresh
        return np.stack([cached[t] if t in cached else new[t] for t in texts])
