"""Every occupation's requirements as a sparse occupation x skill matrix, built once per runtime
(the taxonomy is loaded at startup and does not change while it runs), and what one row needs
for its details: the role and the partial credit its gap uses.

Columns are the skills some occupation requires (essential or optional, as the role of POST
/v1/gap has them: O*NET tools in demand included); the entries carry the requirement's weight and
whether it is essential. The learner's partial credit between its skills and every column
(`learner_pairs`, from the skill graph of service/roles/graph.py) is kept with the matrix. The
scores of every row (service/roles/score.py) are vector operations over the entries;
`role_profile` and `role_neighbours` give the same role and partial credit for one row, so the
page's details come from `compute_gap` itself.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
from sqlmodel import Session

from service.matching import LearnerProfile, RequiredSkill, RoleProfile
from service.profiles.role import occupation_requirement, skill_labels
from service.repo.taxonomy import (
    all_occupation_skills,
    occupation_rows,
    regulated_occupation_ids,
)
from service.roles.graph import skill_graph

if TYPE_CHECKING:
    from service.runtime import Runtime

CACHE_KEY = "role_matrix"


@dataclass(frozen=True)
class RoleMatrix:
    occ_ids: np.ndarray  # occupation ids, ascending: the rows
    uris: list[str]
    labels: list[str]
    isco: list[str]
    major: np.ndarray  # ISCO major group (the code's first digit) of each row; -1 without one
    regulated: np.ndarray  # a regulated profession (ESCO), per row
    # every requirement of row r (the role of POST /v1/gap, merged): [req_ptr[r], req_ptr[r+1])
    req_ptr: np.ndarray
    req_skill: np.ndarray
    req_weight: np.ndarray
    req_essential: np.ndarray
    req_keys: np.ndarray  # sorted row * key_base + skill id of every requirement
    key_base: int
    # the requirements by column (skill): column j's are [col_ptr[j], col_ptr[j+1])
    skills: list[int]  # required skill ids, ascending: the columns
    col_of: dict[int, int]
    col_ptr: np.ndarray
    ent_row: np.ndarray
    ent_col: np.ndarray
    ent_weight: np.ndarray
    ent_essential: np.ndarray
    ess_total: np.ndarray  # per row: the essential weight
    req_total: np.ndarray  # per row: the weight of every requirement
    n_essential: np.ndarray  # per row: the essential skills
    # held skill -> {column skill: relation credit}, filled as learners ask (lives as long as
    # the matrix: the skills and their vectors do not change)
    pairs_cache: dict[int, dict[int, float]] = field(default_factory=dict)


def role_matrix(runtime: Runtime, session: Session) -> RoleMatrix:
    """The runtime's matrix, built on first use."""
    return runtime.once(CACHE_KEY, lambda: build_matrix(runtime, session))  # type: ignore[return-value]


def _requirements(session: Session, row_of: Mapping[int, int], settings) -> list[dict]:
    """Row -> {skill id: (weight, essential)}: the occupation's role as the gap builds it
    (occupation_requirement), one entry a skill (the highest weight; essential if any
    link says so, as compute_gap merges them)."""
    merged: list[dict[int, tuple[float, bool]]] = [{} for _ in row_of]
    for oid, sid, relation, source, hot in all_occupation_skills(session):
        req = occupation_requirement(sid, "", relation, source, hot, settings)
        if req is None or oid not in row_of:
            continue
        mine = merged[row_of[oid]]
        old = mine.get(sid)
        weight = max(0.0, float(req.weight))
        mine[sid] = (weight, req.essential) if old is None else (
            max(old[0], weight), old[1] or req.essential
        )  # fmt: skip
    return merged


def build_matrix(runtime: Runtime, session: Session) -> RoleMatrix:
    occ = occupation_rows(session)
    regulated = regulated_occupation_ids(session)
    n = len(occ)
    row_of = {o[0]: i for i, o in enumerate(occ)}
    merged = _requirements(session, row_of, runtime.settings)
    counts = np.array([len(m) for m in merged], dtype=np.int64)
    req_ptr = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
    req_skill = np.fromiter((s for m in merged for s in m), np.int64, int(req_ptr[-1]))
    req_weight = np.fromiter((v[0] for m in merged for v in m.values()), np.float64, len(req_skill))
    req_ess = np.fromiter((v[1] for m in merged for v in m.values()), bool, len(req_skill))
    req_row = np.repeat(np.arange(n, dtype=np.int64), counts)
    key_base = int(req_skill.max()) + 1 if len(req_skill) else 1
    skills = np.unique(req_skill)
    col = np.searchsorted(skills, req_skill)
    order = np.argsort(col, kind="stable")
    ent_row, ent_weight, ent_ess = req_row[order], req_weight[order], req_ess[order]
    col_ptr = np.concatenate([[0], np.cumsum(np.bincount(col, minlength=len(skills)))])
    skill_list = skills.tolist()
    return RoleMatrix(
        occ_ids=np.array([o[0] for o in occ], dtype=np.int64),
        uris=[o[1] for o in occ],
        labels=[o[2] for o in occ],
        isco=[o[3] or "" for o in occ],
        major=np.array([int(c[0]) if c and c[0].isdigit() else -1 for *_, c in occ], np.int64),
        regulated=np.array([o[0] in regulated for o in occ], dtype=bool),
        req_ptr=req_ptr,
        req_skill=req_skill,
        req_weight=req_weight,
        req_essential=req_ess,
        req_keys=np.sort(req_row * key_base + req_skill),
        key_base=key_base,
        skills=skill_list,
        col_of={s: j for j, s in enumerate(skill_list)},
        col_ptr=col_ptr.astype(np.int64),
        ent_row=ent_row,
        ent_col=col[order],
        ent_weight=ent_weight,
        ent_essential=ent_ess,
        ess_total=np.bincount(ent_row, weights=ent_weight * ent_ess, minlength=n),
        req_total=np.bincount(ent_row, weights=ent_weight, minlength=n),
        n_essential=np.bincount(ent_row, weights=ent_ess, minlength=n).astype(np.int64),
    )


def learner_pairs(
    runtime: Runtime, session: Session, matrix: RoleMatrix, profile: LearnerProfile
) -> dict:
    """Held skill -> {required skill: relation credit}: the partial credit between the learner's
    skills and every column (neighbours, both ways: it is symmetric), from the skill graph,
    each held skill's kept with the matrix."""
    held = sorted(s for s, c in profile.skills.items() if c > 0)
    if not held or not matrix.skills:
        return {}
    cache = matrix.pairs_cache
    missing = [s for s in held if s not in cache]
    if missing:
        graph = skill_graph(runtime, session)
        for s in missing:
            cache[s] = {o: c for o, c in graph.get(s, {}).items() if o in matrix.col_of}
    return {s: cache[s] for s in held if cache[s]}


def role_profile(
    runtime, session: Session, matrix: RoleMatrix, row: int, *, essential_only: bool = False
) -> RoleProfile:
    """Row `row`'s occupation as role_from_occupation builds it (its essential skills
    alone, in the same order, with `essential_only`)."""
    lo, hi = int(matrix.req_ptr[row]), int(matrix.req_ptr[row + 1])
    keep = matrix.req_essential[lo:hi] if essential_only else slice(None)
    ids = matrix.req_skill[lo:hi][keep].tolist()
    weights = matrix.req_weight[lo:hi][keep].tolist()
    essential = matrix.req_essential[lo:hi][keep].tolist()
    labels = skill_labels(session, ids, runtime)
    skills = [
        RequiredSkill(sid, labels[sid], w, e)
        for sid, w, e in zip(ids, weights, essential, strict=True)
    ]
    skills.sort(key=lambda r: (-r.weight, r.label))
    return RoleProfile(
        matrix.labels[row],
        skills,
        f"occupation:{matrix.uris[row]}",
        regulated=bool(matrix.regulated[row]),
        isco=matrix.isco[row],
    )


def reverse_pairs(pairs: Mapping) -> dict[int, list[tuple[int, float]]]:
    """Required skill -> [(held skill, relation credit)]."""
    rev: dict[int, list[tuple[int, float]]] = {}
    for lsid, others in pairs.items():
        for sid, rel in others.items():
            rev.setdefault(sid, []).append((lsid, rel))
    return rev


def role_neighbours(
    matrix: RoleMatrix, row: int, rev: Mapping, *, essential_only: bool = True
) -> dict[int, dict[int, float]]:
    """The partial credit of row `row`'s essential skills (every requirement's, without
    `essential_only`) from the learner's skills, as the gap of the occupation gets it (a skill
    the occupation requires lends none)."""
    lo, hi = int(matrix.req_ptr[row]), int(matrix.req_ptr[row + 1])
    required = set(matrix.req_skill[lo:hi].tolist())
    keep = matrix.req_essential[lo:hi] if essential_only else slice(None)
    out: dict[int, dict[int, float]] = {}
    for sid in matrix.req_skill[lo:hi][keep].tolist():
        mine = {lsid: rel for lsid, rel in rev.get(sid, ()) if lsid not in required}
        if mine:
            out[sid] = mine
    return out
