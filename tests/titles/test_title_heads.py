"""Head words of many trades and loose readings of another head word (service/titles/heads.py),
and abbreviations joined by "&" (`words.AMPERSAND_ABBREVIATIONS`): round h-titles11."""

from __future__ import annotations

import time

from service.titles.heads import (
    family_head_labels,
    family_heads,
    head_counts,
    head_word,
    loose_head,
)
from service.titles.resolver import FAMILY_TITLE, LOW_CONFIDENCE
from service.titles.words import normalise_title
from tests.titles.small_resolver import small_resolver


def test_a_head_word_is_the_last_word_outside_brackets_and_spelt_one_way():
    assert head_word("Administrator (Admin)") == "administrator"
    assert head_word("HR Advisor") == head_word("hr adviser") == "adviser"
    assert head_word("Ward Service Supervisors") == "supervisor"
    assert head_word("(Admin)") == "admin"  # only brackets: their words
    assert head_word("") == head_word("-- ..") == ""


def test_a_family_head_ends_many_preferred_labels():
    preferred = ["fire inspector", "tax inspector", "food inspector", "nurse", "dental nurse"]
    assert family_heads(preferred, many=3) == {"inspector"}
    assert family_heads(preferred, many=2) == {"inspector", "nurse"}
    assert family_heads([], many=1) == frozenset()
    assert head_counts(preferred + ["(", ""]) == {"inspector": 3, "nurse": 2}


def test_a_family_head_alone_is_no_one_member_s_label():
    heads = frozenset({"inspector", "architect"})
    rows = [
        (1, ("private detective", "inspector", "private inspector", "detective")),
        (2, ("architect", "architects")),  # its own word in the plural: its own
        (3, ("fire inspector", "Inspector ", "fire officer")),
        (4, ("inspector", "chief inspector")),  # its preferred label is never left out
    ]
    assert family_head_labels(rows, heads) == {(1, "inspector"), (3, "inspector")}


def test_a_loose_reading_of_another_head_word_is_said():
    people = {"manager", "supervisor", "adviser"}
    assert loose_head("ward manager", "Ward Service Supervisor", people)
    assert not loose_head("hr advisor", "HR Adviser (Human Resources Adviser)", people)
    assert not loose_head("ward manager", "", people)  # nothing read: nothing to say
    assert not loose_head("", "Ward Supervisor", people)
    # a field or a level word names no person to differ from ("nursing student" read as
    # "nursing", "office junior")
    assert not loose_head("nursing", "Nursing Assistant", people)
    assert not loose_head("office junior", "Office Worker", people)


def test_abbreviations_joined_by_an_ampersand_are_said_in_full():
    assert normalise_title("H&S advisor") == "health and safety advisor"
    assert normalise_title("R & D Manager") == "research and development manager"
    assert normalise_title("Painter & Decorator") == "painter decorator"  # no abbreviation
    assert normalise_title("B&Q sales assistant") == "b q sales assistant"  # not known: as before


# a family of three inspectors; a lawyer whose alternative label is a counsellor's head word
OCCUPATIONS = [
    (1, "3359", "fire inspector", ["fire safety inspector"], "Inspects buildings for fire risks."),
    (2, "3257", "food inspector", ["food safety inspector"], "Inspects food premises."),
    (3, "3112", "building inspector", ["building control surveyor"], "Inspects buildings."),
    (4, "2611", "lawyer", ["solicitor"], "Advises clients on the law."),
    (5, "5120", "cook", ["kitchen cook"], "Cooks meals."),
    (6, "5120", "grill cook", ["line cook"], "Cooks on a grill."),
]


def _resolver():
    r = small_resolver(OCCUPATIONS)
    r.family_heads = family_heads((o[2] for o in OCCUPATIONS), many=3)
    return r


def test_a_family_head_alone_reads_with_the_family_warning():
    r = _resolver()
    got = r.resolve("Inspector")
    assert got.confident and got.warning == FAMILY_TITLE
    assert r.resolve("Senior inspector").warning == FAMILY_TITLE  # a level word is no trade
    assert r.resolve("fire inspector").warning != FAMILY_TITLE  # a trade said
    cook = r.resolve("cook")  # "cook" heads two labels only, and is a preferred label
    assert cook.warning is None and cook.candidates[0].occupation_id == 5


def test_a_loose_reading_of_another_head_word_carries_the_low_confidence_warning():
    r = small_resolver([(1, "3359", "safety supervisor", [], "Supervises safety.")])
    r.person_heads = frozenset({"supervisor", "manager"})
    got = r.resolve("safety manager")
    assert got.confident and got.candidates[0].label_kind != "curated title"
    assert got.candidates[0].matched_label == "safety supervisor"
    assert got.warning == LOW_CONFIDENCE
    assert r.resolve("safety supervisor").warning is None  # its own label


def _seconds(fn, arg) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        fn(arg)
        best = min(best, time.perf_counter() - start)
    return best


def test_hostile_titles_are_read_in_linear_time():
    """A long title, one repeated ("&" pairs, brackets, one word): reading ten times more text
    takes about ten times as long (40 allows for a busy machine; a square would be 100)."""
    for unit in ("h&s ", "a & b ", "(x) ", "manager ", "&& ", "((( "):
        small, large = unit * 5_000, unit * 50_000
        for fn in (normalise_title, head_word, lambda t: loose_head(t, t[::-1], {"manager"})):
            ratio = _seconds(fn, large) / max(_seconds(fn, small), 1e-6)
            assert ratio < 40, (unit, ratio)
    assert normalise_title("h&s " * 3).split() == ["health", "and", "safety"] * 3
