"""A verb of recording read alone is no skill where words follow it: a CV's bullet "Writing and
reviewing care plans" read *writing techniques* (a writer's craft) by "Writing", "Reading with
pupils" *read people* and *read books*, "Logging tickets in ServiceNow" *logging* (a forest's),
"Recording fluid intake" *record music*. What such a verb means is its object's: the longer
words are read ("teach reading strategies" by "Reading with pupils", "plan nursing care" by
"care plans"); the verb alone is not, where a word follows it on its line (besides "and" and
the next verb that shares its object). Said alone or in a list ("Writing, editing and
proofreading", "Report writing"), it is read as before."""

from __future__ import annotations

import re

_LONE = re.compile(
    r"writ(?:e|es|ing|ten)|wrote|read(?:s|ing)?|logg(?:ed|ing)|log(?:s)?"
    r"|record(?:s|ed|ing)?|not(?:ed|ing)",
    re.I,
)
# a word follows on the line: its object, a preposition, or "and" and the next verb
_FOLLOWED = re.compile(r"[ \t]+[A-Za-z]")
_LOOK = 12


def lone_verb(text: str, start: int, end: int) -> bool:
    """Whether `text[start:end]` is one verb of recording with words after it (module
    docstring)."""
    if start > 0 and text[start - 1].isalnum():
        return False  # part of a word ("Rewriting")
    after = text[end : end + _LOOK]  # a wider gap holds no object
    return _LONE.fullmatch(text, start, end) is not None and bool(_FOLLOWED.match(after))
