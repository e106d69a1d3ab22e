"""Names before a title's trade ("REME vehicle mechanic", "Tesco cashier"): an employer's or a
unit's name, dropped where a job in a learner's words names no occupation surely
(`TitleResolver.without_names`, `service.profiles.experience`)."""

from __future__ import annotations

import pytest

from tests.titles.small_resolver import small_resolver

ROWS = [
    (1, "7231", "vehicle technician", ["vehicle mechanic", "motor mechanic"], "Repairs vehicles."),
    (2, "5230", "cashier", ["supermarket cashier", "checkout operator"], "Takes payments."),
    (3, "2151", "electrical engineer", ["electrical design engineer"], "Designs circuits."),
    (4, "3256", "healthcare assistant", ["care assistant"], "Helps nurses on the ward."),
]


@pytest.fixture(scope="module")
def resolver():
    return small_resolver(ROWS)


@pytest.mark.parametrize(
    ("title", "trade"),
    [
        ("REME vehicle mechanic", "vehicle mechanic"),  # a unit's name, in capitals
        ("Tesco cashier", "cashier"),  # an employer's name
        ("Tesco Express cashier", "cashier"),  # two names
        ("NHS healthcare assistant", "healthcare assistant"),
    ],
)
def test_names_before_the_trade_are_dropped(resolver, title, trade):
    assert resolver.without_names(title) == trade


@pytest.mark.parametrize(
    "title",
    [
        "vehicle mechanic",  # every word known
        "Vehicle mechanic",  # known, capitalised at a sentence's start
        "Electrcal engineer",  # a misspelling of a known word is no name
        "tesco cashier",  # a name is written with a capital
        "Tesco",  # a word must be left
        "Aspiring cashier",  # an aim, not an employer: an aspiring cashier has not worked as one
        "Budding vehicle mechanic",
    ],
)
def test_a_title_of_known_words_or_a_typo_keeps_every_word(resolver, title):
    assert resolver.without_names(title) is None
