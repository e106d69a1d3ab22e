"""A paper held names the work it allows (`indexing.held_papers`): a driving licence is driving,
a forklift or reach truck licence forklift work, and "licence" alone names no licensing skill."""

from __future__ import annotations

import pytest

from indexing.context_aliases import curated_aliases
from indexing.held_papers import PAPER_ALIASES, paper_spans, unheld_spans
from tests.growth import assert_linear


def test_the_papers_aliases_are_curated_aliases():
    aliases = curated_aliases()
    assert all(aliases[a] == skills for a, skills in PAPER_ALIASES.items())
    assert aliases["reach truck"] == ("operate forklift",)
    assert aliases["clean driving licence"] == ("drive vehicles",)


def test_the_word_licence_is_found_in_any_spelling_but_not_licensing():
    text = "Full UK Licence; SIA licenses held. Licensing officer, licensed premises"
    assert [text[a:b] for a, b in paper_spans(text)] == ["Licence", "licenses"]


def test_a_clean_licence_is_no_cleaning():
    text = "Full clean driving licence, clean licence; clean the vans, clean driving record"
    assert [text[a:b] for a, b in paper_spans(text)] == ["clean", "licence", "clean", "licence"]


@pytest.mark.parametrize(
    ("text", "unheld"),
    [
        ("Do not hold a driving licence", "not hold a driving licence"),
        ("No forklift licence but willing to learn", "No forklift licence"),
        ("Provisional driving licence", "Provisional driving licence"),
        ("Working towards my HGV licence", "towards my HGV licence"),
    ],
)
def test_a_licence_not_held_is_one_span(text, unheld):
    assert [text[a:b] for a, b in unheld_spans(text)] == [unheld]


@pytest.mark.parametrize(
    "text", ["Full clean driving licence", "Not afraid of hard work, full driving licence"]
)
def test_a_licence_held_is_no_unheld_span(text):
    assert unheld_spans(text) == []


def test_unheld_spans_read_a_long_text_in_linear_time():
    assert_linear(unheld_spans, lambda n: "not " * n + "licence", n=2_000)


def test_paper_spans_read_a_long_text_in_linear_time():
    assert_linear(paper_spans, lambda n: "licence holder, " * n, n=2_000)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "skill", "absent"),
    [
        (
            "Full clean driving licence.",
            "drive vehicles",
            {"licences regulation", "conduct cleaning tasks"},
        ),
        (
            "Warehouse operative, picking and packing, RF scanner, counterbalance forklift "
            "licence.",
            "operate forklift",
            {"licences regulation"},
        ),
        (
            "Reach truck licence.",
            "operate forklift",
            {"operate dump truck", "manage truck drivers"},
        ),
        (
            "Personal licence holder",
            "apply regulations regarding the sale of alcoholic beverages",
            {"licences regulation", "issue licences"},
        ),
        ("Do not hold a driving licence", None, {"drive vehicles"}),
        ("No forklift licence but willing to learn", None, {"operate forklift"}),
    ],
)
def test_a_licence_held_on_the_real_model(real_runtime, text, skill, absent):
    labels = {x.preferred_label for x in real_runtime.linker.extract(text)}
    assert skill is None or skill in labels, labels
    assert not labels & absent, labels


@pytest.mark.slow
def test_licensing_work_is_still_read_where_the_text_says_it(real_runtime):
    labels = {
        x.preferred_label for x in real_runtime.linker.extract("Issue licences to taxi drivers")
    }
    assert "issue licences" in labels, labels
