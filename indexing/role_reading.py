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

from bisect import bisect_right
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import TYPE_CHECKING

import numpy as np

from indexing.aliases import CURATED
from indexing.encoder import normalize_rows
from indexing.extract import units
from indexing.text import Span
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


UNIT_CHUNK = 32  # units scored against every skill at once (32 x 112k floats: 14 MB)


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
    wanted = {sid for sid in skill_ids if _known(linker, sid)}
    if not wanted:
        return []
    found = plain_readings(
        linker, text, min_score=min_score, max_rank=max_rank, margin=margin, check=check
    )
    return [r for r in found if r.skill_id in wanted]


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
    """Every skill of the taxonomy that a unit of `text` says plainly (the module docstring's
    rule), but those of `exclude`, best first: `read_for_skills` for all skills at once, kept
    for a role not yet known (an employer's opening ranks a stored CV later).

    Units are scored in chunks, keeping per skill its best score and unit, and per unit its best
    score and its best `max_rank` + 1 scores: a skill ranks within `max_rank` at a unit exactly
    when it scores at least that unit's (`max_rank` + 1)-th best, so no unit x skill matrix of
    the whole text is held."""
    pairs = _unowned(linker, units(text))
    n_skills = len(linker.skills)
    if not pairs or max_rank < 0 or not n_skills:
        return []
    k = min(max_rank + 1, n_skills)
    q = normalize_rows(linker.query_vectors([unit.text for _, unit in pairs], check=check))
    colmax = np.full(n_skills, -np.inf, np.float32)
    colarg = np.zeros(n_skills, np.int64)
    best = np.empty(len(pairs), np.float64)
    top = np.empty((len(pairs), k), np.float32)  # each unit's best k scores, best first
    for lo in range(0, len(pairs), UNIT_CHUNK):
        d = linker.views.dense(
            q[lo : lo + UNIT_CHUNK], linker.config.description_weight, check=check
        )
        hi = lo + len(d)
        best[lo:hi] = d.max(axis=1)
        top[lo:hi] = -np.sort(np.partition(-d, k - 1, axis=1)[:, :k], axis=1)
        m, a = d.max(axis=0), d.argmax(axis=0)
        better = m > colmax  # strictly: the first unit keeps a tie, as argmax does
        colmax[better], colarg[better] = m[better], a[better] + lo
    score = colmax.astype(np.float64)
    ok = (score >= min_score) & (score >= best[colarg] - margin) & (colmax >= top[colarg, k - 1])
    skip = set(exclude)
    out = []
    for row in np.flatnonzero(ok).tolist():
        sid = linker.skills[row].id
        if sid in skip:
            continue
        u, sc = int(colarg[row]), float(score[row])
        unit = pairs[u][1]
        rank = int((top[u] > sc).sum())
        out.append(Reading(sid, sc, rank, Evidence(unit.start, unit.end, unit.text)))
    out.sort(key=lambda r: (-r.score, r.skill_id))
    return out


def _unowned(linker: SkillLinker, pairs: list[tuple[Span, Span]]) -> list[tuple[Span, Span]]:
    """The units but those within the words a curated word of their sentence owns: a curated
    word names its own skills, as in extraction ("testing and inspection" of an electrician is
    *test electrical equipment*, its "inspection" no *quality assurance procedures* for an
    inspector's role)."""
    owned: list[tuple[int, int]] = []
    for sent in {s.start: s for s, _ in pairs}.values():
        for hit in linker.lexical(sent.text).values():
            if hit.kind == CURATED:
                owned += [(sent.start + a, sent.start + b) for a, b in hit.owned()]
    if not owned:
        return pairs
    owned.sort()  # a unit is within one when the furthest end of those starting at or before
    starts = [lo for lo, _ in owned]  # its start reaches its end: log time a unit
    ends = list(accumulate((hi for _, hi in owned), max))
    return [
        (s, u)
        for s, u in pairs
        if not ((i := bisect_right(starts, u.start)) and ends[i - 1] >= u.end)
    ]


def _known(linker: SkillLinker, skill_id: int) -> bool:
    try:
        linker.row_of(skill_id)
    except KeyError:
        return False
    return True
