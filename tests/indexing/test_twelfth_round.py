"""A learner's words, a twelfth round (docs/quality.md): the trade rules of
`indexing.trade_pairs` (books, VAT returns, chased invoices, medication rounds, suspects, case
files, soldiers, cables, dogs exercised, stock rotated, a market stall, an IT line's accounts),
the words a rule may have between it (`WordPair.between`: "keeping the books", not "a log
book"), the new curated words (Office 365, Sage in a line about the books, Xero, PCR) and
acronyms named in a list (`indexing.extract._listed`: "Excel and SQL"). The real model:
`skillmatch eval extraction tests/fixtures/cv_lines.json` (the last 28 lines)."""

from __future__ import annotations

import time

import numpy as np
import pytest

from indexing.aliases import AliasHit
from indexing.context_aliases import (
    ACCOUNTS,
    MILITARY,
    POLICE,
    TECHNOLOGY,
    alias_contexts,
    curated_aliases,
    has_context,
)
from indexing.encoder import FakeEncoder
from indexing.extract import keep_in_unit
from indexing.linker import LinkerConfig, SkillLinker
from indexing.trade_pairs import PAIRS, TRADE_PAIRS
from indexing.word_pairs import WORD_PAIRS, find_pairs
from tests.indexing.entries import skill_entry


def _named(text):
    return {s for *_, rule in find_pairs(text, TRADE_PAIRS) for s in rule.skills}


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("bank reconciliations", "maintain financial records"),
        ("reconciling the bank statements", "identify accounting errors"),
        ("VAT returns", "prepare tax returns forms"),
        ("I do my own tax return", "prepare tax returns forms"),
        ("keeping the books", "maintain financial records"),
        ("I keep the club's books for the committee", "maintain financial records"),
        ("chasing unpaid invoices", "follow up accounts receivables"),
        ("chased late payments by phone", "follow up accounts receivables"),
        ("doing the medication rounds", "administer prescribed medication"),
        ("drug rounds on a ward", "administer prescribed medication"),
        ("her medication, meals and appointments", "administer prescribed medication"),
        ("interviewing suspects", "interview people"),
        ("interviewed witnesses", "interview people"),
        ("writing case files", "document evidence"),
        ("leading 8 soldiers", "lead military troops"),
        ("leading 8 soldiers", "lead a team"),
        ("Section commander", "lead a team"),
        ("pulling cables", "install low voltage wiring"),
        ("ran new cabling", "install low voltage wiring"),
        ("exercising the dogs", "implement exercise activities for animals"),
        ("rotating stock", "carry out stock rotation"),
        ("stock rotated daily", "carry out stock rotation"),  # a compound, read backwards
        ("Ran a market stall", "assist customers"),
        ("selling fruit and veg", "sell products"),
        ("setting up Office 365 accounts", "use access control software"),
        ("created accounts for new starters", "use access control software"),
    ],
)
def test_the_twelfth_rounds_rules_read_the_learners_words(text, skill):
    assert skill in _named(text)


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("chasing walls for new sockets", "follow up accounts receivables"),  # a wall chase
        ("We chased the deadline", "follow up accounts receivables"),
        ("Kept a log book of my driving hours", "maintain financial records"),  # between
        ("keep my books tidy", "maintain financial records"),  # the books end no phrase
        ("I booked the rooms", "maintain financial records"),
        ("handling customer returns", "prepare tax returns forms"),
        ("Returned to work after maternity leave", "prepare tax returns forms"),
        ("I take my medication every day", "administer prescribed medication"),  # my own
        ("Worked bank holidays and weekends", "maintain financial records"),
        ("Wrote the interview questions for suspects' families", "interview people"),
        ("I run 10k races", "install low voltage wiring"),
        ("exercise classes for older people", "implement exercise activities for animals"),
        ("rotating shifts", "carry out stock rotation"),
        ("market research", "assist customers"),
        ("sold my car", "sell products"),
    ],
)
def test_the_twelfth_rounds_rules_read_nothing_else(text, skill):
    assert skill not in _named(text)


def test_the_rounds_rules_are_read_with_the_earlier_ones():
    n = len(WORD_PAIRS)
    assert PAIRS[:n] == WORD_PAIRS and PAIRS[n : n + len(TRADE_PAIRS)] == TRADE_PAIRS
    assert all(r.context in ("", POLICE, MILITARY, TECHNOLOGY) for r in TRADE_PAIRS)


def test_rules_of_a_context_and_the_curated_words_need_theirs():
    assert has_context("Police officer writing case files", POLICE, (15, 33))
    assert not has_context("Social worker updating case files", POLICE)
    assert has_context("IT support setting up accounts", TECHNOLOGY, (11, 30))
    assert not has_context("Set up new accounts for customers at the bank", TECHNOLOGY)
    assert not has_context("Scout troop commander", MILITARY, (6, 21))
    # "Sage" is an accounting package in a line about the books, a herb in a kitchen's
    assert alias_contexts()["Sage"] == ACCOUNTS and "PCR" not in alias_contexts()
    assert has_context("the purchase ledger in Sage", ACCOUNTS, (23, 27))
    assert not has_context("Chef making sage and onion stuffing", ACCOUNTS, (11, 15))
    aliases = curated_aliases()
    assert "use microsoft office" in aliases["Office 365"]
    assert "use access control software" in aliases["Office 365 accounts"]
    assert "perform laboratory tests" in aliases["PCR"]


@pytest.mark.parametrize(
    "text",
    [
        "chasing " * 20_000 + "invoices",
        "keep " + "the " * 20_000 + "books",
        "bank, reconciliation; VAT: returns (medication) rounds!! " * 2_000,
        "chasing—invoices … ‘keeping’ the books? « soldiers » 8 leading",
        "",
        ",,,;;;...",
    ],
)
def test_hostile_texts_are_read_quickly(text):
    t0 = time.perf_counter()
    found = find_pairs(text, PAIRS)
    assert time.perf_counter() - t0 < 10
    assert all(0 <= a < b <= len(text) for a, b, _ in found)


def test_a_gap_too_long_or_a_clause_end_reads_nothing():
    assert not _named("chasing " + "the " * 10 + "invoices")
    assert not _named("keeping them. The books")
    assert not _named("bank; reconciliation")


def _hit(row, start, end, alias, kind="preferred"):
    return AliasHit(row, start, end, alias, kind, 1, 1)


def test_an_acronym_listed_with_a_kept_name_keeps_no_neighbours_margin():
    cfg = LinkerConfig()
    score = np.asarray([1.20, 0.95, 0.5], dtype=np.float32)  # Excel, SQL, another
    text = "Data analyst using Excel and SQL to build reports"
    hits = {0: _hit(0, 19, 24, "Excel"), 1: _hit(1, 29, 32, "SQL")}
    assert set(keep_in_unit(cfg, score, hits, True, 0.75, set(), text)) == {0, 1}
    # without the text (or another word between) the margin holds: 0.95 < 1.20 - 0.1
    assert set(keep_in_unit(cfg, score, hits, True, 0.75, set())) == {0}
    other = "with PowerShell and MS SQL you will"
    hits = {0: _hit(0, 5, 15, "PowerShell"), 1: _hit(1, 23, 26, "SQL")}
    assert set(keep_in_unit(cfg, score, hits, True, 0.75, set(), other)) == {0}
    # under the unit's least floor an acronym is not kept, listed or not
    low = np.asarray([1.20, 0.60, 0.5], dtype=np.float32)
    hits = {0: _hit(0, 19, 24, "Excel"), 1: _hit(1, 29, 32, "SQL")}
    assert set(keep_in_unit(cfg, low, hits, True, 0.75, set(), text)) == {0}


def test_extract_reads_the_rules_in_their_context():
    labels = ["document evidence", "use access control software", "use accounting systems"]
    labels += ["follow up accounts receivables", "lead a team", "use microsoft office"]
    linker = SkillLinker(
        [skill_entry(i, x, (), "skill/competence", scheme="t12") for i, x in enumerate(labels)],
        FakeEncoder(dim=64),
    )
    linker.build()
    read = lambda text: {x.preferred_label for x in linker.extract(text)}  # noqa: E731
    assert "document evidence" in read("Police officer, writing case files for the CPS")
    assert "document evidence" not in read("Social worker keeping case files up to date")
    assert "use accounting systems" in read("Bookkeeper: the purchase ledger in Sage")
    assert "use accounting systems" not in read("Chef making sage and onion stuffing")
    assert "use access control software" in read("IT support, setting up accounts for staff")
    assert "use access control software" not in read("Set up new accounts at the bank")
    assert "use microsoft office" in read("setting up Office 365 accounts")
    assert "follow up accounts receivables" in read("Credit controller chasing invoices")
    assert "follow up accounts receivables" not in read("Electrician's mate chasing walls")
    assert "lead a team" in read("Section commander in the infantry")
    assert "lead a team" not in read("Scout troop commander")
