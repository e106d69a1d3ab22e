"""Evidence that keeps every word of the title before evidence that drops one
(service/titles/kept.py), "EV" said in full and the trades' own names ("sparky"): round
h-titles12."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlmodel import Session

from models.tables import Occupation
from service.titles.kept import (
    DROPPED_TIER,
    demote_dropping,
    keeps_words,
    said_words,
    trade_words,
)
from service.titles.resolver import TitleCandidate
from service.titles.words import expand_abbreviations, normalise_title
from tests.growth import assert_linear

VOCABULARY = frozenset({"electric", "vehicle", "technician", "electrician", "paint", "sprayer"})


def test_words_are_compared_whole_without_plurals_possessives_or_small_words():
    assert said_words("Electric Vehicle Supply Equipment Technicians") == {
        "electric", "vehicle", "supply", "equipment", "technician",
    }  # fmt: skip
    assert said_words("HR Advisor of the year") == said_words("hr adviser year")
    assert said_words("Electrician's Mate") == {"electrician", "mate"}
    assert said_words("co-ordinator") == said_words("coordinator")
    assert said_words("") == frozenset()
    # a prefix is another word: a painter is no paint
    assert not keeps_words({"paint"}, "Spray Painter")
    assert keeps_words({"paint", "sprayer"}, "vehicle paint sprayer")


def test_the_trade_words_are_the_known_words_less_a_head_word_of_several():
    assert trade_words("electric vehicle technician", VOCABULARY) == {"electric", "vehicle"}
    assert trade_words("technician", VOCABULARY) == {"technician"}  # one word: its trade too
    # an unknown word says nothing; the head word of an unknown last word is no head word
    assert trade_words("zzqx vehicle technician", VOCABULARY) == {"vehicle"}
    assert trade_words("electric vehicle zzqx", VOCABULARY) == {"electric", "vehicle"}
    assert trade_words("", VOCABULARY) == frozenset()


def _c(
    eid: int, score: float, sim: float, evidence: str, tier: int = 5, kind: str = "known title"
) -> TitleCandidate:
    return TitleCandidate(eid, score, sim, evidence, kind, tier=tier)


def _tiers(candidates) -> dict[int, int]:
    return {c.occupation_id: c.tier for c in candidates}


def test_evidence_that_drops_a_trade_word_goes_a_tier_down_where_as_close_keeps_all():
    query = "electric vehicle technician"
    found = [
        _c(1, 3.44, 0.89, "Electrician Technician"),
        _c(2, 3.32, 0.88, "Electric Vehicle Supply Equipment Technician"),
        _c(3, 3.07, 0.95, "motor vehicle electrical technician"),
        _c(4, 2.00, 0.60, "electric vehicle technician trainer"),  # keeps all, far: not first
    ]
    got = _tiers(demote_dropping(found, query, VOCABULARY))
    assert got == {1: DROPPED_TIER, 2: 5, 3: DROPPED_TIER, 4: DROPPED_TIER}


def test_nothing_changes_where_no_close_evidence_keeps_every_word():
    query = "electric vehicle technician"
    first = _c(1, 3.44, 0.89, "Electrician Technician")
    far = _c(2, 3.0, 0.86, "Electric Vehicle Technician")  # 0.86 < 0.89 - KEPT_MARGIN
    assert _tiers(demote_dropping([first, far], query, VOCABULARY)) == {1: 5, 2: 5}
    # the first keeps the trade words (its head word said otherwise): nothing to do
    keeps = _c(1, 3.44, 0.89, "Electric Vehicle Mechanic")
    other = _c(2, 3.0, 0.95, "electric vehicle technician expert")
    assert _tiers(demote_dropping([keeps, other], query, VOCABULARY)) == {1: 5, 2: 5}
    # a keeper of the trade word that says another person is none ("supply worker")
    supply = frozenset({"supply", "teacher", "worker"})
    teacher, worker = _c(1, 3.0, 0.72, "Teacher"), _c(2, 2.0, 0.80, "Supply Worker")
    assert _tiers(demote_dropping([teacher, worker], "supply teacher", supply)) == {1: 5, 2: 5}
    # an ESCO label does not outrank a known title so, nor a known title a label
    paint = frozenset({"paint", "sprayer", "vehicle"})
    sprayer = _c(1, 3.3, 0.83, "Sprayer")
    label = _c(2, 2.5, 0.89, "vehicle paint sprayer", kind="alternative")
    assert _tiers(demote_dropping([sprayer, label], "paint sprayer", paint)) == {1: 5, 2: 5}
    known = _c(3, 2.4, 0.89, "Paint Sprayer Operative")
    got = demote_dropping([sprayer, label, known], "paint sprayer", paint)
    assert _tiers(got) == {1: DROPPED_TIER, 2: DROPPED_TIER, 3: 5}
    # an exact label or a curated title names the title: the rule stays out
    exact = _c(3, 1.0, 1.0, "electric vehicle technician", tier=4)
    assert _tiers(demote_dropping([first, far, exact], query, VOCABULARY))[1] == 5
    assert demote_dropping([], query, VOCABULARY) == []


def test_hostile_titles_and_many_candidates_are_read_in_linear_time():
    def demote(title: str) -> None:
        found = [_c(i, 1.0 / (i + 1), 0.9, "Electrician Technician") for i in range(50)]
        demote_dropping(found, title, VOCABULARY)

    assert_linear(demote, lambda n: "electric vehicle " * n + "technician", n=2_000)
    assert_linear(lambda t: said_words(t), lambda n: "paint's-sprayer " * n, n=2_000)


def test_ev_is_said_in_full():
    def said(title: str) -> str:
        return expand_abbreviations(normalise_title(title))

    assert said("EV technician") == "electric vehicle technician"
    assert said("Senior EV Charge Point Installer") == "electric vehicle charge point installer"
    assert said("Eve technician") == "eve technician"  # a word, not the abbreviation


# typed title -> the occupations an adviser accepts first (none of them before the round)
CASES = [
    ("electric vehicle technician", {"vehicle technician", "automotive electrician"}),
    ("EV technician", {"vehicle technician", "automotive electrician"}),
    # curated (the rule lets no ESCO label outrank a known title)
    ("Paint sprayer", {"transport equipment painter"}),  # was *pesticides sprayer* ("Sprayer")
    ("Signaller", {"rail traffic controller"}),
    ("Sparky", {"electrician"}),
    # unchanged: a near name that says the person otherwise keeps the trade word
    ("Multi-skilled maintenance operative", {"handyman"}),
    ("Supply teacher", {"primary school teacher"}),
]


@pytest.mark.slow
@pytest.mark.parametrize(("title", "accepted"), CASES)
def test_a_reading_that_keeps_the_title_s_words_comes_first_on_the_real_model(
    real_runtime, title, accepted
):
    with Session(real_runtime.engine) as s:
        labels = dict(s.execute(select(Occupation.id, Occupation.preferred_label)).all())
    got = real_runtime.titles.resolve(title)
    assert got.confident and labels[got.candidates[0].occupation_id] in accepted, (
        title,
        [labels[c.occupation_id] for c in got.candidates[:3]],
    )
