"""Read the ESCO CSV files the demo catalog is made from, and group skills into topics.

A topic is a coherent set of related skills that one credential (or a ladder of credentials)
can teach: the essential skills of one occupation family (ISCO unit group) that fall under one
skill group of the ESCO hierarchy, the core skills of a family across groups, or the skills of
one collection (digital, green, transversal) under one skill group.
"""

from __future__ import annotations

import csv
import gzip
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

# Sector -> ISCO-08 code prefixes; the longest matching prefix of a unit group wins.
SECTORS: dict[str, tuple[str, ...]] = {
    "ict": ("25", "35", "133"),
    "health_care": ("22", "32", "532", "1342", "1343"),
    "hospitality": ("141", "511", "512", "513", "5151", "3434", "941", "4221", "4224"),
    "construction": ("71", "1323", "2142", "2161", "2162", "3112", "3123", "7411", "8342", "931"),
    "finance": ("241", "331", "1211", "1346", "421", "431"),
    "agriculture": ("61", "62", "92", "131", "2132", "3142", "225", "324"),
    "education": ("23", "531", "1345"),
    "manufacturing": (
        "1321",
        "214",
        "215",
        "311",
        "312",
        "313",
        "72",
        "74",
        "75",
        "81",
        "82",
        "932",
    ),
    "logistics": ("1324", "315", "432", "83", "933"),
    "retail": ("52", "142", "1221", "243", "332", "95"),
    "arts": ("262", "264", "265", "343", "731", "2166"),
}
COLLECTIONS = {
    "digital": "digitalSkillsCollection_en",
    "green": "greenSkillsCollection_en",
    "transversal": "transversalSkillsCollection_en",
}
REUSE_ORDER = {"transversal": 0, "cross-sector": 1, "sector-specific": 2, "occupation-specific": 3}


@dataclass(frozen=True)
class Skill:
    uri: str
    label: str
    kind: str  # "skill/competence" or "knowledge"
    reuse: str
    description: str
    group: str  # nearest ESCO hierarchy group (level 3, else 2)
    area: str  # its level-1 group


@dataclass
class Topic:
    key: str
    sector: str
    family: str  # ISCO unit group label, or the collection's skill area
    group: str  # skill group URI ("" for a family core topic)
    skills: list[str] = field(default_factory=list)
    core: bool = False  # True: the essential skills of one family across groups


def _rows(esco_dir: Path, name: str) -> Iterator[dict[str, str]]:
    with gzip.open(esco_dir / f"{name}.csv.gz", "rt", encoding="utf-8", newline="") as f:
        yield from csv.DictReader(f)


def sector_of(isco: str) -> str | None:
    best, size = None, 0
    for sector, prefixes in SECTORS.items():
        for p in prefixes:
            if isco.startswith(p) and len(p) > size:
                best, size = sector, len(p)
    return best


class Esco:
    """The parts of ESCO the generator needs, loaded once."""

    def __init__(self, esco_dir: Path) -> None:
        self.group_label: dict[str, str] = {}
        level: dict[str, int] = {}
        level1: dict[str, str] = {}
        for r in _rows(esco_dir, "skillsHierarchy_en"):
            for i in range(4):
                uri = r[f"Level {i} URI"]
                if uri:
                    self.group_label[uri] = r[f"Level {i} preferred term"]
                    level[uri] = i
                    level1.setdefault(uri, r["Level 1 URI"] or uri)
        broader: dict[str, list[str]] = defaultdict(list)
        for r in _rows(esco_dir, "broaderRelationsSkillPillar"):
            broader[r["conceptUri"]].append(r["broaderUri"])
        self.skills: dict[str, Skill] = {}
        for r in _rows(esco_dir, "skills_en"):
            uri = r["conceptUri"]
            group = self._nearest_group(uri, broader, level)
            if not group or r["skillType"] not in ("skill/competence", "knowledge"):
                continue
            self.skills[uri] = Skill(
                uri=uri,
                label=r["preferredLabel"].strip(),
                kind=r["skillType"],
                reuse=r["reuseLevel"],
                description=" ".join(r["description"].split()),
                group=group,
                area=level1[group],
            )
        # A skill's broader concept when that is itself a skill (used for skill prerequisites).
        self.parent_skill = {
            uri: sorted(b for b in broader[uri] if b in self.skills)[0]
            for uri in self.skills
            if any(b in self.skills for b in broader[uri])
        }
        self.isco_label = {r["code"]: r["preferredLabel"] for r in _rows(esco_dir, "ISCOGroups_en")}
        occ_isco = {r["conceptUri"]: r["iscoGroup"] for r in _rows(esco_dir, "occupations_en")}
        self.family_skills: dict[str, Counter[str]] = defaultdict(Counter)
        for r in _rows(esco_dir, "occupationSkillRelations"):
            isco = occ_isco.get(r["occupationUri"])
            if isco and r["relationType"] == "essential" and r["skillUri"] in self.skills:
                self.family_skills[isco][r["skillUri"]] += 1
        self.collections = {
            name: sorted({r["conceptUri"] for r in _rows(esco_dir, f)} & self.skills.keys())
            for name, f in COLLECTIONS.items()
        }

    def _nearest_group(self, uri: str, broader: dict[str, list[str]], level: dict[str, int]) -> str:
        seen, frontier = {uri}, [uri]
        while frontier:
            nxt = []
            for u in frontier:
                for b in sorted(broader.get(u, ())):
                    if level.get(b, 0) >= 2:
                        return b
                    if b not in seen and b not in level:
                        seen.add(b)
                        nxt.append(b)
            frontier = nxt
        return ""

    def rank(self, uris: list[str], freq: Counter[str] | None = None) -> list[str]:
        """Most shared first, generic before specific, then by label: a stable teaching order."""
        freq = freq or Counter()
        return sorted(
            uris,
            key=lambda u: (
                -freq[u],
                REUSE_ORDER.get(self.skills[u].reuse, 4),
                self.skills[u].label,
            ),
        )

    def topics(self) -> list[Topic]:
        """All candidate topics, in a stable order."""
        out: list[Topic] = []
        for isco in sorted(self.family_skills):
            sector = sector_of(isco)
            if sector is None:
                continue
            freq = self.family_skills[isco]
            family = self.isco_label.get(isco, isco)
            by_group: dict[str, list[str]] = defaultdict(list)
            for uri in freq:
                if not self.group_label.get(self.skills[uri].area, "").startswith("language"):
                    by_group[self.skills[uri].group].append(uri)
            for group in sorted(by_group):
                if len(by_group[group]) >= 3:
                    skills = self.rank(by_group[group], freq)[:24]
                    out.append(Topic(f"{sector}|{isco}|{group}", sector, family, group, skills))
            core = [u for u in self.rank(list(freq), freq) if freq[u] >= 2 or len(freq) < 40]
            if len(core) >= 6:
                out.append(Topic(f"{sector}|{isco}|core", sector, family, "", core[:8], True))
        for name, uris in self.collections.items():
            by_group = defaultdict(list)
            for uri in uris:
                by_group[self.skills[uri].group].append(uri)
            for group in sorted(by_group):
                if len(by_group[group]) >= 3:
                    area = self.group_label.get(self.skills[by_group[group][0]].area, name)
                    skills = self.rank(by_group[group])[:24]
                    out.append(Topic(f"{name}|{group}", name, area, group, skills))
        return out
