"""A title of a level ("team leader", "supervisor", "shift manager": `curated.GENERIC_TITLES`)
read in the learner's trade.

A call centre agent who types "team leader" means a call centre's team leader; a careers adviser
reads the level in the trade the CV names. The jobs the learner's own words name
(service.profiles.experience: "Call centre agent for three years") give the trade. The
candidates are the title's readings and, for each job, the level said in its trade: the job's
title less its last word (the job's own noun: "call centre agent" -> "call centre") followed by
the typed level ("call centre team leader"), resolved as a typed title and kept when the
resolver is sure of it without a warning and a label matches closely (MIN_LABEL_SCORE).

Each candidate's relation to a job is the mean of two shares of skills: of the job's essential
skills the candidate lists (essential or optional), and of the candidate's essential skills the
job lists. A supervisor of a trade needs most of that trade's skills; a supervisor of another
trade shares few (a call centre agent and *call centre supervisor* 0.41, *shop supervisor* 0.0).
The candidate most related to any job wins when the relation reaches MIN_RELATION, a candidate
said in the learner's trade before the readings; otherwise the title keeps its commonest reading
and its warning. The answer says which reading was chosen and from which job.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from sqlmodel import Session

from service.repo.taxonomy import occupation_by_id, occupation_skill_rows
from service.titles.resolver import GENERIC_TITLE, TitleCandidate, TitleResolution
from service.titles.words import normalise_title

if TYPE_CHECKING:
    from service.runtime import Runtime

MIN_RELATION = 0.1  # warehouse worker -> warehouse manager 0.15; grill cook -> shop sup. 0.13
MIN_LABEL_SCORE = 0.9  # the level said in the trade matches a label or known title this closely


@dataclass(frozen=True)
class LevelReading:
    """The reading chosen for a title of a level, and the job it was read from."""

    candidate: TitleCandidate
    label: str  # the chosen occupation's preferred label
    job_phrase: str  # the job as the learner wrote it
    relation: float

    @property
    def occupation_id(self) -> int:
        return self.candidate.occupation_id

    def sentence(self) -> str:
        """'read as call centre supervisor from your experience as a call centre agent'."""
        job = self.job_phrase
        if len(job) > 1 and job[1:2].islower():
            job = job[:1].lower() + job[1:]
        article = "an" if job[:1].lower() in "aeiou" else "a"
        return f"read as {self.label} from your experience as {article} {job}"

    def warning(self) -> str:
        """GENERIC_TITLE with the reading said."""
        head, _, tail = GENERIC_TITLE.partition(": ")
        return f"{head}: {self.sentence()}; {tail}"


def read_in_trade(
    runtime: Runtime,
    session: Session,
    resolution: TitleResolution,
    jobs: Mapping[int, str],
) -> LevelReading | None:
    """The reading of a title of a level in the trade of the learner's `jobs` (occupation id ->
    the job as written); None when the title is no such title, no job is named or no candidate
    is related enough."""
    if resolution.warning != GENERIC_TITLE or not jobs:
        return None
    skills = _SkillSets(session)
    best: LevelReading | None = None
    for said in (True, False):  # a reading said in the learner's trade first
        for oid, phrase in jobs.items():
            if said:
                found = _said_in_trade(runtime, resolution.query, phrase, skills.label(oid))
            else:
                found = list(resolution.candidates)
            for cand in found:
                if cand.occupation_id in jobs:  # the learner's own job is no step
                    continue
                rel = skills.relation(oid, cand.occupation_id)
                if rel >= MIN_RELATION and (best is None or rel > best.relation):
                    best = LevelReading(cand, "", phrase, rel)
        if best is not None:
            break
    if best is None:
        return None
    occ = skills.label(best.candidate.occupation_id)
    return replace(best, label=occ)


def _said_in_trade(runtime: Runtime, level: str, phrase: str, label: str) -> list[TitleCandidate]:
    """The occupations the level said in the job's trade names, for the job as written and as
    its occupation's label ("care assistant", "healthcare assistant" -> "care team leader",
    "healthcare team leader")."""
    out = []
    seen = set()
    for job in (phrase, label):
        words = normalise_title(job).split()
        if len(words) < 2:
            continue
        title = " ".join([*words[:-1], level])
        if title in seen:
            continue
        seen.add(title)
        got = runtime.titles.resolve(title, k=1)
        if got.confident and got.warning is None and got.candidates:
            if got.candidates[0].label_score >= MIN_LABEL_SCORE:
                out.append(got.candidates[0])
    return out


class _SkillSets:
    """Occupations' skills (all, essential), read once per request."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.cache: dict[int, tuple[set[int], set[int]]] = {}

    def of(self, oid: int) -> tuple[set[int], set[int]]:
        if oid not in self.cache:
            rows = occupation_skill_rows(self.session, occupation_id=oid)
            every = {r[0] for r in rows}
            self.cache[oid] = (every, {r[0] for r in rows if r[1] == "essential"})
        return self.cache[oid]

    def relation(self, job: int, other: int) -> float:
        """The mean of the two shares of essential skills (module docstring)."""
        job_all, job_ess = self.of(job)
        other_all, other_ess = self.of(other)
        if not job_ess or not other_ess:
            return 0.0
        a = len(job_ess & other_all) / len(job_ess)
        b = len(other_ess & job_all) / len(other_ess)
        return (a + b) / 2

    def label(self, oid: int) -> str:
        occ = occupation_by_id(self.session, occupation_id=oid)
        return occ.preferred_label if occ is not None else ""
