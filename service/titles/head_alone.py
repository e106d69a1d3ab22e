"""A title that reads no occupation surely, whose head word alone is one occupation's name: that
occupation, said doubtfully.

"Electrical estimator" found no label or known title close enough (*electrician* by O*NET's
"Industrial Electrician", 0.5 short), yet its person, "estimator", is an ESCO label of one
occupation only (*manufacturing cost estimator*); the words before it say the field the person
works in. Where the title has two words or more, the resolution as typed is not confident, and
the head word alone (`heads.head_word`'s word, as typed) is an exact label of exactly one
occupation, that occupation is read first (`TitleResolver.resolve`), with LOW_CONFIDENCE (the
field is the learner's to check), the title's own readings next as the alternatives and the
reading said in the note. A head word several occupations hold ("engineer", "technician") or
none names no one: nothing changes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from service.titles.resolution import LOW_CONFIDENCE
from service.titles.words import title_words

if TYPE_CHECKING:
    from service.titles.resolution import TitleResolution


def head_alone(query: str, holders: Callable[[str], Sequence[int]]) -> str | None:
    """The head word of `query` (a cleaned title of two words or more) where `holders` (the
    occupations an exact label of a word names) gives exactly one occupation, else None."""
    words = title_words(query)
    if len(words) < 2:
        return None
    return words[-1] if len(set(holders(words[-1]))) == 1 else None


def read_by_head(whole: TitleResolution, alone: TitleResolution) -> TitleResolution:
    """The title's resolution `whole` (not confident) with the first reading of its head word
    `alone` (named plainly) first and a warning: confident, to be checked."""
    first = alone.candidates[0]
    rest = [c for c in whole.candidates if c.occupation_id != first.occupation_id]
    said = f"'{whole.query}' read by its person '{alone.query}'"
    return replace(
        whole,
        candidates=[first, *rest][: max(1, len(whole.candidates))],
        confident=True,
        warning=LOW_CONFIDENCE,
        note=f"{said}; {whole.note}" if whole.note else said,
    )
