"""Typed job titles -> occupations: the tie rule, seniority words, abbreviations, confidence."""

from __future__ import annotations

import numpy as np
import pytest

from indexing.encoder import FakeEncoder
from indexing.label_index import LabelIndex
from service.titles.resolver import OccupationInfo, TitleConfig, TitleResolver
from service.titles.words import expand_abbreviations, next_level, normalise_title

OCCUPATIONS = [
    # (id, isco, preferred, alternatives, description)
    # the alternative label comes first, as in ESCO's order
    (2, "1211", "financial controller", ["accountant", "finance controller"], "Controls finance."),
    (1, "2411", "accountant", ["chartered accountant"], "Accountants keep and audit accounts."),
    (3, "2511", "data analyst", ["data analytics specialist"], "Analyses data sets."),
    (4, "4222", "call centre analyst", ["senior data analyst"], "Analyses call centre data."),
    (5, "2519", "quality assurance engineer", ["test engineer"], "Assures software quality."),
    (6, "1212", "human resources officer", ["personnel officer"], "Recruits and supports staff."),
    (7, "2521", "database administrator", ["database manager"], "Runs databases."),
    (8, "8111", "underground miner", ["miner"], "Works underground."),
]


@pytest.fixture(scope="module")
def resolver():
    enc = FakeEncoder(dim=64)
    labels = LabelIndex([(i, p, a) for i, _g, p, a, _d in OCCUPATIONS], enc)
    labels.build()
    info = [OccupationInfo(i, g, (p, *a)) for i, g, p, a, _d in OCCUPATIONS]
    desc = enc.encode_documents([f"{p}: {d}" for _i, _g, p, _a, d in OCCUPATIONS])
    return TitleResolver(labels, info, np.asarray(desc), TitleConfig(min_score=0.3))


def top(resolver, title):
    return resolver.resolve(title).candidates[0].occupation_id


def test_a_preferred_label_beats_another_occupations_alternative_label_on_a_tie(resolver):
    assert top(resolver, "accountant") == 1
    assert top(resolver, "Accountant") == 1
    # the label search alone applies the same rule
    assert resolver.labels.search("accountant", k=2)[0].entity_id == 1


@pytest.mark.parametrize(
    "title",
    [
        "junior data analyst",
        "Senior Data Analyst",
        "Data Analyst II",
        "data analyst (m/f/d)",
        "Data Analyst - remote",
        "part-time data analyst",
        "Trainee Data Analyst",
        "Lead Data Analyst",
    ],
)
def test_seniority_and_employment_words_do_not_change_the_occupation(resolver, title):
    assert top(resolver, title) == 3


@pytest.mark.parametrize(
    ("title", "occupation"),
    [("QA engineer", 5), ("HR officer", 6), ("DBA", 7), ("senior QA engineer", 5)],
)
def test_common_abbreviations_are_understood(resolver, title, occupation):
    assert top(resolver, title) == occupation


def test_normalisation_keeps_what_names_the_occupation():
    assert normalise_title("Junior Data Analyst (m/w/d) - London") == "data analyst"
    assert normalise_title("Registered Nurse (RN)") == "registered nurse"
    assert normalise_title("team lead") == "team lead"  # "lead" drops only as a first word
    assert normalise_title("Intern") == "intern"  # nothing would be left
    assert expand_abbreviations("qa engineer") == "quality assurance engineer"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Warehouse Shift Supervisor", "warehouse supervisor"),  # when, not what
        ("Warehouse Night Shift Supervisor", "warehouse supervisor"),
        ("Night Shift Supervisor", "shift supervisor"),  # the name itself keeps "shift"
        ("Shift Manager", "shift manager"),
        ("Nurse - nights", "nurse"),
        ("Weekend Receptionist", "receptionist"),
        ("Head of IT", "it manager"),  # the department names it, the head word the level
        ("Director of Nursing", "nursing director"),
        ("Head of the Finance Department", "finance department manager"),
        ("Head Chef", "head chef"),  # "head" alone is part of the name
    ],
)
def test_shift_words_and_head_of_titles_are_normalised(title, expected):
    assert normalise_title(title) == expected


def test_a_team_leader_is_said_as_the_taxonomy_says_it():
    assert expand_abbreviations("customer service team leader") == "customer service supervisor"
    assert expand_abbreviations("warehouse team lead") == "warehouse supervisor"
    assert expand_abbreviations("team leader") == "team leader"  # nothing to lead: kept
    assert expand_abbreviations("hr team leader") == "human resources supervisor"


def test_gibberish_is_no_confident_match_with_alternatives(resolver):
    out = resolver.resolve("asdfgh qwerty")
    assert not out.confident
    assert out.warning and "no confident match" in out.warning
    assert len(out.candidates) == 5  # the alternatives a portal can offer


def test_a_clear_title_resolves_confidently_without_warning(resolver):
    out = resolver.resolve("database administrator")
    assert out.confident and out.warning is None
    assert out.candidates[0].label_score == pytest.approx(1.0)


def test_a_weak_match_carries_a_warning(resolver):
    weak = TitleResolver(
        resolver.labels,
        list(resolver.info.values()),
        resolver.descriptions,
        TitleConfig(min_score=0.0, warn_score=1.1),
    )
    out = weak.resolve("data analysts")
    assert out.confident and out.warning and "low confidence" in out.warning
    # an exact ESCO label is never doubted
    assert weak.resolve("data analyst").warning is None


def test_known_titles_speak_for_their_occupations(resolver):
    from indexing.ann.factory import new_index
    from service.titles.memory import TitleMemory

    enc = resolver.labels.encoder
    titles = ["hotel maid", "room attendant", "bookkeeper"]
    index = new_index(enc.dim, model_id=enc.model_id)
    index.add(np.arange(3, dtype=np.int64), np.asarray(enc.encode_documents(titles)))
    memory = TitleMemory(titles, [(8,), (8,), (1,)], index)
    with_memory = TitleResolver(
        resolver.labels,
        list(resolver.info.values()),
        resolver.descriptions,
        TitleConfig(min_score=0.3),
        memory=memory,
    )
    out = with_memory.resolve("bookkeeper")
    assert out.candidates[0].occupation_id == 1  # no ESCO label says so; a known title does
    assert out.candidates[0].label_kind == "known title"
    assert out.candidates[0].matched_label == "bookkeeper"
    assert resolver.resolve("bookkeeper").candidates[0].occupation_id != 1
    # an exact ESCO label still names its own occupation, whatever the known titles say
    assert with_memory.resolve("financial controller").candidates[0].occupation_id == 2


def test_the_shipped_memory_holds_no_title_of_the_test_part():
    from pathlib import Path

    from service.titles.memory import MEMORY_FILE, read_memory, title_split

    rows = read_memory(Path(__file__).resolve().parents[2] / "data" / MEMORY_FILE)
    assert len(rows) > 10_000
    assert all(title_split(t) == "dev" for t, _ in rows)
    assert all(u.startswith("http://data.europa.eu/esco/occupation/") for _, us in rows for u in us)


LEVELS = [
    # (id, isco, preferred, alternatives, description)
    (30, "1412", "restaurant manager", ["bar manager", "beverage supervisor"], "Runs bars."),
    (31, "5132", "bartender", ["bar attendant", "barman"], "Serves drinks at a bar."),
    (32, "1324", "warehouse manager", ["warehouse supervisor"], "Runs a warehouse."),
    (33, "3122", "production supervisor", ["production lead"], "Supervises production."),
    (34, "1321", "manufacturing manager", ["production manager"], "Manages production."),
    (35, "1330", "telecommunications manager", ["ict manager"], "Runs telecom networks."),
    (36, "1330", "ict operations manager", ["it operations manager"], "Runs ICT operations."),
    (37, "1321", "operations manager", [], "Runs operations."),
    (38, "1213", "business manager", ["operations manager"], "Runs a business."),
]  # fmt: skip


def _resolver(excluded=frozenset(), memory=None):
    enc = FakeEncoder(dim=64)
    labels = LabelIndex([(i, p, a) for i, _g, p, a, _d in LEVELS], enc)
    labels.build()
    info = [OccupationInfo(i, g, (p, *a)) for i, g, p, a, _d in LEVELS]
    desc = np.asarray(enc.encode_documents([f"{p}: {d}" for _i, _g, p, _a, d in LEVELS]))
    return TitleResolver(
        labels, info, desc, TitleConfig(min_score=0.3), memory=memory, excluded=excluded
    )


def test_next_level_says_a_supervisor_as_a_manager():
    assert next_level("bar supervisor") == "bar manager"
    assert next_level("supervisor") == ""  # nothing to say one level up
    assert next_level("bar manager") == ""


def test_a_supervisor_no_label_equals_takes_the_exact_label_of_its_manager():
    r = _resolver()
    got = r.resolve("bar supervisor")  # a doubtful match without the rule
    assert got.candidates[0].occupation_id == 30  # "bar manager", not the bartender
    assert got.candidates[0].exact and got.warning is None
    assert top(r, "Kitchen Team Leader") != 30  # no "kitchen manager" label: no rule
    # a supervisor's title that a label equals keeps that label's occupation
    assert top(r, "warehouse supervisor") == 32
    assert top(r, "production supervisor") == 33  # not "production manager"


def test_an_excluded_label_is_never_matched():
    assert top(_resolver(), "ICT manager") == 35  # ESCO's label of telecommunications manager
    r = _resolver(excluded=frozenset({(35, "ict manager")}))
    got = r.resolve("ICT manager")
    assert got.candidates[0].occupation_id == 36
    assert all(c.matched_label.lower() != "ict manager" for c in got.candidates)
