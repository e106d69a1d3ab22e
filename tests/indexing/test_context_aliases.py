"""Curated words of a context (indexing.context_aliases) and workplaces (indexing.aliases.PLACES)
on the hashing encoder: a context word names its skills only where its sentence has the
context, and then owns its words; a workplace's words name no skill.
tests/profiles/test_adviser_words.py checks the real model."""

from __future__ import annotations

import pytest

from indexing.aliases import place_spans
from indexing.context_aliases import (
    CARE,
    CONTEXT_ALIASES,
    CONTEXTS,
    KITCHEN,
    OFFICE,
    STOCK,
    TECHNOLOGY,
    alias_contexts,
    curated_aliases,
    has_context,
)
from indexing.encoder import FakeEncoder
from indexing.linker import SkillLinker
from indexing.types import SkillEntry


def _skill(i: int, label: str, alts: tuple[str, ...] = (), desc: str = "") -> SkillEntry:
    return SkillEntry(
        id=500 + i, uri=f"urn:ctx:{i}", preferred_label=label, alt_labels=alts, description=desc
    )


SKILLS = [
    _skill(0, "operate scanner", ("use scanner", "scanners"), "Operate a prepress image scanner."),
    _skill(1, "use barcode scanning equipment", desc="Track inventory with barcode devices."),
    _skill(2, "perform ICT troubleshooting", desc="Solve problems with desktops and printers."),
    _skill(3, "troubleshoot", ("troubleshooting",), "Identify operating problems."),
    _skill(4, "set up office equipment", desc="Connect modems, scanners and printers."),
    _skill(5, "nursing science", ("nursing",), "The science of nursing."),
    _skill(6, "assist residents", desc="Help residents of a home."),
]


@pytest.fixture(scope="module")
def linker():
    lk = SkillLinker(SKILLS, FakeEncoder(dim=256))
    lk.build()
    return lk


def test_a_context_is_a_word_of_its_line():
    assert has_context("operating the scanner to pick orders", STOCK)
    assert not has_context("operating the scanner to digitise artwork", STOCK)
    assert has_context("IT support: troubleshooting", TECHNOLOGY)  # the acronym, in capitals
    assert has_context("fixing laptops, troubleshooting", TECHNOLOGY)
    assert not has_context("it was troubleshooting on the farm", TECHNOLOGY)
    assert has_context("anything", "")  # a word of no context counts everywhere


def test_every_context_word_names_skills_and_has_a_known_context():
    assert set(alias_contexts()) == set(CONTEXT_ALIASES)
    contexts = set(CONTEXTS)
    assert all(ctx in contexts and skills for ctx, skills in CONTEXT_ALIASES.values())
    assert set(CONTEXT_ALIASES) <= set(curated_aliases())


def test_a_context_word_names_its_skill_only_in_its_context(linker):
    in_stock = {h.row for h in linker.lexical("operating the scanner to pick orders").values()}
    assert 1 in in_stock  # the barcode scanner
    elsewhere = {h.row for h in linker.lexical("operating scanners for artwork").values()}
    assert 1 not in elsewhere and 0 in elsewhere  # ESCO's own label "scanners" stays
    it_line = {h.row for h in linker.lexical("IT support: troubleshooting").values()}
    assert {2, 3} <= it_line  # ICT troubleshooting beside the label "troubleshooting"
    assert 2 not in {h.row for h in linker.lexical("troubleshooting a tractor").values()}


def test_a_context_word_owns_its_words_and_a_workplace_names_nothing(linker):
    def read(text: str) -> set[str]:
        return {x.preferred_label for x in linker.extract(text, min_score=0.3)}

    assert "operate scanner" in read("Prepress: the scanner, artwork.")  # the n-gram "scanner"
    found = read("Warehouse: the scanner, pick orders.")
    assert "use barcode scanning equipment" in found
    assert "operate scanner" not in found  # "scanner" is the curated word's
    text = "Care assistant in a nursing home, assist residents."
    assert place_spans(text) == [(text.index("nursing"), text.index(" home") + 5)]
    found = {x.preferred_label for x in linker.extract(text)}
    assert "nursing science" not in found  # "nursing" is the home's, not a skill


def test_place_spans_ignore_case_and_punctuation():
    assert place_spans("Receptionist at a gp  surgery") == [(18, 29)]
    assert place_spans("GP") == []


def test_the_alias_itself_is_no_context():
    line = "selling personal care products"
    own = (line.index("personal"), line.index(" products"))
    assert has_context(line, CARE) and not has_context(line, CARE, own)  # "care" is its own
    line = "Care worker: personal care"
    assert has_context(line, CARE, (line.index("personal"), len(line)))  # "Care worker"
    assert has_context("Office junior: filing", OFFICE, (15, 21))
    assert not has_context("filing and grinding metal parts", OFFICE, (0, 6))


def test_office_and_care_words_name_their_skills_only_in_their_lines():
    lk = SkillLinker(
        [
            _skill(10, "file documents", desc="Create a filing system."),
            _skill(11, "perform clerical duties", desc="Filing and typing up reports."),
            _skill(12, "provide basic support to patients", desc="Help with hygiene."),
            _skill(
                13,
                "encourage social service users to preserve their independence in their daily "
                "activities",
                desc="Support with personal care.",
            ),
            _skill(14, "maintain records of work with service users", desc="Keep records."),
        ],
        FakeEncoder(dim=256),
    )
    lk.build()

    def rows(text: str) -> set[int]:
        return {h.row for h in lk.lexical(text).values()}

    assert {0, 1} <= rows("Office administrator: filing, answering phones")
    assert not {0, 1} & rows("Fabricator: filing and grinding metal parts")
    assert {2, 3, 4} <= rows("Care worker: personal care, writing daily notes")
    assert not {2, 3} & rows("Sales assistant: selling personal care products")


def test_a_kitchens_grill_is_cooking_and_a_garden_centres_is_not():
    """ "working the grill" read nothing (or "pack charcoal"): in a kitchen line (KITCHEN: "pub",
    "cook", "cafe", ...) a cooking station or technique of ESCO's "use cooking techniques"
    names it; a barbecue sold in a garden centre does not."""
    assert CONTEXT_ALIASES["grill"] == (KITCHEN, ("use cooking techniques",))
    cooking = _skill(20, "use cooking techniques", desc="Grilling, frying.")
    lk = SkillLinker([cooking], FakeEncoder(dim=64))
    lk.build()

    def rows(text: str) -> set[int]:
        return {h.row for h in lk.lexical(text).values()}

    assert rows("Prepping vegetables and working the grill at a pub") == {0}
    assert rows("Line cook: grill and sauce station") == {0}
    assert rows("Garden centre: selling grills and patio heaters") == set()
    assert rows("grill") == set()  # the word alone is no kitchen


def test_a_capitalised_curated_word_that_is_an_ordinary_word_matches_only_as_written():
    from indexing.aliases import AliasMatcher

    office = [
        _skill(10, "Microsoft Word", desc="A word processor: a word, a word count."),
        _skill(11, "write reports", desc="Write a report of a few thousand words."),
    ]
    matcher = AliasMatcher(office, curated={"Word": ("Microsoft Word",)})
    assert matcher.is_common("word")
    assert [h.alias for h in matcher.find("Word and Excel")] == ["Word"]
    assert matcher.find("give my word and excel in service") == []  # the ordinary word
    assert matcher.find("In a word, reliable") == []
