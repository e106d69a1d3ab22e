"""The resolver's answer and its parts (`resolver.TitleResolver`): the warnings a reading
carries, an occupation's labels as the resolver reads them, the scoring weights, a candidate
occupation with its evidence and tier, and the resolution. Moved from `resolver.py` unchanged
(h-titles13), which re-exports them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from service.titles.words import normalise_title

NO_MATCH = "no confident match for this title: pick one of the alternatives"
LOW_CONFIDENCE = "low confidence: check the role, or pick one of the alternatives"
GENERIC_TITLE = (
    "this title names a level, not a trade: check the role, or pick one of the alternatives"
)
SHARED_TITLE = (
    "several trades use this title for their own job: check the role, or pick one of the"
    " alternatives"
)
ONLY_LEVEL = (
    "this title says only a level (junior, senior, trainee, student...), not an occupation: add the"
    " trade, as in 'trainee electrician'"
)


@dataclass(frozen=True)
class OccupationInfo:
    id: int
    isco_code: str
    labels: tuple[str, ...]


@dataclass(frozen=True)
class TitleConfig:
    labels_per_query: int = 200
    w_votes: float = 0.3
    w_description: float = 0.3
    w_head: float = 0.05
    w_group: float = 0.05
    w_memory: float = 2.0
    memory_vote: float = 0.05
    memory_k: int = 20
    min_score: float = 0.5  # best evidence below: no confident match (gibberish: 0.34-0.44)
    warn_score: float = 0.75  # below (or a close second): resolved, with a warning
    warn_margin: float = 0.02


@dataclass(frozen=True)
class TitleCandidate:
    occupation_id: int
    score: float  # the ranking score
    label_score: float  # similarity of the best label or known title (1: exact label)
    matched_label: str
    label_kind: str  # "preferred" | "alternative" | "known title" | "curated title"
    exact: bool = False  # the title equals one of its ESCO labels (or a curated title)
    tier: int = 5  # how plainly the title names it, before the score (`name_tier`; 0 first)
    # its nearest known title (similarity, title), shown or not (`kept.py` compares known titles)
    known: tuple[float, str] | None = None


@dataclass(frozen=True)
class TitleResolution:
    query: str  # the title as searched (cleaned, abbreviations spelled out)
    candidates: list[TitleCandidate]
    confident: bool
    warning: str | None
    # the level words left out ("student" of "student nurse": `qualifiers.level_note`); said
    # beside the role, it changes nothing of how sure the reading is
    note: str | None = None


def name_tier(
    candidate: TitleCandidate, near, queries: Sequence[str], shared: bool, named: bool = False
) -> int:
    """How plainly the title names the candidate, before any score (module docstring): 4 an
    exact label, 5 nothing exact (0, a curated title, 6, `kept.py`: by the caller). When the title
    is an alternative label of several occupations (`shared`), an exact label is 1 when it is the
    preferred label (ESCO's own name of the occupation), 2 when a known title equal to the title
    confirms it, 3 otherwise. A title that is one occupation's preferred label and one other's
    alternative label (`named`): the preferred label's holder is 3, the other 4 ("library
    assistant" is not a librarian's by O*NET's "Library Assistant")."""
    if not candidate.exact:
        return 5
    if not shared:
        # `named`: the title is one occupation's preferred label and another's alternative
        # label ("library assistant": *library assistant*, and *librarian*'s): the first first
        return 3 if named and candidate.label_kind == "preferred" else 4
    confirmed = bool(near) and any(normalise_title(t) in queries for _, t in near)
    if candidate.label_kind == "preferred":
        return 1  # ESCO's own name of the occupation ("library assistant", not a librarian's)
    return 2 if confirmed else 3
