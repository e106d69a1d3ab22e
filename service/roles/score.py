"""Every occupation scored for one learner at once, and the order of POST /v1/roles/suggest.

The learner's credit for a requirement is the gap's (service.matching.gap.best_credit): a held
skill's confidence, or a held neighbouring skill's confidence x the relation's credit
(neighbours), the best of them. As in the gap of one occupation (POST /v1/gap), a held skill that
the occupation itself requires lends no credit to its other skills. Held means held: a skill with
direct evidence is covered whatever its confidence; a skill not held is covered by a neighbour's
credit >= gap_covered_min, partly covered from gap_partial_min.

Per row (occupation), from those credits:
- `coverage`: the essential coverage, sum(weight x credit) / sum(weight) over its essential
  skills (the essential items of the occupation's gap, vectorised), with `coverage_held` and the
  essential skills covered, partly covered and missing: the answer's figures;
- `reach`: how much of the whole role the learner covers, essential and optional requirements
  at their weights (the gap's coverage of the occupation), shrunk towards 0 for a small role:
  sum(weight x credit) / (sum(weight) + SHRINK). One skill of a role of 9 essential skills is not
  "11% of the way" to it, it is one skill;
- `precision`: the share of the learner's skills that the occupation needs (essential or
  optional; a neighbour of a requirement counts at the relation's credit), each skill weighed by
  its confidence and its specificity, log((N + 1) / (df + 1)) with df of the N occupations
  requiring it: "cook sauce products" (required by 7 of the 3,007 ESCO occupations) says "cook",
  "food hygiene rules" (26, import-export specialists among them) less, Microsoft Excel (1,264,
  an O*NET tool) little.

The order is the `score`, the geometric mean of reach and precision (the Ochiai coefficient of
the learner's and the role's skill sets, weighted): a role must use what the learner knows and
the learner must cover a good part of the role. Ties: essential coverage, then fewer essential
skills to close, then the occupation id.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

import numpy as np

from service.matching import GapConfig, LearnerProfile
from service.roles.matrix import RoleMatrix

# pseudo-weight added to every role's total in `reach`: 10 essential skills' worth (a role's
# total weight is 29 at the median of ESCO, essential 1, optional 0.5, O*NET tools 0.3)
SHRINK = 10.0


@dataclass(frozen=True)
class Scores:
    """Per row: trust-weighted essential coverage, the held share of the essential weight
    (covered: held, or a neighbour's credit >= gap_covered_min), the essential skills covered,
    partly covered and missing; and the ranking's terms (module docstring)."""

    coverage: np.ndarray
    coverage_held: np.ndarray
    covered: np.ndarray
    partial: np.ndarray
    missing: np.ndarray
    reach: np.ndarray
    precision: np.ndarray
    score: np.ndarray
    level_step: np.ndarray | None = None  # ISCO skill levels above the learner's job (levels.py)


def _clip01(x: float) -> float:
    return 0.0 if x <= 0.0 else 1.0 if x >= 1.0 else float(x)


def _own(matrix: RoleMatrix, rows: np.ndarray, skills: np.ndarray) -> np.ndarray:
    """Whether each row's occupation requires each skill (any relation)."""
    if not len(matrix.req_keys):
        return np.zeros(len(rows), dtype=bool)
    keys = rows * matrix.key_base + skills
    pos = np.minimum(np.searchsorted(matrix.req_keys, keys), len(matrix.req_keys) - 1)
    # a skill id past every required one names no requirement (and its key another row's)
    return (skills < matrix.key_base) & (matrix.req_keys[pos] == keys)


def _entries(matrix: RoleMatrix, cols: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The entries of each column in `cols`, and how many each column has."""
    starts, sizes = matrix.col_ptr[cols], matrix.col_ptr[cols + 1] - matrix.col_ptr[cols]
    offset = np.arange(int(sizes.sum())) - np.repeat(np.cumsum(sizes) - sizes, sizes)
    return np.repeat(starts, sizes) + offset, sizes


def credits(matrix: RoleMatrix, profile: LearnerProfile, pairs: Mapping) -> np.ndarray:
    """The learner's credit for every requirement (the matrix's entry order)."""
    direct = np.zeros(len(matrix.skills), dtype=np.float64)
    for sid, conf in profile.skills.items():
        j = matrix.col_of.get(sid)
        if j is not None:
            direct[j] = _clip01(conf)
    cell = direct[matrix.ent_col]
    pj, pl, pv = [], [], []
    for lsid, others in pairs.items():
        strength = _clip01(profile.skills.get(lsid, 0.0))
        for sid, rel in (others if strength > 0 else {}).items():
            j, r = matrix.col_of.get(sid), _clip01(rel)
            if j is not None and r > 0:
                pj.append(j)
                pl.append(lsid)
                pv.append(strength * r)
    if not pj:
        return cell
    idx, sizes = _entries(matrix, np.array(pj, dtype=np.int64))
    lend = np.repeat(np.array(pl, dtype=np.int64), sizes)
    value = np.repeat(np.array(pv, dtype=np.float64), sizes)
    free = ~_own(matrix, matrix.ent_row[idx], lend)
    np.maximum.at(cell, idx[free], value[free])
    return cell


def _specificity(matrix: RoleMatrix, skill_ids: list[int]) -> np.ndarray:
    """log((N + 1) / (df + 1)) of each skill, df the occupations that require it (of N)."""
    n = len(matrix.occ_ids)
    cols = [matrix.col_of.get(s) for s in skill_ids]
    df = np.array([0 if j is None else matrix.col_ptr[j + 1] - matrix.col_ptr[j] for j in cols])
    return np.log((n + 1.0) / (df + 1.0))


def precision(matrix: RoleMatrix, profile: LearnerProfile, pairs: Mapping) -> np.ndarray:
    """Per row: the share of the learner's skills the occupation requires (1 for a requirement,
    the relation's credit for a neighbour of one, the best of them), each skill weighed by its
    confidence x its specificity (module docstring)."""
    held = [(sid, _clip01(c)) for sid, c in sorted(profile.skills.items()) if c > 0]
    n = len(matrix.occ_ids)
    if not held:
        return np.zeros(n)
    li, cols, vals = [], [], []
    for i, (sid, _c) in enumerate(held):
        found = [(sid, 1.0)] + [(o, _clip01(r)) for o, r in pairs.get(sid, {}).items()]
        for other, rel in found:
            j = matrix.col_of.get(other)
            if j is not None and rel > 0:
                li.append(i)
                cols.append(j)
                vals.append(rel)
    best = np.zeros(len(held) * n)
    if cols:
        idx, sizes = _entries(matrix, np.array(cols, dtype=np.int64))
        flat = np.repeat(np.array(li, dtype=np.int64), sizes) * n + matrix.ent_row[idx]
        np.maximum.at(best, flat, np.repeat(np.array(vals), sizes))
    weight = np.array([c for _s, c in held]) * _specificity(matrix, [s for s, _c in held])
    total = float(weight.sum())
    if total <= 0:
        return np.zeros(n)
    return (best.reshape(len(held), n) * weight[:, None]).sum(axis=0) / total


def score(matrix: RoleMatrix, profile: LearnerProfile, pairs: Mapping, config: GapConfig) -> Scores:
    """Every row's scores for this learner, at once."""
    cell = credits(matrix, profile, pairs)
    held = np.zeros(len(matrix.skills), dtype=bool)
    for sid in profile.skills:
        j = matrix.col_of.get(sid)
        if j is not None and profile.holds(sid):
            held[j] = True
    ess = matrix.ent_essential
    covered = held[matrix.ent_col] | (cell >= config.covered_min)
    partial = ~covered & (cell >= config.partial_min)
    n = len(matrix.occ_ids)
    rows, w = matrix.ent_row, matrix.ent_weight

    def per_row(values) -> np.ndarray:
        return np.bincount(rows, weights=values, minlength=n)

    total = matrix.ess_total
    safe = np.where(total > 0, total, 1.0)
    n_cov = per_row((covered & ess).astype(np.float64))
    n_part = per_row((partial & ess).astype(np.float64))
    reach = per_row(w * cell) / (matrix.req_total + SHRINK)
    prec = precision(matrix, profile, pairs)
    return Scores(
        coverage=np.where(total > 0, per_row(w * cell * ess) / safe, 0.0),
        coverage_held=np.where(total > 0, per_row(w * (covered & ess)) / safe, 0.0),
        covered=n_cov.astype(np.int64),
        partial=n_part.astype(np.int64),
        missing=(matrix.n_essential - n_cov - n_part).astype(np.int64),
        reach=reach,
        precision=prec,
        score=np.sqrt(reach * prec),
    )


def rank(matrix: RoleMatrix, scores: Scores, majors: Collection[int] | None = None) -> np.ndarray:
    """The rows with essential skills and a score (of these ISCO major groups, when given), best
    first: the score, then essential coverage, then fewer essential skills to close, then the
    occupation id."""
    keep = (matrix.ess_total > 0) & (scores.score > 0)
    if majors:
        keep &= np.isin(matrix.major, list(majors))
    rows = np.flatnonzero(keep)
    to_close = scores.partial[rows] + scores.missing[rows]
    # equal values tie, whatever the sums' order
    sc, cov = np.round(scores.score[rows], 9), np.round(scores.coverage[rows], 9)
    return rows[np.lexsort((matrix.occ_ids[rows], to_close, -cov, -sc))]
