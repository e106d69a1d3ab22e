"""The place a typed title names ("duty manager at a leisure centre": words.split_context) is
read as its trade ("leisure centre duty manager") when that reading is sure, else the title
alone is read (TitleResolver.resolve). Pure string tests, then the hashing encoder."""

from __future__ import annotations

import pytest

from service.titles.words import MAX_CONTEXT_WORDS, split_context
from tests.titles.test_title_tiers import _resolver, first


@pytest.mark.parametrize(
    ("title", "role", "place"),
    [
        ("duty manager at a leisure centre", "duty manager", "leisure centre"),
        ("Team Leader in a Contact Centre", "Team Leader", "contact centre"),
        ("driver for the NHS", "driver", "nhs"),
        ("HGV driver for a courier - London", "HGV driver", "courier"),
        ("Café manager at a café", "Café manager", "café"),
    ],
)
def test_a_place_after_a_preposition_and_an_article_is_split_off(title, role, place):
    assert split_context(title) == (role, place)


@pytest.mark.parametrize(
    "title",
    [
        "",
        "   ",
        "at a",
        "in the",
        "manager at a",  # no place
        "at a leisure centre",  # no title
        "nurse in training",  # no article: no place
        "Developer at Google",
        "head of operations",
        "manager at a " + " ".join(["very"] * (MAX_CONTEXT_WORDS + 1)) + " big shop",  # a sentence
        "🙂 at a 🙂",  # no word on either side
    ],
)
def test_titles_that_name_no_place_are_left_whole(title):
    assert split_context(title) == (title, "")


def test_a_very_long_title_is_split_or_left_without_error():
    title = "manager " * 2000 + "at a shop"
    role, place = split_context(title)
    assert place == "shop" and role.split() == ["manager"] * 2000


def test_a_sure_reading_with_the_place_first_wins():
    r = _resolver()
    # "kitchen manager" is an exact label of head chef; the bare "manager" is not
    assert first(r, "manager in a kitchen") == 4
    assert r.resolve("manager in a kitchen").query == "kitchen manager"


def test_a_place_that_makes_no_sure_reading_leaves_the_title_alone():
    r = _resolver()
    placed = r.resolve("zzqx qqzz helicopter pilot")
    assert placed.warning is not None  # the place first is unsure
    got = r.resolve("helicopter pilot at a zzqx qqzz")
    assert got.query == "helicopter pilot" and got.candidates[0].occupation_id in (8, 9)
    assert got.warning is None


def test_only_qualifiers_and_places_resolve_to_no_confident_match():
    r = _resolver()
    for title in ("junior at a", "trainee in the", "at the", "", "Senior (m/f/d) at a"):
        got = r.resolve(title)
        assert not got.confident and got.warning is not None


def test_description_similarity_is_zero_without_words_or_description():
    r = _resolver()
    assert r.description_similarity("", [1, 2]) == [0.0, 0.0]
    assert r.description_similarity("runs a kitchen", []) == []
    got = r.description_similarity("runs a kitchen " * 500 + "🙂 ünïcödé", [4, 999])
    assert got[1] == 0.0 and -1.0 <= got[0] <= 1.0 and got[0] != 0.0
