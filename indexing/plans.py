"""A field is not its strategy: `unsaid_plan`; nor its law: `unsaid_law`.

"Sales" (a skills line's word, a CV's line alone) read *sales strategies* (1.05), a sales
manager's knowledge of how sales are planned, beside *sales activities*. A skill named for a
field's plan, its words the words read and then one word of planning (`PLANS`: "strategies",
"policies", "plans", ...), is not read from the field's words standing alone (the whole line, or
an item of a list: `_ALONE`) in a sentence that says no word of planning (`SAYS_PLAN`): doing
the work is not planning it. "Developed sales strategies", "sales strategy", "planning sales"
are read as before, and so are the words within a phrase: a posting's "complex pricing
calculations" is *pricing strategies* to HOUSE's annotators.

Nor is a field its law (a fifteenth round): "Sales assistant ... on the pharmacy counter" read
*pharmacy law* from "pharmacy". A knowledge area named for a field's law, its words the words
read and then one word of law (`LAWS`: "law", "legislation", "regulations", ...), is not read
in a sentence that says no word of law (`SAYS_LAW`), wherever the words stand: working in a
field is not knowing its law. "Pharmacy law", "knowledge of pharmacy legislation" read as before.
"""

from __future__ import annotations

import re

from indexing.word_pairs import WORD, lemma

PLANS = frozenset("strategy strategies policy policies plan plans planning blueprint".split())
SAYS_PLAN = frozenset(
    lemma(w)
    for w in """strategy strategies strategic plan plans planning planned planner policy
    policies blueprint devise devised develop developed developing""".split()
)


LAWS = frozenset("law laws legislation regulation regulations".split())
SAYS_LAW = frozenset(
    lemma(w)
    for w in """law laws legal legally legislation legislative regulation regulations regulatory
    statute statutory act acts compliance comply compliant licensing licence license rule
    rules""".split()
)


# what stands before and after a list's item: a line's start or end, punctuation, "and", "or"
_BEFORE = re.compile(r"(?:^|[,;:/|(•*-]|\b(?:and|or|&))\s*$", re.I)
_AFTER = re.compile(r"^\s*(?:$|[,;:/|).!?]|(?:and|or|&)\b)", re.I)
_LOOK = 8  # characters looked at either side


def unsaid_plan(label: str, sentence: str, start: int, end: int) -> bool:
    """Is `label` (a skill's name) the words of `sentence[start:end]`, standing alone, and one
    word of planning, in a `sentence` that says no word of planning?"""
    if not _BEFORE.search(sentence[max(0, start - _LOOK) : start]):
        return False
    if not _AFTER.match(sentence[end : end + _LOOK]):
        return False
    words = [w.lower() for w in WORD.findall(label)]
    said = [lemma(w) for w in WORD.findall(sentence[start:end])]
    if not said or len(words) != len(said) + 1 or words[-1] not in PLANS:
        return False
    if [lemma(w) for w in words[:-1]] != said:
        return False
    return not {lemma(w) for w in WORD.findall(sentence)} & SAYS_PLAN


def unsaid_law(label: str, sentence: str, start: int, end: int) -> bool:
    """Is `label` (a skill's name) the words of `sentence[start:end]` and one word of law, in a
    `sentence` that says no word of law?"""
    words = [w.lower() for w in WORD.findall(label)]
    said = [lemma(w) for w in WORD.findall(sentence[start:end])]
    if not said or len(words) != len(said) + 1 or words[-1] not in LAWS:
        return False
    if [lemma(w) for w in words[:-1]] != said:
        return False
    return not {lemma(w) for w in WORD.findall(sentence)} & SAYS_LAW
