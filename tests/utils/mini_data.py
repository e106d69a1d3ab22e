"""A small but real data folder cut from data/: a few occupations and the skills they need.

Same file formats as the shipped data, so the real loader runs on it in a second.
"""

from __future__ import annotations

import csv
import gzip
import io
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "data"
OCCUPATIONS = (
    "software developer",
    "data scientist",
    "database administrator",
    "web developer",
    "ICT system administrator",
    "cook",
    "bricklayer",
    "accountant",
    "nurse responsible for general care",
)
EXTRA_SKILLS = (
    "Python (computer programming)",
    "PostgreSQL",
    "Java (computer programming)",
    "Git",
    "teamwork principles",
    "JavaScript",
    "SQL",
    "Agile development",
)


def _read(
    path: Path, delimiter: str = ",", skip: int = 0
) -> tuple[list[str], list[str], list[dict]]:
    with gzip.open(path, "rt", encoding="utf-8", newline="") as fh:
        head = [fh.readline() for _ in range(skip)]
        reader = csv.DictReader(fh, delimiter=delimiter)
        rows = list(reader)
        return head, list(reader.fieldnames or []), rows


def _write(path: Path, head: list[str], fields: list[str], rows: list[dict], delimiter=",") -> None:
    buf = io.StringIO()
    buf.writelines(head)
    w = csv.DictWriter(buf, fieldnames=fields, delimiter=delimiter, lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    path.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(path, "wt", encoding="utf-8", newline="") as fh:
        fh.write(buf.getvalue())


def make_mini_data(dest: Path) -> Path:
    esco_in, esco_out = DATA / "esco", dest / "esco"
    _, of, occs = _read(esco_in / "occupations_en.csv.gz")
    occs = [r for r in occs if r["preferredLabel"] in OCCUPATIONS]
    occ_uris = {r["conceptUri"] for r in occs}
    _write(esco_out / "occupations_en.csv.gz", [], of, occs)
    _, rf, rels = _read(esco_in / "occupationSkillRelations.csv.gz")
    rels = [r for r in rels if r["occupationUri"] in occ_uris]
    skill_uris = {r["skillUri"] for r in rels}
    _, sf, skills = _read(esco_in / "skills_en.csv.gz")
    skills = [
        r for r in skills if r["conceptUri"] in skill_uris or r["preferredLabel"] in EXTRA_SKILLS
    ]
    skill_uris = {r["conceptUri"] for r in skills}
    rels = [r for r in rels if r["skillUri"] in skill_uris]
    _write(esco_out / "occupationSkillRelations.csv.gz", [], rf, rels)
    _write(esco_out / "skills_en.csv.gz", [], sf, skills)
    _, bf, broader = _read(esco_in / "broaderRelationsSkillPillar.csv.gz")
    _write(
        esco_out / "broaderRelationsSkillPillar.csv.gz",
        [],
        bf,
        [r for r in broader if r["conceptUri"] in skill_uris],
    )
    shutil.copy(esco_in / "skillGroups_en.csv.gz", esco_out / "skillGroups_en.csv.gz")
    shutil.copy(esco_in / "ISCOGroups_en.csv.gz", esco_out / "ISCOGroups_en.csv.gz")  # audiences
    for f in esco_in.glob("*Collection_en.csv.gz"):
        _, cf, rows = _read(f)
        _write(esco_out / f.name, [], cf, [r for r in rows if r["conceptUri"] in skill_uris])
    head, xf, xw = _read(DATA / "melo/crosswalk_esco_onet.csv.gz", skip=16)
    xw = [r for r in xw if r["ESCO or ISCO URI"] in occ_uris]
    _write(dest / "melo/crosswalk_esco_onet.csv.gz", head, xf, xw)
    socs = {r["O*NET Id"] for r in xw}
    _, tf, tech = _read(DATA / "onet/technology_skills.txt.gz", delimiter="\t")
    _write(
        dest / "onet/technology_skills.txt.gz",
        [],
        tf,
        [r for r in tech if r["O*NET-SOC Code"] in socs],
        delimiter="\t",
    )
    return dest
