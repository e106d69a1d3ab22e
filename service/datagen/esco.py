"""Read the ESCO CSV files the demo catalog is made from: skills, their groups, occupations.

Occupations are grouped into families (ISCO-08 unit groups) and families into sectors; each
occupation keeps its essential and optional skills, which the bundler uses to find skills that
belong together.
"""

from __future__ import annotations

import csv
import gzip
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from service.datagen.semantic import LabelVectors

# Sector -> ISCO-08 code prefixes; the longest matching prefix of a unit group wins.
SECTORS: dict[str, tuple[str, ...]] = {
    "ict": ("25", "35", "133"),
    "health_care": ("22", "32", "532", "1342", "1343", "2634", "3344"),
    "hospitality": ("141", "511", "512", "513", "5151", "3434", "941", "4221", "4224"),
    "construction": ("71", "1323", "2142", "2161", "2162", "2164", "2165", "3112", "3123"),
    "finance": ("241", "331", "1211", "1346", "421", "431", "3352"),
    "agriculture": ("61", "62", "92", "131", "2132", "3142", "3143", "225", "324"),
    "education": ("23", "531", "1341", "1345", "2424"),
    "engineering": ("214", "215", "311", "313", "74"),
    "manufacturing": ("1321", "1322", "312", "72", "75", "81", "82", "932", "7411", "8342", "931"),
    "logistics": ("1324", "315", "432", "83", "933", "3331", "4412", "9621"),
    "retail": ("52", "142", "1221", "243", "332", "95"),
    "arts": ("262", "264", "265", "343", "73", "2166", "2163"),
    "science": ("211", "212", "2131", "2133", "3141", "2632", "2633"),
    "business": ("112", "12", "1349", "1439", "242", "2631", "333", "334", "41", "42", "44"),
    "public_services": ("0", "111", "261", "2422", "2635", "2636", "341", "335", "54", "3359"),
    "personal_services": ("1431", "514", "515", "516", "342", "91", "96"),
}
COLLECTIONS = {
    "digital": "digitalSkillsCollection_en",
    "green": "greenSkillsCollection_en",
    "transversal": "transversalSkillsCollection_en",
}
RELATED_COS = 0.35  # label cosine below which two skills are not one topic of a title
REUSE_ORDER = {"transversal": 0, "cross-sector": 1, "sector-specific": 2, "occupation-specific": 3}


@dataclass(frozen=True)
class Skill:
    uri: str
    label: str
    kind: str  # "skill/competence" or "knowledge"
    reuse: str
    description: str
    group: str  # nearest ESCO hierarchy group (level 3, else 2; "" when none)
    area: str  # its level-1 group


@dataclass(frozen=True)
class Occupation:
    uri: str
    label: str
    isco: str  # ISCO-08 unit group code (4 digits)
    essential: tuple[str, ...]
    optional: tuple[str, ...]


def rows(esco_dir: Path, name: str) -> Iterator[dict[str, str]]:
    with gzip.open(Path(esco_dir) / f"{name}.csv.gz", "rt", encoding="utf-8", newline="") as f:
        yield from csv.DictReader(f)


def sector_of(isco: str) -> str | None:
    best, size = None, 0
    for sector, prefixes in SECTORS.items():
        for p in prefixes:
            if isco.startswith(p) and len(p) > size:
                best, size = sector, len(p)
    return best


def occupation_skills(esco_dir: Path) -> dict[str, tuple[set[str], set[str]]]:
    """Occupation URI -> (essential skill URIs, optional skill URIs)."""
    out: dict[str, tuple[set[str], set[str]]] = defaultdict(lambda: (set(), set()))
    for r in rows(esco_dir, "occupationSkillRelations"):
        out[r["occupationUri"]][0 if r["relationType"] == "essential" else 1].add(r["skillUri"])
    return dict(out)


class Esco:
    """The parts of ESCO the generator needs, loaded once."""

    def __init__(self, esco_dir: Path) -> None:
        esco_dir = Path(esco_dir)
        self.group_label: dict[str, str] = {}
        level: dict[str, int] = {}
        level1: dict[str, str] = {}
        for r in rows(esco_dir, "skillsHierarchy_en"):
            for i in range(4):
                uri = r[f"Level {i} URI"]
                if uri:
                    self.group_label[uri] = r[f"Level {i} preferred term"]
                    level[uri] = i
                    level1.setdefault(uri, r["Level 1 URI"] or uri)
        broader: dict[str, list[str]] = defaultdict(list)
        for r in rows(esco_dir, "broaderRelationsSkillPillar"):
            broader[r["conceptUri"]].append(r["broaderUri"])
        self.skills: dict[str, Skill] = {}
        for r in rows(esco_dir, "skills_en"):
            uri = r["conceptUri"]
            group = self._nearest_group(uri, broader, level)
            self.skills[uri] = Skill(
                uri=uri,
                label=r["preferredLabel"].strip(),
                kind=r["skillType"] or "skill/competence",
                reuse=r["reuseLevel"],
                description=" ".join(r["description"].split()),
                group=group,
                area=level1.get(group, ""),
            )
        # A skill's broader concept when that is itself a skill (used for skill prerequisites).
        self.parent_skill = {
            uri: sorted(b for b in broader[uri] if b in self.skills)[0]
            for uri in self.skills
            if any(b in self.skills for b in broader[uri])
        }
        self.isco_label = {r["code"]: r["preferredLabel"] for r in rows(esco_dir, "ISCOGroups_en")}
        self._load_occupations(esco_dir)
        self.collections = {
            name: sorted({r["conceptUri"] for r in rows(esco_dir, f)} & self.skills.keys())
            for name, f in COLLECTIONS.items()
        }

    def _load_occupations(self, esco_dir: Path) -> None:
        rel = occupation_skills(esco_dir)
        self.occupations: dict[str, Occupation] = {}
        self.families: dict[str, list[str]] = defaultdict(list)  # ISCO unit group -> occupations
        self.needed_by: dict[str, set[int]] = defaultdict(set)  # skill -> occupations (essential)
        for r in sorted(rows(esco_dir, "occupations_en"), key=lambda r: r["conceptUri"]):
            ess, opt = rel.get(r["conceptUri"], (set(), set()))
            occ = Occupation(
                uri=r["conceptUri"],
                label=r["preferredLabel"],
                isco=r["iscoGroup"][:4],
                essential=tuple(sorted(ess & self.skills.keys())),
                optional=tuple(sorted((opt - ess) & self.skills.keys())),
            )
            self.occupations[occ.uri] = occ
            self.families[occ.isco].append(occ.uri)
            for u in occ.essential:
                self.needed_by[u].add(len(self.occupations))

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

    @cached_property
    def meaning(self) -> LabelVectors:
        """The skills' label vectors (service.datagen.semantic)."""
        return LabelVectors({u: s.label for u, s in self.skills.items()})

    def related(self, a: str, b: str) -> bool:
        """Two skills about one thing (label cosine at least RELATED_COS) that one occupation
        needs (essential) or that share an ESCO skill group: two topics one title may name."""
        if self.meaning.cos(a, b) < RELATED_COS:
            return False
        group = self.skills[a].group
        return bool(group and group == self.skills[b].group) or bool(
            self.needed_by[a] & self.needed_by[b]
        )

    def area_label(self, uri: str) -> str:
        return self.group_label.get(self.skills[uri].area, "")
