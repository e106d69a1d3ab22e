"""The alternatives offered after a curated reading (`curated.CURATED_TITLES`: the adviser's own
reading of the title). The others are found by the same search as any title's, and some come by
a word the title uses in another sense: "site manager" (curated *construction manager*) found
*webmaster* and *user interface designer* by O*NET's "Web Site Manager", "Website Manager". After
a curated reading, an alternative that is neither an ESCO label equal to the title (ESCO's own
reading, "site manager" of *mine manager*; "gas engineer" of *petroleum engineer*) nor of the
curated reading's ISCO major group goes last, in its order.

Only there: over any title's alternatives, the same order cost the noisy set's development part
(1,500 titles, each left out of the known titles) MRR 71.0 -> 69.3 and recall@5 85.8 -> 82.3, as
the first reading is often wrong and the right one of another group.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from service.titles.resolver import TitleCandidate


def strays_last(
    ranked: Sequence[TitleCandidate], isco: Callable[[int], str]
) -> list[TitleCandidate]:
    """`ranked` with, after a curated first reading (tier 0), the alternatives neither exact nor
    of its ISCO major group (`isco`: occupation id -> ISCO code) last; as it was otherwise."""
    if not ranked or ranked[0].tier != 0:
        return list(ranked)
    group = isco(ranked[0].occupation_id)[:1]

    def strays(c: TitleCandidate) -> bool:
        return not c.exact and isco(c.occupation_id)[:1] != group

    return sorted(ranked, key=strays)  # stable: the order kept within each part
