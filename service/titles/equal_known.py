"""A known title equal to the typed title, held by several occupations: the ones whose own ESCO
labels say the title's trade come first.

O*NET files one title under several codes ("Marketing Coordinator" under marketing managers,
advertising and promotions managers, public relations specialists and sales representatives), and
the crosswalk gives each code its ESCO occupation, so the title read as equal to a known title
names them all, in the order of small score differences (*promotion manager* 3.58, *marketing
manager* 3.56). Where nothing names the title plainly (every candidate of tier 5 or lower: no
exact label, no curated title) and the nearest known title of at least two readings equals the
title, the readings among those whose ESCO preferred label (its own name) says every trade word
of the title (`kept.trade_words`: "marketing") go a tier up (EQUAL_KNOWN_TIER), ahead of the
others: "marketing manager" says "marketing", "promotion manager" does not (an alternative label
of it does: "marketing and promotion manager"). Where none or all of them say it, nothing
changes.

The noisy titles' test part never meets this rule (its titles are not known titles: the memory
holds the development part only); MELO's queries may.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from service.titles.kept import keeps_words, trade_words
from service.titles.words import normalise_title

if TYPE_CHECKING:
    from service.titles.resolver import TitleCandidate

EQUAL_KNOWN_TIER = 4  # as an exact label's (`resolution.name_tier`): above the loose readings


def prefer_trade_said(
    candidates: Sequence[TitleCandidate],
    queries: Sequence[str],
    labels: Mapping[int, Sequence[str]],
    vocabulary: Collection[str],
) -> list[TitleCandidate]:
    """`candidates`, those a known title equal to the title (a form of it in `queries`, the
    last the one read) reads whose preferred label (the first of its `labels`) says the title's
    trade words a tier up (module docstring)."""
    if not candidates or not queries or any(c.tier < 5 for c in candidates):
        return list(candidates)
    equal = [c for c in candidates if c.known and normalise_title(c.known[1]) in queries]
    words = trade_words(queries[-1], vocabulary)
    if len(equal) < 2 or not words:
        return list(candidates)
    said = {
        c.occupation_id for c in equal if keeps_words(words, labels.get(c.occupation_id, [""])[0])
    }
    if not said or len(said) == len(equal):
        return list(candidates)
    return [replace(c, tier=EQUAL_KNOWN_TIER) if c.occupation_id in said else c for c in candidates]
