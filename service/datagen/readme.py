"""The README that ships next to the generated catalog: what it is, how to remake it, counts."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from service.datagen.text import SECTOR_TEXT

if TYPE_CHECKING:
    from service.datagen.catalog import Catalog


def render_readme(cat: Catalog, seed: int, size: int) -> str:
    recs = cat.records

    def table(counter: Counter[str], head: str) -> str:
        rows = "\n".join(
            f"| {k} | {v} |" for k, v in sorted(counter.items(), key=lambda x: (-x[1], x[0]))
        )
        return f"| {head} | records |\n| --- | --- |\n{rows}\n"

    n_cred = sum(p.kind == "credential" for r in recs for p in r.prerequisites)
    n_skill = sum(p.kind == "skill" for r in recs for p in r.prerequisites)
    return README.format(
        n=len(recs), seed=seed, size=size, n_cred=n_cred, n_skill=n_skill,
        issuers=len({r.issuer.name for r in recs}),
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

Each credential other than a programme teaches 3-8 related skills taken from ESCO: the essential
skills of one occupation family (ISCO unit group) that fall under one skill group of the ESCO
skills hierarchy, the core skills of a family, or one skill group of the digital, green or
transversal skills collections.
Skills are given by ESCO URI (`source: explicit`; primary skills weight 1.0, secondary 0.5-0.8).
Titles and descriptions are made from templates and the skills' ESCO descriptions. Ladders of
beginner, intermediate and advanced credentials over one topic carry prerequisite links
({n_cred} credential links, {n_skill} skill prerequisites, no cycles); stackable programmes bundle
3-6 badges and courses of one family (`has_part` / `is_part_of`; a programme teaches the union of
its parts' skills, its hours are their sum and its cost 10-20% below theirs). {issuers} issuers.
Hours: badges 1-20, courses 10-60, certificates 20-120, certifications 30-150 (valid 24-36
months), nano degrees 60-200, programmes up to 300.

## Regenerate

```
python -m service.datagen.catalog --out data/catalog/credentials.jsonl.gz \\
    --readme data/catalog/README.md --seed {seed} --size {size}
```

Same seed and same ESCO files give byte-identical output (gzip with mtime 0). One JSON object per
line: a `models.records.CredentialRecord` without `original`, sorted by `external_id`.

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
