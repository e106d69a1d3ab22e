"""A title read by another person's word keeps its own person where a reading says it.

A reading whose evidence does not equal the title and ends in another head word than the
title's person is a guess of another role (`heads.loose_head`: the resolver warns
LOW_CONFIDENCE). "Veterinary practice manager" (a veterinary nurse's target) read ESCO's
"veterinary practice assistant" of *veterinary nurse*: the manager the learner typed read as the
learner's own job; "Dental practice manager" read O*NET's "Dental Specialist" of *dental
chairside assistant*; "Quality assurance manager" ESCO's "quality assurance engineer" of
*quality engineer*. An adviser keeps the person the title names (`keep_head`), where the first
reading is such a guess:
- a reading among the found whose evidence ends in the title's head word and says every word of
  the title (`kept.said_words`) comes first, the closest such evidence of those ("quality
  assurance services manager" of *quality services manager*, 0.91);
- else the title less its first words, two words or more ending in its head word, that equals
  an ESCO label of one occupation (or a preferred label) names the role, the longest such (of
  at most MAX_TAIL_WORDS words) first, and the note says so ("practice manager" of *medical
  practice manager*: ESCO has no veterinary or dental practice's manager; the manager of a
  practice is what an adviser reads). A tail that is a title of a level or of several trades
  (`skip`: "team leader", ESCO's label of *zoo section leader* alone) is not read.
A reading that keeps the words keeps the warning (no label equals the title); a tail's reading
says in its note what was read, in place of the warning.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import replace

from service.titles.heads import head_word, loose_head
from service.titles.kept import said_words
from service.titles.resolution import LOW_CONFIDENCE, TitleCandidate, TitleResolution
from service.titles.words import title_words

MIN_TAIL_WORDS = 2  # "practice manager"; the head word alone names no role
MAX_TAIL_WORDS = 4  # the longest tail looked up: a title's person is said in its last words

Exact = Callable[[str], list[tuple[int, str, str]]]  # `TitleResolver._exact`


def keep_head(
    query: str,
    judged: TitleResolution,
    exact: Exact,
    person_heads: Collection[str],
    skip: Collection[str] = (),
) -> TitleResolution:
    """`judged` with a reading that keeps the title's person first where its first reading is a
    loose guess of another person (module docstring); unchanged otherwise."""
    if judged.warning != LOW_CONFIDENCE or not judged.candidates:
        return judged
    first = judged.candidates[0]
    if first.exact or not loose_head(query, first.matched_label, person_heads):
        return judged
    head, every = head_word(query), said_words(query)
    keeping = [
        c
        for c in judged.candidates[1:]
        if head_word(c.matched_label) == head and every <= said_words(c.matched_label)
    ]
    if keeping:
        best = max(keeping, key=lambda c: c.label_score)
        rest = [c for c in judged.candidates if c is not best]
        return replace(judged, candidates=[best, *rest])
    return _named_tail(query, judged, exact, skip) or judged


def _named_tail(
    query: str, judged: TitleResolution, exact: Exact, skip: Collection[str]
) -> TitleResolution | None:
    """The reading of the longest tail of the title that one occupation's label equals (module
    docstring), or None."""
    words = title_words(query)
    for start in range(max(1, len(words) - MAX_TAIL_WORDS), len(words) - MIN_TAIL_WORDS + 1):
        tail = " ".join(words[start:])
        hits = [] if tail in skip else exact(tail)
        owners = {e for e, _t, _k in hits}
        preferred = [h for h in hits if h[2] == "preferred"]
        if len(owners) != 1 and len(preferred) != 1:
            continue
        eid, label, kind = preferred[0] if preferred else hits[0]
        first = judged.candidates[0]
        read = TitleCandidate(eid, first.score, 1.0, label, kind)
        rest = [c for c in judged.candidates if c.occupation_id != eid]
        candidates = [read, *rest][: len(judged.candidates)]
        note = f"read as '{tail}': the taxonomy names no {query}"
        return replace(judged, candidates=candidates, warning=None, note=note)
    return None
