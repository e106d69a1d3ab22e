"""One text scored against every skill (`Scored`), and the top-k picks of score vectors."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from indexing.aliases import AliasHit
from indexing.text import Span


@dataclass
class Scored:
    """One text scored against all skills."""

    text: str
    score: np.ndarray  # (n_skills,) final score
    spans: list[Span]  # the text itself first, then its n-grams and phrases
    dense: np.ndarray  # (len(spans), n_skills) dense score of each span
    vecs: np.ndarray  # (len(spans), dim) query vectors
    lexical: dict[int, AliasHit]  # skill row -> best alias hit
    # when set: the skill rows (sorted) of `dense`'s columns, which hold those skills alone
    # (a text scored on candidate skills: indexing.unit_scores)
    columns: np.ndarray | None = None

    def best_span(self, row: int) -> int:
        """Index into `spans` of the span that matches skill `row` best."""
        col = row if self.columns is None else int(np.searchsorted(self.columns, row))
        return int(np.argmax(self.dense[:, col]))


def top_k(score: np.ndarray, k: int) -> np.ndarray:
    """Rows of the k best scores, best first (ties in row order)."""
    k = min(k, len(score))
    if k <= 0:
        return np.zeros(0, dtype=np.int64)
    part = np.argpartition(-score, k - 1)[:k]
    return part[np.argsort(-score[part], kind="stable")]


def top_k_rows(score: np.ndarray, k: int) -> np.ndarray:
    """`top_k` of each row of a 2-d score matrix, as a (n_rows, min(k, n_cols)) array."""
    k = min(k, score.shape[1])
    if k <= 0:
        return np.zeros((len(score), 0), dtype=np.int64)
    if k == 1:  # stated names take the best skill only: argmax is ~100x an argpartition here
        return score.argmax(axis=1)[:, None]
    part = np.argpartition(-score, k - 1, axis=1)[:, :k]
    order = np.argsort(-np.take_along_axis(score, part, axis=1), axis=1, kind="stable")
    return np.take_along_axis(part, order, axis=1)
