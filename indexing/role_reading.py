"""A text read again for a short list of skills: `read_for_skills`.

Extraction reads a CV against the whole taxonomy and keeps, per phrase, the skill it names best.
A phrase often says several near-synonymous skills equally well: "training new staff" reads
best as "train crew members", and says "train employees" barely less. When the skills a target
role needs are known, the role's own skill is the better reading of such a phrase. This module
finds, for each of the given skills, the unit of the text (a sentence or one of its phrases, as
extraction cuts them) that says it best, and keeps it only when that unit says it plainly:

- its score (the linker's dense score: the best label cosine plus the description's share) is
  at least `min_score`;
- among all skills of the taxonomy, the unit ranks it within its best `max_rank` + 1 (the skill
  is among the unit's first readings, not a distant one it merely resembles);
- it scores no less than the unit's best reading minus `margin`.

Only dense scores take part: no lexical bonus, no technology gate (a skill the role needs is
not an ambiguous reading of a tool's name in this text: the caller passes skills extraction
did not find, and the gate's question does not arise for a role's own skill list).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from indexing.encoder import normalize_rows
from indexing.extract import units
from indexing.types import Check, Evidence, unchecked

if TYPE_CHECKING:
    from indexing.linker import SkillLinker


@dataclass(frozen=True)
class Reading:
    """A skill the text says plainly, read for a given list: the unit that says it and how well
    (`score`: the dense score; `rank`: how many skills the unit reads better)."""

    skill_id: int
    score: float
    rank: int
    evidence: Evidence


def read_for_skills(
    linker: SkillLinker,
    text: str,
    skill_ids: Sequence[int],
    *,
    min_score: float,
    max_rank: int,
    margin: float,
    check: Check = unchecked,
) -> list[Reading]:
    """The skills of `skill_ids` that a unit of `text` says plainly (module docstring), best
    first; a skill the linker does not know is skipped."""
    pairs = units(text)
    rows = {sid: linker.row_of(sid) for sid in dict.fromkeys(skill_ids) if _known(linker, sid)}
    if not pairs or not rows:
        return []
    dense = _unit_scores(linker, pairs, check)
    return _readings(dense, pairs, rows, min_score=min_score, max_rank=max_rank, margin=margin)


def plain_readings(
    linker: SkillLinker,
    text: str,
    *,
    min_score: float,
    max_rank: int,
    margin: float,
    exclude: Collection[int] = (),
    check: Check = unchecked,
) -> list[Reading]:
    """Every skill `read_for_skills` would find in `text` for some list that names it, but those
    of `exclude`: what the text says plainly beside extraction's one reading per phrase, kept
    for a role not yet known (an employer's opening ranks a stored CV later). One pass: a skill
    read plainly is among the best `max_rank` + 1 of the unit that says it best (ties
    included), so only those of each unit are tried, with the same rule."""
    pairs = units(text)
    if not pairs or max_rank < 0:
        return []
    dense = _unit_scores(linker, pairs, check)
    k = min(max_rank + 1, dense.shape[1])
    kth = -np.partition(-dense, k - 1, axis=1)[:, k - 1]  # each unit's k-th best score
    cols = np.unique(np.nonzero(dense >= kth[:, None])[1])  # ties at the k-th all taken
    skip = set(exclude)
    rows = {linker.skills[c].id: int(c) for c in cols.tolist()}
    rows = {sid: c for sid, c in rows.items() if sid not in skip}
    return _readings(dense, pairs, rows, min_score=min_score, max_rank=max_rank, margin=margin)


def _unit_scores(linker: SkillLinker, pairs, check: Check) -> np.ndarray:
    """(units, skills): each unit's dense score for every skill of the linker."""
    texts = [unit.text for _, unit in pairs]
    check()
    q = normalize_rows(linker.query_vectors(texts, check=check))
    return linker.views.dense(q, linker.config.description_weight, check=check)


def _readings(
    dense: np.ndarray,
    pairs,
    rows: dict[int, int],
    *,
    min_score: float,
    max_rank: int,
    margin: float,
) -> list[Reading]:
    """The rule of the module docstring for each skill of `rows` (skill id -> column)."""
    best = dense.max(axis=1)
    out = []
    for sid, row in rows.items():
        col = dense[:, row]
        u = int(np.argmax(col))
        score = float(col[u])
        if score < min_score or score < float(best[u]) - margin:
            continue
        rank = int((dense[u] > score).sum())
        if rank > max_rank:
            continue
        unit = pairs[u][1]
        out.append(Reading(sid, score, rank, Evidence(unit.start, unit.end, unit.text)))
    out.sort(key=lambda r: (-r.score, r.skill_id))
    return out


def _known(linker: SkillLinker, skill_id: int) -> bool:
    try:
        linker.row_of(skill_id)
    except KeyError:
        return False
    return True
