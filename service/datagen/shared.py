"""Skills many lines of work need, taught on their own: "Staff Management", "Work-Related
Reports Writing", "Customer Needs Identification".

A skill essential to occupations of at least SHARED_FAMILIES occupation families (ISCO unit
groups; 554 skills in ESCO v1.1.1 at 10, e.g. manage staff, write work-related reports, identify
customer's needs) is bundled here, before any family, with the shared skills closest to it:
skills the same families need (cosine of their per-family need vectors) and that share an ESCO
skill group. Families then bundle their other essential skills and may take these only as
context (service.datagen.bundles). Without this pass a shared skill was taught first by whichever
family came first in ISCO order, so a café manager's plan learnt to manage staff from
"Introduction to Staff Management with ICT Ticketing System" and an HR officer to write reports
from "Food Technology Principles and Work-Related Reports Writing".
"""

from __future__ import annotations

import random

import numpy as np

from service.datagen.bundles import Bundle, FamilyProfile, cut, similarity
from service.datagen.esco import Esco

SHARED_FAMILIES = 10  # essential in at least this many occupation families
SHARED_SIZES = (3, 4, 4, 5, 5, 6, 7)  # a skill everyone needs makes a short, focused offer
SHARED = "transversal"  # sector wording and family of these bundles


def shared_profile(esco: Esco, min_families: int = SHARED_FAMILIES) -> FamilyProfile:
    """The shared skills (heaviest first) and how close each pair is, over families."""
    codes = sorted(esco.families)
    need: dict[str, np.ndarray] = {}
    for j, code in enumerate(codes):
        occs = [esco.occupations[o] for o in esco.families[code]]
        for occ in occs:
            for u in occ.essential:
                need.setdefault(u, np.zeros(len(codes)))[j] += 1.0 / len(occs)
    count = {u: int((v > 0).sum()) for u, v in need.items()}
    pool = sorted(
        (u for u, n in count.items() if n >= min_families),
        key=lambda u: (-count[u], esco.skills[u].label, u),
    )
    vec = np.array([need[u] > 0 for u in pool], dtype=np.float64).reshape(len(pool), len(codes))
    weight = np.array([count[u] for u in pool], dtype=np.float64)
    return FamilyProfile(SHARED, pool, len(pool), weight, *similarity(esco, pool, vec))


def shared_bundles(
    rng: random.Random, esco: Esco, covered: set[str], limit: int | None = None
) -> list[Bundle]:
    """Bundles over the shared skills (module docstring); `covered` gets their skills."""
    key = f"{SHARED}|shared"
    prof = shared_profile(esco)
    return cut(
        rng, prof, covered, SHARED_SIZES, key=key, sector=SHARED, min_weight=0.5, limit=limit
    )
