"""Two readings an adviser finds absurd (indexing.unmeant), on the hashing encoder: a one-word
competence that another kept skill's longer words explain ("plan my own routes" is no *plan*),
a skill done for people of another kind than the sentence names ("supporting children" is
no *assist patients*), a label written in a curated word's own words; the eighth round's
verb-object rules; hostile inputs."""

from __future__ import annotations

import time

import pytest

from indexing.encoder import FakeEncoder
from indexing.linker import SkillLinker
from indexing.types import Evidence
from indexing.unmeant import Unmeant
from indexing.word_pairs import WORD_PAIRS, find_pairs, lemma
from tests.indexing.entries import skill_entry


def _skill(i, label, alts=(), kind="skill/competence"):
    return skill_entry(i, label, alts, kind, scheme="test:p")


SKILLS = [
    _skill(0, "plan", ("perform planning",)),
    _skill(1, "prepare transportation routes"),
    _skill(2, "plan learning curriculum"),
    _skill(3, "assist patients with special needs"),
    _skill(4, "assist children with special needs in education settings"),
    _skill(5, "Irish", kind="skill/competence"),  # a language: no everyday word
    _skill(6, "planning", kind="knowledge"),  # not a competence
    _skill(7, "drive vehicles"),
]


@pytest.fixture(scope="module")
def unmeant():
    return Unmeant(SKILLS)


def _ev(start, end):
    return [Evidence(start, end, "x" * (end - start))]


def test_a_one_word_competence_inside_a_longer_explaining_reading_is_dropped(unmeant):
    # "plan my own routes": plan (0) at 0-4, routes (curated) at 0-18
    found = {0: ("plan", False, _ev(0, 4)), 1: ("prepare transportation routes", True, _ev(0, 18))}
    assert unmeant.explained(found) == {0}
    # "plan lessons": the longer reading's label writes the word
    found = {0: ("plan", False, _ev(2, 6)), 2: ("plan learning curriculum", False, _ev(2, 14))}
    assert unmeant.explained(found) == {0}


@pytest.mark.parametrize(
    "found",
    [
        {0: ("plan", False, _ev(0, 8))},  # alone: "planning play activities" reads plan
        # a longer reading that neither writes the word nor is a curated word's explains nothing
        {0: ("plan", False, _ev(0, 4)), 7: ("drive vehicles", False, _ev(0, 30))},
        # not inside it: the word is said elsewhere too
        {0: ("plan", False, _ev(0, 4) + _ev(40, 44)), 1: ("prepare...", True, _ev(0, 18))},
        # the same span is no longer one
        {0: ("plan", False, _ev(0, 4)), 2: ("plan learning curriculum", False, _ev(0, 4))},
        # a language and a knowledge area are not everyday competences
        {5: ("Irish", False, _ev(0, 5)), 1: ("Irish routes", True, _ev(0, 18))},
        {6: ("planning", False, _ev(0, 8)), 2: ("planning curriculum", False, _ev(0, 18))},
    ],
)
def test_nothing_else_is_explained(unmeant, found):
    assert unmeant.explained(found) == set()


def test_a_skill_for_people_of_another_kind_is_not_read(unmeant):
    rows = unmeant.others("Teaching assistant supporting children with special needs")
    assert 3 in rows and 4 not in rows
    assert unmeant.others("Nurse supporting patients with special needs") == {4}
    # no people said, or both kinds said: nothing is dropped
    assert unmeant.others("Support with special needs") == set()
    assert unmeant.others("Children and patients with special needs") == set()


def test_extraction_reads_the_explaining_skill_not_the_word():
    lk = SkillLinker(SKILLS, FakeEncoder(dim=256))
    lk.build()
    found = {x.preferred_label for x in lk.extract("I drive a van and plan my routes")}
    assert "prepare transportation routes" in found and "plan" not in found


def test_a_label_written_in_a_curated_words_own_words_is_not_read():
    """In a care line "support people" is a carer's daily support (a word of a context), no
    longer also *mentor individuals*, whose label it is; elsewhere that label still reads."""
    skills = [
        _skill(20, "mentor individuals", ("support people",)),
        _skill(21, "provide basic support to patients"),
        _skill(
            22,
            "encourage social service users to preserve their independence in their daily "
            "activities",
        ),
    ]
    lk = SkillLinker(skills, FakeEncoder(dim=256))
    lk.build()
    care = {x.preferred_label for x in lk.extract("I support people with dementia at home")}
    assert "provide basic support to patients" in care and "mentor individuals" not in care
    assert "mentor individuals" in {x.preferred_label for x in lk.extract("I support people")}


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("answering customer queries", "respond to customers' inquiries"),
        ("dealt with enquiries from the public", "respond to customers' inquiries"),
        ("making outbound calls", "telemarketing"),
        ("cold calling businesses", "telemarketing"),
        ("helping clients with washing, dressing and meals", "assist with dressing"),
        ("moving patients between wards", "transfer patients"),
        ("collecting donations", "perform fundraising activities"),
        ("raised money for the hospice", "perform fundraising activities"),
        ("I kept the family budget", "manage budgets"),
        ("wrapping fragile items", "pack fragile items for transportation"),
        ("watching CCTV", "monitor surveillance equipment"),
        ("giving campus tours", "escort visitors to places of interest"),
        ("Volunteer driver taking patients to hospital", "drive vehicles"),
        ("car driver", "drive vehicles"),
    ],
)
def test_the_eighth_rounds_rules_read_the_learners_words(text, skill):
    assert skill in {s for *_, rule in find_pairs(text, WORD_PAIRS) for s in rule.skills}


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("collecting money from customers at the till", "perform fundraising activities"),
        ("salad dressing", "assist with dressing"),
        ("answering calls", "respond to customers' inquiries"),
        ("took inbound calls", "telemarketing"),
        ("watching the stock levels", "monitor surveillance equipment"),
        ("volunteer with a screwdriver", "drive vehicles"),
        ("I volunteer at a food bank; driver training", "drive vehicles"),
    ],
)
def test_the_eighth_rounds_rules_read_nothing_else(text, skill):
    assert skill not in {s for *_, rule in find_pairs(text, WORD_PAIRS) for s in rule.skills}


def test_kept_is_keep():
    assert lemma("kept") == lemma("keep") == lemma("keeping")


def test_hostile_inputs_are_read_in_linear_time(unmeant):
    start = time.perf_counter()
    long = "children patients customers " * 20_000
    assert unmeant.others(long) == set()
    words = [ev for i in range(0, 20_000, 10) for ev in _ev(i, i + 4)]
    longer = [ev for i in range(0, 20_000, 10) for ev in _ev(i, i + 9)]
    found = {0: ("plan", False, words), 2: ("plan learning curriculum", False, longer)}
    assert unmeant.explained(found) == {0}
    assert unmeant.others("") == set() and unmeant.explained({}) == set()
    assert time.perf_counter() - start < 2.0
