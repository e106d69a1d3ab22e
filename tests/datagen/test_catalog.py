"""The demo catalog generator, run on the shipped ESCO files (about 5-10 s for the full catalog)."""

from __future__ import annotations

import csv
import gzip
import json
import re
import statistics
from collections import Counter
from graphlib import CycleError, TopologicalSorter

import pytest

from models.records import CredentialRecord, record_json
from service.datagen.catalog import build_catalog, generate_catalog, main, write_catalog
from service.datagen.esco import COLLECTIONS, occupation_skills
from tests.datagen.shipped import ESCO, HOURS, SHIPPED

EQF = {"beginner": range(1, 5), "intermediate": range(3, 6), "advanced": range(5, 9)}


def _uris(name: str) -> set[str]:
    with gzip.open(ESCO / f"{name}.csv.gz", "rt", encoding="utf-8", newline="") as f:
        return {r["conceptUri"] for r in csv.DictReader(f)}


@pytest.fixture(scope="module")
def catalog():
    return build_catalog(ESCO)


@pytest.fixture(scope="module")
def records(catalog) -> list[CredentialRecord]:
    return catalog.records


@pytest.fixture(scope="module")
def by_id(records) -> dict[str, CredentialRecord]:
    return {r.external_id: r for r in records}


def test_size_kinds_and_validation(records):
    assert len(records) >= 3000
    for r in records:
        CredentialRecord.model_validate(r.model_dump(mode="json"))
    kinds = Counter(r.kind for r in records)
    assert set(kinds) == set(HOURS)
    assert 40 <= kinds["stackable_program"] <= 200
    assert kinds["badge"] > kinds["nano_degree"] and kinds["course"] > kinds["certification"]


def test_ids_unique_and_stable_shape(records):
    ids = [r.external_id for r in records]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"demo:cred:[a-z0-9-]+", i) for i in ids)
    assert ids == sorted(ids)
    assert len({r.title for r in records}) == len(records)


def test_skills_are_esco_uris(records):
    esco = _uris("skills_en")
    for r in records:
        assert r.skills and len({s.uri for s in r.skills}) == len(r.skills)
        if r.kind != "stackable_program":
            assert 3 <= len(r.skills) <= 15
        for s in r.skills:
            assert s.uri in esco and s.source == "explicit" and s.label
            assert s.weight == 1.0 or 0.5 <= s.weight <= 0.8
        assert r.skills[0].weight == 1.0


def test_bundles_are_coherent_and_sized(catalog, records):
    sizes = [len(r.skills) for r in records if r.kind != "stackable_program"]
    assert statistics.median(sizes) >= 6
    needed_by: dict[str, set[str]] = {}
    for occ, (essential, _) in occupation_skills(ESCO).items():
        for u in essential:
            needed_by.setdefault(u, set()).add(occ)
    # Skills that belong together: one occupation needs (essential) most of a credential's skills.
    shares = []
    for r in records:
        if r.kind == "stackable_program" or catalog.sectors[r.external_id] in COLLECTIONS:
            continue
        counts = Counter(o for s in r.skills for o in needed_by.get(s.uri, ()))
        shares.append(counts.most_common(1)[0][1] / len(r.skills))
    assert statistics.median(shares) == 1.0
    assert sum(x >= 0.5 for x in shares) >= 0.95 * len(shares)


def test_prerequisites_exist_and_are_acyclic(records, by_id):
    esco = _uris("skills_en")
    graph: dict[str, set[str]] = {}
    n_links = 0
    for r in records:
        graph[r.external_id] = set()
        for p in r.prerequisites:
            if p.kind == "credential":
                assert p.ref in by_id and p.ref != r.external_id
                graph[r.external_id].add(p.ref)
                n_links += 1
            else:
                assert p.ref in esco
                assert p.ref not in {s.uri for s in r.skills}
    assert n_links >= 300
    try:
        tuple(TopologicalSorter(graph).static_order())
    except CycleError as e:  # pragma: no cover - the message names the cycle
        pytest.fail(f"prerequisite cycle: {e.args[1]}")
    order = {"beginner": 0, "intermediate": 1, "advanced": 2}
    for r in records:
        for ref in graph[r.external_id]:
            assert order[by_id[ref].level] <= order[r.level]
    assert sum(p.kind == "skill" for r in records for p in r.prerequisites) >= 50


def test_programs_and_parts_agree(records, by_id):
    for r in records:
        for parent in r.is_part_of:
            assert r.external_id in by_id[parent].has_part
        if r.kind != "stackable_program":
            assert not r.has_part
            continue
        parts = [by_id[i] for i in r.has_part]
        assert 3 <= len(parts) <= 6
        assert all(p.kind in ("badge", "course") for p in parts)
        assert all(len(p.is_part_of) == 1 for p in parts)
        assert all(r.external_id in p.is_part_of for p in parts)
        assert {s.uri for s in r.skills} == {s.uri for p in parts for s in p.skills}
        assert r.hours == sum(p.hours for p in parts)
        total = sum(p.cost for p in parts)
        assert r.cost <= total and (total == 0 or r.cost >= 0.75 * total)
        assert {p.currency for p in parts} == {r.currency}
        assert {p.issuer.name for p in parts} == {r.issuer.name}


def test_hours_costs_levels_languages(records):
    for r in records:
        lo, hi = HOURS[r.kind]
        assert lo <= r.hours <= hi, (r.kind, r.hours)
        assert r.cost is not None and r.cost >= 0 and r.currency in ("EUR", "USD", "GBP")
        if r.cost:  # orders of magnitude of public offers: about 1 to 100 per learning hour
            assert 1 <= r.cost / r.hours <= 100, (r.kind, r.hours, r.cost)
        assert r.level in EQF and r.eqf_level in EQF[r.level]
        assert r.delivery_mode in ("online", "in_person", "blended")
        assert r.url and ".example.org/" in r.url and r.issuer.url.endswith(".example.org")
        if r.kind == "certification":
            assert 24 <= r.validity_months <= 36
        else:
            assert r.validity_months is None
    assert any(r.cost == 0 for r in records)
    assert len({r.issuer.name for r in records}) >= 45
    langs = Counter(r.language for r in records)
    assert set(langs) == {"en", "de", "fr", "es", "nl"}
    assert langs["en"] > len(records) / 2
    assert Counter(r.level for r in records).keys() == EQF.keys()


def test_sectors_and_collections(catalog, records):
    sectors = Counter(catalog.sectors.values())
    assert set(catalog.sectors) == {r.external_id for r in records}
    wanted = {"health_care", "hospitality", "construction", "finance", "ict", "agriculture"}
    wanted |= {"education", "manufacturing", "logistics", "retail", "arts", "engineering"}
    wanted |= {"science", "business", "public_services", "personal_services"}
    assert wanted <= {s for s, n in sectors.items() if n >= 20}
    assert max(sectors.values()) < 0.2 * len(records)  # not only one sector
    taught = {s.uri for r in records for s in r.skills}
    for name in ("digital", "green", "transversal"):
        assert len(taught & _uris(f"{name}SkillsCollection_en")) >= 30, name
    assert {"digital", "green", "transversal"} <= set(sectors)


def test_descriptions_are_sentences(records):
    verbs = re.compile(
        r"\b(introduces|helps|takes|treats|covers|learn|practise|explain|earn|awarded|receive|"
        r"combines|document|ends|sit|stacks)\b"
    )
    for r in records:
        d = r.description
        sentences = [s for s in re.split(r"(?<=\.)\s+(?=[A-Z])", d) if s]
        assert 2 <= len(sentences) <= 5, d
        assert d.endswith(".") and verbs.search(d), d
        assert d.count(",") < len(d.split()) / 4, d  # not a bare list of labels
        assert not d.lower().startswith(r.skills[0].label.lower() + ",")
    assert len({r.description.split(".")[0] for r in records}) > 0.9 * len(records)


def test_titles_sound_real(records):
    labels = {s.label.lower() for r in records for s in r.skills}
    bare = 0
    for r in records:
        t = r.title
        assert not re.search(r"\b(badge|course|credential)\s*\d+$|\(\d+\)$", t, re.I), t
        assert not re.search(r"First Steps|Getting Started with", t), t
        assert not t[:2].islower() and len(t) <= 100 and len(t.split()) >= 2, t
        assert t.count(" for ") <= 1 and "  " not in t, t
        bare += t.lower() in labels
    assert bare < 0.02 * len(records)  # a title is not one skill label
    assert statistics.median(len(r.title) for r in records) <= 60


def test_deterministic_bytes(tmp_path):
    a, b, c = tmp_path / "a.jsonl.gz", tmp_path / "b.jsonl.gz", tmp_path / "c.jsonl.gz"
    write_catalog(generate_catalog(ESCO, seed=3, size=300), a)
    write_catalog(generate_catalog(ESCO, seed=3, size=300), b)
    write_catalog(generate_catalog(ESCO, seed=4, size=300), c)
    assert a.read_bytes() == b.read_bytes()
    assert a.read_bytes() != c.read_bytes()
    assert len(gzip.decompress(a.read_bytes()).splitlines()) == 300


def test_shipped_catalog_is_current(records):
    """data/catalog/credentials.jsonl.gz is what the generator makes with the defaults."""
    shipped = gzip.decompress(SHIPPED.read_bytes()).decode("utf-8").splitlines()
    made = [json.dumps(record_json(r), ensure_ascii=False) for r in records]
    assert shipped == made


def test_main_writes_file_and_readme(tmp_path):
    out, readme = tmp_path / "c.jsonl.gz", tmp_path / "README.md"
    assert main(["--out", str(out), "--size", "150", "--readme", str(readme)]) == 0
    lines = gzip.decompress(out.read_bytes()).splitlines()
    assert len(lines) == 150 and "original" not in json.loads(lines[0])
    text = readme.read_text()
    assert "This service uses the ESCO classification of the European Commission" in text
    assert "CC BY 4.0" in text and "DEMO" in text
