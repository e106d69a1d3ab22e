"""A title that several trades' names all say, none of them equal to it: "crane operator" (ESCO's
*production plant crane operator*, *mobile crane operator*, *tower crane operator*; no bare crane
operator), "engineer", "machine operator". The first reading is then one of a family the title
does not choose among, and the resolver says so (`FAMILY_TITLE`) beside it, so the learner checks
the role or picks another, as for a title of a level (`resolver.GENERIC_TITLE`).

A family: the first FAMILY_SIZE readings' preferred labels each say every word of the title and
more, the first is no ESCO label or curated title equal to the title, and the third scores
within FAMILY_MARGIN of the first ("operator", a known title of many trades, is one). "nurse"
reads *nurse responsible for general care* 0.7 before the next and 1.2 before the third, so the
evidence chooses and it carries no warning; the crane operators lie 0.04 apart. The warning is
read over the resolver's answer (`TitleResolver.resolve`), after its own rules, which read
warnings; a caller asking for fewer than three readings (a CV's job) gets none.
"""

from __future__ import annotations

from collections.abc import Sequence

from service.titles.words import title_words

FAMILY_TITLE = "several trades go by this title: check the role, or pick one of the alternatives"
FAMILY_SIZE = 3
FAMILY_MARGIN = 0.25


def _stems(text: str) -> set[str]:
    return {w[:-1] if len(w) > 3 and w.endswith("s") else w for w in title_words(text)}


def names_a_family(
    query: str, preferred: Sequence[str], scores: Sequence[float], first_exact: bool
) -> bool:
    """Whether the title `query` names a family (module docstring), given its readings' preferred
    labels and scores, best first, and whether the first is a name equal to the title."""
    if first_exact or len(preferred) < FAMILY_SIZE or len(scores) < FAMILY_SIZE:
        return False
    said = _stems(query)
    if not said or any(not said < _stems(p) for p in preferred[:FAMILY_SIZE]):
        return False
    return scores[0] - scores[FAMILY_SIZE - 1] < FAMILY_MARGIN
