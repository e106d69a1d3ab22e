"""`SkillViews.dense` through torch, labels-major: the same numbers, about 3x sooner
(docs/quality.md, "Extraction at encoder speed": "The units' scores against every skill").

`SkillViews.dense` multiplies a chunk of queries by the 100k label vectors (queries x labels)
and takes each skill's best label with `np.maximum.reduceat` along the rows; that reduction
strides across a row of 100k values per query and took as long as the product. Here the product
is labels x queries (the label vectors as they are stored, rows grouped by skill) and each
skill's best label is `torch.segment_reduce` over its contiguous block of rows, one pass over
memory in order. On SkillSpan postings' units (one torch thread) a posting's 120-215 units
took 150-250 ms against 340-830 ms, and gave the same float32 values, bit for bit (checked by
tests/indexing/test_dense_torch.py and on the validation sets by the extraction's output). A
chunk of one query goes through `SkillViews.dense`: numpy multiplies a single row in another
order than a matrix (its values differ from the same row's in a chunk by up to 1 ulp), and
torch's single column differs from both.

Used by extraction's units (`indexing.unit_scores`); ranking (`score_texts`, `link`, `scores`)
keeps `SkillViews.dense`. Without torch, `dense` falls back to `SkillViews.dense`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from indexing.types import Check, unchecked

if TYPE_CHECKING:
    from indexing.skill_views import SkillViews


def dense(
    views: SkillViews,
    queries: np.ndarray,
    description_weight: float,
    chunk: int = 64,
    check: Check = unchecked,
) -> np.ndarray:
    """`views.dense(queries, description_weight, chunk, check)`, computed labels-major."""
    try:
        import torch
    except ImportError:  # the numpy path: the same values
        return views.dense(queries, description_weight, chunk, check)
    out = np.empty((len(queries), views.n_skills), dtype=np.float32)
    labels = torch.from_numpy(views.label_vecs)  # shares memory: no copy
    descs = torch.from_numpy(views.desc_vecs)
    lengths = torch.from_numpy(np.diff(np.r_[views.label_starts, views.n_labels]))
    w = description_weight
    with torch.inference_mode():
        for a in range(0, len(queries), chunk):
            check()
            part = np.ascontiguousarray(queries[a : a + chunk], dtype=np.float32)
            if len(part) == 1:  # numpy's product of one row sums in another order (1 ulp)
                out[a] = views.dense(part, w)[0]
                continue
            out[a : a + chunk] = chunk_dense(labels, descs, lengths, part, w)
    return out


def chunk_dense(labels, descs, lengths, part: np.ndarray, description_weight: float, dtype=None):
    """One chunk of queries (float32 rows) against label and description tensors, labels-major:
    each skill's best label (`lengths`: its block of rows) + description_weight x its description,
    as float32 (n_queries, n_skills). `dtype`: the queries cast to it first (the tensors' own
    dtype, e.g. bfloat16 for `indexing.first_pass`); None keeps float32."""
    import torch

    q = torch.from_numpy(part)
    if dtype is not None:
        q = q.to(dtype)
    best = torch.segment_reduce(labels @ q.T, "max", lengths=lengths, axis=0).float()
    if description_weight:
        best += description_weight * (descs @ q.T).float()
    return best.T.numpy()
