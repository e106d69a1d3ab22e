"""A title several trades share, read by the other words of its line.

"Mechanic" is a title of a vehicle technician, an industrial machinery mechanic, a construction
equipment technician ... (`service.titles`: SHARED_TITLE, FAMILY_TITLE, or an ESCO label of
several trades none prefers), so alone it names no one job (`experience._sure_job`). A careers
adviser reads the rest of the line: "Mechanic at Kwik Fit: tyres, brakes, MOT prep" is a vehicle
technician, because tyres replaced, brakes and vehicle tests are that trade's skills and none of
the others'. `LineJobs.job` picks, among the occupations the title names closely (its
candidates at MIN_LABEL_SCORE or more), the one whose skills (essential or optional) hold the
most of the skills read from the title's line outside the title itself: at least MIN_SKILLS
distinct ones, and MIN_LEAD more than any other candidate; or the one candidate that holds any
of them, where one it holds is a sector's or an occupation's own (ESCO's reuse level: "Mechanic
servicing cars and doing MOTs", *perform vehicle tests*); else none, as before.

Bounded: a line longer than MAX_LINE is read for no title (no CV line is that long), at most
MAX_LINES lines of a text are read, each once, at most MAX_SHARED shared titles are read by their
lines and the candidates of at most MAX_TITLES_SEEN titles are found, each once (a title that is
not shared spends no shared title's turn)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sqlmodel import Session

from indexing.types import Check, unchecked
from service.repo import taxonomy as tax
from service.titles.family import FAMILY_TITLE
from service.titles.resolver import SHARED_TITLE, TitleCandidate

if TYPE_CHECKING:
    from service.runtime import Runtime

MIN_SKILLS = 2  # distinct skills of the line that the trade holds
MIN_LEAD = 2  # over the next candidate
CANDIDATES = 10  # the title's occupations looked at
MAX_LINE = 400  # characters: a longer line is read for no shared title
MAX_LINES = 8  # lines of one text read for their shared titles
MAX_SHARED = 8  # shared titles of one text read by their lines
MAX_TITLES_SEEN = 40  # titles of one text resolved for their candidates (experience's bound)
SEVERAL_TRADES = 3  # ISCO unit groups

_BREAK = re.compile(r"[.!?;\n]")  # where a line ends (`experience`'s sentences)
_SPECIFIC = frozenset({"sector-specific", "occupation-specific"})


def line_of(text: str, at: int) -> tuple[int, int] | None:
    """(start, end) of the line of `text` that holds offset `at`, or None where it is longer
    than MAX_LINE; only MAX_LINE characters either side are looked at."""
    low = max(0, at - MAX_LINE)
    breaks = [m.end() for m in _BREAK.finditer(text, low, at)]
    start = breaks[-1] if breaks else 0 if low == 0 else None
    after = _BREAK.search(text, at, at + MAX_LINE + 1)
    end = after.start() if after else len(text) if len(text) <= at + MAX_LINE else None
    if start is None or end is None or end - start > MAX_LINE:
        return None
    return start, end


def names_several_trades(runtime: Runtime, label: str) -> bool:
    """Whether ESCO gives `label` to occupations of SEVERAL_TRADES ISCO unit groups or more, as
    none's preferred label: "civil servant" (a defence administration officer, a social security
    officer, a competition policy officer...), "general manager", "surveyor". Which one the
    learner was is unknown, so no one's essentials are read; the words still are."""
    titles = runtime.titles
    hits = [titles.labels.label(lid) for lid in titles.labels.exact(label)]
    if any(kind == "preferred" for _e, _t, kind in hits):
        return False
    return (
        len({titles.info[e].isco_code for e, _t, _k in hits if e in titles.info}) >= SEVERAL_TRADES
    )


def shared_candidates(runtime: Runtime, title: str, min_label: float) -> list[TitleCandidate]:
    """The occupations a title several trades share names closely (label score `min_label` or
    more), best first; [] for a title that is not shared, or an unsure one."""
    got = runtime.titles.resolve(title, k=CANDIDATES)
    if not got.confident or not got.candidates:
        return []
    first = got.candidates[0]
    shared = got.warning in (SHARED_TITLE, FAMILY_TITLE) or (
        got.warning is None and first.exact and names_several_trades(runtime, first.matched_label)
    )
    return [c for c in got.candidates if c.label_score >= min_label] if shared else []


class LineJobs:
    """The jobs shared titles name in one text, read by the skills of their lines."""

    def __init__(self, runtime: Runtime, session: Session, text: str, min_label: float):
        self.runtime, self.session, self.text, self.min_label = runtime, session, text, min_label
        self._candidates: dict[str, list[TitleCandidate]] = {}
        self._lines: dict[int, list[tuple[int, int, int]]] = {}  # line start -> skill, span
        self._skills: dict[int, frozenset[int]] = {}  # occupation -> its skills

    def job(
        self, title: str, start: int, end: int, check: Check = unchecked
    ) -> TitleCandidate | None:
        """The occupation the shared title `title` (at `start`:`end` of the text) names by the
        skills of its line (module docstring), or None."""
        if title not in self._candidates:
            shared = sum(len(c) >= 2 for c in self._candidates.values())
            if shared >= MAX_SHARED or len(self._candidates) >= MAX_TITLES_SEEN:
                return None  # a title that is not shared spends no shared title's turn
            self._candidates[title] = shared_candidates(self.runtime, title, self.min_label)
        candidates = self._candidates[title]
        if len(candidates) < 2:
            return None  # not shared (one candidate alone is the resolver's, not the line's)
        read = {sid for sid, a, b in self._line_skills(start, check) if a < start or b > end}
        if len(read) < MIN_SKILLS:
            return None
        held = sorted(
            (
                (len(read & self._occupation_skills(c.occupation_id)), i)
                for i, c in enumerate(candidates)
            ),
            reverse=True,
        )
        (best, at), runner_up = held[0], held[1][0]
        if best >= MIN_SKILLS and best - runner_up >= MIN_LEAD:
            return candidates[at]
        # a trade's own skill that no other candidate holds ("Mechanic servicing cars and doing
        # MOTs": *perform vehicle tests*, a vehicle technician's alone)
        own = read & self._occupation_skills(candidates[at].occupation_id)
        return candidates[at] if runner_up == 0 and self._specific(own) else None

    def _specific(self, skill_ids: set[int]) -> bool:
        """Whether one of the skills belongs to a sector or an occupation (ESCO's reuse level),
        not to any work ("customer service")."""
        skills = getattr(self.runtime, "skills", {})
        return any(getattr(skills.get(sid), "reuse_level", "") in _SPECIFIC for sid in skill_ids)

    def _line_skills(self, at: int, check: Check) -> list[tuple[int, int, int]]:
        """(skill id, start, end) of each piece of evidence of the skills read from the line
        holding offset `at`; none for a line past MAX_LINE or past the text's MAX_LINES."""
        span = line_of(self.text, at)
        if span is None:
            return []
        start, end = span
        if start not in self._lines:
            if len(self._lines) >= MAX_LINES:
                return []
            check()
            found = self.runtime.linker.extract(self.text[start:end], check=check)
            self._lines[start] = [
                (x.skill_id, start + e.start, start + e.end) for x in found for e in x.evidence
            ]
        return self._lines[start]

    def _occupation_skills(self, occupation_id: int) -> frozenset[int]:
        if occupation_id not in self._skills:
            rows = tax.occupation_skill_rows(self.session, occupation_id=occupation_id)
            self._skills[occupation_id] = frozenset(r[0] for r in rows)
        return self._skills[occupation_id]
