"""Round h-titles10: jobs a CV names that were not read or misread ("Chef de partie running the
grill section", "section commander" after a comma, "Ran the PA": *executive assistant*,
"Funeral director's assistant": the director), titles several trades use, and hostile inputs."""

from __future__ import annotations

import pytest

from service.profiles.experience import before_doing_word, title_phrases
from tests.growth import assert_linear
from tests.profiles.reading import jobs_read


@pytest.mark.parametrize(
    ("text", "phrases"),
    [
        # a phrase too long for a title: the words before its first word of doing
        ("Chef de partie running the grill section", ["Chef de partie"]),
        ("Chef de partie managing a brigade of eight", ["Chef de partie"]),
        # the -ing word names the kind of the person's word after it: no word of doing
        ("Chef de partie catering manager trainee", []),
        # "hard working" is no word of doing: a quality, left out before the title (words 13)
        ("Reliable hard working kitchen porter person", ["kitchen porter person"]),
        # a job said after a comma or colon, where a person's word and a word of doing follow
        ("10 years infantry, section commander leading 8 soldiers", ["section commander"]),
        ("Warehouse: team leader running the night shift", ["Warehouse", "team leader"]),
        ("Cleaning, cooking, shopping", ["Cleaning"]),  # no person's word doing: no more
        ("Kitchen porter, then cook", ["Kitchen porter"]),
        # a verb and its object are no title
        ("Ran the PA for my band", []),
        ("Led a team of ten", []),
        ("Grade A mechanic", ["Grade A mechanic"]),  # a capital A is no article
    ],
)
def test_phrases_of_this_round(text, phrases):
    assert [p for p, *_ in title_phrases(text)] == phrases


@pytest.mark.parametrize(
    ("title", "head"),
    [
        ("Chef de partie running the grill section", "Chef de partie"),
        ("Senior nursing assistant helping the residents", "Senior nursing assistant"),
        ("Hard working kitchen porter person", None),  # no object: a word of a kind
        ("running the pass", None),  # nothing before the word of doing
        ("Chef de partie", None),
        ("Viking the ship builder on the coast", None),  # a name's capital: no word of doing
    ],
)
def test_the_words_before_a_word_of_doing(title, head):
    assert before_doing_word(title) == head


def test_a_span_of_a_phrase_after_a_comma_is_its_own():
    text = "Army veteran: 10 years infantry, section commander leading 8 soldiers"
    got = [(p, s, e) for p, s, e in title_phrases(text) if p == "section commander"]
    assert got and all(text[s:e] == p for p, s, e in got)


def test_hostile_inputs_of_this_round_are_read_in_linear_time():
    assert list(title_phrases(", " * 20_000)) == []
    assert list(title_phrases("x, " * 20_000)) != []  # each "x" a phrase, found once
    assert list(title_phrases("a running " * 20_000)) == [("a", 0, 1)]
    assert before_doing_word("aing " * 20_000) is None
    assert before_doing_word("x" * 50_000 + "ing the") is None  # no word before it
    assert before_doing_word("a" + " xing" * 20_000) is None
    assert list(title_phrases("Ran the " * 20_000)) == []
    assert list(title_phrases(": section commander leading ☕\x00 —: x")) == [
        ("section commander", 2, 19)
    ]
    phrases = lambda text: list(title_phrases(text))  # noqa: E731
    for make in (lambda n: ", " * n, lambda n: "x, " * n, lambda n: "a running " * n,
                 lambda n: "Ran the " * n):  # fmt: skip
        assert_linear(phrases, make)
    for make in (lambda n: "aing " * n, lambda n: "x" * n + "ing the", lambda n: "a" + " xing" * n):
        assert_linear(before_doing_word, make)


# the learner's words -> the ESCO occupations read from them (none: no job)
REAL = [
    ("Chef de partie running the grill section", ["chef"]),
    ("Army veteran: 10 years infantry, section commander leading 8 soldiers",
     ["infantry soldier", "army corporal"]),
    ("Bin man for six years", ["refuse collector"]),
    ("Pharmacy dispenser at Boots", ["pharmacy assistant"]),
    ("Kennel assistant", ["kennel worker"]),
    ("Service desk manager for an NHS trust", ["ICT help desk manager"]),
    ("Carer for a home care agency, 4 years", ["home care aide"]),
    ("Scaffolder for 5 years, CISRS card", ["construction scaffolder"]),
    # a verb and its object: no executive assistant
    ("Ran the PA for my band and at church on Sundays.", []),
    # a helper of the trade the possessive names is not that trade
    ("Funeral director's assistant", []),
    # titles several trades use for their own job name none of them
    ("Registered manager of a 40-bed nursing home", []),
    ("Production planner in a bakery, scheduling the lines", []),
    ("Care coordinator for a home care agency", []),
    ("Plant operator on building sites: telehandler and dumper", []),
]  # fmt: skip


@pytest.mark.slow
@pytest.mark.parametrize(("text", "labels"), REAL)
def test_the_jobs_of_this_round_on_the_real_model(real_runtime, text, labels):
    assert jobs_read(real_runtime, text) == labels
