"""Round titles-17 (docs/quality.md, "Titles, a seventeenth round"): a title that reads no
occupation surely is read by its person where one occupation alone holds it (`head_alone`:
"Electrical estimator"); a known title equal to the title, held by several occupations, reads
first the ones whose own name says the title's trade (`equal_known`: "Marketing coordinator");
a person's ending said the other way is a plain typo (`spelling.sure_typos`: "Quantity
surveyer"); a GP's practice manager, a QA manager and an optical assistant are curated
(`work_titles.py`)."""

from __future__ import annotations

import pytest

from service.titles.equal_known import EQUAL_KNOWN_TIER, prefer_trade_said
from service.titles.head_alone import head_alone, read_by_head
from service.titles.resolution import LOW_CONFIDENCE, NO_MATCH, TitleCandidate, TitleResolution
from service.titles.spelling import sure_typos
from tests.growth import assert_linear
from tests.titles.labels import occupation_labels

HOLDERS = {"estimator": [7], "engineer": [1, 2, 3], "mechanic": [4, 4]}


def _holders(word: str) -> list[int]:
    return HOLDERS.get(word, [])


@pytest.mark.parametrize(
    ("query", "head"),
    [
        ("electrical estimator", "estimator"),
        ("building services estimator", "estimator"),
        ("mobile mechanic", "mechanic"),  # one occupation's two labels
        ("electrical engineer", None),  # a head word several occupations hold
        ("electrical wizard", None),  # one no label says
        ("estimator", None),  # the title is its head word
    ],
)
def test_a_title_s_person_held_by_one_occupation_names_it(query, head):
    assert head_alone(query, _holders) == head


def _candidate(eid, label_score, label, kind, known=None, tier=5):
    return TitleCandidate(eid, 2.0 - eid / 10, label_score, label, kind, tier=tier, known=known)


def test_a_title_read_by_its_person_keeps_its_own_readings_next_and_warns():
    whole = TitleResolution(
        "electrical estimator",
        [
            _candidate(1, 0.45, "Industrial Electrician", "known title"),
            _candidate(7, 0.4, "x", "alternative"),
        ],
        False,
        NO_MATCH,
    )  # fmt: skip
    alone = TitleResolution(
        "estimator", [_candidate(7, 1.0, "estimator", "alternative")], True, None
    )
    got = read_by_head(whole, alone)
    assert got.confident and got.warning == LOW_CONFIDENCE
    assert [c.occupation_id for c in got.candidates] == [7, 1]
    assert "'estimator'" in (got.note or "") and got.query == "electrical estimator"


MARKETING = {
    1: ["promotion manager", "marketing and promotion manager"],
    2: ["marketing manager"],
    3: ["advertising sales agent"],
    4: ["sales manager"],
}


@pytest.mark.parametrize(
    ("known", "up"),
    [
        # the known title equal to the title names 1, 2 and 3: 2's own name says "marketing"
        ({1: "Marketing Coordinator", 2: "Marketing Coordinator", 3: "Marketing Coordinator"}, {2}),
        # one reading alone by the equal known title: nothing to choose between
        ({1: "Marketing Coordinator", 2: "Marketing Assistant"}, set()),
        # the known title is near, not equal
        ({1: "Digital Marketing Coordinator", 2: "Digital Marketing Coordinator"}, set()),
        # all of them say it: nothing changes
        ({2: "Marketing Coordinator", 4: "Marketing Coordinator"}, set()),
    ],
)
def test_an_equal_known_title_of_several_reads_first_the_one_whose_name_says_the_trade(known, up):
    candidates = [
        _candidate(e, 0.9, "x", "known title", known=(1.0, known[e]) if e in known else None)
        for e in (1, 2, 3, 4)
    ]
    if known == {2: "Marketing Coordinator", 4: "Marketing Coordinator"}:
        labels = {**MARKETING, 4: ["marketing director"]}
    else:
        labels = MARKETING
    got = prefer_trade_said(candidates, ["marketing coordinator"], labels, {"market", "marketing"})
    assert {c.occupation_id for c in got if c.tier == EQUAL_KNOWN_TIER} == up


def test_an_exact_label_leaves_the_equal_known_title_alone():
    candidates = [
        _candidate(1, 0.9, "x", "known title", known=(1.0, "Marketing Coordinator")),
        _candidate(2, 0.9, "x", "known title", known=(1.0, "Marketing Coordinator"), tier=4),
    ]
    got = prefer_trade_said(candidates, ["marketing coordinator"], MARKETING, {"marketing"})
    assert [c.tier for c in got] == [5, 4]


@pytest.mark.parametrize(
    ("typed", "spelt", "sure"),
    [
        ("Quantity surveyer", "Quantity surveyor", True),
        ("Translater", "Translator", True),
        ("Conveyer operator", "Conveyor operator", True),
        ("Seller", "Sellor", False),  # a short word
        ("Vendors", "Venders", False),  # a plural's ending, not a person's
        ("Quantity surveyir", "Quantity surveyor", False),  # another letter
    ],
)
def test_a_person_s_ending_said_the_other_way_is_a_plain_typo(typed, spelt, sure):
    assert sure_typos(typed, spelt) is sure


def test_the_round_s_rules_read_in_linear_time():
    assert_linear(
        lambda t: head_alone(t, _holders), lambda n: "electrical " * (n // 11) + "estimator"
    )
    assert_linear(
        lambda t: sure_typos(t, t.replace("surveyer", "surveyor")),
        lambda n: "quantity " * (n // 9) + "surveyer",
    )  # fmt: skip


@pytest.mark.slow
@pytest.mark.parametrize(
    ("title", "first", "warning", "before"),
    [
        # `before`: the first reading before the round
        ("Electrical estimator", "manufacturing cost estimator", LOW_CONFIDENCE, "electrician"),
        ("Marketing coordinator", "marketing manager", None, "promotion manager"),
        ("Quantity surveyer", "quantity surveyor", None, "surveying technician"),
        ("QA mgr", "quality services manager", None, "quality engineer"),
        ("Quality assurance manager", "quality services manager", None, "quality engineer"),
        ("GP practice manager", "medical practice manager", None, "healthcare institution manager"),
        ("Optical assistant", "eyewear and optical equipment specialised seller", None,
         "optical technician"),
    ],
)  # fmt: skip
def test_the_round_s_titles_read_their_role(real_runtime, title, first, warning, before):
    labels = occupation_labels(real_runtime)
    got = real_runtime.titles.resolve(title)
    top = [labels[c.occupation_id] for c in got.candidates]
    assert got.confident and top[0] == first != before, (title, top)
    assert got.warning == warning, (title, got.warning)


@pytest.mark.slow
def test_a_title_read_by_its_person_shows_its_own_readings_next(real_runtime):
    labels = occupation_labels(real_runtime)
    got = real_runtime.titles.resolve("Electrical estimator")
    top = [labels[c.occupation_id] for c in got.candidates]
    assert "electrician" in top[1:] and "'estimator'" in (got.note or ""), (top, got.note)
