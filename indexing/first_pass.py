"""A bfloat16 first pass over every label, to choose extraction's candidate skills
(docs/quality.md, "Extraction at encoder speed": "A first pass in bfloat16").

Extraction scores each unit (a sentence, a phrase) against all 100k label vectors only to pick
its best `extract_candidates` skills (`indexing.unit_scores`); the scores it keeps are those of
the candidates alone. Here that pass multiplies bfloat16 copies of the label and description
vectors (the CPU's bfloat16 dot products: about 3x sooner than float32 on one thread) and says
how far its values can be from the float32 ones:

- every input rounded to bfloat16 is off by at most its unit roundoff u = 2^-8 (relative), the
  product is accumulated in float32 and rounded to bfloat16 once more, so for unit vectors
  |approx - exact| <= 2u + u^2 + u (1 + 2u) + 384 x 2^-24 < 3u + 1e-4 = `COSINE_ERROR`;
- a skill's dense score (its best label + w x its description) is then off by at most
  `COSINE_ERROR` x (1 + w): `bound(w)`.

`indexing.unit_scores` keeps every skill whose approximate score is within twice the bound of
the k-th best, re-scores those in float32 and takes the k best of them: the same candidates and
the same exact scores as a float32 pass over every label (ties at the k-th score aside). The
tests check the bound on the real vectors and the same skills kept.

`mode` ("auto", "bf16", "exact"; LinkerConfig `extract_first_pass`,
`SKILLMATCH_LINKER_FIRST_PASS`): "auto" uses bfloat16 where torch is installed and the CPU
multiplies bfloat16 natively (emulated, it is slower than float32); "bf16" always (for a
measurement); "exact" never. The copies (2 bytes a value: about 89 MB for 100k labels and 15k
descriptions) are made once per set of vectors, on first use.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

import numpy as np

from indexing.dense_torch import chunk_dense
from indexing.types import Check, unchecked

if TYPE_CHECKING:
    from indexing.skill_views import SkillViews

MODES = ("auto", "bf16", "exact")
UNIT_ROUNDOFF = 2.0**-8  # bfloat16: 8 significant bits
COSINE_ERROR = 3 * UNIT_ROUNDOFF + 1e-4


def bound(description_weight: float, query_norm: float = 1.0, vector_norm: float = 1.0) -> float:
    """How far a skill's bfloat16 dense score can be from its float32 one (module docstring);
    for a query of norm `query_norm` against vectors of norm at most `vector_norm`."""
    scale = max(1.0, query_norm) * max(1.0, vector_norm)
    return COSINE_ERROR * scale * (1.0 + abs(description_weight))


def enabled(mode: str) -> bool:
    """Whether the first pass runs in bfloat16 under `mode` (module docstring)."""
    if mode not in MODES:
        raise ValueError(f"extract_first_pass must be one of {MODES}, got {mode!r}")
    if mode == "exact":
        return False
    try:
        import torch  # noqa: F401
    except ImportError:
        return False
    if mode == "bf16":
        return True
    from indexing.short_encoder import cpu_has_bf16

    return cpu_has_bf16()


class _Copies:
    """bfloat16 copies of one set of vectors (kept while those vectors are the views'; the
    arrays themselves are held, so a new array at a freed one's address is not taken for it)."""

    def __init__(self, views: SkillViews) -> None:
        import torch

        self.source = (views.label_vecs, views.desc_vecs)
        self.labels = torch.from_numpy(views.label_vecs).to(torch.bfloat16)
        self.descs = torch.from_numpy(views.desc_vecs).to(torch.bfloat16)
        ends = np.r_[views.label_starts[1:], views.n_labels]
        self.lengths = torch.from_numpy(ends - views.label_starts)
        self.norm = max(_max_norm(views.label_vecs), _max_norm(views.desc_vecs))


def _max_norm(vecs: np.ndarray) -> float:
    return float(np.sqrt((vecs.astype(np.float64) ** 2).sum(axis=1).max())) if len(vecs) else 0.0


_LOCK = threading.Lock()


def _copies(views: SkillViews) -> _Copies:
    with _LOCK:
        have = getattr(views, "_bf16_copies", None)
        src = have.source if have is not None else (None, None)
        if src[0] is not views.label_vecs or src[1] is not views.desc_vecs:
            have = _Copies(views)
            views._bf16_copies = have  # noqa: SLF001 (index data of these vectors)
        return have


def approx_dense(
    views: SkillViews,
    queries: np.ndarray,
    description_weight: float,
    chunk: int = 64,
    check: Check = unchecked,
) -> tuple[np.ndarray, np.ndarray]:
    """`views.dense(queries, description_weight)` in bfloat16, as float32 values, and for each
    query the bound of its values' error (`bound`)."""
    import torch

    copies = _copies(views)
    norms = np.sqrt((np.asarray(queries, np.float64) ** 2).sum(axis=1))
    bounds = np.asarray([bound(description_weight, n, copies.norm) for n in norms])
    out = np.empty((len(queries), views.n_skills), dtype=np.float32)
    with torch.inference_mode():
        for a in range(0, len(queries), chunk):
            check()
            part = np.ascontiguousarray(queries[a : a + chunk], np.float32)
            out[a : a + chunk] = chunk_dense(
                copies.labels,
                copies.descs,
                copies.lengths,
                part,
                description_weight,
                torch.bfloat16,
            )
    return out, bounds
