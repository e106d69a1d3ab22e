"""A job title followed by what the learner did in it: "Kitchen porter washing up", "Chef de
partie running the grill section" (`experience.title_phrases`, `experience.read_jobs`): the
title is the words up to a person's word followed by a word of doing, or up to a word of doing
with what it is done to; and what the word of doing is done to, said as the title's kind
("Mechanic servicing cars": "car mechanic", `object_title`, round jobs-20). Moved from
service/profiles/experience.py (round jobs-18)."""

from __future__ import annotations

import re

# a word of doing after a person's word: "porter washing up", "assistant supporting residents",
# "chef running the pass", "analyst using Excel" (not "hard working", "building surveyor")
# "sales rep selling", "postman delivering", "farm hand milking", "bar staff serving",
# "shepherd lambing", "chambermaid cleaning" (a "-maid" is one: "barmaid", "housemaid"); an
# "-ent" word only where it names a person ("agent", "student"), not a thing ("handling rent
# arrears", "writing incident reports": no *rent* kind of officer)
_ENT = (
    r"agent|student|resident|client|patient|parent|president|superintendent|correspondent"
    r"|respondent|recipient|dependent|adolescent|opponent"
)
_PERSON = (
    r"(?:[a-z](?:er|or|ist|yst|ian|ant|ive|man|woman|men|women|herd|maid)"
    rf"|\b(?:chef|cook|nurse|guard|clerk|maid|aide|nanny|barista|midwife|hand|staff|crew"
    r"|mechanic|medic|warden|steward|stewardess|bailiff|pilot|valet"
    rf"|reps?|execs?|mgr|asst|techs?|{_ENT}))"
)
_DOING = re.compile(rf"{_PERSON}(\s+)[a-z]{{2,}}ing\b", re.I)
# the -ing word names the kind of one person's word after it ("Senior nursing assistant",
# "Theater lighting technician"): no word of doing
_NEXT_WORD = re.compile(r"\s+([a-z]+)\b", re.I)
_A_PERSON = re.compile(rf"[a-z]*{_PERSON}", re.I)
# words of a person's ending that name none: "supporting older residents"; one that is what a
# word of doing is done to ("Data entry clerk keying customer orders": no *customer* kind of
# clerk, as "nursing" is of "Senior nursing assistant")
_NO_PERSON = frozenset(
    """older younger other under after over water paper never ever better larger smaller
    newer major minor senior junior interior exterior prior door floor human german roman
    woman women customer consumer computer order letter number counter summer winter""".split()
)


def is_person(word: str) -> bool:
    # a -ment word is a thing done, no person ("assistant handling recruitment admin")
    low = word.lower()
    if low in _NO_PERSON or low.endswith("ment"):
        return False
    return _A_PERSON.fullmatch(word) is not None


def title_before_doing(title: str) -> str | None:
    """The words of `title` up to a person's word followed by a word of doing ("Kitchen porter
    washing up" -> "Kitchen porter"; "Senior nursing assistant helping residents" -> "Senior
    nursing assistant": "nursing" is the assistant's kind), or None. Where a phrase is short
    enough to be a title, tried only when the whole names no job."""
    for m in _DOING.finditer(title):
        cut = m.start(1)
        person = title[max(title.rfind(" ", 0, cut), title.rfind("\t", 0, cut)) + 1 : cut]
        after = _NEXT_WORD.match(title, m.end())
        if is_person(person) and not (after and is_person(after.group(1))):
            return title[: m.start(1)]
    return None


# a word of doing and what it is done to ("running the grill", "managing a brigade"), not a word
# of a kind ("hard working kitchen porter")
_DOING_WORD = re.compile(r"\s[a-z]{2,}ing\s+(?:the|a|an|all|their|his|her|our|its|up|out)\b")


def before_doing_word(title: str) -> str | None:
    """The words of a phrase too long for a title up to its first word of doing with what it is
    done to, where no person's word comes before it ("Chef de partie running the grill section"
    -> "Chef de partie"), or None; the resolver decides whether they name a job."""
    m = _DOING_WORD.search(title)
    return title[: m.start()] or None if m else None


# a word of doing right after a title and what it is done to: "Mechanic servicing cars",
# "Farm worker feeding the cattle" (one word, three letters at least)
_OBJECT = re.compile(
    r"[ \t]+[a-z]{2,}ing[ \t]+(?:(?:the|all|their|our|its)[ \t]+)?([a-z]{3,})\b", re.I
)
_KEEP = ("ss", "us", "is", "cattle", "sheep", "livestock", "stock", "equipment")


def _singular(word: str) -> str:
    """A plural noun's singular, as a kind before a title: "cars" -> "car", "lorries" ->
    "lorry", "buses" -> "bus", "boxes" -> "box"; "cattle" kept."""
    if word.endswith(_KEEP) or not word.endswith("s"):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses", "uses")):
        return word[:-2]
    return word[:-1]


def object_title(text: str, end: int, title: str) -> str | None:
    """`title` (ending at `end` in `text`) said with what its word of doing is done to, as its
    kind: "Mechanic" + " servicing cars" -> "car Mechanic", "Farm worker" + " feeding cattle"
    -> "cattle Farm worker"; None where no word of doing and its object follow."""
    m = _OBJECT.match(text, end)
    return None if m is None else f"{_singular(m.group(1).lower())} {title}"
