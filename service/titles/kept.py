"""Evidence that keeps every word of the title before evidence that drops one.

A reading rests on its evidence: the label or known title nearest the typed title
(`TitleCandidate.matched_label`). Near evidence may leave out a word that names the trade: for
"electric vehicle technician", O*NET's "Electrician Technician" (0.89, of *consumer electronics
repair technician*) says nothing of a vehicle, while "Electric Vehicle Supply Equipment
Technician" (0.88, of *vehicle technician*) says every word; the known title's weight
(`TitleConfig.w_memory`) put the first ahead.

`demote_dropping`: where nothing names the title plainly (every candidate of tier 5: no exact
label, no curated title) and the first reading's evidence drops a word that says the title's
trade (`trade_words`: a word the vocabulary knows, not the head word of a title of several: near
names say a person in other words, "Maintenance Mechanic" for "maintenance operative"), the
readings whose evidence says every word of the title the vocabulary knows, its head word too
("Supply Worker" is no "supply teacher"), as close as the first's within KEPT_MARGIN and of
its kind (a known title for a known title, an ESCO label for a label: their weights differ;
a reading's nearest known title counts where an ESCO label a hair closer is shown, round
h-titles14), come first; the others go a tier down (6: a lower tier is never a close second,
`TitleResolver._judge`). Where no reading's evidence keeps every word, nothing changes.
An ESCO label was not let outrank a known title so ("paint sprayer" by O*NET's "Sprayer" 0.83
beside ESCO's "vehicle paint sprayer" 0.89): on the noisy titles' development part, each read
without its own known title, label keepers changed 5 first readings for the better and 28 for
the worse, known-title keepers 65 and 16.
Words are compared whole (plural "s" and possessive left out, "advisor" as "adviser"): a prefix
("paint" of "painter") is another word.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from service.titles.heads import SAME_HEADS
from service.titles.names import stem
from service.titles.words import title_words

if TYPE_CHECKING:
    from service.titles.resolver import TitleCandidate

KEPT_MARGIN = 0.02  # evidence as close as the first's (`TitleConfig.warn_margin`)
DROPPED_TIER = 6
SMALL_WORDS = frozenset("a an and at for in of on or the to with".split())


def said_words(text: str) -> frozenset[str]:
    """The words of `text` as compared: lowered, without a possessive, a hyphen or a plural "s",
    one head word spelt one way ("advisor": "adviser")."""
    out = set()
    for word in title_words(text):
        word = word.removesuffix("'s").replace("-", "").replace("'", "")
        out.add(stem(SAME_HEADS.get(word, word)))
    return frozenset(out - SMALL_WORDS)


def trade_words(title: str, vocabulary: Collection[str]) -> frozenset[str]:
    """The words of `title` that say its trade (`said_words`), those the `vocabulary` (stems of
    labels and known titles) knows: all but its head word (its person, which near names say in
    another word: "Maintenance Mechanic" for "maintenance operative"), or its one word."""
    known = [w for w in title_words(title) if stem(w) in vocabulary]
    words = said_words(" ".join(known))
    if len(known) < 2:
        return words
    return words - said_words(known[-1]) if known[-1] == title_words(title)[-1] else words


def keeps_words(words: Collection[str], evidence: str) -> bool:
    """Whether `evidence` says every one of `words` (`said_words` of the title)."""
    return not set(words) - said_words(evidence)


def _known(candidate: TitleCandidate) -> bool:
    return candidate.label_kind == "known title"


def _keeps(candidate: TitleCandidate, known: bool, bound: float, every: Collection[str]) -> bool:
    """Whether the candidate's evidence of the first's kind (`known`: its nearest known title,
    shown or not, an ESCO label being a hair closer) is as close as `bound` and says `every`
    word."""
    if known and candidate.known is not None:
        score, evidence = candidate.known
    elif _known(candidate) == known:
        score, evidence = candidate.label_score, candidate.matched_label
    else:
        return False
    return score >= bound and keeps_words(every, evidence)


def demote_dropping(
    candidates: Sequence[TitleCandidate], query: str, vocabulary: Collection[str]
) -> list[TitleCandidate]:
    """`candidates` (any order), those whose evidence drops a word of `query` a tier down where
    one's as close keeps them all (module docstring)."""
    if not candidates or any(c.tier != 5 for c in candidates):
        return list(candidates)
    words = trade_words(query, vocabulary)
    first = max(candidates, key=lambda c: c.score)
    if not words or keeps_words(words, first.matched_label):
        return list(candidates)
    every = said_words(" ".join(w for w in title_words(query) if stem(w) in vocabulary))
    bound = first.label_score - KEPT_MARGIN
    kept = {c.occupation_id for c in candidates if _keeps(c, _known(first), bound, every)}
    if not kept:
        return list(candidates)
    return [c if c.occupation_id in kept else replace(c, tier=DROPPED_TIER) for c in candidates]
