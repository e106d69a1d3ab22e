"""A typed title's misspelt words, said as the titles the resolver knows spell them: `Speller`.

People type titles with typos ("bookeeper", "Translater", "warehouse supervisior",
"recepsionist"). The encoder reads a misspelt word as other word pieces and lands elsewhere
("bookeeper" read as *bookmaker*). A word of the title that no ESCO label, known real title or
curated title uses (the resolver's vocabulary), or only `RARE` of them do (the known titles have
typos too), at least `MIN_LENGTH` letters long, is said as the vocabulary's word one edit away
(a letter added, left out, changed, or two neighbours swapped); of several, one with the same
first letter (a typo seldom hits it), then the one most titles use. Shorter words are left
alone: one edit away from a short word lie too many others ("vibes", "vines").

Found by the symmetric delete method (SymSpell, Wolf Garbe): each vocabulary word is stored under
itself with each one letter left out; a typed word's candidates are those stored under it or under
it with one letter left out, kept when the true (Damerau-Levenshtein) distance is one. The
resolver takes a corrected title where the title as typed finds no confident match and the
corrected one does, or where a long word's plain typo (`sure_typos`) makes the title a name the
taxonomy gives and the title as typed is none (`choice.spelt_better`, which says why no
more), and says the correction back in its note.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

MIN_LENGTH = 6  # letters of a word before it is corrected
# a misspelt word this long, its first letter kept and no plural's "s" the only change, is taken
# over a plain reading too (`sure_typos`)
SURE_LENGTH = 9
# a person's ending said the other way ("surveyer": "surveyor"), in a word this long, too
AGENT_LENGTH = 7
AGENT_ENDINGS = frozenset({"er", "or"})
# the known titles hold typos of their own ("Bookeeper", "Manger" among O*NET's reported titles):
# a word of at most RARE titles is corrected too, into a word TYPO_RATIO times as common
RARE = 2
TYPO_RATIO = 5
_LETTERS = re.compile(r"^[a-z]+$")
_WORD = re.compile(r"[A-Za-z]+")


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def one_edit(a: str, b: str) -> bool:
    """Whether b is a (a letter added, left out, changed, or two neighbours swapped)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        i = diff[0]
        return len(diff) == 2 and diff[1] == i + 1 and a[i] == b[i + 1] and a[i + 1] == b[i]
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = next((k for k in range(len(short)) if short[k] != long_[k]), len(short))
    return short[i:] == long_[i + 1 :]


class Speller:
    """The vocabulary's spelling of a typed word one edit away (module docstring)."""

    def __init__(self, words: Iterable[str]) -> None:
        self.counts = Counter(w for w in words if _LETTERS.match(w))
        self._stored: dict[str, list[str]] = defaultdict(list)
        for w in self.counts:
            if len(w) >= MIN_LENGTH - 1:
                for d in _deletes(w) | {w}:
                    self._stored[d].append(w)

    def word(self, typed: str) -> str | None:
        """The vocabulary's word for a misspelt `typed` (lower case); None when `typed` is a
        word of more than RARE titles, too short, not letters, or no word lies one edit away
        (for a rare word of the vocabulary, no word TYPO_RATIO times as common)."""
        seen = self.counts.get(typed, 0)
        if seen > RARE or len(typed) < MIN_LENGTH or not _LETTERS.match(typed):
            return None
        near = {w for d in _deletes(typed) | {typed} for w in self._stored.get(d, ())}
        near = [w for w in near if one_edit(typed, w) and self.counts[w] >= TYPO_RATIO * seen]
        if not near:
            return None
        # a typo seldom hits the first letter ("bookeeper": bookkeeper, not zookeeper)
        return max(near, key=lambda w: (w[0] == typed[0], self.counts[w], w))

    def correct(self, title: str) -> str | None:
        """The title with its misspelt words said as the vocabulary spells them (lower case
        where corrected, the rest as typed); None when no word changes."""
        changed = False

        def fix(m: re.Match[str]) -> str:
            nonlocal changed
            better = self.word(m.group().lower())
            changed = changed or better is not None
            return better or m.group()

        out = _WORD.sub(fix, title)
        return out if changed else None

    def joined(self, title: str) -> str | None:
        """The title with a word the vocabulary writes closed written as two ("Fork lift
        driver", "fork-lift driver": "forklift driver"; "hair dresser", "child minder") joined
        as the vocabulary writes it; None when no pair joins. A pair joins where the joined word,
        MIN_LENGTH letters or more, is a word of the vocabulary; the resolver takes the joined
        title only where it is a name the taxonomy gives and the title as typed reads no
        occupation surely (`resolver._resolve_spelt`). Linear in the title: each word is
        looked at with the next once."""
        words = list(_WORD.finditer(title))
        out, last, i = [], 0, 0
        while i + 1 < len(words):
            a, b = words[i], words[i + 1]
            whole = (a.group() + b.group()).lower()
            gap = title[a.end() : b.start()]
            if gap in (" ", "-") and len(whole) >= MIN_LENGTH and whole in self.counts:
                out += [title[last : a.start()], whole]
                last, i = b.end(), i + 2
            else:
                i += 1
        return "".join([*out, title[last:]]) if out else None


def sure_typos(typed: str, spelt: str) -> bool:
    """Whether every word `Speller.correct` changed is a plain typo: SURE_LENGTH letters or more,
    its first letter kept, and not the correction with or without a plural's "s" ("bookeeper",
    "supervisior"). Few words lie one edit from a long word; the rare trade words of known
    titles one letter from common ones are short ("Weeder", "Slinger", "Knotter", "Woodsman") or
    differ in the first letter ("Clocksmith", "Petrologist") or the "s" ("Documents Scanner").
    A person's ending said the other way ("-er" for "-or": "Quantity surveyer") in a word of
    AGENT_LENGTH letters or more is a plain typo too (round titles-17)."""
    pairs = [
        (a.lower(), b.lower())
        for a, b in zip(_WORD.findall(typed), _WORD.findall(spelt), strict=False)
        if a.lower() != b.lower()
    ]
    return bool(pairs) and all(
        (len(a) >= SURE_LENGTH and a[0] == b[0] and a.rstrip("s") != b.rstrip("s"))
        or _agent_ending(a, b)
        for a, b in pairs
    )


def _agent_ending(typed: str, spelt: str) -> bool:
    """Whether `spelt` is `typed` with its person's ending said the other way ("surveyer":
    "surveyor"), a word of AGENT_LENGTH letters or more."""
    ends = {typed[-2:], spelt[-2:]}
    return len(typed) >= AGENT_LENGTH and typed[:-2] == spelt[:-2] and ends == AGENT_ENDINGS
