"""The SHIPPED demo catalog meets issue 16's goals: size, bundle sizes, hours, coverage.

Read from data/catalog/credentials.jsonl.gz and the ESCO files (service.datagen.coverage), so
this checks what ships; test_catalog checks that it is what the generator makes.
"""

from __future__ import annotations

import pytest

from service.datagen.coverage import BINS, coverage
from service.datagen.readme import coverage_tables
from tests.datagen.shipped import ESCO, HOURS, SHIPPED


@pytest.fixture(scope="module")
def cov():
    return coverage(SHIPPED, ESCO)


def test_size_and_bundles(cov):
    assert cov.n_credentials >= 3000
    q = cov.skills_per_credential
    assert q["median"] >= 6 and q["min"] >= 3 and q["max"] <= 15
    assert SHIPPED.stat().st_size < 5_000_000


def test_hours_per_kind_in_range(cov):
    assert set(cov.hours_per_kind) == set(HOURS)
    for kind, h in cov.hours_per_kind.items():
        lo, hi = HOURS[kind]
        assert lo <= h["min"] and h["max"] <= hi, (kind, h)


def test_essential_skills_of_occupations_are_taught(cov):
    assert cov.n_occupations >= 2900
    assert sum(cov.bins.values()) == cov.n_occupations
    assert list(cov.bins) == [label for label, _ in BINS]
    assert cov.at_least_80 >= 0.9


def test_readme_quotes_the_shipped_figures():
    readme = (SHIPPED.parent / "README.md").read_text(encoding="utf-8")
    assert coverage_tables(SHIPPED, ESCO) in readme
