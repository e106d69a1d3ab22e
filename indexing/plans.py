"""A field is not its strategy: `unsaid_plan`.

"Sales" (a skills line's word, a CV's line alone) read *sales strategies* (1.05), a sales
manager's knowledge of how sales are planned, beside *sales activities*. A skill named for a
field's plan, its words the words read and then one word of planning (`PLANS`: "strategies",
"policies", "plans", ...), is not read from the field's words standing alone (the whole line, or
an item of a list: `_ALONE`) in a sentence that says no word of planning (`SAYS_PLAN`): doing
the work is not planning it. "Developed sales strategies", "sales strategy", "planning sales"
are read as before, and so are the words within a phrase: a posting's "complex pricing
calculations" is *pricing strategies* to HOUSE's annotators.
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
