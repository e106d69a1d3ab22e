"""Partial credit between skills: a skill directly broader or narrower in the ESCO hierarchy,
or one close in embedding space, gives some credit for another (the gap analysis's neighbours)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING

import numpy as np
from sqlmodel import Session

from service.profiles.synonyms import add_synonyms, instance_map, merged, near_synonyms
from service.repo.taxonomy import broader_pairs
from service.taxonomy.onet_kinds import kind_pairs

if TYPE_CHECKING:
    from service.runtime import Runtime


def _broader(runtime: Runtime, session: Session) -> list[tuple[int, int]]:
    """ESCO's (skill id, id of a skill directly broader) pairs, with each O*NET tool under the
    ESCO kind its commodity's ESCO tools are filed under (service.taxonomy.onet_kinds: React
    under *web programming*), read once per runtime (in `extras` without `once`'s lock: builds
    under that lock read it, `roles.graph`'s)."""
    cached = runtime.extras.get("skill_broader_pairs")
    if cached is None:
        uris = {e.id: e.uri for e in runtime.skills.values()}
        cached = sorted({*broader_pairs(session), *kind_pairs(uris)})
        runtime.extras["skill_broader_pairs"] = cached
    return cached


def broader_kinds(runtime: Runtime, session: Session) -> dict[int, frozenset[int]]:
    """Skill id -> the skills directly broader (`_broader`), read once per runtime (in `extras`:
    `once` builds read it)."""
    cached = runtime.extras.get("skill_broader_of")
    if cached is None:
        up: dict[int, set[int]] = defaultdict(set)
        for x, y in _broader(runtime, session):
            up[x].add(y)
        runtime.extras["skill_broader_of"] = cached = {k: frozenset(v) for k, v in up.items()}
    return cached


def skill_hierarchy(runtime: Runtime, session: Session) -> dict[int, set[int]]:
    """Skill id -> the skills directly broader or narrower (ESCO), read once per runtime."""
    cached = runtime.extras.get("skill_hierarchy")
    if cached is None:
        cached = defaultdict(set)
        for x, y in _broader(runtime, session):
            cached[x].add(y)
            cached[y].add(x)
        runtime.extras["skill_hierarchy"] = cached = dict(cached)
    return cached


def _others(
    required: list[int],
    others: Iterable[int],
    others_vecs: tuple[list[int], np.ndarray] | None,
    keep_required: bool,
) -> tuple[list[int], np.ndarray | None]:
    """The other skills to compare with, and their vectors when already known."""
    if others_vecs is not None and keep_required:
        return list(others_vecs[0]), others_vecs[1]
    if others_vecs is not None:
        ids, vecs = others_vecs
        req_set = set(required)
        keep = [j for j, o in enumerate(ids) if o not in req_set]
        return [ids[j] for j in keep], vecs[keep] if len(keep) < len(ids) else vecs
    return sorted(set(others) - (set() if keep_required else set(required))), None


def neighbours(
    runtime: Runtime,
    session: Session,
    required: Iterable[int],
    others: Iterable[int],
    *,
    others_vecs: tuple[list[int], np.ndarray] | None = None,
    keep_required: bool = False,
) -> dict[int, dict[int, float]]:
    """Partial credit between each required skill and other skills (the learner's, the
    candidates'): direct broader/narrower in the ESCO hierarchy, or embedding similarity.
    `others_vecs` (ids, vectors) saves gathering the vectors of a large, reused set of others.
    An other skill that is also required is left out, unless `keep_required` (then the credit
    between two different required skills is given too; never a skill's credit for itself).
    The credit between a and b is the one between b and a (up to float rounding)."""
    s = runtime.settings
    required = sorted(set(required))
    others, vo = _others(required, others, others_vecs, keep_required)
    out: dict[int, dict[int, float]] = defaultdict(dict)
    if not required or not others:
        return {}
    related = skill_hierarchy(runtime, session)
    other_set = set(others)
    for r in required:
        for o in related.get(r, ()):
            if o in other_set and o != r:
                out[r][o] = s.partial_hierarchy_credit
    vr = runtime.linker.skill_vectors(required)
    if vo is None:
        vo = runtime.linker.skill_vectors(others)
    sims = vr @ vo.T
    rows, cols = np.nonzero(sims >= s.partial_similarity_min)
    for r, c in zip(rows.tolist(), cols.tolist(), strict=True):
        credit = float(sims[r, c]) * s.partial_similarity_scale
        rid, oid = required[r], others[c]
        if rid != oid and credit > out[rid].get(oid, 0.0):
            out[rid][oid] = round(min(credit, 0.95), 4)
    return {k: v for k, v in out.items() if v}


def shown_by(runtime: Runtime, session: Session) -> dict[int, frozenset[int]]:
    """Skill id -> the skills whose holding shows it: the near-synonyms by ESCO's labels and the
    tools filed under a knowledge concept (service/profiles/synonyms.py), built once."""

    # both built first: `once` holds a lock that is not re-entrant
    by_labels, broader = near_synonyms(runtime), _broader(runtime, session)

    def build() -> dict[int, frozenset[int]]:
        return merged(by_labels, instance_map(runtime.skills.values(), broader))

    return runtime.once("skill_shown_by", build)  # type: ignore[return-value]


def learner_neighbours(
    runtime: Runtime, session: Session, required: Iterable[int], held: Iterable[int]
) -> tuple[dict[int, dict[int, float]], dict[int, frozenset[int]]]:
    """The credit a learner's held skills give the role's skills, and the taxonomy's
    near-synonyms (for `compute_gap`). A held skill the role also requires gives credit to the
    others too (`keep_required`): before round h-plans7 it was left out, so *company policies*,
    held and required, gave *apply company policies* nothing. Near-synonyms are neighbours at
    `partial_synonym_credit` (0 turns them off, and no skill is then shown by another); a tool
    held shows the knowledge concept ESCO files it under (`shown_by`)."""
    required, held = sorted(set(required)), set(held)
    nb = neighbours(runtime, session, required, held, keep_required=True)
    credit = runtime.settings.partial_synonym_credit
    synonyms = shown_by(runtime, session) if credit > 0 else {}
    return add_synonyms(nb, synonyms, required, held, credit), synonyms
