"""Generate the default DEMO catalog of micro-credentials from ESCO, deterministically.

    python -m service.datagen.catalog --out data/catalog/credentials.jsonl.gz

Every occupation family's essential skills are cut into coherent bundles (service.datagen.bundles)
and each bundle becomes one credential: a badge, course, certificate or certification sized to
it. Around them: introductory badges over the core of larger bundles, nano degrees over a
family's most central skills, and stackable programmes of a family's badges and courses. Issuers
are fictional; the same seed gives the same bytes.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import random
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from models.records import CredentialRecord, Issuer, Prerequisite, SkillRef, record_json
from service.datagen import offers, text
from service.datagen.bundles import Bundle, collection_bundles, occupation_bundles
from service.datagen.esco import COLLECTIONS, Esco
from service.datagen.programs import make_programs
from service.datagen.readme import render_readme
from service.datagen.shared import shared_bundles
from service.datagen.titles import make_titles, salient, title_case, topic_phrases

ROOT = Path(__file__).resolve().parents[2]
LEVELS = ("beginner", "intermediate", "advanced")
LEVEL_MIX = {  # ISCO major group (skill level) -> beginner / intermediate / advanced weights
    "1": (0, 55, 45), "2": (0, 55, 45), "3": (15, 60, 25), "collection": (50, 40, 10),
}  # fmt: skip
ENTRY_MIX = (45, 45, 10)  # ISCO major groups 4-9 and 0
P_INTRO, P_NANO, P_CERTIFICATION = 0.5, 0.8, 0.12


@dataclass
class Spec:
    bundle: Bundle
    kind: str
    level: str
    skills: list[str]
    role: str = "core"  # core | intro | nano | program
    id: str = ""
    title: str = ""
    topic: str = ""
    audience: str = ""
    primary: set[str] = field(default_factory=set)  # skills the title names
    issuer: int = -1
    hours: float = 0.0
    cost: float = 0.0
    eqf: int = 0
    delivery: str = ""
    prereqs: list[Prerequisite] = field(default_factory=list)
    parts: list[Spec] = field(default_factory=list)
    part_of: list[str] = field(default_factory=list)
    validity: int | None = None


@dataclass
class Catalog:
    records: list[CredentialRecord]
    sectors: dict[str, str]  # external id -> sector or collection it was made from


def _level(rng: random.Random, bundle: Bundle) -> str:
    major = "collection" if not bundle.family[:1].isdigit() else bundle.family[:1]
    return rng.choices(LEVELS, LEVEL_MIX.get(major, ENTRY_MIX))[0]


def _core_kind(rng: random.Random, n: int, level: str) -> str:
    if level != "beginner" and rng.random() < P_CERTIFICATION:
        return "certification"
    if n <= 5:
        return "badge" if rng.random() < 0.55 else "course"
    if n <= 9:
        return "course" if rng.random() < 0.82 else "certificate"
    return "certificate" if rng.random() < 0.75 else "course"


def core_specs(rng: random.Random, bundles: list[Bundle]) -> list[Spec]:
    out = []
    for b in bundles:
        level = _level(rng, b)
        out.append(Spec(b, _core_kind(rng, len(b.skills), level), level, list(b.skills)))
    return out


def intro_badges(rng: random.Random, cores: list[Spec]) -> list[Spec]:
    """A beginner badge over the first few skills of a larger bundle, recommended before it."""
    out = []
    for c in cores:
        if len(c.skills) >= 7 and rng.random() < P_INTRO:
            intro = Spec(c.bundle, "badge", "beginner", c.skills[: rng.randint(3, 5)], "intro")
            out.append(intro)
            c.parts.append(intro)  # remembered here, turned into the prerequisite by _link
    return out


def nano_degrees(rng: random.Random, cores: list[Spec]) -> list[Spec]:
    """An advanced nano degree over the most central skills of 2-3 of a family's bundles."""
    by_family: dict[str, list[Spec]] = {}
    for c in cores:
        if c.bundle.family[:1].isdigit():
            by_family.setdefault(c.bundle.family, []).append(c)
    out = []
    for family in sorted(by_family):
        members = by_family[family]
        if len(members) < 3 or rng.random() > P_NANO:
            continue
        mean = {id(c): sum(c.bundle.weight.values()) / len(c.skills) for c in members}
        chosen = sorted(members, key=lambda c: -mean[id(c)])[: rng.randint(2, 3)]
        weight: dict[str, float] = {}
        for c in chosen:
            weight.update(c.bundle.weight)
        ranked = sorted(weight, key=lambda u: (-weight[u], u))[: rng.randint(10, 15)]
        skills = list(dict.fromkeys(u for c in chosen for u in c.skills if u in ranked))
        bundle = Bundle(f"{family}|nano", chosen[0].bundle.sector, family, skills, weight)
        nano = Spec(bundle, "nano_degree", "advanced", skills, "nano", parts=chosen)
        out.append(nano)
    return out


def name(rng: random.Random, esco: Esco, s: Spec, seen: set[str]) -> None:
    """Title from the bundle's most salient phrases; the first free candidate wins."""
    label = esco.isco_label.get(s.bundle.family, "")
    audiences = text.SECTOR_TEXT[s.bundle.sector][2]
    s.audience = text.audience_of(label) or rng.choice(audiences)
    audience = title_case(s.audience if len(s.audience.split()) <= 4 else audiences[0])
    shared = s.bundle.sector in COLLECTIONS  # shared skills and the collections' offers
    picked = salient(
        [esco.skills[u] for u in s.skills], s.bundle.weight, shared, centre(esco, s.skills)
    )
    topics = topic_phrases(picked, esco.related) if picked else []
    topics += [f"Core Skills for {audience}", f"Workplace Skills: {audience}"]
    cands = make_titles(rng, s.kind, s.level, topics, audience)
    bare = {esco.skills[u].label.lower() for u in s.skills}
    cands = [c for c in cands if c[0].lower() not in bare] or cands  # a title, not a label
    again = [(f"{t} {n}", p) for n in ("II", "III", "IV") for t, p in cands]  # a second edition
    title, topic = next(
        ((t, p) for t, p in cands + again if t not in seen and text.slugify(t) not in seen),
        (f"{cands[0][0]} ({len(seen)})", cands[0][1]),
    )
    s.title, s.topic = title, topic
    seen.update((title, text.slugify(title)))
    s.id = f"demo:cred:{text.slugify(title)}"
    s.primary = {sk.uri for sk, p in picked if p in title} or {s.skills[0]}
    s.skills.sort(key=lambda u: u not in s.primary)  # stable: the named skills lead


def centre(esco: Esco, skills: list[str]) -> dict[str, float]:
    """Each skill's mean label cosine to the credential's other skills: how central to its topic."""
    if len(skills) < 2:
        return {}
    m = esco.meaning.matrix(skills)
    n = len(skills) - 1
    return {u: round((float(m[i].sum()) - 1.0) / n, 4) for i, u in enumerate(skills)}


def measure(rng: random.Random, esco: Esco, s: Spec) -> None:
    s.hours = offers.hours_for(rng, s.kind, len(s.skills))
    hands_on = sum(esco.area_label(u) in offers.HANDS_ON for u in s.skills) / len(s.skills)
    s.delivery = offers.delivery_for(rng, s.bundle.sector, hands_on)
    s.cost = offers.price(rng, s.kind, s.hours, s.delivery)
    s.eqf = offers.eqf_for(rng, s.level)
    if s.kind == "certification":
        s.validity = rng.choice((24, 30, 36))


def link(rng: random.Random, esco: Esco, specs: list[Spec]) -> None:
    """Credential prerequisites (intro badges, nano degree bases, a lower-level family course)
    and, on some intermediate and advanced credentials, a skill prerequisite."""
    by_family: dict[str, list[Spec]] = {}
    for s in specs:
        if s.role == "core":
            by_family.setdefault(s.bundle.family, []).append(s)
    for s in specs:
        before = [(p, s.role == "nano") for p in s.parts]
        s.parts = [] if s.role in ("core", "nano") else s.parts
        if s.role == "core" and s.level == "advanced" and rng.random() < 0.4:
            lower = [o for o in by_family[s.bundle.family] if o.level != "advanced"]
            if lower:
                before.append((rng.choice(lower), False))
        s.prereqs = [
            Prerequisite(kind="credential", ref=b.id, label=b.title, required=r) for b, r in before
        ]
        if s.level != "beginner" and rng.random() < 0.3:
            _skill_prereq(rng, esco, s, [b for b, _ in before])


def _skill_prereq(rng: random.Random, esco: Esco, s: Spec, before: list[Spec]) -> None:
    parent = esco.parent_skill.get(s.skills[0])
    ref = parent if parent and parent not in s.skills else ""
    ref = ref or next((u for b in before for u in b.skills if u not in s.skills), "")
    if ref:
        label = esco.skills[ref].label
        s.prereqs.append(
            Prerequisite(kind="skill", ref=ref, label=label, required=rng.random() < 0.5)
        )


def issue(rng: random.Random, specs: list[Spec]) -> None:
    """One issuer per programme and its parts, then one per remaining credential by sector."""
    for s in sorted(specs, key=lambda s: s.kind != "stackable_program"):
        if s.issuer >= 0:
            continue
        options = [i for i, iss in enumerate(text.ISSUERS) if s.bundle.sector in iss[3]]
        weights = [3 if text.ISSUERS[i][1] == "en" else 1 for i in options]
        s.issuer = rng.choices(options, weights)[0]
        for p in s.parts:
            p.issuer = s.issuer


def trim(specs: list[Spec], size: int) -> list[Spec]:
    """Drop the last credentials nothing refers to until `size` are left (small test runs)."""
    specs = list(specs)
    while len(specs) > size:
        used = {p.ref for s in specs for p in s.prereqs if p.kind == "credential"}
        used |= {p.id for s in specs for p in s.parts}
        i = max(i for i, s in enumerate(specs) if s.id not in used)
        gone = specs.pop(i)
        for p in gone.parts:
            p.part_of.remove(gone.id)
    return specs


def record(rng: random.Random, esco: Esco, s: Spec) -> CredentialRecord:
    name_, lang, currency, _ = text.ISSUERS[s.issuer]
    host = f"https://{text.slugify(name_, 40)}.example.org"
    weight = s.bundle.weight
    skills = [
        SkillRef(
            uri=u,
            label=esco.skills[u].label,
            weight=1.0 if u in s.primary else round(0.5 + 0.3 * weight.get(u, 0.0), 2),
        )
        for u in s.skills
    ]
    extra = ""
    if s.validity:
        extra = (
            f"Candidates sit a proctored exam; the certification stays valid for {s.validity} "
            "months and is renewed through continuing professional development."
        )
    elif s.parts:
        extra = (
            f"It stacks {len(s.parts)} shorter credentials that can also be earned one by one, "
            f"starting with {s.parts[0].title}."
        )
    description = text.describe(
        rng, s.kind, s.level, s.hours, s.topic, s.audience, s.bundle.sector,
        [esco.skills[u] for u in s.skills], extra,
    )  # fmt: skip
    return CredentialRecord(
        external_id=s.id,
        kind=s.kind,
        title=s.title,
        description=description,
        issuer=Issuer(name=name_, url=host),
        url=f"{host}/credentials/{s.id.removeprefix('demo:cred:')}",
        language=lang,
        eqf_level=s.eqf,
        level=s.level,
        delivery_mode=s.delivery,
        hours=s.hours,
        cost=s.cost,
        currency=currency,
        validity_months=s.validity,
        skills=skills,
        prerequisites=s.prereqs,
        is_part_of=s.part_of,
        has_part=[p.id for p in s.parts],
        source_format="native",
    )


def build_catalog(esco_dir: Path, *, seed: int = 7, size: int | None = None) -> Catalog:
    """The catalog with the sector each record was made from (kept out of the records).

    Without `size` every essential skill of every occupation family is taught; with it the
    generator stops early and trims to exactly `size` credentials (for quick test runs)."""
    rng = random.Random(seed)
    esco = Esco(Path(esco_dir))
    limit = None if size is None else int(size * 0.7) + 1
    covered: set[str] = set()
    bundles = shared_bundles(rng, esco, covered, None if limit is None else limit // 5)
    bundles += occupation_bundles(rng, esco, limit, covered)
    bundles += collection_bundles(rng, esco, 25 if size is None else max(2, size // 100))
    cores = core_specs(rng, bundles)
    specs = cores + intro_badges(rng, cores) + nano_degrees(rng, cores)
    seen: set[str] = set()
    for s in specs:
        name(rng, esco, s, seen)
        measure(rng, esco, s)
    link(rng, esco, specs)
    specs += make_programs(rng, specs, lambda p: name(rng, esco, p, seen))
    if size is not None:
        specs = trim(specs, size)
    issue(rng, specs)
    specs.sort(key=lambda s: s.id)
    records = [record(rng, esco, s) for s in specs]
    return Catalog(records, {s.id: s.bundle.sector for s in specs})


def generate_catalog(
    esco_dir: Path, *, seed: int = 7, size: int | None = None
) -> list[CredentialRecord]:
    return build_catalog(esco_dir, seed=seed, size=size).records


def write_catalog(records: Sequence[CredentialRecord], path: Path) -> None:
    """JSON lines, gzipped with mtime 0: the same records give the same bytes."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as gz:
        for r in records:
            line = json.dumps(record_json(r), ensure_ascii=False)
            gz.write(line.encode("utf-8") + b"\n")
    path.write_bytes(buf.getvalue())


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--esco-dir", type=Path, default=ROOT / "data" / "esco")
    ap.add_argument("--out", type=Path, default=ROOT / "data" / "catalog" / "credentials.jsonl.gz")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--size", type=int, help="stop at this many credentials (default: all)")
    ap.add_argument("--readme", type=Path, help="also write the catalog README here")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    cat = build_catalog(args.esco_dir, seed=args.seed, size=args.size)
    write_catalog(cat.records, args.out)
    if args.readme:
        readme = render_readme(cat, args.seed, args.out, args.esco_dir)
        args.readme.write_text(readme, encoding="utf-8")
    took = time.perf_counter() - t0
    print(f"wrote {len(cat.records)} credentials to {args.out} in {took:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
