"""A job title said with its workplace: "Housekeeper in a hotel", "Manager in a hotel",
"Assistant in a bakery", "Administrator at a GP surgery".

A careers adviser reads the place into the title: a hotel's housekeeper is a *room attendant*
("hotel housekeeper"), a hotel's manager an *accommodation manager*. Alone such a title names no
job or the wrong one: "Housekeeper" is a label of three trades, "Manager" of none, "Assistant"
read *executive assistant* (a loose 0.86), "Administrator" *database administrator*.
`place_titles` gives the titles the words say with their place ("hotel housekeeper"; for a place
of two words, "GP surgery administrator" first, then "surgery administrator"); the title
resolver decides whether one names a job (`experience.read_jobs`). The place is the one or two
words after "in" or "at" and an article ("in a busy hotel": its size or standing left out);
"at home", "in 2019", "at Tesco" say no place of work; a capitalised word names one place, an
employer ("at The Priory School", "at the Royal Free Hospital"). A trade's firm is a place too:
"Engineer for a boiler company" is a "boiler engineer" (the word before "company", "firm",
"business" or "contractor").
"""

from __future__ import annotations

import re

_WORD = r"([A-Za-z][\w'-]*)"
_PLACE = re.compile(
    rf"[ \t]+(?:in|at)[ \t]+(?:an?|the)[ \t]+(?:(?:busy|large|small|local|private|big|popular"
    rf"|independent|family[- ]run|leading|major|national|luxury|boutique|\d-star)[ \t]+)?"
    rf"{_WORD}(?:[ \t]+{_WORD})?",
    re.I,
)
# a trade's firm the title works for: "Engineer for a boiler company", "Driver for a local
# delivery firm" (the trade's word is the place: "boiler engineer", "delivery driver")
_FIRM = re.compile(
    rf"[ \t]+for[ \t]+(?:an?|the)[ \t]+(?:(?:busy|large|small|local|private|big|national"
    rf"|independent|family[- ]run|leading|major)[ \t]+)?{_WORD}[ \t]+"
    r"(?:company|firm|business|contractor|contractors)\b",
    re.I,
)
# words that end a place ("in a hotel for five years"): never the place's second word
_NOT_PLACE = frozenset(
    "for in at with since from on and of who where i was were is but then when until during"
    " as to by while whilst so because near my".split()
)


def place_titles(
    text: str, end: int, title: str, *, bare_is_label: bool = False
) -> tuple[list[str], int]:
    """The titles `title` (ending at `end` in `text`) makes with the workplace said right after
    it, the most specific first, and where the words of the place end; ([], end) where no
    place follows. bare_is_label: the title alone is a label, so only the whole place, and its
    last word where the title shares no word with the place and the word alone is no other
    work's (`_NOT_ALONE`), are read into it."""
    m = _PLACE.match(text, end)
    if m is None and (firm := _FIRM.match(text, end)) and _a_place_word(firm.group(1)):
        return [f"{firm.group(1)} {title}"], firm.end()
    if m is None or not _a_place_word(m.group(1)):
        return [], end
    two = m.group(2) is not None and _a_place_word(m.group(2))
    return _with_place(m.group(1), m.group(2) if two else None, title, bare_is_label), m.end(
        2 if two else 1
    )


def _with_place(first: str, second: str | None, title: str, bare_is_label: bool) -> list[str]:
    """The titles `title` makes with a place of one or two words, the most specific first."""
    if second is None:
        return [f"{first} {title}"]
    if not bare_is_label:
        return [f"{first} {second} {title}", f"{second} {title}", f"{first} {title}"]
    shared = {first.lower(), second.lower()} & {w.lower() for w in title.split()}
    alone = not shared and second.lower() not in _NOT_ALONE
    return [f"{first} {second} {title}", *([f"{second} {title}"] if alone else [])]


# the words between a place and the title said after it: "I have worked in a care home for 6
# years as a senior carer", "In a primary school as a teaching assistant" (the title follows
# "as", with or without its article; at most 8 words between, within one sentence, none of
# them a word that moves on to other work or to another person's: "in a care home and then as
# a carer", "My wife works in a school while I work as a driver")
_BEFORE_AS = re.compile(
    r"(?:[ \t]+(?!(?:and|then|but|or|later|after|before|now|until|while|whilst|so|because"
    r"|i|my|he|she|we|they|his|her|our|their|work|works|worked|working|started|start)\b)"
    r"[\w'-]+){0,8}?"
    r"[ \t]+as[ \t]+(?:an?[ \t]+)?$",
    re.I,
)
_SENTENCE_END = re.compile(r"[.!?;:\n]")
_LOOK_BACK = 160  # characters before the title where its place may be said
_IN_AT = re.compile(r"(?=[ \t]+(?:in|at)[ \t])", re.I)  # where a place may begin, overlapping


def place_titles_before(text: str, start: int, title: str, *, bare_is_label: bool = False):
    """The titles `title` (starting at `start` in `text`, after "as (a)") makes with the
    workplace said before it in its sentence, the nearest ("I have worked in a care home for 6
    years as a senior carer": "care home senior carer", ...; "at a hotel in the kitchen as a
    porter": the kitchen's), as `place_titles` gives them; [] where no place comes before.
    Looks at most _LOOK_BACK characters back."""
    head = text[max(0, start - _LOOK_BACK) : start]
    ends = [m.end() for m in _SENTENCE_END.finditer(head)]
    head = " " + head[ends[-1] if ends else 0 :]
    for at in reversed([m.start() for m in _IN_AT.finditer(head)]):  # the nearest place first
        if (m := _PLACE.match(head, at)) is None:
            continue
        two = m.group(2) is not None and _a_place_word(m.group(2))
        if _BEFORE_AS.fullmatch(head, m.end(2 if two else 1)) is None:
            continue
        if not _a_place_word(m.group(1)):
            return []
        return _with_place(m.group(1), m.group(2) if two else None, title, bare_is_label)
    return []


# a place's last word that says another work alone: a nursing home's care assistant is no "home
# care assistant" (*care at home worker*, a carer in people's own homes)
_NOT_ALONE = frozenset({"home", "homes"})


def _a_place_word(word: str) -> bool:
    """A word of a kind of workplace: in lower case ("hotel") or an acronym ("GP"); a
    capitalised word names one place ("at The Priory School", "at Tesco"), an employer."""
    if word.lower() in _NOT_PLACE:
        return False
    return word[0].islower() or (word.isupper() and len(word) <= 4)
