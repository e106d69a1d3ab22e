"""What the learner wants to do, not what they did: "looking to move into nursing", "I want to
become a nurse", "Aspiring data analyst", "Keen to develop my leadership skills".

A careers adviser reads an aim as the learner's goal, never as a skill held; read as the CV's
other words are, "looking to move into nursing" gave *provide nursing advice on healthcare* as
held, and "I would like to learn Python" *Python*. `without_aims` blanks each aim, from the
words that say it to the end of its clause, with spaces of the same length, so the skills and
jobs read from the rest keep their places in the text. The target the learner types says the
goal; the aim's words are not read again for it.

A clause ends at a sentence's or a line's end, at ";" or at a comma or "but" that turns to
another matter (", and I", ", but", ", so"): "Keen to learn Python, SQL and Excel" is one aim;
"Looking to move into nursing, and I have 5 years in care homes" ends at ", and I". Past aims
are deeds ("I wanted to cut waiting times, so I built a booking system" is not blanked: only
present words of wanting are aims)."""

from __future__ import annotations

import re

_CUES = (
    r"looking to|looking for (?:a |an )?(?:role|job|position|work|career|opportunit\w*)"
    r"|hoping to|hope to|(?:i |i'd |i would |would )like to|i want to|i wish to|want to become"
    r"|keen to|eager to|aspire to|aiming to|i aim to|my aim is"
    r"|seeking (?:a |an |new |to |work|employment|opportunit|role|position|a career)"
    r"|(?:i am |i'm )?interested in (?:becoming|moving|working|a career|a role|training|learning)"
    r"|my (?:career )?(?:goal|ambition|aim|dream) is|career goal|intend to|intending to"
    r"|(?:i )?plan to (?:become|move|retrain|train|learn|study|get)"
    r"|retrain(?:ing)? as|(?:transition|transitioning|switch|switching) (?:careers? )?into"
    r"|career change (?:into|to)"
)
# "aspiring" is the learner's own only where a sentence or a line starts with it ("Aspiring data
# analyst", "I am an aspiring chef"); "mentored aspiring chefs" is a deed
_OWN_START = r"(?:^|(?<=[.!?\n]))\s*(?:(?:i am|i'm)\s+)?(?:an?\s+)?aspiring"
_AIM = re.compile(rf"(?<![-\w])(?:{_CUES})\b|{_OWN_START}\b", re.I)
# where an aim's clause ends: a sentence's or a line's end, ";", or a comma or word that turns
# to another matter
_CLAUSE_END = re.compile(
    r"[.!?;\n]|,\s*(?:and|but|so|then|while|where|which|having|with)\b|\s(?:but|so|whereas)\s",
    re.I,
)
# "aspiring" names the title aimed at, which ends where a title ends ("an aspiring chef with 2
# years in kitchens": the years are the learner's)
_TITLE_END = re.compile(r"[.!?;:,(\n]|\s(?:with|for|at|in|and|who|since|from)\s", re.I)
MAX_AIM_CHARS = 300  # an aim's clause no longer: a text without punctuation keeps the rest


def aim_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each aim in `text`: its cue to its clause's end, in order."""
    spans: list[tuple[int, int]] = []
    at = 0
    while (m := _AIM.search(text, at)) is not None:
        ends = _TITLE_END if m.group().lower().endswith("aspiring") else _CLAUSE_END
        end_m = ends.search(text, m.end(), m.end() + MAX_AIM_CHARS)
        end = end_m.start() if end_m else min(len(text), m.end() + MAX_AIM_CHARS)
        spans.append((m.start(), end))
        at = max(end, m.end())
    return spans


def without_aims(text: str) -> str:
    """`text` with each aim (`aim_spans`) blanked by spaces: same length, same offsets."""
    spans = aim_spans(text)
    if not spans:
        return text
    parts, at = [], 0
    for start, end in spans:
        parts += [text[at:start], " " * (end - start)]
        at = end
    parts.append(text[at:])
    return "".join(parts)
