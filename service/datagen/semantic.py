"""What a skill's label means, for bundles and titles: the label vectors of the shipped pack.

Co-occurrence alone put skills in one course that the same occupations need but that have
nothing to do with each other ("plan menus" and "ensure infrastructure accessibility" for a
restaurant manager). The cosine of the skills' label vectors says whether two skills are about
the same thing. The vectors are the rows the default model gave the ESCO skill labels, read from
`data/vectors/<model>.npz` (indexing.vector_pack: the text's key, int8 row, scale), so the
generator needs no model and stays deterministic: the same ESCO files and the same pack give
the same catalog. A label the pack lacks gets a zero vector (cosine 0 with everything).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from indexing.encoder import PACKAGED_MODEL_ID
from indexing.vector_pack import dequantize, find_rows, pack_stem

ROOT = Path(__file__).resolve().parents[2]
PACK = ROOT / "data" / "vectors" / f"{pack_stem(PACKAGED_MODEL_ID)}.npz"


class LabelVectors:
    """Unit label vectors of skill URIs, read once from the shipped pack."""

    def __init__(self, labels: dict[str, str], pack: Path = PACK) -> None:
        uris = sorted(labels)
        with np.load(pack, allow_pickle=False) as z:
            keys, q, scale = z["keys"], z["q"], z["scale"]
        at = find_rows(keys, [labels[u] for u in uris])
        found = at >= 0
        vecs = np.zeros((len(uris), q.shape[1]), dtype=np.float32)
        vecs[found] = dequantize(q[at[found]], scale[at[found]])
        self.index = {u: i for i, u in enumerate(uris)}
        self.vecs = vecs
        self.missing = int((~found).sum())

    def matrix(self, pool: list[str]) -> np.ndarray:
        """pool x pool cosines of the label vectors (float64, rounded to 1e-4 so that the
        bundles do not hang on the last bits of a BLAS sum)."""
        v = self.vecs[[self.index[u] for u in pool]].astype(np.float64)
        return np.round(v @ v.T, 4)

    def cos(self, a: str, b: str) -> float:
        return round(float(self.vecs[self.index[a]] @ self.vecs[self.index[b]]), 4)
