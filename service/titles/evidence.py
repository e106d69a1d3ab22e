"""Which evidence speaks for an occupation a typed title may name (`resolver.TitleResolver`):
a known title that says a level the typed title does not speaks for none (`same_level`). Pure
functions; docs/planning.md, "Closer labels, supervisors' titles and descriptive words"."""

from __future__ import annotations

from collections.abc import Sequence

from service.titles.words import title_words

# words that say a level above the worker's: a known title that says one the typed title does
# not ("Assembly Line Supervisor" near "assembly line worker") names another job
LEVEL_WORDS = frozenset(
    """supervisor manager foreman forewoman director head chief lead leader superintendent
    boss""".split()
)


def same_level(queries: Sequence[str], known: dict) -> dict:
    """`known` (occupation -> its near known titles) less the titles that say a level word
    (LEVEL_WORDS) where no form of the typed title says one; occupations left with none
    dropped."""
    said = {w for q in queries for w in title_words(q)}
    if said & LEVEL_WORDS:
        return known
    kept = {
        e: [(s, t) for s, t in near if not LEVEL_WORDS.intersection(title_words(t))]
        for e, near in known.items()
    }
    return {e: near for e, near in kept.items() if near}
