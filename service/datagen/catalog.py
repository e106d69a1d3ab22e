"""Generate the default DEMO catalog of micro-credentials from ESCO, deterministically.

    python -m service.datagen.catalog --out data/catalog/credentials.jsonl.gz

Every credential teaches 3-8 related ESCO skills: the essential skills of one occupation family
(ISCO unit group) under one skill group, the core skills of a family, or one skill group of the
digital, green or transversal collection. Ladders of beginner -> intermediate -> advanced
credentials over one topic carry the prerequisite links; stackable programmes bundle 3-6 badges
and courses of one family. Issuers are fictional; the same seed gives the same bytes.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import random
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from models.records import CredentialRecord, Issuer, Prerequisite, SkillRef
from service.datagen import text
from service.datagen.esco import SECTORS, Esco, Topic
from service.datagen.readme import render_readme

ROOT = Path(__file__).resolve().parents[2]
WEIGHTS = {
    "manufacturing": 14, "ict": 11, "health_care": 10, "construction": 8, "finance": 7,
    "education": 7, "retail": 7, "hospitality": 6, "agriculture": 6, "logistics": 6, "arts": 6,
    "digital": 6, "green": 5, "transversal": 1,
}  # fmt: skip
LEVELS = ("beginner", "intermediate", "advanced")
KIND_MIX = {
    "beginner": {"badge": 55, "course": 40, "certificate": 5},
    "intermediate": {"badge": 25, "course": 35, "certificate": 35, "certification": 5},
    "advanced": {"certificate": 45, "certification": 25, "course": 15, "nano_degree": 15},
}
HOURS = {  # kind -> level -> (min, max)
    "badge": ((1, 8), (4, 14), (8, 20)),
    "course": ((10, 25), (20, 40), (30, 60)),
    "certificate": ((20, 50), (40, 80), (60, 120)),
    "certification": ((30, 60), (40, 100), (60, 150)),
    "nano_degree": ((60, 100), (80, 150), (100, 200)),
}
COST = {  # kind -> (share free, min, max)
    "badge": (0.35, 19, 149), "course": (0.15, 49, 490), "certificate": (0.0, 150, 1500),
    "certification": (0.0, 250, 1800), "nano_degree": (0.0, 600, 3000),
}  # fmt: skip
EQF = {"beginner": (2, 3, 3, 4), "intermediate": (4, 4, 5), "advanced": (5, 6, 6, 7)}
ONLINE_FIRST = {"ict", "digital", "finance", "transversal", "green"}


@dataclass
class Spec:
    topic: Topic
    kind: str
    level: str
    skills: list[str]
    rung: int = 0  # position on its topic's ladder
    id: str = ""
    title: str = ""
    issuer: int = -1
    hours: float = 0.0
    cost: float = 0.0
    eqf: int = 0
    delivery: str = ""
    weights: list[float] = field(default_factory=list)
    prereqs: list[Prerequisite] = field(default_factory=list)
    parts: list[Spec] = field(default_factory=list)
    part_of: list[str] = field(default_factory=list)


@dataclass
class Catalog:
    records: list[CredentialRecord]
    sectors: dict[str, str]  # external id -> sector or collection it was made from


def _pick(rng: random.Random, weights: dict[str, int]) -> str:
    keys = sorted(weights)
    return rng.choices(keys, [weights[k] for k in keys])[0]


def _select_topics(rng: random.Random, esco: Esco, n_specs: int) -> list[Spec]:
    queues: dict[str, list[Topic]] = {s: [] for s in WEIGHTS}
    for t in esco.topics():
        queues[t.sector].append(t)
    for q in queues.values():
        jitter = {t.key: rng.uniform(0, 6) for t in q}
        q.sort(key=lambda t: (-(min(len(t.skills), 12) + jitter[t.key]), t.key), reverse=True)
    taken: dict[str, list[set[str]]] = {s: [] for s in WEIGHTS}
    specs: list[Spec] = []
    count = Counter[str]()
    while len(specs) < n_specs:
        open_sectors = [s for s in WEIGHTS if queues[s]]
        if not open_sectors:
            break
        sector = min(open_sectors, key=lambda s: (count[s] / WEIGHTS[s], s))
        topic = queues[sector].pop()
        head = set(topic.skills[:8])
        if any(len(head & other) > len(head) // 2 for other in taken[sector]):
            continue
        taken[sector].append(head)
        new = _ladder(rng, topic)
        specs += new
        count[sector] += len(new)
    return specs[:n_specs]


def _ladder(rng: random.Random, topic: Topic) -> list[Spec]:
    """One topic -> 1-3 credentials of rising level over consecutive chunks of its skills."""
    if topic.core:
        kind = rng.choice(("certification", "nano_degree"))
        level = "advanced" if kind == "nano_degree" or rng.random() < 0.6 else "intermediate"
        return [Spec(topic, kind, level, topic.skills[: rng.randint(5, 8)])]
    n = len(topic.skills)
    rungs = 1 if n < 6 else 2 if n < 10 else 3
    levels = [rng.choice(LEVELS[:2])] if rungs == 1 else list(LEVELS[rng.randint(0, 3 - rungs) :])
    specs, start = [], 0
    for i, level in enumerate(levels[:rungs]):
        left = n - start
        size = left if i == rungs - 1 else rng.randint(3, min(8, left - 3 * (rungs - i - 1)))
        chunk = topic.skills[start : start + min(size, 8)]
        start += size
        kind = _pick(rng, KIND_MIX[level])
        if kind == "nano_degree" and len(chunk) < 5:
            kind = "certificate"
        specs.append(Spec(topic, kind, level, chunk, rung=i))
    return specs


def _name(rng: random.Random, esco: Esco, specs: list[Spec], seen: set[str]) -> None:
    for spec in specs:
        titled = sorted(
            spec.skills,
            key=lambda u: len(esco.skills[u].label.split()) > 6 or "(" in esco.skills[u].label,
        )
        for uri in titled:
            s = esco.skills[uri]
            cands = text.make_title(
                rng, spec.kind, spec.level, s, spec.topic.sector, spec.topic.family
            )
            free = [t for t in cands if t not in seen and text.slugify(t) not in seen]
            if free:
                spec.title = free[0]
                if spec.kind != "stackable_program":  # the title's skill leads
                    spec.skills.remove(uri)
                    spec.skills.insert(0, uri)
                break
        else:
            spec.title = f"{cands[0]} ({spec.topic.family})"
        seen.update((spec.title, text.slugify(spec.title)))
        spec.id = f"demo:cred:{text.slugify(spec.title)}"


def _link(rng: random.Random, esco: Esco, specs: list[Spec]) -> None:
    """Prerequisites: up the ladder, from family cores to their basics, and across families."""
    by_topic: dict[str, list[Spec]] = {}
    by_family: dict[tuple[str, str], list[Spec]] = {}
    by_group: dict[tuple[str, str], list[Spec]] = {}
    for s in specs:
        by_topic.setdefault(s.topic.key, []).append(s)
        if not s.topic.core:
            by_family.setdefault((s.topic.sector, s.topic.family), []).append(s)
            if s.level == "beginner":
                by_group.setdefault((s.topic.sector, s.topic.group), []).append(s)
    for s in specs:
        lower: list[tuple[Spec, bool]] = []
        ladder = by_topic[s.topic.key]
        if s.rung:
            lower.append((ladder[s.rung - 1], s.level == "advanced" or rng.random() < 0.7))
        if s.topic.core:
            basics = [b for b in by_family.get((s.topic.sector, s.topic.family), []) if b.rung == 0]
            lower += [(b, True) for b in rng.sample(basics, min(2, len(basics)))]
        elif s.level == "advanced":
            others = [
                b for b in by_group.get((s.topic.sector, s.topic.group), []) if b not in ladder
            ]
            if others and rng.random() < 0.5:
                lower.append((rng.choice(others), False))
        s.prereqs = [
            Prerequisite(kind="credential", ref=b.id, label=b.title, required=r) for b, r in lower
        ]
        if s.level != "beginner" and rng.random() < 0.35:
            parent = esco.parent_skill.get(s.skills[0])
            ref = parent if parent and parent not in s.skills else ""
            ref = ref or next((u for b, _ in lower for u in b.skills if u not in s.skills), "")
            if ref:
                label = esco.skills[ref].label
                required = rng.random() < 0.5
                s.prereqs.append(
                    Prerequisite(kind="skill", ref=ref, label=label, required=required)
                )


def _programs(
    rng: random.Random, esco: Esco, specs: list[Spec], n: int, seen: set[str]
) -> list[Spec]:
    families: dict[tuple[str, str], list[Spec]] = {}
    for s in specs:
        if s.kind in ("badge", "course") and not s.topic.core:
            families.setdefault((s.topic.sector, s.topic.family), []).append(s)
    pools = [(k, v) for k, v in sorted(families.items()) if len(v) >= 3]
    rng.shuffle(pools)
    by_sector: dict[str, list] = {}
    for k, v in pools:
        by_sector.setdefault(k[0], []).append(v)
    order = [
        p for grp in zip(*[by_sector[s] for s in sorted(by_sector)], strict=False) for p in grp
    ]
    order += [p for ps in by_sector.values() for p in ps[min(map(len, by_sector.values())) :]]
    programs = []
    for pool in order[:n]:
        parts = rng.sample(pool, min(len(pool), rng.randint(3, 6)))
        while sum(p.hours for p in parts) > 300 and len(parts) > 3:
            parts.pop()
        if sum(p.hours for p in parts) > 300:
            continue
        parts.sort(key=lambda p: (LEVELS.index(p.level), p.id))
        union = list(dict.fromkeys(u for p in parts for u in p.skills))
        level = max((p.level for p in parts), key=LEVELS.index)
        prog = Spec(parts[0].topic, "stackable_program", level, union, parts=parts)
        prog.hours = sum(p.hours for p in parts)
        prog.cost = float(int(sum(p.cost for p in parts) * rng.uniform(0.8, 0.9)))
        prog.eqf = max(p.eqf for p in parts)
        prog.delivery = Counter(p.delivery for p in parts).most_common(1)[0][0]
        best: dict[str, float] = {}
        for p in parts:
            for u, w in zip(p.skills, p.weights, strict=True):
                best[u] = max(best.get(u, 0.0), w)
        prog.weights = [best[u] for u in union]
        _name(rng, esco, [prog], seen)
        for p in parts:
            p.part_of.append(prog.id)
        programs.append(prog)
    return programs


def _measure(rng: random.Random, s: Spec) -> None:
    lo, hi = HOURS[s.kind][LEVELS.index(s.level)]
    s.hours = float(rng.randint(lo, hi))
    free, lo, hi = COST[s.kind]
    s.cost = 0.0 if rng.random() < free else float(rng.randint(lo // 10, hi // 10) * 10 - 1)
    s.eqf = rng.choice(EQF[s.level])
    mix = {"online": 60, "blended": 25, "in_person": 15}
    if s.topic.sector not in ONLINE_FIRST:
        mix = {"online": 25, "blended": 35, "in_person": 40}
    s.delivery = _pick(rng, mix)
    n_primary = 3 if s.kind == "nano_degree" else rng.randint(1, 2)
    s.weights = [
        1.0 if i < n_primary else round(rng.uniform(0.5, 0.8), 2) for i in range(len(s.skills))
    ]


def _issue(rng: random.Random, specs: list[Spec]) -> None:
    """One issuer per programme and its parts, then one per remaining credential by sector."""
    for s in sorted(specs, key=lambda s: s.kind != "stackable_program"):
        if s.issuer >= 0:
            continue
        options = [i for i, iss in enumerate(text.ISSUERS) if s.topic.sector in iss[3]]
        weights = [3 if text.ISSUERS[i][1] == "en" else 1 for i in options]
        s.issuer = rng.choices(options, weights)[0]
        for p in s.parts:
            p.issuer = s.issuer


def _record(rng: random.Random, esco: Esco, s: Spec) -> CredentialRecord:
    name, lang, currency, _ = text.ISSUERS[s.issuer]
    host = f"https://{text.slugify(name, 40)}.example.org"
    skills = [
        SkillRef(uri=u, label=esco.skills[u].label, weight=w)
        for u, w in zip(s.skills, s.weights, strict=True)
    ]
    validity = rng.choice((24, 30, 36)) if s.kind == "certification" else None
    extra = ""
    if validity:
        extra = (
            f"Candidates sit a proctored exam; the certification stays valid for {validity} "
            "months and is renewed through continuing professional development."
        )
    elif s.parts:
        extra = (
            f"It stacks {len(s.parts)} shorter credentials that can also be earned one by one, "
            f"starting with {s.parts[0].title}."
        )
    family = s.topic.family if s.topic.sector in SECTORS else None
    return CredentialRecord(
        external_id=s.id,
        kind=s.kind,
        title=s.title,
        description=text.describe(
            rng, s.kind, s.level, [esco.skills[u] for u in s.skills], s.topic.sector, family, extra
        ),
        issuer=Issuer(name=name, url=host),
        url=f"{host}/credentials/{s.id.removeprefix('demo:cred:')}",
        language=lang,
        eqf_level=s.eqf,
        level=s.level,
        delivery_mode=s.delivery,
        hours=s.hours,
        cost=s.cost,
        currency=currency,
        validity_months=validity,
        skills=skills,
        prerequisites=s.prereqs,
        is_part_of=s.part_of,
        has_part=[p.id for p in s.parts],
        source_format="native",
    )


def build_catalog(esco_dir: Path, *, seed: int = 7, size: int = 1200) -> Catalog:
    """The catalog with the sector each record was made from (kept out of the records)."""
    rng = random.Random(seed)
    esco = Esco(Path(esco_dir))
    text.remember_verbs(list(esco.skills.values()))
    n_programs = max(1, round(size * 0.045))
    specs = _select_topics(rng, esco, size - n_programs)
    seen: set[str] = set()
    _name(rng, esco, specs, seen)
    _link(rng, esco, specs)
    for s in specs:
        _measure(rng, s)
    specs += _programs(rng, esco, specs, n_programs, seen)
    _issue(rng, specs)
    specs.sort(key=lambda s: s.id)
    records = [_record(rng, esco, s) for s in specs]
    return Catalog(records, {s.id: s.topic.sector for s in specs})


def generate_catalog(esco_dir: Path, *, seed: int = 7, size: int = 1200) -> list[CredentialRecord]:
    return build_catalog(esco_dir, seed=seed, size=size).records


def write_catalog(records: Sequence[CredentialRecord], path: Path) -> None:
    """JSON lines, gzipped with mtime 0: the same records give the same bytes."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as gz:
        for r in records:
            line = json.dumps(r.model_dump(mode="json", exclude={"original"}), ensure_ascii=False)
            gz.write(line.encode("utf-8") + b"\n")
    path.write_bytes(buf.getvalue())


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--esco-dir", type=Path, default=ROOT / "data" / "esco")
    ap.add_argument("--out", type=Path, default=ROOT / "data" / "catalog" / "credentials.jsonl.gz")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--size", type=int, default=1200)
    ap.add_argument("--readme", type=Path, help="also write the catalog README here")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    cat = build_catalog(args.esco_dir, seed=args.seed, size=args.size)
    write_catalog(cat.records, args.out)
    if args.readme:
        args.readme.write_text(render_readme(cat, args.seed, args.size), encoding="utf-8")
    took = time.perf_counter() - t0
    print(f"wrote {len(cat.records)} credentials to {args.out} in {took:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
