"""Round h-titles13 (docs/planning.md, "Titles, a thirteenth round"): a label equal to the title
said plural names its occupation too when that occupation's preferred label says every word of
the title ("network engineer": ESCO's "network engineers" of *ICT network engineer*, beside
*ICT network technician*'s "network engineer"); a field at a title's end is its worker
("software engineering": a software engineer); the curated titles of software, factory,
clinical research and veterinary work (`tech_titles.py`, `work_titles.py`, `several.py`)."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlmodel import Session

from models.tables import Occupation
from service.titles.curated import CURATED_TITLES
from service.titles.resolver import SHARED_TITLE
from service.titles.several import SHARED_TITLES
from service.titles.tech_titles import SOFTWARE_MANAGER, SOFTWARE_TESTER
from service.titles.words import field_worker, normalise_title
from service.titles.work_titles import PHARMACOLOGIST, RESEARCH_MANAGER, WORK_TITLES
from tests.growth import assert_linear
from tests.titles.small_resolver import small_resolver

# the technician comes first and has the labels and description the scores favour
_NETWORK = [
    (
        1,
        "3513",
        "ICT network technician",
        ["network engineer", "network engineer assistant", "junior network engineer"],
        "Network engineer work: network engineer tasks.",
    ),
    (2, "2523", "ICT network engineer", ["network engineers"], "Designs networks."),
    (3, "7422", "cable installer", ["network engineers"], "Lays cables."),
    (4, "2512", "software developer", ["software engineer"], "Writes software."),
    (5, "2149", "quality engineer", ["software quality engineer"], "Quality engineering."),
]


def test_a_plural_label_names_the_occupation_whose_preferred_label_says_the_title():
    r = small_resolver(_NETWORK)
    got = r.resolve("Senior Network Engineer")
    assert got.candidates[0].occupation_id == 2 and got.candidates[0].exact, got
    assert got.candidates[1].occupation_id == 1 and got.candidates[1].exact
    # the cable installer's preferred label says neither word: its plural label is no reading
    assert all(c.occupation_id != 3 or not c.exact for c in got.candidates)
    assert got.warning is None


def test_without_the_plural_label_the_singular_label_names_the_title():
    rows = [
        (i, g, p, [a for a in alt if a != "network engineers"], d) for i, g, p, alt, d in _NETWORK
    ]
    got = small_resolver(rows).resolve("Network Engineer")
    assert got.candidates[0].occupation_id == 1 and got.candidates[0].exact


def test_a_plural_title_is_not_said_plural_again():
    got = small_resolver(_NETWORK).resolve("network engineers")
    assert got.candidates[0].exact and got.candidates[0].matched_label == "network engineers"


def test_a_field_at_the_end_of_a_title_is_read_as_its_worker():
    assert field_worker("software engineering") == "software engineer"
    assert field_worker("engineering") == ""  # the field alone
    assert field_worker("engineering manager") == ""  # the field is no last word
    assert field_worker("software engineer") == ""
    assert field_worker("director of engineering") == field_worker("vp engineering") == ""
    # a person of the field, not one who works in it
    people = ["manager software engineering", "lecturer engineering"]
    people += ["technical recruiter engineering", "assistant professor engineering"]
    for title in people:
        assert field_worker(title) == "", title
    got = small_resolver(_NETWORK).resolve("Software Engineering")
    assert got.query == "software engineer" and got.candidates[0].occupation_id == 4
    # a title equal to a label is read as written
    rows = [*_NETWORK, (6, "2310", "lecturer", ["software engineering"], "Teaches.")]
    assert small_resolver(rows).resolve("software engineering").candidates[0].occupation_id == 6


def test_hostile_titles_are_read_in_linear_time():
    assert_linear(field_worker, lambda n: "software " * n + "engineering", n=5_000)
    r = small_resolver(_NETWORK)
    assert_linear(r.resolve, lambda n: "network " * n + "engineer", n=400)


def test_the_curated_titles_are_written_as_titles_are_cleaned():
    assert all(normalise_title(t) == t for t in WORK_TITLES)
    assert all(CURATED_TITLES[t] == occ for t, occ in WORK_TITLES.items())
    assert WORK_TITLES["clinical research associate"][:2] == (PHARMACOLOGIST, RESEARCH_MANAGER)
    assert SHARED_TITLES["engineering manager"][0] == SOFTWARE_MANAGER
    assert SHARED_TITLES["qa engineer"][0] == SOFTWARE_TESTER
    assert all(normalise_title(t) == t for t in ("engineering manager", "qa engineer"))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Network Engineer", "ICT network engineer"),
        ("Senior Network Engineer", "ICT network engineer"),
        ("Site Reliability Engineer", "cloud engineer"),
        ("SRE", "cloud engineer"),
        ("Software Engineering", "software developer"),
        ("Clinical Research Associate", "pharmacologist"),
        ("DevOps Engineer", "ICT change and configuration manager"),  # ESCO's own label
        ("Data Engineer", "data warehouse designer"),
        ("Machine Learning Engineer", "data scientist"),
        ("Scrum Master", "ICT project manager"),
        ("Platform Engineer", "cloud engineer"),
        ("IT Manager", "ICT operations manager"),
        ("Software Development Manager", "software manager"),
        ("BI Developer", "data warehouse designer"),
        ("PMO Analyst", "project support officer"),
        ("Plant Manager", "industrial production manager"),
        ("Vet", "general veterinarian"),
        ("ICT network technician", "ICT network technician"),  # a preferred label as before
    ],
)
def test_the_round_s_titles_on_the_real_model(real_runtime, title, expected):
    with Session(real_runtime.engine) as s:
        labels = dict(s.execute(select(Occupation.id, Occupation.preferred_label)).all())
    got = real_runtime.titles.resolve(title)
    assert got.confident and labels[got.candidates[0].occupation_id] == expected, got
    assert got.warning is None, got


@pytest.mark.slow
@pytest.mark.parametrize(
    ("title", "readings"),
    [
        (
            "Engineering Manager",
            [
                "software manager",
                "maintenance and repair engineer",
                "research and development manager",
            ],
        ),
        ("QA Engineer", ["software tester", "quality engineer"]),
    ],
)
def test_titles_several_trades_use_name_their_readings_and_warn(real_runtime, title, readings):
    with Session(real_runtime.engine) as s:
        labels = dict(s.execute(select(Occupation.id, Occupation.preferred_label)).all())
    got = real_runtime.titles.resolve(title)
    assert got.confident and got.warning == SHARED_TITLE, got
    assert [labels[c.occupation_id] for c in got.candidates[: len(readings)]] == readings


@pytest.mark.slow
@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        (
            "Engineering Manager",
            "Maintenance engineer at a food factory: planned maintenance, breakdowns, PLCs, "
            "leading a team of six fitters.",
            "maintenance and repair engineer",
        ),
        (
            "QA Engineer",
            "Quality inspector in a car parts factory, ISO 9001 audits and root cause analysis.",
            "quality engineer",
        ),
        ("QA Engineer", "Manual tester of a banking app, now writing Selenium tests.", None),
    ],
)
def test_a_shared_title_is_read_in_the_trade_of_the_cv(real_runtime, title, text, expected):
    # `recommend.level_title`: a CV nearer another reading's description than the first's reads
    # that one; a software tester's CV keeps the first reading
    from service.recommend.level_title import read_in_trade

    with Session(real_runtime.engine) as s:
        got = read_in_trade(real_runtime, s, real_runtime.titles.resolve(title), {}, text)
    assert (got.label if got else None) == expected, got
