"""Round h-titles9: jobs a CV names that were not read or misread ("IT support technician",
"Data analyst using Excel", "10 years infantry", "Served in the infantry"), and a CV's job that
names no job ("Electrician's mate"); hostile inputs."""

from __future__ import annotations

import pytest

from service.profiles.experience import title_before_doing, title_phrases
from service.profiles.said_jobs import INFANTRY_SOLDIER, said_titles
from tests.growth import assert_linear
from tests.profiles.reading import jobs_read


@pytest.mark.parametrize(
    ("text", "phrases"),
    [
        # "IT" in capitals is a title's word, not the pronoun
        ("IT support technician: resetting passwords", ["IT support technician"]),
        ("IT technician at a secondary school", ["IT technician"]),
        ("It was a busy shop", []),
        ("it was busy", []),
        # a lone verb of the past is what the learner did ("Served" read as a waiter)
        ("Served in the infantry for 8 years", []),
        ("Managed, then trained new starters", []),
        ("Registered nurse for ten years", ["Registered nurse"]),
        ("Red", ["Red"]),  # too short to be a verb of the past: left to the resolver
    ],
)
def test_capitals_and_verbs_of_the_past_at_a_sentence_head(text, phrases):
    assert [p for p, start, _ in title_phrases(text) if start == 0] == phrases


@pytest.mark.parametrize(
    ("title", "head"),
    [
        ("Data analyst using Excel", "Data analyst"),
        ("Systems analyst designing payroll software", "Systems analyst"),
        ("Data analyst", None),  # no word of doing
    ],
)
def test_an_analyst_before_a_word_of_doing(title, head):
    assert title_before_doing(title) == head


def test_a_phrase_short_enough_for_a_title_is_kept_whole_for_the_resolver_first():
    # four words: read whole first, cut before "using" only when the whole names no job
    got = [p for p, *_ in title_phrases("Data analyst using Excel and SQL to build reports")]
    assert got == ["Data analyst using Excel"]


@pytest.mark.parametrize(
    "text",
    [
        "Army veteran: 10 years infantry, section commander leading 8 soldiers",
        "Served in the infantry for 8 years",
        "ten years in the infantry.",
        "Twelve years in infantry",
        "serving in the infantry until 2019",
    ],
)
def test_years_in_the_infantry_name_an_infantry_soldier(text):
    assert [t for t, *_ in said_titles(text)] == [INFANTRY_SOLDIER]


@pytest.mark.parametrize(
    "text",
    [
        "served in the infantry as a medic",  # the title after "as" is read instead
        "3 years infantry tactics notes",  # the arm does not end the phrase
        "infantry",
        "I read about the infantry for years",
        "10 years artillery",  # another arm: ESCO's occupations are its officers'
    ],
)
def test_other_words_of_the_infantry_name_no_soldier(text):
    assert list(said_titles(text)) == []


def test_hostile_inputs_of_this_round_are_read_in_linear_time():
    assert list(said_titles("10 years " * 20_000)) == []
    assert list(said_titles("served in the " * 20_000)) == []
    long_one = "x" * 5000 + " years " * 3000 + "infantry"
    assert [t for t, *_ in said_titles(long_one)] == [INFANTRY_SOLDIER]
    assert list(said_titles("10 years infantry" + " " * 20_000 + "as a medic")) == []
    assert list(title_phrases("Served" * 20_000)) == []
    assert len(list(title_phrases("IT;" * 20_000))) == 20_000
    assert title_before_doing("analyst " * 20_000) is None
    assert list(title_phrases("IT — support ☕\x00 —: technician")) == [("IT", 0, 2)]
    said = lambda text: list(said_titles(text))  # noqa: E731
    phrases = lambda text: list(title_phrases(text))  # noqa: E731
    for make in (lambda n: "10 years " * n, lambda n: "served in the " * n,
                 lambda n: "10 years infantry" + " " * n + "as a medic"):  # fmt: skip
        assert_linear(said, make)
    for make in (lambda n: "Served" * n, lambda n: "IT;" * n):
        assert_linear(phrases, make)
    assert_linear(title_before_doing, lambda n: "analyst " * n)


# the learner's words -> the ESCO occupations read from them (none: no job)
REAL = [
    ("Data analyst using Excel and SQL to build weekly sales reports", ["data analyst"]),
    ("IT support technician: resetting passwords, fixing laptops", ["ICT help desk agent"]),
    # the section commander after the comma is read since round h-titles10
    ("Army veteran: 10 years infantry, section commander leading 8 soldiers",
     ["infantry soldier", "army corporal"]),
    ("Served in the infantry for 8 years", ["infantry soldier"]),
    # a mate is not yet an electrician: an electrician's essentials are not held
    ("Electrician's mate for two years", []),
    # a title several trades use for their own job names none of them
    ("Service manager at a busy garage", []),
]  # fmt: skip


@pytest.mark.slow
@pytest.mark.parametrize(("text", "labels"), REAL)
def test_the_jobs_of_this_round_on_the_real_model(real_runtime, text, labels):
    assert jobs_read(real_runtime, text) == labels
