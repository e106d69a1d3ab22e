"""Skills many lines of work need are taught on their own (service/datagen/shared.py): a skill
essential to occupations of at least SHARED_FAMILIES ISCO unit groups is bundled with other such
skills, before any family takes it as a side lesson."""

from __future__ import annotations

import csv
import gzip
import random
import re
from collections import defaultdict

import pytest

from service.datagen.catalog import build_catalog
from service.datagen.esco import Esco, occupation_skills
from service.datagen.shared import SHARED_FAMILIES, SHARED_SIZES, shared_bundles
from tests.datagen.shipped import ESCO


def _families_needing() -> dict[str, set[str]]:
    """skill -> the ISCO unit groups with an occupation that needs it (read here, not from the
    generator)."""
    with gzip.open(ESCO / "occupations_en.csv.gz", "rt", encoding="utf-8", newline="") as f:
        isco = {r["conceptUri"]: r["iscoGroup"][:4] for r in csv.DictReader(f)}
    out: dict[str, set[str]] = defaultdict(set)
    for occ, (essential, _) in occupation_skills(ESCO).items():
        for u in essential if occ in isco else ():
            out[u].add(isco[occ])
    return out


@pytest.fixture(scope="module")
def esco():
    return Esco(ESCO)


@pytest.fixture(scope="module")
def cat():
    return build_catalog(ESCO)


@pytest.fixture(scope="module")
def shared(esco):
    return shared_bundles(random.Random(7), esco, set())


def test_shared_bundles_hold_exactly_the_skills_many_families_need(esco, shared):
    need = _families_needing()
    expected = {u for u, fams in need.items() if len(fams) >= SHARED_FAMILIES and u in esco.skills}
    got = {u for b in shared for u in b.skills}
    assert got == expected and len(expected) > 300
    seeds = [b.skills[0] for b in shared]  # each bundle is seeded by a skill not yet taught
    assert len(seeds) == len(set(seeds))
    assert all(1 <= len(b.skills) <= max(SHARED_SIZES) for b in shared)
    labels = {esco.skills[u].label: b for b in shared for u in b.skills}
    # the everyday ones are there, and "manage staff" is no longer taught beside a ticketing tool
    for label in ("manage staff", "write work-related reports", "identify customer's needs"):
        assert label in labels
    staff = {esco.skills[u].label for u in labels["manage staff"].skills}
    assert "use ICT ticketing system" not in staff


def test_covered_skills_are_left_to_the_families(esco):
    need = _families_needing()
    first = [u for u, fams in need.items() if len(fams) >= SHARED_FAMILIES][:10]
    covered = set(first)
    out = shared_bundles(random.Random(7), esco, covered)
    assert not set(first) & {b.skills[0] for b in out}  # none seeds a bundle (only context)
    assert covered >= {u for b in out for u in b.skills}  # updated in place


def test_the_catalog_teaches_each_shared_skill_in_a_credential_made_for_shared_skills(cat):
    need = _families_needing()
    shared = {u for u, fams in need.items() if len(fams) >= SHARED_FAMILIES}
    focused: set[str] = set()
    for r in cat.records:
        uris = [s.uri for s in r.skills]
        if r.kind != "stackable_program" and all(u in shared for u in uris):
            focused.update(uris)
    assert len(focused & shared) >= 0.95 * len(shared)


def test_offers_of_everyday_skills_are_named_for_them_not_core_skills(esco, cat):
    from service.datagen.titles import phrase

    troubleshoot = next(s for s in esco.skills.values() if s.label == "troubleshoot")
    assert phrase(troubleshoot, named=True) == "Troubleshooting"
    assert phrase(troubleshoot) is None  # elsewhere a side lesson: not a title phrase
    shared = [r for r in cat.records if cat.sectors[r.external_id] == "transversal"]
    fallback = [r for r in shared if re.search(r"Core Skills for|Workplace Skills", r.title)]
    assert len(shared) > 150 and len(fallback) <= 0.05 * len(shared)
    titles = {r.title for r in shared}
    assert any(t.startswith("Troubleshooting") or " Troubleshooting" in t for t in titles)
