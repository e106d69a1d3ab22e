"""A job's title names the person, not a field of knowledge: `TitleFields`.

"Security Officer" read *law enforcement* (0.86, by meaning: an officer who enforces), though a
security officer guards a shopping centre; "Domestic electrician" read *electrical household
goods market*. A knowledge area (not a tool: `indexing.technology.is_technology`) read by
meaning from words that are wholly an occupation's title (a title of the `vocabulary`:
preferred and alternative occupation labels, at most `MAX_WORDS` words) is not read where its
name shares no word with the title: its words say what the field is, and the title names none
of them. A field the title does name is read as before ("Python developer": *Python*,
"Accountant": *accounting*, a word's stem shared: `STEM`), and so is a skill named verbatim or
by a curated word (the caller asks only of readings by meaning). On a learner's path the job's
own essentials say what the title means (`service.profiles.experience`).

Nor does a title alone read a competence done to the person it names ("Supervisor, Next" read
*notify supervisor*, "Driver" *develop ICT device driver*): the learner is that person
(`done_to_the_title`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import islice

from indexing.technology import is_technology
from indexing.types import SkillEntry
from indexing.word_pairs import WORD, lemma

MAX_WORDS = 4
STEM = 5  # letters two words share at their start to share a stem ("accountant", "accounting")


def _words(text: str) -> list[str]:
    return [w.lower() for w in WORD.findall(text)]


def shares_stem(a: Iterable[str], b: Iterable[str]) -> bool:
    """Whether a word of `a` and a word of `b` have the same lemma or the same first STEM
    letters (both at least that long)."""
    b = list(b)
    for x in a:
        for y in b:
            if lemma(x) == lemma(y) or (min(len(x), len(y)) >= STEM and x[:STEM] == y[:STEM]):
                return True
    return False


class TitleFields:
    """Knowledge areas a job title alone does not read (module docstring)."""

    def __init__(self, skills: Sequence[SkillEntry], vocabulary: Iterable[str] = ()) -> None:
        self._titles = frozenset(
            " ".join(words) for t in vocabulary if 1 <= len(words := _words(t)) <= MAX_WORDS
        )
        self._names = {
            row: _words(s.preferred_label)
            for row, s in enumerate(skills)
            if s.skill_type == "knowledge" and not is_technology(s)
        }
        self._done_to = {  # competences done to a person: "notify supervisor"
            row: _words(s.preferred_label)
            for row, s in enumerate(skills)
            if s.skill_type == "skill/competence"
        }

    def is_title(self, evidence: str) -> bool:
        """Whether `evidence` is wholly an occupation's title ("Security Officer")."""
        words = [m.group().lower() for m in islice(WORD.finditer(evidence), MAX_WORDS + 1)]
        return 1 <= len(words) <= MAX_WORDS and " ".join(words) in self._titles

    def unnamed_field(self, row: int, evidence: str) -> bool:
        """Is `row` a knowledge area read from `evidence`, an occupation's title, whose name
        shares no word with it?"""
        name = self._names.get(row)
        if name is None or not self.is_title(evidence):
            return False
        return not shares_stem(name, _words(evidence))

    def done_to_the_title(self, row: int, evidence: str) -> bool:
        """Is `row` a competence done to the person `evidence` names, an occupation's title that
        ends its name ("Supervisor" of a job line: *notify supervisor*; "Driver": *develop ICT
        device driver*)? The learner holds that title: the skill is done to another."""
        name = self._done_to.get(row)
        if name is None or not self.is_title(evidence):
            return False
        said = _words(evidence)
        return len(name) > len(said) and name[-len(said) :] == said
