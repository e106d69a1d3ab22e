"""What a line books or schedules for others is not what it does: "Optician's receptionist,
booking eye tests" read *perform comprehensive eye examinations*, then *test visual acuity*;
"Booking driving lessons for customers" *teach driving theory*; "Scheduling MRI scans for
patients" *prepare for diagnostic imaging procedures*. A skill read from the words a verb of
booking or scheduling takes (up to the clause's end or a word that ends the thing booked) is
not read (`indexing.extract._misread`), unless its label is itself about booking, appointments,
schedules or reservations ("Booking driving lessons": *arrange bookings*), or a curated word
names it. A book's other senses ("book keeper", "log book", "bookkeeping") book nothing.
Bounded: a long text is read in linear time."""

from __future__ import annotations

import re

_BOOKING = re.compile(
    r"\b(?:re-?)?(?:book(?:s|ed|ing)?|schedul(?:e|es|ed|ing))[ \t]+"
    r"(?!(?:keeper|keepers|keeping|shop|shops|store|stores|seller|sellers|club|clubs|binder"
    r"|binding|fair|publisher|publishers|cover|covers|review|reviews)\b)"
    r"(?P<thing>[^,;:.!?()\n]{1,80})",
    re.I,
)
# a word that ends the thing booked: "eye tests for customers", "lessons and I teach",
# "maintenance and performing inspections"
_THING_END = re.compile(
    r"\s(?:for|with|while|but|and\s+(?:I|also|then|we|[a-z]+ing|[a-z]+ed))\b", re.I
)
# a skill about booking itself is read from what is booked ("arrange bookings")
_ABOUT_BOOKING = re.compile(r"book|appointment|schedul|reserv|diary|calendar|rota", re.I)


def booked_things(text: str) -> list[tuple[int, int]]:
    """The spans of `text` that a verb of booking or scheduling takes (module docstring)."""
    out = []
    for m in _BOOKING.finditer(text):
        thing = m.group("thing")
        end = _THING_END.search(thing)
        out.append((m.start("thing"), m.start("thing") + (end.start() if end else len(thing))))
    return out


def booked(label: str, text: str, start: int, end: int) -> bool:
    """Was the skill of `label` read from words (text[start:end]) of a thing booked for others,
    and is it not about booking itself (module docstring)?"""
    if _ABOUT_BOOKING.search(label):
        return False
    return any(start < hi and lo < end for lo, hi in booked_things(text))
