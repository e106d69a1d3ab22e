"""A learner's words, a fourteenth round (docs/quality.md): a rep's services sold, a barista's
coffees, a hairdresser's chair rented (`indexing.trade_pairs.SERVICE_PAIRS`); unit tests, a
soldier signaller, an electrician's testing and inspection, milking (context words); a verb and
the words between it and its object ("selling printing") read no skill (`extract._in_pair`); a
kind said in more words than one ("food safety" is no *wild game meat food safety*); a job's
title names no field (`indexing.title_fields`); a field is not its strategy (`indexing.plans`);
a managing role alone is one person ("Supervisor" is no *advise supervisors*). The real model:
`skillmatch eval extraction tests/fixtures/cv_lines.json` (the last 30 lines)."""

from __future__ import annotations

import time

import pytest

from indexing.aliases import CURATED, AliasHit
from indexing.context_aliases import (
    ELECTRICAL,
    FARM,
    MILITARY,
    TECHNOLOGY,
    ContextWords,
    has_context,
)
from indexing.encoder import FakeEncoder
from indexing.extract import _in_pair, units
from indexing.linker import SkillLinker
from indexing.plans import unsaid_plan
from indexing.role_reading import _unowned
from indexing.title_fields import TitleFields, shares_stem
from indexing.trade_pairs import PAIRS, SERVICE_PAIRS, TRADE_PAIRS
from indexing.unmeant import Unmeant
from indexing.word_pairs import WORD_PAIRS, find_pairs
from tests.indexing.entries import skill_entry


def _named(text):
    return {s for *_, rule in find_pairs(text, SERVICE_PAIRS) for s in rule.skills}


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Sales rep selling printing services to local businesses", "sell services"),
        ("sold cleaning services to offices", "sell services"),
        ("Barista making lattes and flat whites", "prepare specialised coffee"),
        ("served cappuccinos and espressos", "prepare hot drinks"),
        ("renting my own chair in a salon", "work independently"),
    ],
)
def test_the_rounds_pairs_read_the_learners_words(text, skill):
    assert skill in _named(text)


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("servicing boilers for customers", "sell services"),  # no selling
        ("selling cakes; services to the church", "sell services"),  # a clause between
        ("renting a flat in town", "work independently"),  # no chair
        ("chair a meeting of the residents", "work independently"),
        ("made the teas for the site", "prepare specialised coffee"),
    ],
)
def test_the_rounds_pairs_read_nothing_else(text, skill):
    assert skill not in _named(text)


def test_the_rounds_pairs_come_after_the_earlier_ones():
    n, m = len(WORD_PAIRS), len(TRADE_PAIRS)
    assert PAIRS[:n] == WORD_PAIRS and PAIRS[n : n + m] == TRADE_PAIRS
    assert PAIRS[n + m : n + m + len(SERVICE_PAIRS)] == SERVICE_PAIRS  # a later round's after


def test_the_words_of_a_context():
    assert has_context("Junior developer writing unit tests", TECHNOLOGY, (24, 34))
    assert not has_context("unit tests on every batch of the product", TECHNOLOGY, (0, 10))
    assert has_context("Army signaller for 8 years", MILITARY, (5, 14))
    assert not has_context("Crane signaller on a building site", MILITARY, (6, 15))
    assert has_context("Domestic electrician: testing and inspection", ELECTRICAL, (22, 44))
    assert not has_context("Food factory: testing and inspection of products", ELECTRICAL)
    assert has_context("Farm hand milking twice a day", FARM, (10, 17))
    assert not has_context("milking it for all it was worth", FARM, (0, 7))


_CONTEXT_SKILLS = [
    "perform software unit testing",
    "operate radio equipment",
    "test electrical equipment",
    "milk animals",
    "sell services",
]


def test_extract_reads_the_context_words_only_in_their_context():
    linker = SkillLinker(
        [skill_entry(i, x, (), scheme="t14") for i, x in enumerate(_CONTEXT_SKILLS)],
        FakeEncoder(dim=64),
    )
    linker.build()
    read = lambda text: {x.preferred_label for x in linker.extract(text)}  # noqa: E731
    assert "perform software unit testing" in read("Developer writing unit tests in Python")
    assert "perform software unit testing" not in read("unit tests on every batch of beer")
    assert "operate radio equipment" in read("Army signaller for 8 years")
    assert "operate radio equipment" not in read("Crane signaller on a building site")
    assert "test electrical equipment" in read("Electrician: rewires, testing and inspection")
    assert "test electrical equipment" not in read("Bakery: testing and inspection of loaves")
    assert "milk animals" in read("Farm hand on a dairy farm, milking twice a day")
    assert "milk animals" not in read("He was milking it for all it was worth")
    assert "sell services" in read("Sales rep selling printing services")


def _pair_hit(text, first, second):
    start, end = text.index(first), text.index(second) + len(second)
    return AliasHit(0, start, end, text[start:end], CURATED, 3, 1, pair=True)


def test_a_verb_and_the_words_between_it_and_its_object_read_no_skill():
    text = "selling printing services to local businesses"
    hits = [_pair_hit(text, "selling", "services")]
    span = lambda words: (text.index(words), text.index(words) + len(words))  # noqa: E731
    assert _in_pair(hits, *span("selling printing"))
    assert _in_pair(hits, *span("printing services"))
    assert not _in_pair(hits, *span("printing"))  # alone: read as before
    assert not _in_pair(hits, *span("selling printing services"))  # the whole rule's words
    assert not _in_pair(hits, *span("services to local"))  # past the rule
    word = AliasHit(0, 0, 16, "selling printing", CURATED, 2, 1)  # no pair: its words its own
    assert not _in_pair([word], *span("selling printing"))


def _skill(i, label, alts=(), kind="knowledge"):
    return skill_entry(i, label, alts, kind, scheme="t14k")


SKILLS = [
    _skill(0, "law enforcement", ("rules enforcement",)),
    _skill(1, "accounting"),
    _skill(2, "Python", kind="technology"),
    _skill(3, "patrol areas", kind="skill/competence"),
    _skill(4, "electrical household goods market"),
    _skill(5, "wild game meat food safety", ("regulations in food safety management",)),
    _skill(6, "food safety principles"),
    _skill(7, "advise supervisors", kind="skill/competence"),
    _skill(8, "sales strategies"),
    _skill(9, "notify supervisor", ("tell supervisor",), kind="skill/competence"),
    _skill(10, "develop ICT device driver", kind="skill/competence"),
]
TITLES = ["security guard", "Security Officer", "accountant", "domestic electrician"]
TITLES += ["Python developer", "security guard supervisor", "patrol officer", "supervisor"]
TITLES += ["driver"]
ROWS = {s.preferred_label: row for row, s in enumerate(SKILLS)}


@pytest.fixture(scope="module")
def fields():
    return TitleFields(SKILLS, TITLES)


def test_a_jobs_title_names_no_field_it_does_not_say(fields):
    assert fields.is_title("Security Officer") and fields.is_title("security  officer")
    assert not fields.is_title("Security Officer at a shopping centre")
    assert fields.unnamed_field(ROWS["law enforcement"], "Security Officer")
    # a field the title names (its stem), a tool, a competence, words that are no title
    assert not fields.unnamed_field(ROWS["accounting"], "Accountant")
    assert not fields.unnamed_field(ROWS["electrical household goods market"], "electrician")
    assert not fields.unnamed_field(ROWS["Python"], "Python developer")
    assert not fields.unnamed_field(ROWS["patrol areas"], "Patrol officer")
    assert not fields.unnamed_field(ROWS["law enforcement"], "enforcing the rules")
    assert shares_stem(["accounting"], ["accountant"]) and not shares_stem(["law"], ["lawn"])


def test_a_title_alone_reads_no_competence_done_to_its_person(fields):
    assert fields.done_to_the_title(ROWS["notify supervisor"], "Supervisor")
    assert fields.done_to_the_title(ROWS["develop ICT device driver"], "Driver")
    assert not fields.done_to_the_title(ROWS["notify supervisor"], "my supervisor")  # no title
    assert not fields.done_to_the_title(ROWS["patrol areas"], "Patrol officer")  # not its end
    assert not fields.done_to_the_title(ROWS["law enforcement"], "Security Officer")  # a field


def test_a_kind_said_in_more_words_than_one():
    unmeant = Unmeant(SKILLS, TITLES)
    row, name = ROWS["wild game meat food safety"], "wild game meat food safety"
    assert unmeant.kind_of(row, name, "Food safety", "Food safety level 2")
    assert not unmeant.kind_of(row, name, "Food safety", "Wild game meat: food safety")
    principles = "food safety principles"  # the words first, not last: no kind of them
    assert not unmeant.kind_of(ROWS[principles], principles, "Food safety", "Food safety level 2")
    assert not unmeant.kind_of(row, name, name, "")  # all its words said
    # a head before "of" is no kind of the words after it
    assert not unmeant.kind_of(row, "rules of food safety", "food safety", "Food safety level 2")


def test_a_managing_role_alone_is_one_person():
    unmeant = Unmeant(SKILLS, TITLES)
    blocked = lambda text: {SKILLS[r].preferred_label for r in unmeant.managing(text)}  # noqa: E731
    assert "advise supervisors" in blocked("Supervisor, Next")
    assert "advise supervisors" in blocked("Security supervisor at a shopping centre")
    assert "advise supervisors" not in blocked("I advise supervisors and managers")
    assert "advise supervisors" not in blocked("Manager of three supervisors")


def _plan(label, sentence, words):
    at = sentence.index(words)
    return unsaid_plan(label, sentence, at, at + len(words))


def test_a_field_standing_alone_is_not_its_strategy():
    assert _plan("sales strategies", "Skills: Sales, customer service", "Sales")
    assert _plan("sales strategies", "Sales", "Sales")
    assert _plan("sales policies", "Retail, sales and marketing", "sales")
    assert not _plan("sales strategies", "Planning: sales, targets", "sales")  # planning said
    assert not _plan("sales strategies", "Skills: sales strategy", "sales strategy")
    assert not _plan("sales activities", "Sales", "Sales")  # no word of planning
    assert not _plan("marketing strategies", "Sales", "Sales")
    # within a phrase: a posting's "complex pricing calculations" (HOUSE: *pricing strategies*)
    assert not _plan("pricing strategies", "handle complex pricing calculations", "pricing")
    assert not _plan("sales strategies", "influence the sales of projects", "sales")


def test_extract_drops_the_title_field_on_the_linker():
    linker = SkillLinker(SKILLS, FakeEncoder(dim=64), vocabulary=TITLES)
    linker.build()
    assert linker.unmeant.title_fields.is_title("Security Officer")


def _growth(read, make, n=5_000):
    """Seconds for an input four times as long over seconds for `make(n)` (best of 3 each):
    about 4 where the time grows linearly, 16 where it grows with the square."""

    def best(x):
        text = make(x)
        times = []
        for _ in range(3):
            t0 = time.perf_counter()
            read(text)
            times.append(time.perf_counter() - t0)
        return max(min(times), 1e-3)  # under a millisecond: no growth to measure

    return best(4 * n) / best(n)


_FIELDS, _UNMEANT = TitleFields(SKILLS, TITLES), Unmeant(SKILLS, TITLES)


@pytest.mark.parametrize(
    ("read", "make", "n"),
    [
        (lambda t: find_pairs(t, SERVICE_PAIRS), lambda n: "selling " * n + "services", 5_000),
        (lambda t: find_pairs(t, SERVICE_PAIRS), lambda n: "renting my chair " * n, 5_000),
        (lambda t: unsaid_plan("sales strategies", t, 0, len(t)), lambda n: "sales, " * n, 50_000),
        (_FIELDS.is_title, lambda n: "security officer " * n, 50_000),
        (_UNMEANT.managing, lambda n: "Supervisor, " * n, 5_000),
        (
            lambda t: _UNMEANT.kind_of(5, "wild game meat food safety", t, t),
            lambda n: "food " * n,
            50_000,
        ),
    ],
)
def test_hostile_long_and_repeated_input_grows_linearly(read, make, n):
    assert _growth(read, make, n) < 8


_ELECTRICIANS = ["test electrical equipment", "inspect electrical supplies"]
_ELECTRICIANS += ["quality assurance procedures"]


@pytest.fixture(scope="module")
def electricians():
    linker = SkillLinker(
        [skill_entry(i, x, (), scheme="t14e") for i, x in enumerate(_ELECTRICIANS)],
        FakeEncoder(dim=64),
    )
    linker.build()
    return linker


def test_a_role_reading_reads_no_unit_a_curated_word_owns(electricians):
    text = "Domestic electrician: rewires, testing and inspection"
    kept = {u.text for _, u in _unowned(electricians, units(text))}
    assert text in kept  # the sentence is read
    assert not kept & {"inspection", "testing", "testing and inspection"}
    other = "Food factory: testing and inspection of loaves"  # no context: no curated word
    assert _unowned(electricians, units(other)) == units(other)


def test_a_role_readings_owned_units_grow_linearly(electricians):
    read = lambda t: _unowned(electricians, units(t))  # noqa: E731
    assert _growth(read, lambda n: "electrician, testing and inspection; " * n, 200) < 8


@pytest.mark.parametrize(
    "text",
    ["Domestic electrician: testing and inspection", "IT support, unit tests", "Army signaller",
     "testing and inspection", "", "Farm hand milking, milking, milking the cows"],
)  # fmt: skip
def test_a_texts_context_words_answer_as_has_context(text):
    said = ContextWords(text)
    owns = [(0, 0), (0, len(text)), (0, 9), (5, 20), (len(text) // 2, len(text))]
    for context in ("", ELECTRICAL, FARM, MILITARY, TECHNOLOGY):
        for own in owns:
            assert said.has(context, own) == has_context(text, context, own), (context, own)


def test_many_curated_words_of_one_sentence_are_read_in_linear_time(electricians):
    read = electricians.lexical  # each hit asks its context: once a scan of the sentence each
    assert _growth(read, lambda n: "electrician, testing and inspection; " * n, 200) < 8
