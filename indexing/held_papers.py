"""A paper held names the work it allows, not licensing: `PAPER_ALIASES`, `paper_spans`.

CVs and job postings name the licences people hold: "full clean driving licence", "counterbalance
forklift licence", "reach truck licence", "personal licence holder", "SIA licence". Read as
words, "licence" named ESCO's licensing work (*licences regulation*, *issue licences*,
*correspond with licence applicants*), "clean" of a clean licence (no penalty points) *conduct
cleaning tasks*, "reach truck" *operate dump truck* and *manage truck drivers*; the driving or
the forklift work the licence allows was not read, or lost to a line's stronger readings.

- `PAPER_ALIASES`: curated aliases (`indexing.trade_aliases.TRADE_ALIASES`' kind: each names its
  skills, is kept at the unit's floor and owns its words) for the licences of road and
  warehouse work: a driving licence is *drive vehicles*; a forklift, a reach truck or a
  counterbalance truck is *operate forklift* (ESCO: "forklift, a vehicle with a forked device in
  front to lift and carry heavy loads"); a pub's personal or premises licence the rules of
  selling alcohol.
- `paper_spans`: the word "licence" (and its spellings) alone names no skill, as a workplace's
  words name none (`indexing.aliases.place_spans`; `indexing.extract` drops a skill read only
  inside either). "Licensing" (a council's licensing officer) is not such a word.
- A licence not held names nothing either (`unheld_spans`, part of `paper_spans`): "Do not hold
  a driving licence", "No forklift licence but willing to learn", "Provisional driving licence"
  read *drive vehicles* or *operate forklift*.
"""

from __future__ import annotations

import re

from indexing.aliases import tokens

_DRIVING = ("drive vehicles",)
_FORKLIFT = ("operate forklift",)
_ALCOHOL = (
    "apply regulations regarding the sale of alcoholic beverages",
    "laws regulating serving alcoholic drinks",
)
PAPER_ALIASES: dict[str, tuple[str, ...]] = {
    "driving licence": _DRIVING,
    "driving license": _DRIVING,
    "drivers licence": _DRIVING,
    "driver's licence": _DRIVING,
    "driver's license": _DRIVING,
    # "clean": no penalty points, not cleaning
    "clean driving licence": _DRIVING,
    "clean driving license": _DRIVING,
    "clean licence": _DRIVING,
    "forklift": _FORKLIFT,
    "forklifts": _FORKLIFT,
    "fork lift": _FORKLIFT,
    "fork-lift": _FORKLIFT,
    "fork lift truck": _FORKLIFT,
    "forklift truck": _FORKLIFT,
    "forklift trucks": _FORKLIFT,
    "reach truck": _FORKLIFT,
    "reach trucks": _FORKLIFT,
    "counterbalance truck": _FORKLIFT,
    "counterbalance trucks": _FORKLIFT,
    "counterbalance licence": _FORKLIFT,
    "counterbalance forklift": _FORKLIFT,
    # a UK personal licence lets its holder authorise the sale of alcohol (a pub's, a bar's);
    # a premises licence is the pub's
    **dict.fromkeys(
        ("personal licence", "personal license", "premises licence", "premises license"),
        _ALCOHOL,
    ),
}

# the words of a licence held, which alone name no skill
PAPER_WORDS = frozenset({"licence", "licences", "license", "licenses"})


def paper_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each word of PAPER_WORDS in `text`, and of "clean" before one (or before
    "driving" and one): a clean licence has no penalty points ("clean" is a label of *conduct
    cleaning tasks*, which a curated alias does not keep out by itself)."""
    toks = tokens(text)
    out = []
    for i, (start, end, tok) in enumerate(toks):
        after = [t for _, _, t in toks[i + 1 : i + 3]]
        if after[:1] == ["driving"]:
            after = after[1:]
        if tok in PAPER_WORDS or (tok == "clean" and after[:1] and after[0] in PAPER_WORDS):
            out.append((start, end))
    return out + unheld_spans(text)


# words before a licence that say it is not held (yet): "no", "not", a provisional licence
_UNHELD = re.compile(
    r"\b(?:no|not|don'?t|never|without|provisional|towards?|expired|revoked|suspended|banned)\b"
    r"[^,;.:!?\n]{0,60}?\blicen[cs]es?\b",
    re.IGNORECASE,
)


def unheld_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) from a word that says a licence is not held to the licence, in one clause
    ("not hold a driving licence", "Provisional driving licence")."""
    return [m.span() for m in _UNHELD.finditer(text)]
