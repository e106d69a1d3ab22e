"""A learner's whole CV, a second round (docs/quality.md): bank holidays worked, a purchase or
sales ledger kept and families supported are read by `indexing.trade_pairs` rules, so "bank"
reads no *banking activities*, "ledger" no *manage the general ledger* and "supporting
families" no *family therapy*. The real model: `skillmatch eval extraction
tests/fixtures/cv_lines.json` (the last 6 lines)."""

from __future__ import annotations

import time

import pytest

from indexing.lone_verbs import lone_verb
from indexing.trade_pairs import PAIRS, TRADE_PAIRS
from indexing.word_pairs import find_pairs

_EMPOWER = "empower individuals, families and groups"
_NEW = {"perform services in a flexible manner", "maintain financial records", _EMPOWER}


def _named(text):
    return {s for *_, rule in find_pairs(text, TRADE_PAIRS) for s in rule.skills}


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Worked bank holidays and weekends", "perform services in a flexible manner"),
        ("happy to work evenings and bank holidays", "perform services in a flexible manner"),
        ("Processing purchase ledger invoices", "maintain financial records"),
        ("kept the sales ledger up to date", "maintain financial records"),
        ("matching supplier invoices to orders", "maintain financial records"),
        ("Supporting families when a resident is dying", _EMPOWER),
        ("supported the family through a crisis", _EMPOWER),
        ("supporting residents and their families", _EMPOWER),
    ],
)  # fmt: skip
def test_a_cvs_words_name_their_skill(text, skill):
    assert skill in _named(text)


@pytest.mark.parametrize(
    "text",
    [
        "Cashier at a bank",  # a bank's work, no holiday
        "Booked family holidays for customers",  # no bank
        "general ledger reconciliations",  # not a purchase or sales ledger
        "Supported the team with family events",  # the team supported, not the families
        "",
    ],
)
def test_words_that_are_not_the_rule_name_nothing(text):
    assert not _named(text) & _NEW


def test_hostile_lines_are_read_quickly():
    t0 = time.perf_counter()
    for text in (
        "bank " * 20_000,
        "supporting families, " * 5_000,
        "ledger" * 30_000 + " purchase",
    ):
        find_pairs(text, PAIRS)
    assert time.perf_counter() - t0 < 10.0


def _lone(text, word):
    at = text.index(word)
    return lone_verb(text, at, at + len(word))


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("- Writing and reviewing care plans", "Writing"),
        ("Wrote and reviewed care plans", "Wrote"),
        ("* Reading with pupils", "Reading"),
        ("Logging tickets in ServiceNow", "Logging"),
        ("Recording fluid intake", "Recording"),
        ("WRITING REPORTS", "WRITING"),
    ],
)
def test_a_verb_of_recording_with_words_after_it_is_not_read_alone(text, word):
    assert _lone(text, word)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Writing, editing and proofreading", "Writing"),  # a list of crafts
        ("Report writing", "writing"),  # the object before it
        ("Creative writing\nReading", "writing"),  # the line ends
        ("Skills: reading", "reading"),
        ("Welding and fabricating steel frames", "Welding"),  # no verb of recording
        ("Rewriting the menu", "writing"),  # part of a word
        ("Readings of meters", "Readings"),
    ],
)
def test_a_verb_alone_or_another_word_is_read_as_before(text, word):
    assert not _lone(text, word)


def test_hostile_text_is_read_quickly():
    t0 = time.perf_counter()
    text = "Writing " + " " * 200_000 + "x"
    for _ in range(1_000):
        lone_verb(text, 0, 7)
    assert time.perf_counter() - t0 < 5.0
