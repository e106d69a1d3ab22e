"""A learner's words, a seventh round (docs/quality.md), on the hashing encoder: one of a role's
people is not over them ("I volunteer" is no "support volunteers"), one word is not a kind of it
("temperature" is no "cold chain"), and new verb-object rules
(a bar's pints and kegs, a class kept in order, a phone line's calls and complaints, a
cleaner's bins). The real model: `skillmatch eval
extraction tests/fixtures/cv_lines.json` (the lines with split, the last 30)."""

from __future__ import annotations

import pytest

from indexing.context_aliases import CARE, SCHOOL, has_context
from indexing.encoder import FakeEncoder
from indexing.linker import SkillLinker
from indexing.unmeant import SPECIFIC_MAX, Unmeant
from indexing.word_pairs import WORD_PAIRS, find_pairs
from tests.indexing.entries import skill_entry


def _skill(i, label, alts=(), kind="skill/competence"):
    return skill_entry(i, label, alts, kind, scheme="test:r")


SKILLS = [
    _skill(0, "support volunteers", ("help volunteers",)),
    _skill(1, "manage volunteers"),
    _skill(2, "manage volunteers in second-hand shop"),
    _skill(3, "clean rooms", ("room cleaning",)),
    _skill(4, "assist customers"),
    _skill(5, "cold chain", ("cold temperature",), kind="knowledge"),
    _skill(6, "merchandising techniques", ("merchandising approaches",), kind="knowledge"),
    _skill(7, "human resource management", ("HR management",), kind="knowledge"),
    _skill(8, "automated analysers", ("automated analysers",), kind="knowledge"),
] + [_skill(20 + i, f"plan techniques number {i}", ("a technique",)) for i in range(SPECIFIC_MAX)]
TITLES = ["political party volunteer", "cashier", "director of rooms", "customer service manager"]
ROWS = {s.preferred_label: row for row, s in enumerate(SKILLS)}


@pytest.fixture(scope="module")
def unmeant():
    return Unmeant(SKILLS, TITLES)


def _blocked(unmeant, text):
    return {SKILLS[r].preferred_label for r in unmeant.managing(text)}


@pytest.mark.parametrize(
    "text",
    ["I volunteer at a food bank", "Volunteer at a charity shop", "Volunteer driver for a hospice",
     "volunteered at the local hospice"],
)  # fmt: skip
def test_one_of_a_roles_people_is_not_over_them(unmeant, text):
    assert _blocked(unmeant, text) >= {
        "support volunteers",
        "manage volunteers",
        "manage volunteers in second-hand shop",  # its people before "in"
    }


@pytest.mark.parametrize(
    "text",
    ["I manage volunteers", "Recruiting and supporting volunteers", "Volunteer coordinator",
     "Volunteer and then trainer of the volunteers"],
)  # fmt: skip
def test_the_group_named_or_a_managing_word_keeps_them(unmeant, text):
    assert not _blocked(unmeant, text) & {"support volunteers", "manage volunteers"}


def test_only_a_role_that_heads_an_occupation_title(unmeant):
    assert not _blocked(unmeant, "Hotel room attendant cleaning")  # "director of rooms": director
    assert not _blocked(unmeant, "Customer service adviser")  # no title is a customer
    assert not Unmeant(SKILLS).managing("I volunteer at a food bank")  # no titles: no roles


def test_one_word_is_not_a_kind_of_it(unmeant):
    line = "I take blood pressure and temperature"
    assert unmeant.kind_of(ROWS["cold chain"], "cold temperature", "temperature", line)
    assert unmeant.kind_of(ROWS["automated analysers"], "automated analysers", "analysers", "")
    # the sentence says the kind; two words read; the word is no label's last
    assert not unmeant.kind_of(ROWS["cold chain"], "cold temperature", "temperature", "cold room")
    assert not unmeant.kind_of(ROWS["cold chain"], "cold temperature", "low temperature", line)
    assert not unmeant.kind_of(ROWS["cold chain"], "cold temperature", "cold", line)
    # a word many skills write ("techniques"); an acronym of the area's own name; a skill
    assert not unmeant.kind_of(
        ROWS["merchandising techniques"], "plan techniques", "techniques", ""
    )
    assert not unmeant.kind_of(ROWS["human resource management"], "HR management", "Management", "")
    assert not unmeant.kind_of(ROWS["assist customers"], "cold customers", "customers", "")


def test_extract_drops_them_on_the_linker():
    linker = SkillLinker(SKILLS, FakeEncoder(dim=64), vocabulary=TITLES)
    linker.build()
    assert linker.unmeant.managing("I volunteer at a food bank")
    found = {x.preferred_label for x in linker.extract("I volunteer at a food bank")}
    assert not found & {"support volunteers", "manage volunteers"}
    found = {x.preferred_label for x in linker.extract("I manage volunteers")}
    assert "manage volunteers" in found


@pytest.mark.parametrize(
    ("text", "skills"),
    [
        ("pulling pints", ("serve beers",)),
        ("serving draught beer", ("serve beers",)),
        ("changing barrels in the cellar", ("change kegs",)),
        ("replaced the kegs", ("change kegs",)),
        ("answering inbound calls", ("answer incoming calls",)),
        ("took calls from customers", ("answer incoming calls",)),
        ("escalating complaints to a team leader", ("handle customer complaints",)),
        ("emptying bins", ("dispose of non-hazardous waste",)),
        ("keeping order in class", ("maintain students' discipline",)),
        ("taking temperatures and blood pressure", ("take and analyse blood pressure",)),
        (
            "recording temperature and pulse",
            ("monitor basic patients signs", "monitor patient's vital signs"),
        ),
    ],
)
def test_the_seventh_rounds_rules_read_a_verb_and_its_object(text, skills):
    assert skills in {r.skills for _, _, r in find_pairs(text, WORD_PAIRS)}


@pytest.mark.parametrize(
    "text",
    ["pulling weeds", "changing the sheets", "took orders", "logged the faults", "emptying the van",
     "keeping records"],
)  # fmt: skip
def test_the_seventh_rounds_rules_leave_other_objects_alone(text):
    new = {("serve beers",), ("change kegs",), ("answer incoming calls",),
           ("handle customer complaints",), ("dispose of non-hazardous waste",),
           ("maintain students' discipline",)}  # fmt: skip
    assert not {r.skills for _, _, r in find_pairs(text, WORD_PAIRS)} & new


def test_observations_are_a_patients_only_in_a_line_about_care():
    rules = [r for r in WORD_PAIRS if "take and analyse blood pressure" in r.skills]
    assert rules and all(r.context == CARE for r in rules)
    assert has_context("taking temperatures and blood pressure on a surgical ward", CARE)
    assert not has_context("checking fridge temperatures in a kitchen", CARE)


def test_order_is_a_classs_only_in_a_line_about_school():
    rule = next(r for r in WORD_PAIRS if r.skills == ("maintain students' discipline",))
    assert rule.context == SCHOOL
    assert has_context("Learning support assistant keeping order in class", SCHOOL)
    assert not has_context("Typed letters and kept the filing system in order.", SCHOOL)
