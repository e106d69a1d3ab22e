"""A verb and its object read as a skill (indexing.word_pairs) on the hashing encoder: the
lemmas, the clause and gap limits, the noun-compound order, the context a rule needs, and
hostile inputs. tests/profiles/test_adviser_words.py checks the real model."""

from __future__ import annotations

import time

import pytest

from indexing.aliases import CURATED
from indexing.context_aliases import CONTEXTS
from indexing.encoder import FakeEncoder
from indexing.linker import SkillLinker
from indexing.types import SkillEntry
from indexing.word_pairs import MAX_GAP, WORD_PAIRS, WordPair, find_pairs, lemma

FIX = WordPair.of("fix repair", "laptop printer", ("repair ICT devices",))
RESET = WordPair.of("reset", "password", ("provide ICT support",))
ROUTE = WordPair.of("plan", "route", ("prepare transportation routes",), "driving")
RULES = (FIX, RESET, ROUTE)


def _read(text: str, rules=RULES) -> list[str]:
    return [text[a:b] for a, b, _ in find_pairs(text, rules)]


@pytest.mark.parametrize(
    ("forms", "same"),
    [
        (["fix", "fixes", "fixed", "fixing"], True),
        (["prep", "prepping", "prepped", "preps"], True),
        (["mop", "mopping", "mopped"], True),
        (["change", "changing", "changed", "changes"], True),
        (["nappy", "nappies"], True),
        (["lorry", "lorries"], True),
        (["reset", "resets", "resetting"], True),
        (["grill", "grilling", "grills"], True),
        (["drive", "driving", "drove", "drives"], True),
        (["driver", "drive"], False),  # the agent noun is its own word
        (["fix", "fit"], False),
    ],
)
def test_lemma_joins_the_inflections_of_a_word(forms, same):
    assert (len({lemma(f) for f in forms}) == 1) is same, [lemma(f) for f in forms]


def test_a_verb_reads_its_object_in_any_form_within_its_clause():
    assert _read("I fix laptops") == ["fix laptops"]
    assert _read("Fixed the staff's laptops and printers") == ["Fixed the staff's laptops"]
    assert _read("repairing printers") == ["repairing printers"]
    assert _read("reset passwords for staff") == ["reset passwords"]


def test_a_clause_mark_or_a_long_gap_stops_the_reading():
    assert _read("I fix things, laptops are sold here") == []
    assert _read("fix it; laptops") == []
    far = "fix " + " ".join(["the"] * MAX_GAP) + " laptops"
    assert _read(far) == [far]
    assert _read("fix " + " ".join(["the"] * (MAX_GAP + 1)) + " laptops") == []


def test_a_noun_compound_reads_the_object_first():
    assert _read("password resets and user accounts") == ["password resets"]
    assert _read("laptops fixed") == ["laptops fixed"]
    assert _read("laptops, fixed") == []  # not across a comma
    assert _read("password manager reset") == []  # not adjacent


def test_repeated_words_give_one_reading_per_verb():
    text = "fix fix fix laptops laptops laptops"
    assert len(find_pairs(text, RULES)) == 3  # each "fix" reads the first laptops
    assert _read("laptops laptops") == []


def test_hostile_inputs_are_read_in_linear_time():
    assert _read("") == [] and _read("   ") == [] and _read(",,,;;") == []
    assert _read("fïx laptops ☕ — répare les ordinateurs") == []  # no rule word
    assert _read("☕ fix — laptops") == ["fix — laptops"]  # a dash is no clause mark
    long = "Fixed laptops, " * 20_000
    t0 = time.perf_counter()
    hits = find_pairs(long, RULES)
    assert len(hits) == 20_000
    assert time.perf_counter() - t0 < 5.0


def test_every_rule_names_skills_and_a_known_context():
    assert WORD_PAIRS
    for rule in WORD_PAIRS:
        assert rule.first and rule.second and rule.skills
        assert not rule.context or rule.context in CONTEXTS


SKILLS = [
    SkillEntry(id=900, uri="urn:wp:0", preferred_label="repair ICT devices",
               description="Repair laptops, desktops and printers."),
    SkillEntry(id=901, uri="urn:wp:1", preferred_label="provide ICT support",
               description="Resolve incidents including password resets."),
    SkillEntry(id=902, uri="urn:wp:2", preferred_label="prepare transportation routes",
               description="Prepare routes."),
    SkillEntry(id=903, uri="urn:wp:3", preferred_label="hiking", alt_labels=("route",),
               description="Walking routes in the hills."),
]  # fmt: skip


@pytest.fixture(scope="module")
def linker():
    lk = SkillLinker(SKILLS, FakeEncoder(dim=256))  # WORD_PAIRS name the first three
    lk.build()
    return lk


def test_a_pair_is_a_curated_hit_that_extraction_keeps(linker):
    hits = linker.lexical("I fix laptops and reset passwords for staff.")
    assert {h.row for h in hits.values()} == {0, 1}
    assert all(h.kind == CURATED for h in hits.values())
    found = {x.preferred_label for x in linker.extract("I fix laptops and reset passwords.")}
    assert {"repair ICT devices", "provide ICT support"} <= found
    assert not linker.lexical("I sell laptops and write passwords down.")


def test_a_rule_with_a_context_reads_only_in_its_context(linker):
    driver = {h.row for h in linker.lexical("Van driver, route planning, deliveries").values()}
    assert 2 in driver
    walker = {h.row for h in linker.lexical("Hill walking: route planning").values()}
    assert 2 not in walker and 3 in walker  # the taxonomy's own label "routes" stays


@pytest.mark.parametrize(
    "text",
    ["loading lorries", "loading vans", "loading trucks", "load lorries",
     "loading and unloading lorries"],
)  # fmt: skip
def test_the_load_rule_reads_the_old_loading_trade_words(text):
    """The trade words were removed: load + van / lorry / truck reads their skills alike."""
    from indexing.trade_aliases import TRADE_ALIASES
    from indexing.word_pairs import LOADING

    assert text not in TRADE_ALIASES
    assert {s for *_, rule in find_pairs(text) for s in rule.skills} >= set(LOADING)
