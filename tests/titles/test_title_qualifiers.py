"""A typed title's qualifying first word ("student nurse", "night porter", "assistant store
manager": service/titles/qualifiers.py), IT support's lines ("2nd line support engineer":
words.LINE_SUPPORT) and titles of level words alone ("junior trainee"). Pure string tests, then
the hashing encoder (tests/titles/test_title_tiers.py)."""

from __future__ import annotations

import pytest

from service.titles.qualifiers import level_note, level_said_last, only_level, unqualified
from service.titles.resolver import NO_MATCH, ONLY_LEVEL
from service.titles.words import expand_abbreviations, normalise_title
from tests.titles.test_title_tiers import _resolver


@pytest.mark.parametrize(
    ("cleaned", "rest", "dropped"),
    [
        ("student nurse", "nurse", "student"),
        ("student social worker", "social worker", "student"),
        ("night care assistant", "care assistant", "night"),
        ("bank nurse", "nurse", "bank"),
        ("agency support worker", "support worker", "agency"),
        ("relief chef", "chef", "relief"),
        # the bank's or the agency's own work, student services: the first word names the trade
        ("bank examiner", "bank examiner", ""),
        ("agency legal counsel", "agency legal counsel", ""),
        ("student affairs director", "student affairs director", ""),
        ("student loan counselor", "student loan counselor", ""),
        ("assistant store manager", "store manager", "assistant"),
        ("deputy nursery manager", "nursery manager", "deputy"),
        # what stays: a bare level word after the qualifier, another occupation's deputy, one word
        ("night manager", "night manager", ""),
        ("relief worker", "relief worker", ""),
        ("assistant manager", "assistant manager", ""),
        ("assistant accountant", "assistant accountant", ""),
        ("deputy head", "deputy head", ""),
        ("nurse", "nurse", ""),
        ("", "", ""),
    ],
)
def test_a_qualifying_first_word_is_dropped_only_before_a_word_of_work(cleaned, rest, dropped):
    assert unqualified(cleaned) == (rest, dropped)


@pytest.mark.parametrize(
    "title",
    ["junior trainee", "Senior Intern (m/f/d)", "Trainee", "student", "Junior Intern - London"]
    + ["graduate", "Graduate (m/f/d)"],
)
def test_titles_of_level_words_alone_name_no_trade(title):
    assert only_level(title)


@pytest.mark.parametrize(
    "title",
    ["", "🙂", "trainee nurse", "head chef", "night porter", "étudiant", "junior dev"]
    + ["graduate nurse", "graduate engineer"],
)
def test_a_title_with_a_word_of_work_or_no_word_is_not_level_alone(title):
    assert not only_level(title)


def test_the_note_says_the_learner_level_words_left_out_and_only_those():
    assert "'student'" in (level_note("student nurse", "student") or "")
    assert "'trainee'" in (level_note("Trainee Accountant") or "")
    assert "'assistant'" in (level_note("assistant store manager", "assistant") or "")
    assert level_note("student counsellor") is None  # kept: it names the occupation
    assert level_note("night porter", "night") is None  # an employment, not a level
    assert level_note("data analyst") is None


@pytest.mark.parametrize(
    ("title", "cleaned"),
    [
        ("2nd line support engineer", "ICT support engineer"),
        ("1st Line IT Support Analyst", "ICT support analyst"),
        ("Second-line support (m/f/d)", "ICT support"),
        ("third line support engineer", "ICT infrastructure support engineer"),
        ("3rd line IT engineer", "ICT infrastructure engineer"),
        ("first line manager", "first line manager"),  # a manager, no IT support
        ("First-Line Production Supervisor", "first-line production supervisor"),
        ("production line operative", "production line operative"),
    ],
)
def test_it_support_lines_are_said_as_ict(title, cleaned):
    assert expand_abbreviations(normalise_title(title)) == cleaned


def test_a_very_long_or_unicode_title_is_cleaned_without_error():
    long = "student " * 3000 + "nurse"
    assert unqualified(normalise_title(long))[0].split()[-1] == "nurse"
    assert only_level("trainee " * 3000)
    assert normalise_title("2ⁿᵈ line support") != ""


def test_a_title_of_level_words_alone_is_no_match_with_its_reason():
    got = _resolver().resolve("Junior Trainee")
    assert not got.confident and got.candidates == [] and got.warning == ONLY_LEVEL
    assert _resolver().resolve("🙂").warning == NO_MATCH  # no word: still no match


def test_a_qualified_title_reads_as_its_occupation_with_a_note():
    r = _resolver()
    plain = r.resolve("aircraft pilot")
    got = r.resolve("student aircraft pilot")
    assert got.confident and got.query == "aircraft pilot"
    assert got.candidates[0].occupation_id == plain.candidates[0].occupation_id == 8
    assert "'student'" in (got.note or "") and plain.note is None


def test_an_exact_label_keeps_its_qualifying_word():
    # "night nurse" is *nursing aide*'s label here: the title as written names it
    r = _resolver(curated={"night nurse": (7,)})
    got = r.resolve("night nurse")
    assert got.query == "night nurse" and got.candidates[0].occupation_id == 7


def test_a_known_title_with_its_qualifier_stays_whole():
    """ "Night Filler", "Student Teacher" are known titles: read whole, as close as any reading
    without the qualifier ("nurse assistant" is an exact label here), they stay whole."""
    r = _resolver(memory_rows=[("night nurse assistant", (6,))])
    got = r.resolve("night nurse assistant")
    assert got.query == "night nurse assistant" and got.note is None
    assert r.resolve("relief nurse assistant").query == "nurse assistant"  # no known title


@pytest.mark.parametrize(
    ("title", "said"),
    [
        ("plumbing apprentice", "apprentice"),
        ("Electrical Trainee", "trainee"),
        ("apprentice plumber", ""),  # said first: the title names its trade whole
        ("apprentice", ""),
        ("junior trainee", ""),  # no trade
        ("assistant apprentice", ""),
        ("nursing student", ""),  # said last and read by `unqualified` already
    ],
)
def test_a_learner_level_said_last_that_the_cleaning_drops_is_found(title, said):
    assert level_said_last(title) == said
