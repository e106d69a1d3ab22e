"""A whole CV's layout (service/profiles/names.py, employers.py): the learner's name at the top
("Tom Baker" read a baker's essentials) and an employer's name on a job line ("NHS Trust" read
*demonstrate trustworthiness*) are no skills."""

from __future__ import annotations

import pytest
from sqlmodel import Session

from service.profiles.employers import employer_spans, label_acronyms
from service.profiles.learner import build_learner
from service.profiles.names import without_name
from tests.growth import assert_linear


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Tom Baker\nPROFILE\nRetail supervisor", "Tom Baker"),
        ("\n  Daniel Smith  \nEXPERIENCE", "Daniel Smith"),
        ("JOHN CARTER | 07700 900123 | Leeds\nSecurity officer", "JOHN CARTER"),
        ("Sarah-Jane Mason-Cook, Bristol\nCleaner", "Sarah-Jane Mason-Cook"),
        ("Care assistant\nName: Emma Wilson\nHobbies", "Emma Wilson"),
    ],
)  # fmt: skip
def test_the_learners_name_line_is_blanked(text, name):
    out = without_name(text)
    assert len(out) == len(text)
    assert name not in out and out.replace(" ", "") == text.replace(name, "").replace(" ", "")


@pytest.mark.parametrize(
    "text",
    [
        "Sales Assistant\nTom Baker",  # a name line below the top is read as before
        "Head Baker\nEXPERIENCE",  # no given name
        "Ruby Developer\nBuilt web apps",  # a language, not a given name
        "Tom Baker worked in a bakery",  # words after the name: a sentence
        "tom baker\ncashier",  # not written as a name
        "Dean of Students",
        "",
        "   \n\n",
    ],
)
def test_words_that_are_no_name_line_are_kept(text):
    assert without_name(text) == text


def _employers(text, titles=()):
    return [text[a:b] for a, b in employer_spans(text, list(titles))]


@pytest.mark.parametrize(
    ("text", "employers"),
    [
        ("Healthcare Assistant - NHS Trust (2017 - 2020)", ["NHS Trust"]),
        ("Junior Software Developer, Acme Ltd, Jan 2023 - Present", ["Acme Ltd"]),
        ("Assistant Manager, Marks & Spencer Cafe, 2021 -", ["Marks & Spencer Cafe"]),
        ("Cleaner - Mitie at Network Rail stations (2018 - 2020)",
         ["Mitie", "Network Rail stations"]),
        ("2019 – 2021: Supervisor | Next", ["Next"]),
        ("Electrician, Self-employed, 2017 - 2024", []),  # how they worked, no employer
        ("Cashier, 2019, cash handling and stock", []),  # the words of the job, not a name
        ("- Built REST APIs, 2021", []),  # a bullet
        ("SKILLS: Excel, Sage, first aid", []),  # no date, no job
        ("", []),
    ],
)  # fmt: skip
def test_an_employer_is_the_named_part_of_a_job_line(text, employers):
    assert _employers(text) == employers


def test_a_line_without_a_date_is_a_job_line_where_its_title_was_read():
    text = "Track worker for Network Rail\nExpert at Excel"
    assert _employers(text, [(0, 12)]) == ["Network Rail"]
    assert _employers(text) == []  # no title read: no job line
    long = "Picker at Amazon Logistics where I also trained New Starters on Safety and Loading Bays"
    assert _employers(long, [(0, 6)]) == ["Amazon Logistics"]  # a sentence: the part after only


def test_an_acronym_the_labels_spell_is_a_skill_not_an_employer():
    labels = ["apply HACCP", "SQL", "manage closed-circuit television system", "examine trusts"]
    vendors = ["IBM Domino", "SAP R3", "Amazon Web Services AWS CloudFormation"]
    terms = label_acronyms([*labels, *vendors])
    assert terms == {"HACCP", "SQL"}  # a vendor's name before its product is a firm's
    line = "Software developer, IBM (2016 - 2020)"
    assert [line[a:b] for a, b in employer_spans(line, [], terms)] == ["IBM"]
    line = "Factory worker, HACCP, Acme Foods (2019 - 2021)"
    assert _employers(line) == ["HACCP", "Acme Foods"]  # without the taxonomy's terms
    assert [line[a:b] for a, b in employer_spans(line, [], terms)] == ["Acme Foods"]
    nhs = "Healthcare Assistant - NHS Trust (2017 - 2020)"
    assert [nhs[a:b] for a, b in employer_spans(nhs, [], terms)] == ["NHS Trust"]


HOSTILE_LAYOUTS = [
    lambda n: "Tom " * n,
    lambda n: "Care Assistant - NHS Trust (2017 - 2020)\n" * (n // 10),
    lambda n: ", , - - | ( ) 2020 " * n,
    lambda n: "A" * (n * 4),
    lambda n: "\n" * n + "Tom Baker",
]


@pytest.mark.parametrize("make", HOSTILE_LAYOUTS)
def test_hostile_layouts_are_read_in_linear_time(make):
    text = make(20_000)
    assert len(without_name(text)) == len(text)
    assert_linear(without_name, make)
    assert_linear(lambda t: employer_spans(t, [(0, 14)], {"HACCP"}), make)


@pytest.mark.slow
def test_a_cv_reads_no_skill_from_its_name_line_or_its_employers(real_runtime):
    cv = (
        "Tom Baker\nEXPERIENCE\nHealthcare Assistant - NHS Trust (2017 - 2020)\n"
        "- Administering medication\nAccounts Assistant, British Gas, 2020 - present\n"
        "Assistant Manager, Marks & Spencer Cafe, 2021 - 2023\n"
    )
    with Session(real_runtime.engine) as s:
        learner = build_learner(real_runtime, s, text=cv)
    quoted = {e.text for evs in learner.evidence.values() for e in evs}
    labels = {real_runtime.skills[sid].preferred_label for sid in learner.evidence}
    assert "Tom Baker" not in quoted and not any("bak" in lab for lab in labels), labels
    assert not {"Trust", "Gas", "Marks"} & quoted, quoted
    assert "administer prescribed medication" in labels  # the bullet is still read
    assert any("health" in t.lower() for t in learner.job_titles.values()), learner.job_titles


@pytest.mark.slow
def test_a_skill_acronym_after_a_job_title_is_read(real_runtime):
    with Session(real_runtime.engine) as s:
        learner = build_learner(real_runtime, s, text="Factory worker, HACCP, early shifts")
    labels = {real_runtime.skills[sid].preferred_label for sid in learner.evidence}
    assert "apply HACCP" in labels, labels  # was dropped as an employer's name
    assert "schedule shifts" not in labels, labels  # working early shifts is not scheduling them
