"""Career moves to evaluate plans on: pairs (held occupation -> target occupation) with a budget.

Two sources of related occupations, both mapped onto the ESCO occupations in the database:
- O*NET 29.2 `Related Occupations.txt` (every relatedness tier), each O*NET-SOC code mapped to
  the ESCO occupations the ESCO-O*NET crosswalk (`melo/onet_to_esco_crosswalk_usa_en.json`) calls
  an exactMatch, closeMatch or narrowMatch of it (the match kinds the taxonomy loader ties O*NET
  tools by: the ESCO occupation is the O*NET one or a part of it);
- ESCO occupations in the same ISCO-08 unit group (the 4-digit `isco_code`).

A pair is kept when the two occupations differ, the target has at least MIN_TARGET_ESSENTIALS
essential ESCO skills and at least one of them is not among the source's. The two sources are
shuffled apart (random.Random(seed), over pairs sorted by URI) and taken in turn, one from each,
without repeating a pair. Each pair's hour budget is drawn from BUDGET_RANGES by a generator seeded
with the seed and the two URIs, so it does not depend on which other pairs were kept.
"""

from __future__ import annotations

import csv
import hashlib
import json
import random
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import zip_longest
from pathlib import Path

from sqlmodel import Session

from service.repo import taxonomy as tax

MIN_TARGET_ESSENTIALS = 6
CROSSWALK_KINDS = ("exactMatch", "closeMatch", "narrowMatch")
RELATED_FILE = Path("onet-29.2") / "Related Occupations.txt"
CROSSWALK_FILE = Path("melo") / "onet_to_esco_crosswalk_usa_en.json"
# Hours a person changing careers can study, part-time beside work (5-12 h a week): a few
# months (40-120 h), a semester to six months (120-300 h), about a year (300-600 h). One range
# is picked at random (equal odds), then hours uniformly within it, rounded to 10 h.
BUDGET_RANGES: tuple[tuple[str, float, float], ...] = (
    ("few months", 40.0, 120.0),
    ("half a year", 120.0, 300.0),
    ("a year", 300.0, 600.0),
)


@dataclass(frozen=True)
class Occ:
    id: int
    uri: str
    label: str
    isco: str
    essentials: frozenset[int]


@dataclass(frozen=True)
class CareerPair:
    """A learner who holds source's essential skills and targets target, with an hour budget.
    via: "onet:<relatedness tier>" or "isco:<unit group>"."""

    source: Occ
    target: Occ
    via: str
    budget_hours: float

    @property
    def half(self) -> str:
        """ "dev" or "test": a fixed split of the pairs by a hash of the target's URI (planner
        settings are chosen on dev; test is reported)."""
        return "dev" if hashlib.sha256(self.target.uri.encode()).digest()[0] % 2 == 0 else "test"


def read_related(path: str | Path) -> list[tuple[str, str, str]]:
    """(O*NET-SOC code, related code, relatedness tier) rows of `Related Occupations.txt`."""
    with open(path, encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.reader(fh, delimiter="\t") if r][1:]
    return [(r[0].strip(), r[1].strip(), r[2].strip()) for r in rows if len(r) >= 3]


def read_crosswalk(path: str | Path, kinds=CROSSWALK_KINDS) -> dict[str, set[str]]:
    """O*NET-SOC code -> the ESCO occupation URIs the crosswalk matches to it by one of kinds."""
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    out: dict[str, set[str]] = {}
    for code, entry in data.items():
        uris = {u for u, kind in entry.get("matches", {}).items() if kind in kinds}
        if uris:
            out[code] = uris
    return out


def occupations(session: Session) -> dict[str, Occ]:
    """URI -> every occupation with its essential ESCO skills."""
    ess: dict[int, set[int]] = defaultdict(set)
    for oid, sid, relation, source, _hot in tax.all_occupation_skills(session):
        if relation == "essential" and source == "esco":
            ess[oid].add(sid)
    return {
        uri: Occ(oid, uri, label, isco or "", frozenset(ess.get(oid, ())))
        for oid, uri, label, isco in tax.occupation_rows(session)
    }


def usable(source: Occ, target: Occ) -> bool:
    """Whether the move is worth planning: two occupations, a target with enough essential
    skills, and at least one of them the learner does not hold."""
    return (
        source.uri != target.uri
        and len(target.essentials) >= MIN_TARGET_ESSENTIALS
        and bool(target.essentials - source.essentials)
    )


def onet_pairs(
    related: list[tuple[str, str, str]], crosswalk: dict[str, set[str]], occs: dict[str, Occ]
) -> dict[tuple[str, str], str]:
    """(source URI, target URI) -> "onet:<tier>" (the first tier met, in file order)."""
    out: dict[tuple[str, str], str] = {}
    for code, other, tier in related:
        for a in sorted(crosswalk.get(code, ())):
            for b in sorted(crosswalk.get(other, ())):
                if a in occs and b in occs and usable(occs[a], occs[b]):
                    out.setdefault((a, b), f"onet:{tier}")
    return out


def isco_pairs(occs: dict[str, Occ]) -> dict[tuple[str, str], str]:
    """(source URI, target URI) -> "isco:<unit group>" for occupations of one unit group."""
    groups: dict[str, list[str]] = defaultdict(list)
    for uri, o in sorted(occs.items()):
        if len(o.isco) == 4:
            groups[o.isco].append(uri)
    return {
        (a, b): f"isco:{code}"
        for code, uris in sorted(groups.items())
        for a in uris
        for b in uris
        if usable(occs[a], occs[b])
    }


def draw_budget(seed: int, source_uri: str, target_uri: str) -> float:
    """The pair's hour budget (see BUDGET_RANGES): the same for a pair whatever else is drawn."""
    rng = random.Random(f"{seed}|{source_uri}|{target_uri}")
    _name, lo, hi = rng.choice(BUDGET_RANGES)
    return float(round(rng.uniform(lo, hi) / 10.0) * 10)


def sample_pairs(session: Session, data_dir: str | Path, *, seed: int) -> Iterator[CareerPair]:
    """Every usable pair once, in the seeded order (O*NET-related and ISCO pairs in turn)."""
    data_dir = Path(data_dir)
    occs = occupations(session)
    onet = onet_pairs(
        read_related(data_dir / RELATED_FILE), read_crosswalk(data_dir / CROSSWALK_FILE), occs
    )
    isco = isco_pairs(occs)
    rng = random.Random(seed)
    lists = []
    for found in (onet, isco):
        keys = sorted(found)
        rng.shuffle(keys)
        lists.append([(k, found[k]) for k in keys])
    seen: set[tuple[str, str]] = set()
    for turn in zip_longest(*lists):
        for item in turn:
            if item is None or item[0] in seen:
                continue
            (a, b), via = item
            seen.add((a, b))
            yield CareerPair(occs[a], occs[b], via, draw_budget(seed, a, b))
