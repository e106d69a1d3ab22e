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

A family by its evidence (`narrower_evidence`, round h-titles16): the first FAMILY_SIZE readings'
evidence (the labels or known titles that read them) each end in the title's last two words and
each say a word the title does not, the first every word of the title, within FAMILY_MARGIN:
"renewable energy installer" read ESCO's "offshore renewable energy installer" (0.84), then
"photovoltaic energy installer" (*solar energy technician*, 0.83) and "geothermal energy
installer" (*geothermal technician*), with no warning; the title names the family, the first
reading one narrower trade of it (a plumber's target read an offshore technician's sea survival).
The learner's trade then chooses among the readings (`service.recommend.level_title`).
"""

from __future__ import annotations

from collections.abc import Sequence

from service.titles.kept import said_words
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


def narrower_evidence(query: str, evidence: Sequence[str], scores: Sequence[float]) -> bool:
    """Whether the title `query` names a family by its readings' `evidence` (their labels or
    known titles, best first) and scores (module docstring)."""
    words = title_words(query)
    if len(words) < 2 or len(evidence) < FAMILY_SIZE or len(scores) < FAMILY_SIZE:
        return False
    said, end = said_words(query), said_words(" ".join(words[-2:]))
    firsts = evidence[:FAMILY_SIZE]
    if not said <= said_words(firsts[0]) or scores[0] - scores[FAMILY_SIZE - 1] >= FAMILY_MARGIN:
        return False
    return all(
        said_words(" ".join(title_words(e)[-2:])) == end and said_words(e) - said for e in firsts
    )
