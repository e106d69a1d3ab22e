"""A learner's words, a fifteenth round (docs/quality.md): a business's social media run, data
keyed in, prescriptions taken in, meals served, cards dealt, viewings done, PCs set up, network
problems fixed (`indexing.trade_pairs.ROUND15_PAIRS`); a managing skill's alternative labels
name its object too, and planning others' shifts is managing ("on the pharmacy counter" is no
*supervise pharmaceutical staff*, "early shifts" no *plan shifts of employees*:
`indexing.unmeant`); a field is not its law ("pharmacy" is no *pharmacy law*:
`indexing.plans.unsaid_law`); "banking" is no *economics*. The real model: `skillmatch eval
extraction tests/fixtures/cv_lines.json` (the last 30 lines)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from indexing.duty_pairs import DUTY_PAIRS
from indexing.plans import unsaid_law
from indexing.trade_pairs import PAIRS, ROUND15_PAIRS
from indexing.unmeant import NOT_ALONE, Unmeant
from indexing.word_pairs import find_pairs
from tests.growth import assert_linear
from tests.indexing.entries import skill_entry


def _named(text):
    return {s for *_, rule in find_pairs(text, ROUND15_PAIRS) for s in rule.skills}


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("running the salon's Instagram page", "apply social media marketing"),
        ("posting on our social media", "apply social media marketing"),
        ("updated the shop's Facebook", "apply social media marketing"),
        ("Data entry clerk keying customer orders", "process data"),
        ("inputting invoices onto Sage", "process data"),
        ("taking in prescriptions", "check information on prescriptions"),
        ("serving hot meals to the children", "serve food in table service"),
        ("dealing blackjack", "deal cards"),
        ("doing viewings and valuations", "organise property viewing"),
        ("setting up PCs for new staff", "install software"),
        ("fixing network problems", "perform ICT troubleshooting"),
    ],
)
def test_the_rounds_pairs_read_the_learners_words(text, skill):
    assert skill in _named(text)


def test_the_rounds_pairs_come_after_the_earlier_ones():
    at = PAIRS.index(ROUND15_PAIRS[0])  # after the earlier rounds', before an employer's words
    assert PAIRS[at : at + len(ROUND15_PAIRS)] == ROUND15_PAIRS
    assert PAIRS[at + len(ROUND15_PAIRS) :][: len(DUTY_PAIRS)] == DUTY_PAIRS


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("I deal with card payments", "deal cards"),  # a word between that is no game's
        ("Key data for the report", "process data"),  # "key" is no keying
        ("input from the team", "process data"),
        ("social media manager", "apply social media marketing"),  # no verb, no page
        ("took the bus; prescriptions were ready", "check information on prescriptions"),
        ("set the table for dinner", "install software"),
    ],
)
def test_the_rounds_pairs_read_no_other_words(text, skill):
    assert skill not in _named(text)


def _law(label, sentence, words):
    at = sentence.index(words)
    return unsaid_law(label, sentence, at, at + len(words))


def test_a_field_is_not_its_law():
    line = "Sales assistant at Boots on the pharmacy counter"
    assert _law("pharmacy law", line, "pharmacy")
    assert _law("labour legislation", "Midwife on a labour ward", "labour")
    assert not _law("pharmacy law", "Knowledge of pharmacy law", "pharmacy law")  # said
    assert not _law("pharmacy law", "pharmacy counter, legal checks", "pharmacy")  # law said
    assert not _law("pharmaceutical products", line, "pharmacy")  # no law in the name
    assert not _law("food law", line, "pharmacy")  # other words


_SKILLS = [
    skill_entry(
        0,
        "supervise pharmaceutical staff",
        ("supervise pharmacy staff", "monitor pharmaceutical employees"),
        scheme="t15",
    ),
    skill_entry(1, "plan shifts of employees", ("arrange shifts of employees",), scheme="t15"),
    skill_entry(2, "plan menus", ("arrange menus",), scheme="t15"),
    skill_entry(3, "work in shifts", ("operate in shifts",), scheme="t15"),
    skill_entry(4, "pharmacy law", ("pharmacy laws",), "knowledge", scheme="t15"),
    replace(
        skill_entry(5, "economics", ("banking", "finances"), "knowledge", scheme="t15"),
        uri=next(iter(NOT_ALONE)),  # ESCO's *economics*
    ),
]
_UNMEANT = Unmeant(_SKILLS)


@pytest.mark.parametrize(
    ("sentence", "rows"),
    [
        ("Sales assistant on the pharmacy counter", {0}),  # "pharmacy" of an alternative label
        ("Factory worker, HACCP, early shifts", {1}),  # planning others' shifts is managing
        ("Cook: menus, prep and service", set()),  # planning menus is no one's management
        ("Supervised the pharmacy team", set()),  # a managing word
        ("Did the rota for the shifts", set()),
    ],
)
def test_a_managing_skills_alternative_labels_name_its_object(sentence, rows):
    assert _UNMEANT.managing(sentence) & {0, 1, 2, 3} == rows


def test_banking_is_no_economics_alone():
    assert _UNMEANT.shared(5, "banking")
    assert not _UNMEANT.shared(5, "finances")  # another label, shared by few


@pytest.mark.parametrize(
    ("read", "make"),
    [
        (lambda t: find_pairs(t, ROUND15_PAIRS), lambda n: "running the Instagram " * n),
        (lambda t: find_pairs(t, ROUND15_PAIRS), lambda n: "dealing with the " * n + "cards"),
        (lambda t: unsaid_law("pharmacy law", t, 0, 8), lambda n: "pharmacy " * n),
        (_UNMEANT.managing, lambda n: "early shifts, pharmacy staff " * n),
    ],
)
def test_hostile_long_and_repeated_input_grows_linearly(read, make):
    assert_linear(read, make, n=2_000)


_READ = [
    (
        "Sales assistant at Boots on the pharmacy counter, serving customers and taking in"
        " prescriptions",
        {"check information on prescriptions"},
        {"supervise pharmaceutical staff", "pharmacy law"},
    ),
    (
        "Hairdresser, cutting and colouring, running the salon's Instagram page",
        {"apply social media marketing", "dye hair"},
        set(),
    ),
    ("Worked at a bank for 4 years, serving customers and counting cash", set(), {"economics"}),
    ("Factory worker, HACCP, early shifts", {"apply HACCP"}, {"plan shifts of employees"}),
    ("Planned the staff shifts", {"plan shifts of employees"}, set()),
    ("Data entry clerk keying customer orders into the system", {"process data"}, set()),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "said", "unsaid"), _READ)
def test_the_rounds_lines_on_the_real_model(real_runtime, text, said, unsaid):
    labels = {x.preferred_label for x in real_runtime.linker.extract(text)}
    assert said <= labels, labels
    assert not unsaid & labels, labels
