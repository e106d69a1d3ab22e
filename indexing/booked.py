"""What a line books or schedules for others is not what it does: "Optician's receptionist,
booking eye tests" read *perform comprehensive eye examinations*, then *test visual acuity*;
"Booking driving lessons for customers" *teach driving theory*; "Scheduling MRI scans for
patients" *prepare for diagnostic imaging procedures*. A skill read mostly from the words a verb
of booking or scheduling takes is not read (`indexing.extract._misread`), unless its label is
itself about booking, appointments, schedules or reservations, or a curated word names it.

The verb opens a clause (a line's or a sentence's start, after punctuation, "and", "I", "we", a
word such as "for" or "of", or a person's word: "Salon receptionist booking ..."); so the
adjective ("Carried out scheduled maintenance"), a noun ("log book entries", "a tight schedule",
"Schedule 2 drugs") and a verb joined to another ("Scheduled and carried out maintenance") book
nothing, nor do a book's other senses ("Book keeper", "bookkeeping", "book shop"). The thing
booked ends at punctuation or a word that ends it ("for", "and", "then", "using"). Bounded: a
long text is read in linear time, once per text."""

from __future__ import annotations

import functools
import re

_BOOKING = re.compile(
    r"\b(?:re-?)?(?:book(?:s|ed|ing)?|schedul(?:e|es|ed|ing))[ \t]+"
    r"(?!(?:keeper|keepers|keeping|shop|shops|store|stores|seller|sellers|club|clubs|binder"
    r"|binding|fair|publisher|publishers|cover|covers|review|reviews|and|or|for|to|with|of|in"
    r"|at|on|by)\b|&|\d)"
    r"(?P<thing>[^,;:.!?()\n]{1,80})",
    re.I,
)
# a word that ends the thing booked: "eye tests for customers", "lessons and I teach"
_THING_END = re.compile(r"\s(?:for|with|while|but|and|or|then|using|to|via)\b", re.I)
# a skill about booking itself is read from what is booked ("arrange bookings")
_ABOUT_BOOKING = re.compile(r"book|appointment|schedul|reserv|diary|calendar|rota", re.I)
_LAST_WORD = re.compile(r"([A-Za-z']+)[ \t]*$")
# the words before a verb that opens a clause
_OPENS = frozenset(
    """and or i we also then was were am is are for of with in by from when while after
    before who which that""".split()
)
# a person's word before it: "Salon receptionist booking ...", "Administrator scheduling ..."
_PERSON_END = re.compile(r"(?:er|or|ist|ant|ent|ian|man|woman|staff|team)$", re.I)


def _opens_clause(text: str, at: int) -> bool:
    """Whether a verb at `at` opens a clause (module docstring)."""
    before = text[max(0, at - 40) : at]
    if not before.strip() or before.rstrip()[-1:] in ",;:.!?()-–•*\n":
        return True
    m = _LAST_WORD.search(before)
    if m is None:
        return False
    word = m.group(1).lower()
    return word in _OPENS or (word not in {"order", "other"} and bool(_PERSON_END.search(word)))


@functools.lru_cache(maxsize=64)
def booked_things(text: str) -> tuple[tuple[int, int], ...]:
    """The spans of `text` that a verb of booking or scheduling takes (module docstring)."""
    out = []
    for m in _BOOKING.finditer(text):
        if not _opens_clause(text, m.start()):
            continue
        thing = m.group("thing")
        end = _THING_END.search(thing)
        out.append((m.start("thing"), m.start("thing") + (end.start() if end else len(thing))))
    return tuple(out)


def booked(label: str, text: str, start: int, end: int) -> bool:
    """Was the skill of `label` read mostly (half its span or more) from words of a thing
    booked for others (text[start:end]), and is it not about booking itself?"""
    if _ABOUT_BOOKING.search(label) or end <= start:
        return False
    for lo, hi in booked_things(text):
        if 2 * (min(end, hi) - max(start, lo)) >= end - start:
            return True
    return False
