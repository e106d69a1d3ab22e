"""Texts scored on candidate skills: the fast path of `extract` (docs/quality.md, "Extraction at
encoder speed").

`SkillLinker.score_texts` scores every span of a text (the text and its word n-grams) against
all 100k labels. Here the text's own vector is scored against all of them (one row of `dense`),
and only the skills that can make its best are scored exactly with its n-grams:

- the `candidates` best skills by the text alone (0.7 x its dense score + priors + the alias
  bonus: every score but the n-gram term, which adds at most 0.3 x 1.3),
- the skills of every alias written in the text.

A candidate's score is the exact score of `score_texts`; other skills get -inf. A unit whose
vectors were pooled in context (`indexing.span_vectors`) has its pooled rows calibrated
(`LinkerConfig.extract_pooled_*`). The tests (tests/indexing/test_extract_fast.py,
tests/indexing/test_fixtures_real.py) and the bench check that `extract` keeps the same skills.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from indexing import first_pass
from indexing.aliases import AliasHit
from indexing.blas_threads import single_threaded_blas
from indexing.dense_torch import dense
from indexing.ranking import Scored
from indexing.text import Span
from indexing.types import Check, unchecked

if TYPE_CHECKING:
    from indexing.linker import SkillLinker


@dataclass(frozen=True)
class UnitQuery:
    """A text to score: its spans (the text itself first, then its n-grams), their vectors,
    and the alias hits that count for it."""

    text: str
    spans: list[Span]
    vecs: np.ndarray
    lexical: dict[int, AliasHit]
    pooled: bool = False  # its vectors (the text's too when `pooled_self`) pooled in context
    pooled_self: bool = False


def score_units(
    linker: SkillLinker,
    units: Sequence[UnitQuery],
    *,
    candidates: int,
    check: Check = unchecked,
) -> list[Scored]:
    """Each unit scored on its candidate skills (module docstring), in order."""
    cfg = linker.config
    if not units:
        return []
    whole = np.stack([u.vecs[0] for u in units])
    w = cfg.description_weight
    if candidates < linker.views.n_skills and first_pass.enabled(cfg.extract_first_pass):
        dense_whole, bounds = first_pass.approx_dense(linker.views, whole, w, check=check)
    else:
        dense_whole, bounds = dense(linker.views, whole, w, check=check), None
    a, b = cfg.extract_pooled_phrase
    for i, u in enumerate(units):
        if u.pooled_self:
            dense_whole[i] = a * dense_whole[i] + b
    gram_calibration = cfg.extract_pooled_gram
    out = []
    with single_threaded_blas():  # many small products (indexing/blas_threads.py)
        for i, u in enumerate(units):
            check()
            first = None if bounds is None else float(bounds[i]) * (abs(a) if u.pooled_self else 1)
            out.append(_score_unit(linker, u, dense_whole[i], candidates, gram_calibration, first))
    return out


def _score_unit(
    linker: SkillLinker,
    u: UnitQuery,
    dense_whole: np.ndarray,
    candidates: int,
    gram_calibration: tuple[float, float],
    first_bound: float | None = None,
) -> Scored:
    """One unit scored on its candidate skills (module docstring); `dense_whole` is its own
    vector's dense score for every skill: exact, or a first pass within `first_bound` of it
    (`indexing.first_pass`; the candidates' scores are then computed exactly)."""
    cfg = linker.config
    base = cfg.text_weight * dense_whole + linker._prior
    for row, hit in u.lexical.items():
        base[row] += linker._lexical_bonus(hit)
    lexical = np.fromiter(u.lexical, np.int64)
    w = cfg.description_weight
    if first_bound is None:
        k = min(candidates, len(base))
        top = np.argpartition(-base, k - 1)[:k] if k else np.zeros(0, np.int64)
        rows = np.unique(np.r_[top, lexical]).astype(np.int64)
        whole_at, base_at = dense_whole[rows], base[rows]
        grams = linker.views.dense_rows(u.vecs[1:], rows, w)
    else:
        rows, at, base_at = _exact_candidates(linker, u, base, lexical, candidates, first_bound)
        whole_at, grams = at[0], at[1:]
    if u.pooled:
        ga, gb = gram_calibration
        grams = ga * grams + gb
    dense = np.vstack([whole_at[None, :], grams])
    best_gram = dense[1:].max(axis=0) if len(grams) else dense[0]
    score = np.full(len(base), -np.inf, dtype=np.float32)
    score[rows] = base_at + cfg.ngram_weight * best_gram
    return Scored(u.text, score, u.spans, dense, u.vecs, u.lexical, columns=rows)


def _exact_candidates(
    linker: SkillLinker,
    u: UnitQuery,
    approx_base: np.ndarray,
    lexical: np.ndarray,
    candidates: int,
    first_bound: float,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The unit's candidate rows (its `candidates` best by the exact base score, and its
    aliases' skills), the exact dense scores of all its vectors there (the unit's own
    calibrated when pooled, its n-grams' as they are) and its exact base scores, from a first
    pass whose dense scores are within `first_bound` of the exact ones: every skill that can be
    among the best is scored exactly (`indexing.first_pass`)."""
    cfg = linker.config
    k = min(candidates, len(approx_base))
    rows = lexical
    if k:
        kth = np.partition(approx_base, len(approx_base) - k)[len(approx_base) - k]
        margin = 2 * abs(cfg.text_weight) * first_bound
        rows = np.r_[np.flatnonzero(approx_base >= kth - margin), lexical]
    rows = np.unique(rows).astype(np.int64)
    at = linker.views.dense_rows(u.vecs, rows, cfg.description_weight)
    if u.pooled_self:
        pa, pb = cfg.extract_pooled_phrase
        at[0] = pa * at[0] + pb
    base_at = cfg.text_weight * at[0] + linker._prior[rows]
    for row, hit in u.lexical.items():
        base_at[np.searchsorted(rows, row)] += linker._lexical_bonus(hit)
    if k and len(rows) > k:
        keep = np.argpartition(-base_at, k - 1)[:k]
        keep = np.unique(np.r_[keep, np.searchsorted(rows, lexical)])
        rows, at, base_at = rows[keep], at[:, keep], base_at[keep]
    return rows, at, base_at.astype(np.float32)
