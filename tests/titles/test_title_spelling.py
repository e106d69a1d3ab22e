"""Misspelt words of a typed title said as the known titles spell them (service/titles/spelling.py)
and the resolver reading the corrected title only when it reads better."""

from __future__ import annotations

import pytest

from service.titles.choice import spelt_better
from service.titles.resolver import TitleCandidate, TitleResolution
from service.titles.spelling import Speller, one_edit, sure_typos

VOCAB = (
    ["bookkeeper"] * 5
    + ["zookeeper"] * 9
    + ["manager"] * 40
    + ["manger"]
    + ["translator"] * 3
    + ["electrician"] * 4
    + ["security", "guard", "vines", "trainee"]
    + ["vlogger"] * 3
    + ["blogger"] * 20
)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("bookeeper", "bookkeeper", True),  # a letter left out
        ("supervisior", "supervisor", True),  # a letter added
        ("translater", "translator", True),  # a letter changed
        ("secuirty", "security", True),  # two neighbours swapped
        ("secuirty", "secuirty", False),  # the same word
        ("electrcain", "electrician", False),  # two edits
        ("abc", "abcde", False),
    ],
)
def test_one_edit(a, b, expected):
    assert one_edit(a, b) is expected
    assert one_edit(b, a) is expected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("bookeeper", "bookkeeper"),  # same first letter before the commoner zookeeper
        ("translater", "translator"),
        ("electrcian", "electrician"),
        ("secuirty", "security"),
        ("manger", "manager"),  # a rare word of the vocabulary, a typo of a far commoner one
        ("manager", None),  # a common word of the vocabulary
        ("vlogger", None),  # a word of three titles is no typo, however common its neighbour
        ("vibes", None),  # too short to correct
        ("trainee", None),
        ("qqqqqqqq", None),  # nothing near
        ("c++dev", None),  # not letters
        ("", None),
    ],
)
def test_a_misspelt_word_is_said_as_the_vocabulary_spells_it(typed, expected):
    assert Speller(VOCAB).word(typed) == expected


def test_a_title_keeps_its_other_words_as_typed():
    speller = Speller(VOCAB)
    assert speller.correct("Senior Secuirty Guard (m/f/d)") == "Senior security Guard (m/f/d)"
    assert speller.correct("Security Guard") is None
    assert speller.correct("x" * 10_000) is None  # a hostile length: one word, nothing near


@pytest.mark.parametrize(
    ("typed", "spelt", "sure"),
    [
        ("bookeeper", "bookkeeper", True),  # a long word, a letter left out
        ("warehouse supervisior", "warehouse supervisor", True),
        ("Senior Bookeeper (m/f/d)", "Senior bookkeeper (m/f/d)", True),
        ("Weeder", "welder", False),  # short: rare trade words lie one letter from common ones
        ("Pleating Supervisor", "plating Supervisor", False),  # 8 letters
        ("Clocksmith", "locksmith", False),  # the first letter
        ("Petrologist", "metrologist", False),
        ("Documents Scanner", "document Scanner", False),  # a plural's s
        ("bookeeper slinger", "bookkeeper singer", False),  # one word not sure: none
        ("bookkeeper", "bookkeeper", False),  # nothing changed
        ("", "", False),
    ],
)
def test_a_sure_typo_is_a_long_word_with_its_first_letter_and_no_plural_changed(typed, spelt, sure):
    assert sure_typos(typed, spelt) is sure


def _read(confident: bool, exact: bool) -> TitleResolution:
    tier = 4 if exact else 5
    first = TitleCandidate(1, 1.0, 1.0 if exact else 0.8, "x", "preferred", exact, tier)
    return TitleResolution("x", [first], confident, None)


def test_a_correction_is_read_where_the_typed_title_is_unsure_or_a_sure_typo_names_it():
    unsure, plain, named = _read(False, False), _read(True, False), _read(True, True)
    assert spelt_better(plain, unsure, sure=False)  # "Translater": no confident match as typed
    assert not spelt_better(unsure, unsure, sure=True)  # the correction reads no better
    assert not spelt_better(named, plain, sure=False)  # "Weeder": read as typed
    assert spelt_better(named, plain, sure=True)  # "bookeeper": a name of the taxonomy
    assert not spelt_better(plain, plain, sure=True)  # the correction names nothing either
    assert not spelt_better(named, named, sure=True)  # the typed title is a name itself


@pytest.mark.slow
@pytest.mark.parametrize(
    ("typed", "occupation"),
    [
        ("Translater", "translator"),  # no confident match as typed
        ("recepsionist", "receptionist"),
        ("hairdreser", "hairdresser"),
        ("electrcian", "electrician"),
        ("acountant", "accountant"),
        ("bookeeper", "bookkeeper"),  # read plainly as typed (*bookmaker*): a sure typo
        ("warehouse supervisior", "warehouse manager"),  # ESCO's "warehouse supervisor"
    ],
)
def test_misspelt_titles_on_the_real_model(real_runtime, typed, occupation):
    res = real_runtime.titles.resolve(typed)
    first = res.candidates[0]
    assert res.confident and res.warning is None
    assert real_runtime.titles.info[first.occupation_id].labels[0] == occupation
    assert res.note and res.note.startswith(f"'{typed}' read as '")


@pytest.mark.slow
@pytest.mark.parametrize(
    "title",
    [
        *("bookkeeper", "sommelier", "Head of Customer Services", "trainee", "Weeder", "Serger"),
        # O*NET's rare trade words one letter from a label's (docs/planning.md, "Misspelt titles")
        *("Slinger", "Woodsman", "Clocksmith", "Pleating Supervisor", "Documents Scanner"),
    ],
)
def test_titles_spelt_right_are_read_as_before_on_the_real_model(real_runtime, title):
    res = real_runtime.titles.resolve(title)
    assert not (res.note or "").startswith(f"'{title}' read as")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Fork lift driver", "forklift driver"),
        ("fork-lift truck driver", "forklift truck driver"),
        ("senior hair dresser", "senior hairdresser"),  # a pair after a word that joins none
        ("Hair dresser and fork lift driver", "hairdresser and forklift driver"),
        ("forklift driver", None),  # written closed already
        ("web site designer", None),  # "website" is no word of the vocabulary below
        ("hair  dresser", None),  # two spaces: two words
        ("lift fork", None),
    ],
)
def test_a_closed_word_written_as_two_is_joined(typed, expected):
    speller = Speller(["forklift", "hairdresser", "driver", "truck", "web", "site", "designer"])
    assert speller.joined(typed) == expected


def test_joining_is_linear_in_a_hostile_title():
    from tests.growth import assert_linear

    speller = Speller(["forklift", "hairdresser"])
    assert_linear(speller.joined, lambda n: "fork lift hair " * (n // 15))
    assert_linear(speller.joined, lambda n: "a-" * (n // 2))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("typed", "occupation"),
    [("Fork lift driver", "forklift operator"), ("hair dresser", "hairdresser")],
)
def test_a_closed_word_written_as_two_on_the_real_model(real_runtime, typed, occupation):
    res = real_runtime.titles.resolve(typed)
    assert real_runtime.titles.info[res.candidates[0].occupation_id].labels[0] == occupation
    assert res.note and res.note.startswith(f"'{typed}' read as '")
