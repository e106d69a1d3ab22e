"""Names before a trade in a title as a CV writes it: an employer's or a unit's ("REME vehicle
mechanic", "Tesco cashier"). `without_names` gives the title without them, for the resolver to
try when the whole names no job (`TitleResolver.without_names`). A service of the armed forces
before a trade is such a name ("Army chef", "Royal Navy chef", "RAF mechanic"): ESCO's labels
write "army" and "navy" ("army captain", "navy pilot"), so its words are no unknown name, and
"Army chef" read no job; a title that names a job whole ("Army captain") is read whole first.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

# a service of the armed forces first in a title, as a CV writes it (a fifteenth round,
# docs/quality.md)
_SERVICE = re.compile(
    r"^(?:(?:the\s+)?(?:british\s+army|army\s+reserves?|territorial\s+army|army|royal\s+navy|navy"
    r"|royal\s+air\s+force|raf|royal\s+marines?|royal\s+logistic\s+corps|rlc))\s+(?=\S)",
    re.I,
)

# capitalised words before a title that say the learner's aim or standing, never a name: an
# aspiring chef has not worked as one
NO_NAMES = frozenset(
    """aspiring wannabe budding future prospective hopeful potential intending would-be not
    never failed unemployed unqualified mr mrs ms miss dr""".split()
)


def stem(word: str) -> str:
    """A word without its plural "s" (words of over three letters)."""
    return word[:-1] if len(word) > 3 and word.endswith("s") else word


def without_names(
    title: str, vocabulary: Collection[str], misspelt: Callable[[str], str | None]
) -> str | None:
    """`title` without the names before its trade: its first words while each is capitalised,
    known to no occupation label or known title (`vocabulary`, of stems), and no misspelling of
    one (`misspelt`: the word it misspells, or None), a word of the title left; None when the
    first word is no such name."""
    service = _SERVICE.match(title)  # "Army chef": a service, then the trade
    rest = title[service.end() :] if service is not None else title
    words = rest.split()
    cut = 0
    while cut < len(words) - 1 and _a_name(words[cut], vocabulary, misspelt):
        cut += 1
    if cut:
        return " ".join(words[cut:])
    return rest if service is not None else None


def _a_name(word: str, vocabulary: Collection[str], misspelt) -> bool:
    letters = word.strip(".,'\"()")
    if not letters.isalpha() or not letters[0].isupper():
        return False
    lower = letters.lower()
    if lower in NO_NAMES:  # "Aspiring chef": an aim, no employer
        return False
    return stem(lower) not in vocabulary and misspelt(lower) is None
