"""Coherent skill bundles, with every essential skill of every occupation family in one of them.

A bundle is what one credential teaches: 3-15 skills that belong together because the same
occupations need them (essential or optional) and because they share ESCO skill groups. Families
(ISCO unit groups) are bundled one after another; a family's bundles are seeded with its
essential skills that no earlier bundle teaches yet, and grown with their closest neighbours
(uncovered ones first, already taught ones as context), so the catalog covers the essential
skills of every occupation by construction.
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np

from service.datagen.esco import COLLECTIONS, REUSE_ORDER, Esco, sector_of

OPTIONAL_WEIGHT = 0.4  # an optional relation counts this much of an essential one
SAME_GROUP, SAME_AREA = 0.5, 0.15  # similarity bonus for sharing an ESCO skill group / area
MIN_SIM = 0.3  # below this average similarity a skill does not join a bundle of 3 or more
SEMANTIC, SEM_ZERO = 2.0, 0.25  # label cosine weight in the similarity, and where it adds 0
JOIN_COS = 0.2  # a skill joins only at this mean label cosine to the bundle's skills or more
SMALL_COS = 0.15  # ... or this much while the bundle has under 3 skills (else the nearest)
MAX_CONTEXT = 0.4  # at most this share of a bundle may be skills taught elsewhere already
SIZES = (4, 5, 6, 6, 7, 7, 8, 8, 9, 10, 11, 12, 13)  # bundle size targets, drawn at random


@dataclass
class Bundle:
    key: str  # "<family>|<n>"
    sector: str
    family: str  # ISCO unit group code, or a collection name
    skills: list[str]  # teaching order: the seed and its nearest neighbours first
    weight: dict[str, float] = field(default_factory=dict)  # how central each skill is (0-1]


@dataclass
class FamilyProfile:
    """One family's candidate skills and how close each pair is (a dense similarity matrix)."""

    code: str
    pool: list[str]  # essential skills by weight (heaviest first), then shared optional ones
    n_essential: int
    weight: np.ndarray  # per pool skill: essential relations + OPTIONAL_WEIGHT x optional ones
    sim: np.ndarray  # pool x pool: cosine of occupation vectors + skill group bonus + meaning
    meaning: np.ndarray  # pool x pool: cosine of the skills' label vectors


def profile(esco: Esco, code: str) -> FamilyProfile:
    occs = [esco.occupations[o] for o in esco.families[code]]
    weight: dict[str, float] = defaultdict(float)
    for occ in occs:
        for u in occ.essential:
            weight[u] += 1.0
        for u in occ.optional:
            weight[u] += OPTIONAL_WEIGHT
    ess = {u for occ in occs for u in occ.essential}
    pool = sorted(ess, key=lambda u: (-weight[u], esco.skills[u].label, u))
    index = {u: i for i, u in enumerate(pool)}
    vec = np.zeros((len(pool), len(occs)))
    for j, occ in enumerate(occs):
        for u in occ.optional:
            if u in index:
                vec[index[u], j] = OPTIONAL_WEIGHT
        for u in occ.essential:
            vec[index[u], j] = 1.0
    w = np.array([weight[u] for u in pool])
    return FamilyProfile(code, pool, len(ess), w, *similarity(esco, pool, vec))


def similarity(esco: Esco, pool: list[str], vec: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """pool x pool: cosine of the skills' rows of vec (who needs them) + skill group bonus +
    label cosine over SEM_ZERO; and the label cosines alone."""
    vec = vec / np.maximum(np.linalg.norm(vec, axis=1, keepdims=True), 1e-12)
    groups = np.array([hash_free_id(esco.skills[u].group) for u in pool])
    areas = np.array([hash_free_id(esco.skills[u].area) for u in pool])
    same_group = (groups[:, None] == groups[None, :]) & (groups[:, None] != 0)
    same_area = (areas[:, None] == areas[None, :]) & (areas[:, None] != 0) & ~same_group
    meaning = esco.meaning.matrix(pool)
    need = np.round(vec @ vec.T, 6)
    sim = need + SAME_GROUP * same_group + SAME_AREA * same_area
    return sim + SEMANTIC * (meaning - SEM_ZERO), meaning


_IDS: dict[str, int] = {"": 0}


def hash_free_id(text: str) -> int:
    """A small stable integer per group URI ("" -> 0), independent of PYTHONHASHSEED."""
    return _IDS.setdefault(text, len(_IDS))


def family_bundles(
    rng: random.Random, esco: Esco, code: str, covered: set[str], sector: str
) -> list[Bundle]:
    """Bundles over the family's essential skills not yet in `covered` (updated in place)."""
    return cut(rng, profile(esco, code), covered, SIZES, key=code, sector=sector)


def cut(
    rng: random.Random,
    prof: FamilyProfile,
    covered: set[str],
    sizes: tuple[int, ...],
    *,
    key: str,
    sector: str,
    min_weight: float = 0.05,
    limit: int | None = None,
) -> list[Bundle]:
    """Bundles seeded by the profile's essential skills not yet in `covered` (updated in
    place), each grown to a size drawn from `sizes`; keys "<key>|<n>", family prof.code;
    a skill's weight is its profile weight over the heaviest's, at least min_weight."""
    top = float(prof.weight.max()) if len(prof.pool) else 1.0
    out: list[Bundle] = []
    todo = [i for i in range(prof.n_essential) if prof.pool[i] not in covered]
    while todo and (limit is None or len(out) < limit):
        target = min(rng.choice(sizes), len(prof.pool))
        done = np.array([u in covered for u in prof.pool])
        members = grow(prof, todo[0], done, target)
        skills = [prof.pool[i] for i in members]
        covered.update(skills)
        todo = [i for i in todo if prof.pool[i] not in covered]
        w = {prof.pool[i]: round(max(float(prof.weight[i]) / top, min_weight), 3) for i in members}
        out.append(Bundle(f"{key}|{len(out)}", sector, prof.code, skills, w))
    return out


def grow(prof: FamilyProfile, seed: int, done: np.ndarray, target: int) -> list[int]:
    """Seed, then the candidate closest on average to the bundle so far, until the target."""
    members = [seed]
    score = prof.sim[seed].copy()
    close = prof.meaning[seed].copy()  # summed label cosine to the members
    free = np.ones(len(prof.pool), dtype=bool)
    free[seed] = False
    n_context = 0
    while len(members) < target and free.any():
        floor = JOIN_COS if len(members) >= 3 else SMALL_COS
        allowed = free & (close / len(members) >= floor)
        if len(members) < 3 and not allowed.any():
            allowed = free.copy()  # nothing close: the nearest by need, not a 1-skill course
        if n_context >= MAX_CONTEXT * target and len(members) >= 3:
            allowed &= ~done
        if not allowed.any():
            break
        rank = np.where(allowed, score / len(members) + 0.1 * ~done, -np.inf)
        best = int(np.argmax(rank))
        if len(members) >= 3 and score[best] / len(members) < MIN_SIM:
            break
        members.append(best)
        n_context += bool(done[best])
        free[best] = False
        score += prof.sim[best]
        close += prof.meaning[best]
    return members


def occupation_bundles(
    rng: random.Random, esco: Esco, limit: int | None = None, covered: set[str] | None = None
) -> list[Bundle]:
    """All families with essential skills, in ISCO order: every essential skill not in
    `covered` (skills bundled already, updated in place) is bundled.

    With a limit, families stop being added once that many bundles exist."""
    covered = set() if covered is None else covered
    out: list[Bundle] = []
    for code in sorted(esco.families):
        if limit is not None and len(out) >= limit:
            break
        sector = sector_of(code)
        if sector is None or not any(esco.occupations[o].essential for o in esco.families[code]):
            continue
        out += family_bundles(rng, esco, code, covered, sector)
    return out


def collection_bundles(rng: random.Random, esco: Esco, per_collection: int = 40) -> list[Bundle]:
    """Digital, green and transversal skills under one skill group each: cross-sector offers."""
    out: list[Bundle] = []
    for name in COLLECTIONS:
        by_group: dict[str, list[str]] = defaultdict(list)
        for uri in esco.collections[name]:
            by_group[esco.skills[uri].group].append(uri)
        groups = [g for g in sorted(by_group) if len(by_group[g]) >= 4]
        rng.shuffle(groups)
        for group in groups[:per_collection]:
            skills = sorted(
                by_group[group],
                key=lambda u: (REUSE_ORDER.get(esco.skills[u].reuse, 4), esco.skills[u].label),
            )[: rng.choice(SIZES)]
            weight = dict.fromkeys(skills, 0.5)
            out.append(Bundle(f"{name}|{group}", name, name, skills, weight))
    return out
