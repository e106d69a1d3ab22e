"""Misspelt words of a typed title said as the known titles spell them (service/titles/spelling.py)
and the resolver reading the corrected title only when it reads better."""

from __future__ import annotations

import pytest

from service.titles.spelling import Speller, one_edit

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


@pytest.mark.slow
@pytest.mark.parametrize(
    ("typed", "occupation"),
    [
        ("Translater", "translator"),  # no confident match as typed
        ("recepsionist", "receptionist"),
        ("hairdreser", "hairdresser"),
        ("electrcian", "electrician"),
        ("acountant", "accountant"),
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
    "title", ["bookkeeper", "sommelier", "Head of Customer Services", "trainee", "Weeder", "Serger"]
)
def test_titles_spelt_right_are_read_as_before_on_the_real_model(real_runtime, title):
    res = real_runtime.titles.resolve(title)
    assert not (res.note or "").startswith(f"'{title}' read as")
