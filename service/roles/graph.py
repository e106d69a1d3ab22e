"""The partial credit between every two skills of the taxonomy, computed once per runtime, so
that scoring a learner and planning a page of roles look it up instead of multiplying vectors.

The credit is that of service.profiles.neighbours.neighbours: a skill directly broader or narrower
(ESCO) gives partial_hierarchy_credit; a skill whose vector's cosine is >= partial_similarity_min
gives cosine x partial_similarity_scale (at most 0.95, rounded to 4 places) when that is more;
never a skill's credit for itself. The cosines are one product of the skill vectors, block by
block (upper triangle: the cosine of a and b is that of b and a); about 3,700 pairs of the 15,076
ESCO and O*NET skills reach the floor. The taxonomy does not change while the process runs.

Why once: each request used to multiply its new skills by thousands of others (the learner's by
every required skill, each gap's by the catalog's skills); on a busy machine those products, and
the BLAS threads they wake, were most of a request's time and all of its tail.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

import numpy as np
from sqlmodel import Session

from service.profiles.neighbours import skill_hierarchy

if TYPE_CHECKING:
    from service.runtime import Runtime

CACHE_KEY = "roles_skill_graph"
BLOCK = 1024  # rows of the similarity product at a time (BLOCK x skills floats)

SkillGraph = dict[int, dict[int, float]]


def skill_graph(runtime: Runtime, session: Session) -> SkillGraph:
    """The runtime's graph, built on first use."""
    return runtime.once(CACHE_KEY, lambda: build_graph(runtime, session))  # type: ignore[return-value]


def build_graph(runtime: Runtime, session: Session) -> SkillGraph:
    """Skill id -> {other skill id: partial credit}, for every skill with a neighbour."""
    s = runtime.settings
    out: dict[int, dict[int, float]] = defaultdict(dict)
    for a, others in skill_hierarchy(runtime, session).items():
        for b in others:
            if a != b:
                out[a][b] = s.partial_hierarchy_credit
    ids = sorted(runtime.skills)
    vecs = runtime.linker.skill_vectors(ids)
    for lo in range(0, len(ids), BLOCK):
        sims = vecs[lo : lo + BLOCK] @ vecs[lo:].T
        rows, cols = np.nonzero(sims >= s.partial_similarity_min)
        for r, c in zip(rows.tolist(), cols.tolist(), strict=True):
            a, b = ids[lo + r], ids[lo + c]
            credit = float(sims[r, c]) * s.partial_similarity_scale
            if a == b:
                continue
            for x, y in ((a, b), (b, a)):
                if credit > out[x].get(y, 0.0):
                    out[x][y] = round(min(credit, 0.95), 4)
    return dict(out)


def between(graph: SkillGraph, required, others) -> dict[int, dict[int, float]]:
    """neighbours(required, others) from the graph: the credit between each required skill and
    each other skill that is not itself required."""
    req = set(required)
    out = {}
    for r in sorted(req):
        mine = {o: c for o, c in graph.get(r, {}).items() if o in others and o not in req}
        if mine:
            out[r] = mine
    return out
