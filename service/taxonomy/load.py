"""Load ESCO v1.1.1 (and the O*NET 29.2 technology-skill extension) from data/ into the database.

The load is idempotent: a fingerprint of the source files is kept in `Meta`; a second load of
the same files does nothing.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import re
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import delete, insert, select
from sqlalchemy.engine import Engine
from sqlmodel import Session

from indexing.types import SkillEntry
from models.tables import Meta, Occupation, OccupationSkill, Skill, SkillBroader, SkillGroup

ESCO_VERSION = "ESCO v1.1.1 (en)"
ONET_VERSION = "O*NET 29.2 technology skills"
ONET_MIN_OCCUPATIONS = (
    3  # keep O*NET tools that are "hot" or used in at least this many occupations
)
COLLECTIONS = {
    "digital": "digitalSkillsCollection_en.csv.gz",
    "green": "greenSkillsCollection_en.csv.gz",
    "transversal": "transversalSkillsCollection_en.csv.gz",
    "language": "languageSkillsCollection_en.csv.gz",
    "digcomp": "digCompSkillsCollection_en.csv.gz",
    "research": "researchSkillsCollection_en.csv.gz",
}
ESCO_FILES = (
    "skills_en.csv.gz",
    "skillGroups_en.csv.gz",
    "broaderRelationsSkillPillar.csv.gz",
    "occupations_en.csv.gz",
    "occupationSkillRelations.csv.gz",
    *COLLECTIONS.values(),
)
ONET_FILES = ("onet/technology_skills.txt.gz", "melo/crosswalk_esco_onet.csv.gz")


def read_csv_gz(path: Path, *, delimiter: str = ",", skip_lines: int = 0) -> Iterator[dict]:
    with gzip.open(path, "rt", encoding="utf-8", newline="") as fh:
        for _ in range(skip_lines):
            fh.readline()
        yield from csv.DictReader(fh, delimiter=delimiter)


def _lines(cell: str | None) -> list[str]:
    seen, out = set(), []
    for part in (cell or "").split("\n"):
        part = part.strip()
        if part and part.lower() not in seen:
            seen.add(part.lower())
            out.append(part)
    return out


def onet_uri(commodity_code: str, example: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", example.lower()).strip("-")
    return f"urn:onet:technology:{commodity_code}:{slug}"


REGULATED = "http://data.europa.eu/esco/regulated-professions/regulated"


def is_regulated(note: str | None) -> bool:
    """ESCO's regulatedProfessionNote: ".../regulated" (15 occupations in v1.1.1) or
    ".../unregulated"."""
    return (note or "").strip() == REGULATED


def _fingerprint(data_dir: Path, include_onet: bool) -> str:
    h = hashlib.sha256(f"onet={include_onet}".encode())
    files = [data_dir / "esco" / f for f in ESCO_FILES]
    if include_onet:
        files += [data_dir / f for f in ONET_FILES]
    for f in files:
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return h.hexdigest()


def _batched_insert(session: Session, table, rows: list[dict], size: int = 5000) -> None:
    for i in range(0, len(rows), size):
        session.execute(insert(table), rows[i : i + size])


def load_taxonomy(engine: Engine, data_dir: Path, *, include_onet: bool = True) -> bool:
    """Load the taxonomy unless the same files were loaded already. Returns True when it loaded."""
    fp = _fingerprint(data_dir, include_onet)
    with Session(engine) as s:
        current = s.get(Meta, "taxonomy_fingerprint")
        if current is not None and current.value == fp:
            return False
        for table in (OccupationSkill, SkillBroader, Occupation, SkillGroup, Skill):
            s.execute(delete(table))
        _load_esco(s, data_dir / "esco")
        if include_onet:
            _load_onet(s, data_dir)
        versions = ESCO_VERSION + (f"; {ONET_VERSION}" if include_onet else "")
        s.merge(Meta(key="taxonomy_fingerprint", value=fp))
        s.merge(Meta(key="taxonomy_versions", value=versions))
        s.commit()
    return True


def _load_esco(s: Session, esco: Path) -> None:
    member: dict[str, list[str]] = defaultdict(list)
    for name, fname in COLLECTIONS.items():
        for row in read_csv_gz(esco / fname):
            member[row["conceptUri"]].append(name)
    skills = [
        dict(
            uri=r["conceptUri"],
            source="esco",
            preferred_label=r["preferredLabel"].strip(),
            alt_labels=[a for a in _lines(r["altLabels"]) if a != r["preferredLabel"].strip()],
            hidden_labels=_lines(r["hiddenLabels"]),
            description=(r["description"] or "").strip(),
            skill_type=r["skillType"] or "",
            reuse_level=r["reuseLevel"] or "",
            collections=member.get(r["conceptUri"], []),
            hot=False,
        )
        for r in read_csv_gz(esco / "skills_en.csv.gz")
    ]
    _batched_insert(s, Skill, skills)
    groups = [
        dict(
            uri=r["conceptUri"],
            preferred_label=r["preferredLabel"],
            code=r.get("code") or "",
            description=(r.get("description") or "").strip(),
        )
        for r in read_csv_gz(esco / "skillGroups_en.csv.gz")
    ]
    _batched_insert(s, SkillGroup, groups)
    broader = {
        (r["conceptUri"], r["broaderUri"])
        for r in read_csv_gz(esco / "broaderRelationsSkillPillar.csv.gz")
    }
    _batched_insert(s, SkillBroader, [dict(uri=u, broader_uri=b) for u, b in sorted(broader)])
    occs = [
        dict(
            uri=r["conceptUri"],
            source="esco",
            preferred_label=r["preferredLabel"].strip(),
            alt_labels=[a for a in _lines(r["altLabels"]) if a != r["preferredLabel"].strip()],
            description=(r["description"] or "").strip(),
            isco_code=r["iscoGroup"] or "",
            code=r.get("code") or "",
            regulated=is_regulated(r.get("regulatedProfessionNote")),
        )
        for r in read_csv_gz(esco / "occupations_en.csv.gz")
    ]
    _batched_insert(s, Occupation, occs)
    s.flush()
    skill_ids = dict(s.execute(select(Skill.uri, Skill.id)).all())
    occ_ids = dict(s.execute(select(Occupation.uri, Occupation.id)).all())
    rels, seen = [], set()
    for r in read_csv_gz(esco / "occupationSkillRelations.csv.gz"):
        o, k = occ_ids.get(r["occupationUri"]), skill_ids.get(r["skillUri"])
        if o is None or k is None or (o, k) in seen:  # 67 rows name occupations not in the file
            continue
        seen.add((o, k))
        rels.append(dict(occupation_id=o, skill_id=k, relation=r["relationType"], source="esco"))
    _batched_insert(s, OccupationSkill, rels)


def _load_onet(s: Session, data_dir: Path) -> None:
    """Add O*NET tools ESCO lacks, tied to ESCO occupations through the ESCO-O*NET crosswalk."""
    known = set()
    for label, alts in s.execute(select(Skill.preferred_label, Skill.alt_labels)).all():
        known.add(label.lower())
        known.update(a.lower() for a in alts)
    occs: dict[str, set[str]] = defaultdict(set)
    hot: dict[str, bool] = defaultdict(bool)
    commodity: dict[str, tuple[str, str]] = {}
    for r in read_csv_gz(data_dir / "onet/technology_skills.txt.gz", delimiter="\t"):
        ex = r["Example"].strip()
        occs[ex].add(r["O*NET-SOC Code"])
        hot[ex] |= r["Hot Technology"] == "Y"
        commodity.setdefault(ex, (r["Commodity Code"], r["Commodity Title"]))
    chosen = sorted(
        ex
        for ex in occs
        if (hot[ex] or len(occs[ex]) >= ONET_MIN_OCCUPATIONS) and ex.lower() not in known
    )
    rows = [
        dict(
            uri=onet_uri(commodity[ex][0], ex),
            source="onet",
            preferred_label=ex,
            alt_labels=[],
            hidden_labels=[],
            description=f"{ex}: {commodity[ex][1].lower()} (O*NET technology).",
            skill_type="technology",
            reuse_level="",
            collections=["onet-technology"],
            hot=hot[ex],
        )
        for ex in chosen
    ]
    _batched_insert(s, Skill, rows)
    s.flush()
    crosswalk: dict[str, set[str]] = defaultdict(set)
    for r in read_csv_gz(data_dir / "melo/crosswalk_esco_onet.csv.gz", skip_lines=16):
        if r.get("Type of Match") in ("exactMatch", "closeMatch", "narrowMatch"):
            crosswalk[r["O*NET Id"]].add(r["ESCO or ISCO URI"])
    skill_ids = dict(s.execute(select(Skill.uri, Skill.id).where(Skill.source == "onet")).all())
    occ_ids = dict(s.execute(select(Occupation.uri, Occupation.id)).all())
    existing = set(s.execute(select(OccupationSkill.occupation_id, OccupationSkill.skill_id)).all())
    rels = []
    for ex in chosen:
        sid = skill_ids[onet_uri(commodity[ex][0], ex)]
        for soc in sorted(occs[ex]):
            for esco_uri in sorted(crosswalk.get(soc, ())):
                oid = occ_ids.get(esco_uri)
                if oid is not None and (oid, sid) not in existing:
                    existing.add((oid, sid))
                    rels.append(
                        dict(occupation_id=oid, skill_id=sid, relation="optional", source="onet")
                    )
    _batched_insert(s, OccupationSkill, rels)


def skill_entries(engine: Engine) -> list[SkillEntry]:
    """All skills as the linker sees them, ordered by id."""
    cols = (
        Skill.id,
        Skill.uri,
        Skill.preferred_label,
        Skill.alt_labels,
        Skill.hidden_labels,
        Skill.description,
        Skill.skill_type,
        Skill.reuse_level,
        Skill.source,
        Skill.collections,
    )
    with Session(engine) as s:
        rows = s.execute(select(*cols).order_by(Skill.id)).all()
    return [
        SkillEntry(
            id=i,
            uri=u,
            preferred_label=p,
            alt_labels=tuple(a),
            hidden_labels=tuple(h),
            description=d,
            skill_type=t,
            reuse_level=r,
            source=src,
            technology=src == "onet" or (t == "knowledge" and "digital" in (cols or [])),
        )
        for i, u, p, a, h, d, t, r, src, cols in rows
    ]


def occupation_titles(engine: Engine) -> list[str]:
    """Every occupation title (preferred and alternative): the linker reads their lower-case
    words as ordinary words ("chef", "blender"), so a tool of that name is ambiguous."""
    with Session(engine) as s:
        rows = s.execute(select(Occupation.preferred_label, Occupation.alt_labels)).all()
    return [t for p, alts in rows for t in (p, *alts)]


def meta_value(engine: Engine, key: str, default: str = "") -> str:
    with Session(engine) as s:
        row = s.get(Meta, key)
        return row.value if row else default
