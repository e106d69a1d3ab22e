"""Search entities that have several labels (occupations: preferred + alternative titles).

Every label is embedded; an entity scores the best of its labels (max-pooling), and a query
that equals a label exactly (case-insensitive) ranks that entity first. When the same text is
one entity's preferred label and another's alternative label ("accountant"), the preferred one
ranks first.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from indexing.ann.contract import VectorIndex
from indexing.ann.factory import load_index, new_index
from indexing.ann.manifest import IndexMismatchError
from indexing.encoder import Encoder


@dataclass(frozen=True)
class LabelHit:
    entity_id: int
    score: float
    matched_label: str
    label_kind: str  # "preferred" | "alternative"


class LabelIndex:
    def __init__(
        self, entities: Sequence[tuple[int, str, Sequence[str]]], encoder: Encoder
    ) -> None:
        """`entities`: (id, preferred label, alternative labels)."""
        self.encoder = encoder
        self._labels: list[tuple[int, str, str]] = []
        for eid, pref, alts in entities:
            self._labels.append((eid, pref, "preferred"))
            self._labels.extend((eid, a, "alternative") for a in alts if a and a != pref)
        # lowered text -> its labels, preferred labels first (the tie rule)
        self._exact: dict[str, list[int]] = {}
        for i, (_eid, text, _kind) in enumerate(self._labels):
            self._exact.setdefault(text.lower().strip(), []).append(i)
        for ids in self._exact.values():
            ids.sort(key=lambda i: self._labels[i][2] != "preferred")
        self.index: VectorIndex | None = None

    def __len__(self) -> int:
        return len(self._labels)

    def build(
        self,
        progress: Callable[[int], None] | None = None,
        batch_size: int = 64,
        *,
        encoder: Encoder | None = None,
    ) -> None:
        """Embed every label; `encoder`: what embeds them, when not the index's own (shipped
        vectors at a build)."""
        vecs = (encoder or self.encoder).encode_documents(
            [t for _e, t, _k in self._labels], batch_size=batch_size, progress=progress
        )
        index = new_index(self.encoder.dim, model_id=self.encoder.model_id)
        index.add(np.arange(len(self._labels), dtype=np.int64), vecs)
        self.index = index

    def save(self, path: str | Path) -> None:
        if self.index is None:
            raise RuntimeError("build() or load() first")
        self.index.save(path)

    def load(self, path: str | Path) -> None:
        """Load vectors saved by save(); refuses a manifest that does not fit these labels."""
        self.index = load_index(
            path, model_id=self.encoder.model_id, dim=self.encoder.dim, count=len(self._labels)
        )
        if not np.array_equal(np.sort(self.index.ids), np.arange(len(self._labels))):
            raise IndexMismatchError(f"refusing index {path}: label ids do not match")

    def label(self, label_id: int) -> tuple[int, str, str]:
        """(entity id, text, kind) of one label."""
        return self._labels[label_id]

    def exact(self, query: str) -> list[int]:
        """The labels equal to `query` (case-insensitive), preferred labels first."""
        return self._exact.get(query.lower().strip(), [])

    def label_hits(self, vectors: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """(scores, label ids) of the k nearest labels of each query vector (-1 pads)."""
        if self.index is None:
            raise RuntimeError("build() or load() first")
        return self.index.search(vectors, k=min(k, len(self._labels)))

    def search(self, query: str, k: int = 10) -> list[LabelHit]:
        return self.search_many([query], k=k)[0]

    def search_many(self, queries: Sequence[str], k: int = 10) -> list[list[LabelHit]]:
        """Top-k entities for each query, best first, with one encoder call for all of them.
        A query equal to a label (case-insensitive) ranks that label's entity first (score 1)."""
        if self.index is None:
            raise RuntimeError("build() or load() first")
        queries = list(queries)
        if not queries:
            return []
        vecs = self.encoder.encode_queries(queries)
        scores, ids = self.index.search(vecs, k=max(50, 8 * k))
        out = []
        for query, row_scores, row_ids in zip(queries, scores, ids, strict=True):
            best: dict[int, LabelHit] = {}
            for rank, lid in enumerate(self.exact(query)):
                eid, text, kind = self._labels[lid]
                # equal texts: preferred labels first, then in label order (ties keep order)
                best.setdefault(eid, LabelHit(eid, 1.0 - 1e-6 * rank, text, kind))
            for score, lid in zip(row_scores.tolist(), row_ids.tolist(), strict=True):
                if lid < 0:
                    continue
                eid, text, kind = self._labels[lid]
                if eid not in best or best[eid].score < score:
                    best[eid] = LabelHit(eid, float(score), text, kind)
            out.append(sorted(best.values(), key=lambda h: -h.score)[:k])
        return out
