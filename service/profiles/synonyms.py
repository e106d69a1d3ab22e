"""Near-synonyms by ESCO's own labels: a skill whose label is a verb and another skill's
preferred label shows that skill ("apply person-centred care" shows *person centred care*,
"maintain customer service" shows *customer service*). Doing it shows it, so a learner who holds
the one holds the other, on the same evidence (`service/matching/gap.py`, `compute_gap`).

Rules (round h-plans7, docs/planning.md "Plans, a seventh round"):
- a label of the held skill (preferred or alternative; a skill/competence, never a knowledge
  concept, whose labels are noun phrases) is `<verb> <the other's preferred label>`, where the
  verb starts at least `MIN_VERB_USES` ESCO skill/competence preferred labels;
- a skill's preferred label is `apply|use|utilise|follow <the held skill's preferred label>`:
  knowing company policies is applying them ("company policies" -> *apply company policies*);
  other verbs do not go that way (knowing physics is not teaching it).
The other's alternative labels are never read: they name broader things ("customer
satisfaction" is one of *customer service*'s; "electronic components" one of *electronics*'),
and a sample of such pairs read badly ("pump paint" -> *express yourself creatively*).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from indexing.types import SkillEntry

if TYPE_CHECKING:
    from service.runtime import Runtime

SkillNeighbourMap = dict[int, dict[int, float]]

MIN_VERB_USES = 3
APPLYING_VERBS = frozenset({"apply", "use", "utilise", "follow"})


def label_key(text: str) -> str:
    """A label compared as words: lower case, hyphens and punctuation as spaces."""
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text.lower()).split())


def _verbs(entries: Iterable[SkillEntry]) -> set[str]:
    """First words of at least MIN_VERB_USES skill/competence preferred labels."""
    firsts = Counter(
        (label_key(e.preferred_label).split() or [""])[0]
        for e in entries
        if e.skill_type == "skill/competence"
    )
    return {w for w, n in firsts.items() if w and n >= MIN_VERB_USES}


def synonym_map(entries: Iterable[SkillEntry]) -> dict[int, frozenset[int]]:
    """Skill id -> the skills whose holding shows it (never itself)."""
    entries = list(entries)
    verbs = _verbs(entries)
    by_pref: dict[str, set[int]] = defaultdict(set)
    for e in entries:
        by_pref[label_key(e.preferred_label)].add(e.id)
    shows: dict[int, set[int]] = defaultdict(set)
    for e in entries:
        if e.skill_type != "skill/competence":
            continue  # a knowledge label is a noun phrase ("plant morphology": *botany*)
        for label in {label_key(e.preferred_label), *map(label_key, e.alt_labels)}:
            verb, _, rest = label.partition(" ")
            if rest and verb in verbs:
                for other in by_pref.get(rest, ()):
                    shows[other].add(e.id)  # e's label: <verb> <other's label>
        verb, _, rest = label_key(e.preferred_label).partition(" ")
        if rest and verb in APPLYING_VERBS:
            for known in by_pref.get(rest, ()):
                shows[e.id].add(known)  # e: apply <a known skill's label>
    return {k: frozenset(v - {k}) for k, v in shows.items() if v - {k}}


def instance_map(
    entries: Iterable[SkillEntry], broader: Iterable[tuple[int, int]]
) -> dict[int, frozenset[int]]:
    """Skill id -> the tools and languages ESCO files directly under it, where it is a knowledge
    concept: holding *Adobe Photoshop* shows *graphics editor software*, *Python* shows *computer
    programming*, *Eclipse* shows *integrated development environment software* (round h-plans8,
    docs/planning.md). `broader`: (skill id, id of a skill directly broader). Only a tool
    under a kind of tool (both `SkillEntry.technology`, the kind a knowledge concept) shows it:
    a specialised skill/competence says less of the general one ("take pharmaceutical
    inventory" is filed under *use databases*), "computer history" is no history, and a kind
    never shows one of its tools."""
    by_id = {e.id: e for e in entries}
    shows: dict[int, set[int]] = defaultdict(set)
    for narrow, wide in broader:
        tool, kind = by_id.get(narrow), by_id.get(wide)
        if tool is None or kind is None or narrow == wide:
            continue
        if tool.technology and kind.technology and kind.skill_type == "knowledge":
            shows[wide].add(narrow)
    return {k: frozenset(v) for k, v in shows.items()}


def merged(*maps: Mapping[int, frozenset[int]]) -> dict[int, frozenset[int]]:
    """The union of skill id -> shown-by maps."""
    out: dict[int, set[int]] = defaultdict(set)
    for m in maps:
        for k, v in m.items():
            out[k] |= v
    return {k: frozenset(v) for k, v in out.items()}


def near_synonyms(runtime: Runtime) -> dict[int, frozenset[int]]:
    """The taxonomy's synonym map, built once per runtime."""
    return runtime.once("skill_synonyms", lambda: synonym_map(runtime.skills.values()))


def add_synonyms(
    nb: Mapping[int, Mapping[int, float]],
    synonyms: Mapping[int, Iterable[int]],
    required: Iterable[int],
    others: Iterable[int],
    credit: float,
) -> SkillNeighbourMap:
    """`nb` with each required skill's near-synonyms among `others` at `credit` (where higher
    than what `nb` gives); 0 credit leaves `nb` as it is."""
    out = {k: dict(v) for k, v in nb.items()}
    if credit <= 0:
        return out
    others = set(others)
    for r in required:
        for o in synonyms.get(r, ()):
            if o in others and o != r and credit > out.get(r, {}).get(o, 0.0):
                out.setdefault(r, {})[o] = credit
    return out
