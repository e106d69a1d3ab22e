"""A learner's words, a sixth round (docs/quality.md), on the hashing encoder: verbs that share
an object, the new verb-object rules (post, vans, hair, goods in, supplies, payments, teams,
school subjects, boilers, labels, marking, floor scrubbers, network kit), a hairdresser's
words, user accounts, "on patrol", and a curated word's skills that take no place among a
unit's best. tests/profiles/test_adviser_words.py checks the real model."""

from __future__ import annotations

import numpy as np
import pytest

from indexing.aliases import CURATED, AliasHit
from indexing.context_aliases import CONTEXT_ALIASES, HAIR, TECHNOLOGY
from indexing.encoder import FakeEncoder
from indexing.extract import keep_in_unit
from indexing.linker import LinkerConfig, SkillLinker
from indexing.trade_aliases import TRADE_ALIASES
from indexing.types import SkillEntry
from indexing.word_pairs import WORD_PAIRS, WordPair, find_pairs, lemma, taught_subjects

CUT = WordPair.of("cut trim", "hair", ("apply hair cutting techniques",))


def _read(text: str, rules=(CUT,)) -> list[str]:
    return [text[a:b] for a, b, _ in find_pairs(text, rules)]


def _skills(text: str) -> set[tuple[str, ...]]:
    return {r.skills for _, _, r in find_pairs(text, WORD_PAIRS)}


def test_verbs_listed_with_commas_share_their_object():
    assert _read("cutting, colouring and styling hair") == ["cutting, colouring and styling hair"]
    assert _read("trimmed, washed and dried hair") == ["trimmed, washed and dried hair"]
    assert _read("cutting, the hair") == []  # a comma before no verb of its form
    assert _read("cutting wood, colouring hair") == []  # "wood" is no verb of the list
    assert _read("cutting; colouring hair") == []  # only a bare comma


def test_irregular_past_forms_are_their_verbs():
    assert lemma("led") == lemma("lead") == lemma("leading")
    assert lemma("took") == lemma("taking") and lemma("taught") == lemma("teaching")


@pytest.mark.parametrize(
    ("text", "skills"),
    [
        ("delivering letters and parcels", ("deliver correspondence",)),
        ("delivered parcels", ("deliver correspondence", "handle delivered packages")),
        ("Courier in a van", ("drive vehicles",)),
        ("delivering parcels by van", ("drive vehicles",)),
        ("cutting and colouring hair", ("apply hair cutting techniques",)),
        ("styling hair", ("style hair",)),
        ("beard trims", ("treat facial hair",)),
        ("receiving deliveries", ("receive goods",)),
        ("ordering stationery", ("order supplies",)),
        ("handled card and cash payments", ("process payments",)),
        ("took payments", ("process payments",)),
        ("led a section of eight", ("lead a team",)),
        ("installing boilers", ("install heating boiler",)),
        ("labelling tubes", ("label blood samples",)),
        ("labelled the samples", ("label samples",)),
        ("marked coursework", ("assess students",)),
        ("using floor scrubbers", ("operate floor cleaning equipment",)),
    ],
)
def test_the_rules_read_a_cv_lines_verb_and_object(text, skills):
    assert skills in _skills(text)


@pytest.mark.parametrize(
    "text",
    ["delivering training", "a van", "cutting wood", "receiving calls", "took orders",
     "led the way", "ordering food", "lead paint", "marked the route", "labelled as lazy"],
)  # fmt: skip
def test_the_rules_leave_other_objects_alone(text):
    assert not _skills(text) - {("drive vehicles",)}  # "a van": its context is checked later


def test_network_kit_is_installed_only_in_a_line_about_technology():
    rule = next(
        r for r in WORD_PAIRS if r.skills == ("install electronic communication equipment",)
    )
    assert rule.context == "technology"
    assert rule.skills in _skills("configured Wi-Fi access points")
    assert rule.skills in _skills("installing routers and switches")


def test_a_van_is_driven_only_in_a_line_about_driving():
    rule = next(r for r in WORD_PAIRS if r.skills == ("drive vehicles",) and "in" in r.first)
    assert rule.context == "driving"


def test_each_one_word_teach_label_reads_its_subject():
    labels = ["teach chemistry", "teach mathematics", "teach reading strategies", "chemistry"]
    rules = taught_subjects(labels)
    assert [r.skills for r in rules] == [("teach chemistry",), ("teach mathematics",)]
    got = {r.skills[0] for _, _, r in find_pairs("Taught year 9 maths and chemistry", rules)}
    assert got == {"teach chemistry", "teach mathematics"}
    assert not find_pairs("studied chemistry", rules)


def test_a_pair_owns_its_two_words_not_the_words_between():
    text = "cutting, colouring and styling hair"
    hit = AliasHit(0, 0, len(text), text, CURATED, 5, 1, pair=True)
    assert [text[a:b] for a, b in hit.owned()] == ["cutting", "hair"]
    whole = AliasHit(0, 4, 10, "on patrol", CURATED, 2, 1)
    assert whole.owned() == [(4, 10)]


def test_hair_and_account_words_need_their_context():
    assert CONTEXT_ALIASES["cutting"] == (HAIR, ("apply hair cutting techniques",))
    assert CONTEXT_ALIASES["styling"][0] == HAIR == CONTEXT_ALIASES["colouring"][0]
    assert CONTEXT_ALIASES["user accounts"] == (TECHNOLOGY, ("use access control software",))
    assert TRADE_ALIASES["on patrol"] == ("patrol areas",)


def test_curated_skills_take_no_place_of_the_best():
    cfg = LinkerConfig()
    sentence = np.array([1.12, 1.05, 1.09, 1.06, 1.03, 0.30])  # 0, 1: curated; floor 1.02
    hits = {r: AliasHit(r, 0, 3, "x", CURATED, 1, 1) for r in (0, 1)}
    kept = keep_in_unit(cfg, sentence, hits, True, 0.75, agreed=set())
    assert set(kept) == {0, 1, 2, 3, 4}  # the best 3 besides the curated: 2, 3, 4
    plain = keep_in_unit(cfg, sentence, {}, True, 0.75, agreed=set())
    assert set(plain) == {0, 2, 3}  # as plain scores, 0 takes a place and 4 is out
    low = np.array([1.12, 0.88, 0.82, 0.82, 0.1, 0.1])  # the others under the floor stay out
    assert set(keep_in_unit(cfg, low, {0: hits[0]}, True, 0.75, agreed=set())) == {0}


SKILLS = [
    SkillEntry(id=950 + i, uri=f"urn:cv6:{i}", preferred_label=label, description=desc)
    for i, (label, desc) in enumerate(
        [
            ("apply hair cutting techniques", "Cut a person's hair."),
            ("style hair", "Style a person's hair."),
            ("cutting technologies", "Cutting of metal with lasers and saws."),
            ("use access control software", "Manage user authentication and access rights."),
            ("manage accounts", "Manage financial accounts."),
            ("patrol areas", "Patrol a designated area."),
        ]
    )
]


@pytest.fixture(scope="module")
def linker():
    lk = SkillLinker(SKILLS, FakeEncoder(dim=256))
    lk.build()
    return lk


def _rows(linker, text: str) -> set[str]:
    return {linker.skills[h.row].preferred_label for h in linker.lexical(text).values()}


def test_a_hairdressers_cutting_is_hair_cutting_and_a_welders_is_not(linker):
    assert "apply hair cutting techniques" in _rows(linker, "Hairdresser: cutting and styling")
    assert "style hair" in _rows(linker, "Barber: cutting and styling")
    assert "apply hair cutting techniques" not in _rows(linker, "Welder: cutting steel plate")


def test_user_accounts_are_an_it_lines_access_control(linker):
    assert "use access control software" in _rows(linker, "IT support: user account management")
    assert "use access control software" not in _rows(linker, "Bank clerk: user accounts")
    assert "patrol areas" in _rows(linker, "Security guard on patrol at a retail park")
