"""Query vectors of recently linked texts (sentences, n-grams, stated names), kept so that a text
seen again is not encoded again: the encoder is deterministic. Least recently used out first.

Texts are keyed as the encoder reads them (`indexing.encoder.query_key`: for the uncased
packaged model "Python" and "python", "data  analysis" and "data analysis" are one key, one
vector), so a call encodes each key once. Besides the recent texts the cache may hold a fixed
vocabulary (`set_vocabulary`: the taxonomy's label words, `indexing.vocabulary`), encoded with
the same encoder when the indexes were built: those keys are never encoded by a call, never
evicted, and `clear()` keeps them (they are index data, like the label vectors)."""

from __future__ import annotations

import threading
from collections import OrderedDict

import numpy as np

from indexing.encoder import Encoder, query_key
from indexing.types import Check, unchecked


class QueryCache:
    """At most `size` query vectors of recent texts (0: none kept), plus the vocabulary."""

    def __init__(
        self, encoder: Encoder, size: int, *, vocabulary_of: QueryCache | None = None
    ) -> None:
        """`vocabulary_of`: another cache whose vocabulary this one serves as its own (its
        vectors, as they are when a call comes: the short spans' cache of
        `indexing.short_encoder` reads the linker's)."""
        self.encoder = encoder
        self.size = size
        self._vecs: OrderedDict[str, np.ndarray] = OrderedDict()
        self._vocab: dict[str, int] = {}
        self._vocab_vecs = np.zeros((0, 0), np.float32)
        self._vocabulary_of = vocabulary_of
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._vecs)

    def clear(self) -> None:
        """Forget every vector of a recent text (the vocabulary stays)."""
        with self._lock:
            self._vecs.clear()

    def set_vocabulary(self, texts: list[str], vecs: np.ndarray) -> None:
        """Fixed texts and their vectors (rows in `texts` order), made by this encoder."""
        if len(texts) != len(vecs):
            raise ValueError(f"{len(texts)} vocabulary texts but {len(vecs)} vectors")
        self._vocab = {self.key(t): i for i, t in enumerate(texts)}
        self._vocab_vecs = np.ascontiguousarray(vecs, dtype=np.float32)

    @property
    def vocabulary_size(self) -> int:
        return len(self._vocabulary()[0])

    def _vocabulary(self) -> tuple[dict[str, int], np.ndarray]:
        owner = self._vocabulary_of or self
        return owner._vocab, owner._vocab_vecs

    def key(self, text: str) -> str:
        return query_key(self.encoder, text)

    def vectors(
        self, texts: list[str], batch_size: int = 64, check: Check = unchecked
    ) -> np.ndarray:
        """Query vectors of `texts`: those of known keys from the vocabulary or the recent
        texts, the others encoded (one text per key) in one call and kept. `check` runs before
        encoding and after each of the encoder's batches."""
        check()

        def progress(_n: int) -> None:
            check()

        keys = [self.key(t) for t in texts]
        found: dict[str, np.ndarray] = {}
        vocab, vocab_vecs = self._vocabulary()
        for k in keys:
            if (i := vocab.get(k)) is not None:
                found[k] = vocab_vecs[i]
        if self.size > 0:
            with self._lock:
                for k in keys:
                    if k not in found and (v := self._vecs.get(k)) is not None:
                        found[k] = v
                        self._vecs.move_to_end(k)
        todo: dict[str, str] = {}  # key -> its first text
        for k, t in zip(keys, texts, strict=True):
            if k not in found:
                todo.setdefault(k, t)
        if todo:
            fresh = self.encoder.encode_queries(
                list(todo.values()), batch_size=batch_size, progress=progress
            )
            new = {k: v.copy() for k, v in zip(todo, fresh, strict=True)}  # not views of a batch
            found.update(new)
            if self.size > 0:
                with self._lock:
                    self._vecs.update(new)
                    while len(self._vecs) > self.size:
                        self._vecs.popitem(last=False)
        if not keys:
            return np.zeros((0, self.encoder.dim), np.float32)
        return np.stack([found[k] for k in keys])
