"""A language named as an adjective of another thing is no language skill: "a busy Italian
restaurant", "a Chinese takeaway", "a German car maker" say nothing of speaking Italian,
Chinese or German. ESCO names each language by one capitalised word ("Italian"; not a tool);
the same word reads the language where it stands alone or in a list ("I
speak Italian and French", "Languages: Italian, Spanish"), before a word of language ("Italian
speaker", "English teacher", "French GCSE"), or after a word of using one ("fluent Italian",
"native Polish").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from indexing.technology import is_technology
from indexing.text import STOPWORDS
from indexing.types import SkillEntry

_ONE_WORD = re.compile(r"[A-Z][a-z]+")
_NEXT = re.compile(r"[ \t]*([A-Za-z][\w-]*)")
_BEFORE = re.compile(r"([A-Za-z]+)[ \t]*$")
LOOK_BACK = 64  # characters before a language searched for a word of using one
# words after a language that are of the language: "Italian speaker", "English teacher"
LANGUAGE_AFTER = frozenset(
    """language languages speaker speakers speaking spoken written native fluent fluently
    teacher teachers teaching tutor tutoring lessons lesson classes class course courses degree
    gcse gcses a-level a-levels level literature grammar translation translator translators
    interpreter interpreting skills conversation conversational studies student students
    certificate diploma exam""".split()
)
# words before a language that use it: "fluent Italian", "I speak Polish"
LANGUAGE_BEFORE = frozenset(
    """speak speaks spoke speaking fluent fluently native conversational basic good some
    bilingual read write written spoken learn learning learnt learned study studied teach
    taught in into from""".split()
)


def language_rows(skills: Sequence[SkillEntry]) -> frozenset[int]:
    """Rows of the skills that are a language: an ESCO skill named by one capitalised word that
    is no tool ("Italian", a knowledge area; "Chinese", filed as a competence; not "Python").
    ESCO's three religions ("Islam") are read the same way: no more said of another thing."""
    return frozenset(
        row
        for row, s in enumerate(skills)
        if s.source == "esco"
        and _ONE_WORD.fullmatch(s.preferred_label.strip())
        and not is_technology(s)
    )


def as_adjective(text: str, start: int, end: int) -> bool:
    """Whether text[start:end], one word, is said of another thing: a word follows it that is no
    stopword and no word of language, and no word of using a language comes before it."""
    if not text[start:end].isalpha():
        return False  # a phrase, not the one word
    after = _NEXT.match(text, end)
    if after is None:
        return False
    word = after.group(1).lower()
    if word in STOPWORDS or word in LANGUAGE_AFTER:
        return False
    # only the characters just before it: a search over all the text before each hit is
    # quadratic on a long run of letters
    before = _BEFORE.search(text, max(0, start - LOOK_BACK), start)
    return not (before and before.group(1).lower() in LANGUAGE_BEFORE)
