"""The README that ships next to the generated catalog: what it is, how to remake it, coverage."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from service.datagen.coverage import MIN_ESSENTIAL, coverage
from service.datagen.text import SECTOR_TEXT

if TYPE_CHECKING:
    from service.datagen.catalog import Catalog


def table(counter: Counter[str], head: str) -> str:
    rows = "\n".join(
        f"| {k} | {v} |" for k, v in sorted(counter.items(), key=lambda x: (-x[1], x[0]))
    )
    return f"| {head} | records |\n| --- | --- |\n{rows}\n"


def coverage_tables(catalog_path: Path, esco_dir: Path) -> str:
    cov = coverage(catalog_path, esco_dir)
    rows = [f"| {label} | {n} | {n / cov.n_occupations:.1%} |" for label, n in cov.bins.items()]
    q = cov.skills_per_credential
    hours = [
        f"| {k} | {v['n']} | {v['min']:g} | {v['median']:g} | {v['max']:g} |"
        for k, v in cov.hours_per_kind.items()
    ]
    return "\n".join(
        [
            f"{cov.n_occupations} ESCO occupations have {MIN_ESSENTIAL} or more essential skills;"
            f" for {cov.at_least_80:.1%} of them the catalog teaches at least 80% of those skills.",
            "",
            "| essential skills taught | occupations | share |",
            "| --- | --- | --- |",
            *rows,
            "",
            "Skills per credential (programmes excluded): "
            f"min {q['min']:g}, p25 {q['p25']:g}, median {q['median']:g}, p75 {q['p75']:g}, "
            f"max {q['max']:g}.",
            "",
            "| kind | records | min hours | median hours | max hours |",
            "| --- | --- | --- | --- | --- |",
            *hours,
        ]
    )


def render_readme(cat: Catalog, seed: int, catalog_path: Path, esco_dir: Path) -> str:
    recs = cat.records
    n_cred = sum(p.kind == "credential" for r in recs for p in r.prerequisites)
    n_skill = sum(p.kind == "skill" for r in recs for p in r.prerequisites)
    return README.format(
        n=len(recs), seed=seed, n_cred=n_cred, n_skill=n_skill,
        issuers=len({r.issuer.name for r in recs}),
        coverage=coverage_tables(catalog_path, esco_dir),
        kinds=table(Counter(r.kind for r in recs), "kind"),
        sectors=table(
            Counter(f"{s} ({SECTOR_TEXT[s][0]})" for s in cat.sectors.values()),
            "sector / collection",
        ),
        languages=table(Counter(r.language for r in recs), "language"),
        levels=table(Counter(r.level or "" for r in recs), "level"),
    )  # fmt: skip


README = """# Default catalog (generated DEMO data)

`credentials.jsonl.gz` is a **generated demo catalog** of {n} micro-credentials (badges, courses,
certificates, certifications, nano degrees, stackable programmes). It is not a real offer: every
issuer is fictional and every URL is under `example.org`. It exists so that a fresh install shows
real-looking recommendations, and so that tests have a realistic, reproducible catalog.

## How it is made

- **Shared skills first.** A skill essential to occupations of ten or more families (ISCO-08
  unit groups: manage staff, write work-related reports, identify customer's needs; 554 skills)
  is bundled with the shared skills closest to it (needed by the same families, same ESCO skill
  group) into short offers of their own (`service/datagen/shared.py`), so a shop manager learns
  to manage staff from "Staff Management and Supervision Basics", not from a course of another
  trade that teaches it on the side.
- **Bundles.** Occupations are grouped into families (ISCO-08 unit groups). Family by family,
  the essential skills that no earlier credential teaches seed a bundle, which grows with its
  nearest neighbours: skills the same occupations need (cosine of their essential/optional
  occupation vectors), that share an ESCO skill group, and that are about the same thing (cosine
  of their label vectors, read from the shipped vector pack: `service/datagen/semantic.py`). A
  skill whose label is far from the bundle's (mean cosine under 0.2) does not join it and seeds
  a bundle of its own, so a restaurant manager's menu planning is not taught with infrastructure
  accessibility (`service/datagen/bundles.py`). At most 40% of a bundle may be skills already
  taught elsewhere, for context. So every essential skill
  of every occupation is taught by construction; a few digital, green and transversal bundles
  (one ESCO skill group of a collection each) add cross-sector offers.
- **Credentials.** Each bundle becomes one badge, course, certificate or certification sized to
  it; larger bundles get an introductory beginner badge over their core (a recommended
  prerequisite); most families get an advanced nano degree over the most central skills of two
  or three of their bundles (which it requires); stackable programmes bundle 3-6 badges and
  courses of one family (`has_part` / `is_part_of`; a programme teaches the union of its parts'
  skills, its hours are their sum and its cost 10-20% below theirs).
  {n_cred} credential prerequisites and {n_skill} skill prerequisites, no cycles. {issuers}
  issuers.
- **Titles and descriptions** come from the bundle: its one to three most salient short skill
  phrases (central to the family and to the bundle's topic, specific, short; generic verbs
  dropped, "maintain equipment" -> "Equipment Maintenance"), joined by a few patterns ("A and
  B", "A with T1 and T2", "A for <audience>"; two phrases share a title only when their labels
  are close, cosine 0.35 or more) and framed by kind and level; the audience is the family's
  ISCO label or the sector's wording (`service/datagen/titles.py`, `text.py`).
- Skills are given by ESCO URI (`source: explicit`); the skills the title names weigh 1.0, the
  others 0.5-0.8 by how central they are to the family.

## Sizes and prices

Hours grow with the number of skills taught, within a range per kind: badges 4-20 h, courses
15-60 h, certificates 60-200 h, certifications 20-120 h (an exam; valid 24-36 months), nano
degrees 120-400 h, programmes 120-400 h (the sum of their parts). Prices are orders of magnitude
of public offers, not copied data (`service/datagen/offers.py`): self-paced online badges and
MOOC-style courses are often free (30% of online badges, 12% of online courses) or cost a few
units of currency per learning hour (badges 2-8, courses 3-12); online certificates 8-20 per
hour, nano degrees 5-12 (as subscription-priced online programmes); certifications 6-15 per hour
of preparation plus an exam fee of 150-450; blended delivery costs 1.6 times and in-person 2.2
times as much (instructor-led vocational training at tens per hour). Prices are rounded like
shop prices (49, 390, 1490). Delivery is mostly online for desk sectors and mostly in person or
blended for hands-on skills (handling, machinery, constructing, caring).

## Coverage

Computed from the shipped file and the ESCO files by `service/datagen/coverage.py` (and checked
by `tests/datagen/test_shipped_catalog.py`).

{coverage}

## Regenerate

```
python -m service.datagen.catalog --out data/catalog/credentials.jsonl.gz \\
    --readme data/catalog/README.md --seed {seed}
```

Same seed, same ESCO files and same shipped vector pack (`data/vectors/*.npz`, the skill labels'
rows) give byte-identical output (gzip with mtime 0). One JSON object per line: a
`models.records.CredentialRecord` without `original`, sorted by `external_id`. `--size N` stops
early at N credentials (quick runs; coverage is then partial).

## Counts

Sectors are ISCO-08 code prefixes of the occupation families (`SECTORS` in
`service/datagen/esco.py`); digital, green and transversal are the ESCO skill collections.

{kinds}
{sectors}
{languages}
{levels}
Titles stay in English; `language` marks the language the credential is taught in.

## Attribution and licence

This service uses the ESCO classification of the European Commission. ESCO v1.1.1 is licensed
under CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/). Modifications: derived. The
credentials are derived from ESCO skills, skill groups, collections and occupation-skill
relations; ESCO URIs, labels and parts of ESCO descriptions are quoted in the records.
"""
