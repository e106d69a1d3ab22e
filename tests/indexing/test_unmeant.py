"""Readings an adviser finds absurd (indexing.unmeant) on the hashing encoder: doing the work is
not managing it, a one-word label that many skills share names none of them alone, a skill whose
words here are all a curated word's is that word's; and the new verb-object rules and trade
words, with hostile inputs. tests/profiles/test_adviser_words.py checks the real model."""

from __future__ import annotations

import time

import pytest

from indexing.encoder import FakeEncoder
from indexing.linker import SkillLinker
from indexing.text import Span
from indexing.trade_aliases import TRADE_ALIASES
from indexing.types import SkillEntry
from indexing.unmeant import SHARED_MIN, Unmeant
from indexing.word_pairs import WORD_PAIRS, find_pairs


def _skill(i, label, alts=(), kind="skill/competence", desc=""):
    return SkillEntry(
        id=500 + i,
        uri=f"urn:test:{i}",
        preferred_label=label,
        alt_labels=tuple(alts),
        description=desc or f"{label}.",
        skill_type=kind,
    )


SKILLS = [
    _skill(0, "monitor cashiers", ("watch over cashiers",)),
    _skill(1, "coordinate patrols", ("undertake patrols", "patrols")),
    _skill(2, "patrol areas", ("patrol a designated area",)),
    _skill(3, "organise mail deliveries"),
    _skill(4, "securities", ("security",), kind="knowledge"),
    _skill(5, "monitor stock levels"),
    _skill(6, "welding techniques", ("welding",), kind="knowledge"),
    _skill(7, "schedule shifts", ("plan shifts",)),
] + [_skill(10 + i, f"security task number {i}") for i in range(SHARED_MIN)]


@pytest.fixture(scope="module")
def unmeant():
    return Unmeant(SKILLS)


def _labels(rows):
    return {SKILLS[r].preferred_label for r in rows}


def test_working_shifts_is_not_scheduling_them(unmeant):
    """A learner who works early shifts does not schedule them ("early shifts" read *schedule
    shifts*, a manager's skill); the rota's words do schedule them."""
    assert _labels(unmeant.managing("Factory worker, early shifts and nights")) == {
        "schedule shifts"
    }
    for text in ("Planned the shifts", "Did the rota for the shifts", "Scheduling shifts"):
        assert "schedule shifts" not in _labels(unmeant.managing(text)), text


def test_a_job_or_task_named_without_managing_it_blocks_its_managing_skills(unmeant):
    assert _labels(unmeant.managing("Cashier at a petrol station")) == {"monitor cashiers"}
    assert _labels(unmeant.managing("doing night patrols")) == {"coordinate patrols"}
    assert _labels(unmeant.managing("van deliveries")) == {"organise mail deliveries"}
    # the same words with a word of managing: nothing is blocked
    for text in (
        "Supervisor of the cashiers",
        "Coordinated the night patrols",
        "Managed the cashiers",
        "Team leader: deliveries",
        "in charge of patrols",
    ):
        assert unmeant.managing(text) == set(), text
    # watching a thing is monitoring it
    assert "monitor stock levels" in _labels(unmeant.managing("stock levels"))
    assert "monitor stock levels" not in _labels(unmeant.managing("checking stock levels"))
    # a skill whose object is not written is no concern of the rule
    assert unmeant.managing("Sold tickets at the box office") == set()


def test_a_shared_word_of_a_knowledge_area_reads_none_of_it(unmeant):
    assert unmeant.shared(4, "security") and unmeant.shared(4, "Security")
    assert not unmeant.shared(4, "securities")  # its own name
    assert not unmeant.shared(6, "welding")  # no other skill names "welding"
    assert not unmeant.shared(1, "patrols")  # not a knowledge area, not shared
    few = Unmeant(SKILLS[:7])  # "security" in too few names: it stays a label
    assert not few.shared(4, "security")


def test_a_skill_whose_words_here_are_a_curated_words_rests_on_it(unmeant):
    text = "Care assistant giving medication to residents"
    unit = Span(0, len(text), text)
    owned = [(text.index("giving"), text.index(" to "))]
    under = _skill(90, "work with healthcare users under medication")
    assert Unmeant.rests_on(under, text, unit, owned)
    # a word outside the curated word ("residents") reads it too
    assert not Unmeant.rests_on(_skill(91, "support residents on medication"), text, unit, owned)
    # a skill that shares no word is read from the meaning
    assert not Unmeant.rests_on(_skill(92, "assist elderly people"), text, unit, owned)


@pytest.fixture(scope="module")
def linker():
    lk = SkillLinker(SKILLS, FakeEncoder(dim=256))
    lk.build()
    return lk


def _found(linker, text):
    return {x.preferred_label for x in linker.extract(text)}


def test_extraction_drops_the_absurd_readings_and_keeps_the_meant_ones(linker):
    assert "coordinate patrols" in _found(linker, "Coordinated patrols")
    assert "coordinate patrols" not in _found(linker, "Security guard doing night patrols")
    assert "patrol areas" in _found(linker, "Security guard doing night patrols")  # curated
    assert "securities" not in _found(linker, "Security guard")
    assert "securities" in _found(linker, "Trading securities")


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("giving medication to residents", "administer prescribed medication"),
        ("Gave out the medicines", "administer prescribed medication"),
        ("painting skirting boards", "paint surfaces"),
        ("walls painted", "paint surfaces"),
        ("loading the van", "load cargo"),
        ("trailers loaded", "load cargo"),
        ("changing bed linen", "make the beds"),
        ("stripping the beds", "make the beds"),
        ("laying tables", "arrange tables"),
        ("listening to children read", "teach reading strategies"),
        ("putting stock away", "store goods"),
        ("putting away deliveries", "store goods"),
    ],
)
def test_the_new_rules_read_the_learners_words(text, skill):
    assert skill in {s for *_, rule in find_pairs(text, WORD_PAIRS) for s in rule.skills}


@pytest.mark.parametrize(
    "text",
    [
        "painting landscapes in oils",
        "loading the dishwasher",
        "set up a pivot table",
        "changing the spreadsheet",
        "giving feedback to residents",
        "read the table, then listen",
        "the medication was given",  # a passive far from its verb is no compound
    ],
)
def test_the_new_rules_read_nothing_else(text):
    got = {s for *_, rule in find_pairs(text, WORD_PAIRS) for s in rule.skills}
    assert not got & {
        "paint surfaces",
        "load cargo",
        "arrange tables",
        "make the beds",
        "administer prescribed medication",
        "teach reading strategies",
    }, (text, got)


def test_the_trade_words_leave_the_other_readings_alone():
    assert TRADE_ALIASES["facials"] == ("perform facial treatment",)
    assert "facial" not in TRADE_ALIASES  # facial recognition, facial tissues
    assert "cashier" in TRADE_ALIASES and "cashiers" not in TRADE_ALIASES  # "supervised cashiers"
    assert "checkout" not in TRADE_ALIASES  # a web shop's checkout


def test_hostile_inputs_are_read_in_linear_time(unmeant, linker):
    long = "Cashier, patrols, deliveries, security. " * 5_000
    start = time.perf_counter()
    assert _labels(unmeant.managing(long)) == {
        "monitor cashiers",
        "coordinate patrols",
        "organise mail deliveries",
    }
    assert unmeant.managing("") == set() and unmeant.managing("☕ — ,,;;") == set()
    assert time.perf_counter() - start < 2.0
    assert not unmeant.shared(4, "") and not unmeant.shared(999, "security")
    for text in ("", "   ", "Security\x00guard ☕", "SECURITY " * 200):
        assert "securities" not in _found(linker, text), text


def test_only_short_texts_are_kept_lemmatised():
    from indexing import unmeant as um

    um._tokens_cached.cache_clear()
    um._lemmas_cached.cache_clear()
    long_text = "caring for residents " * 200  # 4,200 characters: a flattened posting
    assert um._tokens(long_text) == um._tokenize(long_text)
    assert um._lemmas(long_text) == um._lemma_set(long_text)
    assert um._tokens_cached.cache_info().currsize == 0
    assert um._lemmas_cached.cache_info().currsize == 0
    assert um._lemmas("caring for residents") == um._lemma_set("caring for residents")
    assert um._lemmas_cached.cache_info().currsize == 1


def test_an_artists_work_is_read_only_where_the_text_says_something_of_the_arts():
    """ "Self-employed painter and decorator" read *work independently as an artist* (a real
    learner's line): a skill of an artist's work needs a word of the arts in the text."""
    skills = [
        _skill(0, "work independently as an artist"),
        _skill(1, "handle artworks"),
        _skill(2, "paint surfaces"),
    ]
    unmeant = Unmeant(skills)
    assert unmeant.artless(0, "Self-employed painter and decorator, painting houses")
    assert unmeant.artless(1, "I handle deliveries for a builders' merchant")
    assert not unmeant.artless(2, "Self-employed painter and decorator")  # no artist's work
    for text in (
        "Freelance artist selling my paintings at fairs",
        "I paint portraits on canvas",
        "Worked at a gallery hanging exhibitions",
        "Stage manager at a theatre",
    ):
        assert not unmeant.artless(0, text), text
