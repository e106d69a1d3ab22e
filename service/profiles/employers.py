"""An employer's name on a CV's job line is no skill: "Healthcare Assistant - NHS Trust (2017 -
2020)" read *demonstrate trustworthiness* and *examine trusts* by "Trust", "Accounts Assistant -
British Gas" *natural gas*, "Assistant Manager, Marks & Spencer Cafe" *marksmanship*, "Track
worker for Network Rail" *train routes*, "Picker at Amazon Logistics" *logistics*.

A job line is split at its separators (" - ", ",", "|", "(", ":", " at ", " for ") into
parts. It is a job line where a part holds a year (a date range) or a job title read as a job
(`experience.read_jobs`'s spans). Its title part is the one read as a job, else its first part
with words that is no date; every other part written as a name (its first word and most of its
words capitalised: "NHS Trust", "Marks & Spencer Cafe", "Network Rail stations"; not "cash
handling and stock") is the employer, and nothing read within it is kept (`drop_within`). A
long line (a sentence, not a heading) keeps all but the part right after its title. A part that
says how the learner worked ("Self-employed", "Freelance", "Agency") is no employer, nor is a part
that is one of the taxonomy's own acronyms ("Factory worker, HACCP, early shifts": *apply HACCP*;
`label_acronyms`): a term the skills' labels spell is what the learner knows, not a firm."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable

from service.profiles.evidence import EvidenceMap, drop_quoting

MAX_HEADING_WORDS = 14  # a job line's words; a longer line is a sentence
MAX_NAME_WORDS = 6
_LINE = re.compile(r"[^\n]+")
_SEP = re.compile(r"\s+[-–—|@/]\s+|[,;:()\[\]|•]|\s+(?:at|for)\s+", re.I)
# a date: a year, "03/2019", or the open end of a range (blanked in a learner's text, dates.py)
_YEAR = re.compile(
    r"\b(?:19|20)\d\d\b|\b\d{1,2}/\d{2,4}\b|^(?:present|current|now|date|today)$", re.I
)
_BULLET = re.compile(r"^\s*[-*•·–>]")
# small words a name holds in lower case ("Bank of England", "Guy's and St Thomas'")
_CONNECTORS = frozenset("of the and & de du la upon on in for at".split())
_HOW = re.compile(
    r"^(?:self[- ]employed|freelance|agency|contract|contractor|temporary|temp|part[- ]time"
    r"|full[- ]time|permanent|volunteer(?:ing)?|various|remote|sole trader)$",
    re.I,
)


def employer_spans(
    text: str, titles: list[tuple[int, int]], terms: Collection[str] = frozenset()
) -> list[tuple[int, int]]:
    """(start, end) of each employer's name on the job lines of `text` (module docstring);
    `titles`: the spans of the job titles read as jobs; `terms`: acronyms no part is an
    employer for (`label_acronyms`)."""
    found: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        if _BULLET.match(line.group()):
            continue
        parts = _parts(line.group(), line.start())
        if not parts:
            continue
        dated = any(_YEAR.search(text[a:b]) for a, b in parts)
        words = [(a, b) for a, b in parts if not _YEAR.search(text[a:b])]
        titled = [i for i, (a, b) in enumerate(words) if any(s < b and a < e for s, e in titles)]
        if not words or not (dated or titled):
            continue
        title = titled[0] if titled else 0
        if len(line.group().split()) > MAX_HEADING_WORDS:
            if not titled:
                continue
            words = [_leading_name(text, *p) for p in words[title + 1 : title + 2]]
            title = -1
        found += [
            (a, b)
            for i, (a, b) in enumerate(words)
            if i != title and _a_name(text[a:b]) and text[a:b] not in terms
        ]
    return found


def _parts(line: str, offset: int) -> list[tuple[int, int]]:
    """The spans of `line`'s parts between its separators, with words, trimmed."""
    out, at = [], 0
    for m in [*_SEP.finditer(line), None]:
        end = m.start() if m else len(line)
        piece = line[at:end]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            out.append((offset + at + lead, offset + at + len(piece.rstrip())))
        at = m.end() if m else at
    return out


_WORD = re.compile(r"\S+")


def _leading_name(text: str, a: int, b: int) -> tuple[int, int]:
    """The part's first words written as a name ("Amazon Logistics where I ..." -> "Amazon
    Logistics"): capitalised words and the small words between them."""
    end = a
    for w in _WORD.finditer(text, a, b):
        word = w.group()
        if word[0].isupper() or word[0].isdigit():
            end = w.end()
        elif word.lower() not in _CONNECTORS:
            break
    return a, end


def _a_name(part: str) -> bool:
    """Whether `part` is written as an organisation's name (module docstring)."""
    words = part.split()
    if not 1 <= len(words) <= MAX_NAME_WORDS or _HOW.match(part.strip()):
        return False
    if not (words[0][0].isupper() or words[0][0].isdigit()):
        return False
    named = [w for w in words if w.lower() not in _CONNECTORS]
    caps = sum(1 for w in named if w[0].isupper() or w[0].isdigit())
    return caps * 2 > len(named)


def drop_within(said: EvidenceMap, spans: list[tuple[int, int]]) -> None:
    """Drop from `said` the evidence quoting words within any of `spans`."""
    drop_quoting(said, spans)


# an acronym as the skills' labels write it: "HACCP" (*apply HACCP*), "SQL", "CCTV", "AWS"
_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9&]{1,6}\b")


def label_acronyms(labels: Iterable[str]) -> frozenset[str]:
    """The acronyms the taxonomy's labels write as a skill's term: the whole label ("SQL"), or
    a word of one whose other words are common ones ("apply HACCP"); not a vendor's name before
    its product ("IBM Domino", "SAP R3": a firm's), nor NHS, DHL, HSBC (no label's)."""
    out: set[str] = set()
    for label in labels:
        found = [m.group() for m in _ACRONYM.finditer(label)]
        if len(found) == 1 and all(w == found[0] or w[:1].islower() for w in label.split()):
            out.add(found[0])
    return frozenset(out)
