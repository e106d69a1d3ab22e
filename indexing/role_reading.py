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

from collections.abc import Sequence
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
    texts = [unit.text for _, unit in pairs]
    check()
    q = normalize_rows(linker.encoder.encode_queries(texts))
    dense = linker.views.dense(q, linker.config.description_weight, check=check)
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
