"""A title of a level ("team leader", "supervisor", "shift manager": `several.GENERIC_TITLES`)
read in the learner's trade; so is a title several trades use for their own job ("service
manager": a garage's is a *motor vehicle aftersales manager*; `several.SHARED_TITLES`), by its
curated readings alone: one of the job's own ISCO minor group, else the one whose ESCO
description is nearest the job's, by JOB_MARGIN (such trades share few listed skills: a
mechanic's relation to *service manager* is 0.11, to the aftersales manager less), else the CV's
words as below. A title that names a family of trades ("renewable energy installer": each
reading one narrower trade of it, `family.FAMILY_TITLE`) is read as a title trades share, among
its readings whose evidence ends in the title's head word (round h-titles16).

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
said in the learner's trade before the readings. A job's noun may be two words ("quick service
restaurant crew member" -> "quick service restaurant team leader"). Before the relation, a
reading of the job's own ISCO minor group wins, the commonest first: ESCO lists few skills for
*sales assistant*, whose relation to *shop supervisor* (both ISCO 522, shop salespersons) is 0.06
and to *call centre supervisor* 0.10, so a sales assistant's "team leader" read as a call
centre's. The answer says which reading was chosen and
from which job.

A CV that names no job ("I answer customer calls all day, handle complaints, log tickets in the
CRM"), or whose jobs relate to no reading (a leisure centre assistant and a duty manager: ESCO's
*leisure attendant* and *sport facility manager* share no listed skill), still says its trade in
its words: each of the title's readings is then compared with the CV text by the similarity of
its ESCO description, and the nearest wins when it reaches MIN_TEXT_SIMILARITY and is nearer than
the commonest reading by TEXT_MARGIN ("read as call centre supervisor from the words of your
CV"). Otherwise the title keeps its commonest reading and its warning.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from sqlmodel import Session

from service.repo.taxonomy import occupation_by_id, occupation_skill_rows
from service.titles.family import FAMILY_TITLE
from service.titles.heads import head_word
from service.titles.resolver import GENERIC_TITLE, SHARED_TITLE, TitleCandidate, TitleResolution
from service.titles.words import normalise_title

if TYPE_CHECKING:
    from service.runtime import Runtime

MIN_RELATION = 0.1  # warehouse worker -> warehouse manager 0.15; grill cook -> shop sup. 0.13
MIN_LABEL_SCORE = 0.9  # the level said in the trade matches a label or known title this closely
# a reading from the CV's words: its description this near the CV, and nearer than the commonest
# reading's by the margin (call centre CV: call centre supervisor 0.38, shop supervisor 0.25;
# burger counter CV: head chef 0.45, fast food team leader 0.41, no margin: the commonest stays)
MIN_TEXT_SIMILARITY = 0.2
TEXT_MARGIN = 0.05
FROM_TEXT = "the words of your CV"  # LevelReading.job_phrase of a reading from the CV text
# the warnings of the titles read in the learner's trade: a level's ("team leader"), a title
# several trades use for their own job ("service manager": `several.SHARED_TITLES`) and a title
# that names a family of trades ("renewable energy installer": `family.py`), read as a shared one
READ_IN_TRADE = (GENERIC_TITLE, SHARED_TITLE, FAMILY_TITLE)
# a title trades share: a reading whose description is this much nearer the job's than every
# other reading's (a mechanic: *motor vehicle aftersales manager* 0.34, *service manager* 0.24;
# a lorry driver: *freight transport dispatcher* 0.53, *transport planner* 0.40)
JOB_MARGIN = 0.05


@dataclass(frozen=True)
class LevelReading:
    """The reading chosen for a title of a level, and the job it was read from."""

    candidate: TitleCandidate
    label: str  # the chosen occupation's preferred label
    job_phrase: str  # the job as the learner wrote it
    relation: float
    flag: str = GENERIC_TITLE  # the resolution's warning: a level's, or a title trades share

    @property
    def occupation_id(self) -> int:
        return self.candidate.occupation_id

    def sentence(self) -> str:
        """'read as call centre supervisor from your experience as a call centre agent'."""
        job = self.job_phrase
        if job == FROM_TEXT:
            return f"read as {self.label} from {job}"
        # a word written capitalised ("Assistant Store Manager") is said in lower case; an
        # acronym ("NHS") or a name's inner capital ("McDonald's") stays
        job = " ".join(
            w.lower() if w[1:2].islower() and w[1:].islower() else w for w in job.split()
        )
        article = "an" if job[:1].lower() in "aeiou" else "a"
        return f"read as {self.label} from your experience as {article} {job}"

    def warning(self) -> str:
        """The title's warning (GENERIC_TITLE, SHARED_TITLE) with the reading said."""
        head, _, tail = self.flag.partition(": ")
        return f"{head}: {self.sentence()}; {tail}"


def read_in_trade(
    runtime: Runtime,
    session: Session,
    resolution: TitleResolution,
    jobs: Mapping[int, str],
    text: str = "",
) -> LevelReading | None:
    """The reading of a title of a level in the trade of the learner's `jobs` (occupation id ->
    the job as written), else of the CV `text` (module docstring); None when the title is no
    such title or no candidate is related enough."""
    if resolution.warning not in READ_IN_TRADE:
        return None
    skills = _SkillSets(session)
    best = _from_jobs(runtime, skills, resolution, jobs)
    if best is None and resolution.warning != GENERIC_TITLE:
        best = _described(runtime, resolution, jobs)
    best = best or _from_text(runtime, resolution, text)
    if best is None:
        return None
    occ = skills.label(best.candidate.occupation_id)
    return replace(best, label=occ, flag=resolution.warning)


def _readings(resolution: TitleResolution) -> list[TitleCandidate]:
    """The readings a learner's trade chooses among: a title's curated ones, in their order; of
    a family's, those whose evidence ends in the title's head word ("renewable energy
    installer": the offshore, solar and geothermal energy installers' labels)."""
    if resolution.warning != FAMILY_TITLE:
        return [c for c in resolution.candidates if c.tier == 0]
    head = head_word(resolution.query)
    return [c for c in resolution.candidates if head_word(c.matched_label) == head]


def _from_jobs(runtime, skills, resolution, jobs) -> LevelReading | None:
    """The candidate most related to one of the jobs, a reading said in the trade first, then
    a reading of the job's own ISCO minor group (module docstring)."""
    best: LevelReading | None = None
    # a title trades share is no level to be said in the job's trade, and its trades share few
    # skills (a mechanic and *service manager* 0.11, *motor vehicle aftersales manager* less):
    # its curated readings of the job's own group alone, else the CV's words choose
    level = resolution.warning == GENERIC_TITLE
    readings = resolution.candidates if level else _readings(resolution)
    for way in ("said", "group", "related") if level else ("group",):
        for oid, phrase in jobs.items():
            if way == "said":
                found = _said_in_trade(runtime, resolution.query, phrase, skills.label(oid))
            else:
                found = readings
            for cand in found:
                if cand.occupation_id in jobs:  # the learner's own job is no step
                    continue
                rel = skills.relation(oid, cand.occupation_id)
                if way == "group":  # the commonest reading of the job's own group
                    if best is None and skills.same_group(oid, cand.occupation_id):
                        best = LevelReading(cand, "", phrase, rel)
                elif rel >= MIN_RELATION and (best is None or rel > best.relation):
                    best = LevelReading(cand, "", phrase, rel)
        if best is not None:
            break
    return best


def _described(runtime, resolution: TitleResolution, jobs) -> LevelReading | None:
    """The reading of a title trades share whose ESCO description is nearest a job's, when
    nearer than every other reading's by JOB_MARGIN (module docstring); else None."""
    readings = _readings(resolution)
    best: LevelReading | None = None
    for oid, phrase in jobs.items() if len(readings) > 1 else ():
        sims = runtime.titles.description_similarity("", [c.occupation_id for c in readings], oid)
        i = max(range(len(sims)), key=lambda j: (sims[j], -j))
        gap = sims[i] - max(x for j, x in enumerate(sims) if j != i)
        if gap >= JOB_MARGIN and (best is None or gap > best.relation):
            best = LevelReading(readings[i], "", phrase, gap)
    return best


def _from_text(runtime, resolution: TitleResolution, text: str) -> LevelReading | None:
    """The title's reading whose description is nearest the CV text, when near enough and
    nearer than the commonest reading's by TEXT_MARGIN (module docstring); else None."""
    readings = _readings(resolution)  # curated, in their order
    if len(readings) < 2 or not text.strip():
        return None
    sims = runtime.titles.description_similarity(text, [c.occupation_id for c in readings])
    i = max(range(len(sims)), key=lambda j: (sims[j], -j))  # of equals, the commoner
    if i == 0 or sims[i] < MIN_TEXT_SIMILARITY or sims[i] - sims[0] < TEXT_MARGIN:
        return None
    return LevelReading(readings[i], "", FROM_TEXT, sims[i])


def _said_in_trade(runtime: Runtime, level: str, phrase: str, label: str) -> list[TitleCandidate]:
    """The occupations the level said in the job's trade names, for the job as written and as
    its occupation's label ("care assistant", "healthcare assistant" -> "care team leader",
    "healthcare team leader")."""
    out = []
    seen = set()
    for job in (phrase, label):
        words = normalise_title(job).split()
        # the job's noun is its last word, or its last two ("quick service restaurant crew
        # member" -> "quick service restaurant team leader")
        for title in (" ".join([*words[:-n], level]) for n in (1, 2) if len(words) > n):
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

    def same_group(self, job: int, other: int) -> bool:
        """Whether both are of one ISCO minor group (its first three digits: 522, shop
        salespersons, holds *sales assistant* and *shop supervisor*)."""
        codes = [occupation_by_id(self.session, occupation_id=o) for o in (job, other)]
        groups = {(c.isco_code or "")[:3] if c is not None else "" for c in codes}
        return len(groups) == 1 and len(groups.pop()) == 3
