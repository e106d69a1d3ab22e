"""A title resolver over a handful of occupations and the hashing encoder, for rule tests."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from indexing.encoder import FakeEncoder
from indexing.label_index import LabelIndex
from service.titles.resolver import OccupationInfo, TitleConfig, TitleResolver

# (id, ISCO code, preferred label, alternative labels, description)
Row = tuple[int, str, str, list[str], str]


def small_resolver(occupations: Sequence[Row]) -> TitleResolver:
    enc = FakeEncoder(dim=64)
    labels = LabelIndex([(i, p, a) for i, _g, p, a, _d in occupations], enc)
    labels.build()
    info = [OccupationInfo(i, g, (p, *a)) for i, g, p, a, _d in occupations]
    desc = np.asarray(enc.encode_documents([f"{p}: {d}" for _i, _g, p, _a, d in occupations]))
    return TitleResolver(labels, info, desc, TitleConfig(min_score=0.3))
