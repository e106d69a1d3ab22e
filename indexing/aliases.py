"""Lexical alias matching: taxonomy labels found verbatim (word-bounded) in a text. No model.

Case rules: all-caps acronyms ("SQL", "LESS") match case-sensitively, and so do capitalised
one-word names that the taxonomy itself writes in lower case as ordinary words ("Go",
"Access"); everything else matches case-insensitively. "Java (computer programming)" is also
matched as "Java", and a product name after its vendor ("Microsoft Office Excel",
"Adobe Photoshop") also without the vendor ("Excel", "Photoshop") unless what is left is only
ordinary words ("Microsoft Word" is not matched as "Word").

A name is *ambiguous* when, alone, it reads as something else: a one-word alias that is an
ordinary word, written in lower case at least COMMON_MIN times in the skills' labels and
descriptions or in the `vocabulary` given (the service gives the occupation titles: "chef",
"blender", "puppet" are ordinary words there; "python" and "java" are not).
`indexing.technology` links a technology skill on an ambiguous name only where the text is about
technology.

`indexing.trade_aliases.TRADE_ALIASES` is a short curated list of trade words and
abbreviations that people write on a CV or a job ad and that the taxonomy does not name.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from indexing.learner_words16 import IDIOMS, THINGS
from indexing.pair_search import over_objects
from indexing.types import SkillEntry
from indexing.word_pairs import WordPair, find_pairs, taught_subjects

_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9+#]*|[+#]+")
_PAREN = re.compile(r"\s*\([^)]*\)\s*$")
_LOWER_WORD = re.compile(r"(?<![A-Za-z0-9])[a-z]+(?![A-Za-z0-9])")
_CASE_ANY, _CASE_ACRONYM, _CASE_EXACT = 0, 1, 2
COMMON_MIN = 3  # a word the taxonomy writes in lower case this often is an ordinary word
# Vendor (and suite) prefixes of product names: "Microsoft Office Excel" is also "Excel".
VENDOR_PREFIXES = (
    ("microsoft", "office"),
    ("microsoft",),
    ("adobe",),
    ("apple",),
    ("google",),
    ("oracle",),
    ("ibm",),
    ("sap",),
    ("autodesk",),
    ("atlassian",),
    ("amazon",),
    ("intuit",),
    ("apache",),
    ("corel",),
)


CURATED = "curated"  # the kind of a hit of a curated alias (`indexing.trade_aliases`)
# Workplaces a CV names, whose words name no skill there: "nursing" of "a nursing home" is no
# nursing care, "surgery" of "a GP surgery" (a UK doctors' practice) no surgery. Extraction
# reads no skill from their words (`place_spans`, `indexing.extract`).
PLACES = (
    "nursing home",
    "nursing homes",
    "care home",
    "care homes",
    "GP surgery",
    "GP surgeries",
    "doctors surgery",
    "doctor's surgery",
    "doctors' surgery",
    "dental surgery",
    # a call centre is where its agents answer calls: "call centre" read alone was *analyse call
    # centre activities* (an analyst's)
    "call centre",
    "call centres",
    "call center",
    "call centers",
    "contact centre",
    "contact centres",
)


def place_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each workplace of PLACES, or idiom of `learner_words16.IDIOMS` ("word of
    mouth"), written in `text` (case and punctuation between words do not count)."""
    return phrase_spans(text, PLACES + IDIOMS)


def phrase_spans(text: str, phrases: Iterable[str]) -> list[tuple[int, int]]:
    """(start, end) of each of `phrases` written in `text` (as `place_spans`)."""
    toks = tokens(text)
    out = []
    for key in {span_key(p) for p in phrases}:
        n = len(key)
        for i in range(len(toks) - n + 1):
            if tuple(t for _, _, t in toks[i : i + n]) == key:
                out.append((toks[i][0], toks[i + n - 1][1]))
    return out


# ESCO alternative and hidden labels that are ordinary words read wrongly in a CV: "care" (hidden)
# of *attend to detail* made every care worker's "personal care" attention to detail, and
# "activity" of *show initiative* any activity; "packing" and "engineering" (alternative) of
# *packaging engineering*, the engineering discipline, made a warehouse packer's "packing
# orders" and any "BSc in engineering" packaging engineering. Left out of the skill's views
# (dense and verbatim); the skills' other labels and descriptions stay.
_PACKAGING_ENGINEERING = "http://data.europa.eu/esco/skill/b8ac179c-4a29-4467-9177-031daf1321d6"
_EXPRESS_CREATIVELY = "http://data.europa.eu/esco/skill/93350886-a21b-4e61-a1b1-319a325c0f90"
MISLEADING_LABELS = frozenset(
    {
        ("http://data.europa.eu/esco/skill/83e6510b-ffeb-4aec-959c-4265fd0ff7b7", "care"),
        ("http://data.europa.eu/esco/skill/001115fb-569f-4ee6-8381-c6807ef2527f", "activity"),
        (_PACKAGING_ENGINEERING, "packing"),
        (_PACKAGING_ENGINEERING, "engineering"),
        # "data" of *statistics*: an office's "data entry" is no statistics
        ("http://data.europa.eu/esco/skill/7ee4c2ea-b349-4bd2-81a3-ec31475d4833", "data"),
        # "paint" and "draw" of *express yourself creatively* (singing, dancing, fine arts): a
        # decorator's "painting" is no art, nor a phlebotomist's "order of draw"
        (_EXPRESS_CREATIVELY, "paint"),
        (_EXPRESS_CREATIVELY, "draw"),
        # "planning" (hidden) of *plan*: "route planning", "planning play activities" are
        # a driver's and a nursery's work, read as the bare transversal skill
        ("http://data.europa.eu/esco/skill/e49f4158-9d4c-425d-bf32-dfe89b19840a", "planning"),
    }
)


def _kept(skill: SkillEntry, labels: Sequence[str]) -> tuple[str, ...]:
    return tuple(
        label for label in labels if (skill.uri, label.strip().lower()) not in MISLEADING_LABELS
    )


def alt_labels(skill: SkillEntry) -> tuple[str, ...]:
    """The skill's alternative labels less the misleading ones (MISLEADING_LABELS)."""
    return _kept(skill, skill.alt_labels)


def hidden_labels(skill: SkillEntry) -> tuple[str, ...]:
    """The skill's hidden labels less the misleading ones (MISLEADING_LABELS)."""
    return _kept(skill, skill.hidden_labels)


def tokens(text: str) -> list[tuple[int, int, str]]:
    """(start, end, lowercased token) for word tokens; '.', '-', '/', spaces separate tokens."""
    return [(m.start(), m.end(), m.group().lower()) for m in _TOKEN.finditer(text)]


def is_acronym(label: str) -> bool:
    letters = [c for c in label if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def span_key(text: str) -> tuple[str, ...]:
    """A span normalised for exact lookup: its lowercased word tokens (case, whitespace and
    punctuation between or around words do not count). The encoder is uncased, so texts with
    the same key differ only in punctuation for it."""
    return tuple(t for _, _, t in tokens(text))


@dataclass(frozen=True)
class AliasHit:
    """A taxonomy alias found in a text: text[start:end] matches `alias` of skill row `row`."""

    row: int
    start: int
    end: int
    alias: str
    kind: str
    n_words: int
    ambiguity: int  # how many skills share this alias
    ambiguous: bool = False  # the alias alone reads as something else (module docstring)
    context: str = ""  # a curated alias that counts only in this context (context_aliases)
    pair: bool = False  # a verb and its object (word_pairs): the words between are not its own

    @property
    def rank(self) -> tuple[int, int, bool]:
        """Among one skill's hits: the longest, then the least shared, then a curated one ("Lead
        a team" is the label and the rule lead + team: the rule's, kept at the unit's floor)."""
        return self.n_words, -self.ambiguity, self.kind == CURATED

    def owned(self) -> list[tuple[int, int]]:
        """(start, end) of the words the hit owns: all of it, or a pair's first and last word
        ("cutting" and "hair" of "cutting, colouring and styling hair", not "colouring")."""
        toks = tokens(self.alias)
        if not self.pair or len(toks) < 2:
            return [(self.start, self.end)]
        return [(self.start, self.start + toks[0][1]), (self.start + toks[-1][0], self.end)]


@dataclass(frozen=True)
class _Alias:
    alias: str
    kind: str
    case: int
    ambiguous: bool
    context: str = ""


class AliasMatcher:
    """Finds taxonomy labels occurring verbatim (word-bounded) in a text."""

    def __init__(
        self,
        skills: Sequence[SkillEntry],
        *,
        min_chars: int = 2,
        hidden: bool = True,
        vocabulary: Iterable[str] = (),
        by_source: bool = True,
        curated: Mapping[str, Sequence[str]] | None = None,
        contexts: Mapping[str, str] | None = None,
        pairs: Sequence[WordPair] = (),
    ):
        """`curated`: alias -> preferred labels of the skills it names (TRADE_ALIASES); a label
        that is no skill here is skipped (a subset of the taxonomy). `contexts`: curated alias
        -> the context its hits carry (`indexing.context_aliases`; the caller checks it).
        `pairs`: verb-object rules (`indexing.word_pairs`), read as curated aliases."""
        self._table: dict[tuple[str, ...], dict[int, _Alias]] = {}
        self._source = [s.source for s in skills]
        self.by_source = by_source
        self.max_words = 1
        # words the taxonomy writes in lower case ("access", "go"), which `_case` keeps apart
        texts = [f"{s.preferred_label} {s.description}" for s in skills] + list(vocabulary)
        self.common = Counter(m.group() for t in texts for m in _LOWER_WORD.finditer(t))
        for row, s in enumerate(skills):
            stripped = _PAREN.sub("", s.preferred_label).strip()
            stripped = stripped if stripped != s.preferred_label else ""
            for kind, alias in self._views(s, hidden, stripped):
                alias = alias.strip()
                key = span_key(alias)
                if len(alias) < min_chars or not key:
                    continue
                case = self._case(alias, key)
                ambiguous = len(key) == 1 and self.is_common(key[0])
                per_skill = self._table.setdefault(key, {})
                if row not in per_skill:  # keep the first (preferred before alternative)
                    per_skill[row] = _Alias(alias, kind, case, ambiguous)
                self.max_words = max(self.max_words, len(key))
        self._add_curated(skills, curated or {}, contexts or {})
        rows_of: dict[str, list[int]] = {}
        for row, s in enumerate(skills):
            rows_of.setdefault(s.preferred_label, []).append(row)
        pairs = (*pairs, *taught_subjects(rows_of)) if pairs else ()  # "taught maths"
        self._pairs = {p: [r for label in p.skills for r in rows_of.get(label, ())] for p in pairs}
        self.max_words = min(self.max_words, 12)

    def _add_curated(self, skills, curated: Mapping[str, Sequence[str]], contexts: Mapping):
        """Curated aliases (kind CURATED), after the taxonomy's own: a skill that has the alias
        as a label keeps its label."""
        rows: dict[str, list[int]] = {}
        for row, s in enumerate(skills):
            rows.setdefault(s.preferred_label, []).append(row)
        for alias, labels in curated.items():
            key = span_key(alias)
            case = self._case(alias, key)  # "Word" (Microsoft Word) is no "word"
            for row in (r for label in labels for r in rows.get(label, ())):
                per_skill = self._table.setdefault(key, {})
                per_skill.setdefault(
                    row, _Alias(alias, CURATED, case, False, contexts.get(alias, ""))
                )
                self.max_words = max(self.max_words, len(key))

    def _case(self, alias: str, key: tuple[str, ...]) -> int:
        """How `alias` matches: as an acronym, as written (an ordinary word capitalised:
        "Access", "Word"), or in any case."""
        if is_acronym(alias):
            return _CASE_ACRONYM
        common = len(key) == 1 and alias != alias.lower() and self.is_common(key[0])
        return _CASE_EXACT if common else _CASE_ANY

    def _shared(self, row: int, per_skill: dict[int, _Alias]) -> int:
        """How many skills of the same taxonomy as `row` share the alias: an ESCO skill and an
        O*NET tool of one name ("Excel") name the same thing, they do not compete."""
        if not self.by_source:
            return len(per_skill)
        source = self._source[row]
        return sum(1 for r in per_skill if self._source[r] == source)

    def is_common(self, word: str) -> bool:
        """An ordinary (lower-case) word of the taxonomy's own labels and descriptions."""
        return self.common[word.lower()] >= COMMON_MIN

    def _views(self, s: SkillEntry, hidden: bool, stripped: str) -> list[tuple[str, str]]:
        views = [("preferred", s.preferred_label)]
        views += [("alternative", a) for a in alt_labels(s)]
        if hidden:
            views += [("hidden", h) for h in hidden_labels(s)]
        if stripped:  # "Java (computer programming)" -> "Java"
            views.append(("preferred", stripped))
        for kind, label in list(views):
            product = _without_vendor(label)
            if product and not all(self.is_common(t) for t in span_key(product)):
                views.append((kind, product))
        return views

    @property
    def table(self) -> dict[tuple[str, ...], dict[int, tuple[str, str, int]]]:
        """Alias tokens (lowercased) -> {skill row: (alias, kind, case rule)}; a copy."""
        return {
            key: {row: (a.alias, a.kind, a.case) for row, a in per.items()}
            for key, per in self._table.items()
        }

    def find(self, text: str) -> list[AliasHit]:
        """Every alias occurrence in `text`, longest first per start position."""
        toks = tokens(text)
        hits: list[AliasHit] = []
        for i in range(len(toks)):
            for n in range(min(self.max_words, len(toks) - i), 0, -1):
                key = tuple(t for _, _, t in toks[i : i + n])
                per_skill = self._table.get(key)
                if not per_skill:
                    continue
                start, end = toks[i][0], toks[i + n - 1][1]
                surface = text[start:end]
                for row, a in per_skill.items():
                    if _case_ok(a, surface):
                        hits.append(
                            AliasHit(
                                row,
                                start,
                                end,
                                a.alias,
                                a.kind,
                                n,
                                self._shared(row, per_skill),
                                a.ambiguous,
                                a.context,
                            )
                        )
        return hits + self._pair_hits(text)

    def _pair_hits(self, text: str) -> list[AliasHit]:
        """The verb-object rules read in `text` (`indexing.word_pairs`), as curated hits; none
        that ends in an idiom or a thing's name (`learner_words16.IDIOMS`, `THINGS`)."""
        out = []
        spans = phrase_spans(text, IDIOMS + THINGS) if self._pairs else []
        idioms = {at for lo, hi in spans for at in range(lo + 1, hi + 1)}  # a few words each
        found = over_objects(find_pairs(text, tuple(self._pairs))) if self._pairs else []
        for start, end, rule in found:
            if end in idioms:
                continue  # its last word an idiom's or a thing's: "reduce the cost of living"
            n, alias = len(tokens(text[start:end])), text[start:end]
            # its context said between its own words ("15 call centre agents"): none needed
            said = rule.within and {t for *_, t in tokens(alias)} & rule.within
            context = "" if said else rule.context
            for row in self._pairs[rule]:
                out.append(AliasHit(row, start, end, alias, CURATED, n, 1, False, context, True))
        return out

    def exact(self, name: str) -> list[AliasHit]:
        """The aliases that are the whole of `name` (its span_key), one hit per skill."""
        stripped = name.strip()
        key = span_key(stripped)
        per_skill = self._table.get(key, {})
        return [
            AliasHit(
                row,
                0,
                len(stripped),
                a.alias,
                a.kind,
                len(key),
                self._shared(row, per_skill),
                a.ambiguous,
                a.context,
            )
            for row, a in per_skill.items()
            if _case_ok(a, stripped)
        ]


def _case_ok(a: _Alias, surface: str) -> bool:
    if a.case == _CASE_ACRONYM:
        return is_acronym(surface)
    if a.case == _CASE_EXACT:
        return surface == a.alias or is_acronym(surface)
    return True


def _without_vendor(label: str) -> str:
    """The product name after a vendor prefix ("Microsoft Office Excel" -> "Excel"); "" when
    the label does not start with a vendor or nothing is left."""
    toks = tokens(label)
    words = [t for _, _, t in toks]
    for prefix in VENDOR_PREFIXES:
        n = len(prefix)
        if len(words) > n and tuple(words[:n]) == prefix:
            return label[toks[n][0] :].strip()
    return ""
