"""A learner's words, a sixteenth round (docs/quality.md): a garage's tyres, brakes and MOT, the
forces' radios and Signals, a warehouse's WMS and pick rates, a kitchen's pass, a lettings
office's viewings and tenancy files, toolbox talks, walkaround checks, a shop's replenishment
and price changes, a cleanroom, a food bank (`indexing.learner_words16`); a number after the
comma that ends a rule's object ("Led the night shift, 6 staff": `pair_search._ends_phrase`);
idioms whose words name no skill ("word of mouth", "the cost of living") and no rule ends in "a
clean room" (`indexing.aliases`). The real model: `skillmatch eval extraction
tests/fixtures/cv_lines.json` (round "words-16")."""

from __future__ import annotations

import pytest

from indexing.aliases import AliasMatcher, phrase_spans, place_spans
from indexing.context_aliases import (
    CONTEXT_ALIASES,
    CONTEXTS,
    alias_contexts,
    curated_aliases,
    has_context,
)
from indexing.duty_pairs import DUTY_PAIRS
from indexing.learner_words16 import (
    CLEANROOM,
    IDIOMS,
    KITCHEN,
    MOTOR,
    PROPERTY,
    ROUND16_PAIRS,
    THINGS,
)
from indexing.trade_pairs import PAIRS
from indexing.word_pairs import find_pairs
from tests.growth import assert_linear
from tests.indexing.entries import skill_entry


def _named(text, rules=ROUND16_PAIRS):
    return {s for *_, rule in find_pairs(text, rules) for s in rule.skills}


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("fitting tyres and exhausts", "replace tyres"),
        ("changed tyres", "replace tyres"),
        ("puncture repairs", "apply rubber patches"),
        ("ran radio networks", "operate radio equipment"),
        ("operating the radios on exercise", "operate radio equipment"),
        ("monitor pick rates", "evaluate employees work"),
        ("tracking the team's rates", "evaluate employees work"),
        ("running the pass", "ensure food quality"),
        ("keeping tenancy files up to date", "maintain professional records"),
        ("assembling catheters", "manufacture medical devices"),
        ("price changes", "put up price tags"),
    ],
)
def test_the_rounds_pairs_read_the_learners_words(text, skill):
    assert skill in _named(text)


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("sold tyres", "replace tyres"),  # selling is no fitting
        ("monitor heart rates", "evaluate employees work"),  # no pick rate
        ("Monitored the rate of infection on the ward", "evaluate employees work"),
        ("Tracked the rate of return on investments", "evaluate employees work"),
        ("Reviewed rates with suppliers", "evaluate employees work"),
        ("Reviewed staff rates of pay", "evaluate employees work"),
        ("monitor interest rates", "evaluate employees work"),
        ("ran a pass the parcel game", "ensure food quality"),  # "the parcel" after it
        ("ran a show on the local radio", "operate radio equipment"),  # far: 5 words between
        ("tenancy", "maintain professional records"),
    ],
)
def test_the_rounds_pairs_read_no_other_words(text, skill):
    assert skill not in _named(text)


def test_the_rounds_context_rules_need_their_context():
    pass_rule = next(r for r in ROUND16_PAIRS if "ensure food quality" in r.skills)
    assert pass_rule.context == KITCHEN
    for alias, context in (("tyres", MOTOR), ("viewings", PROPERTY), ("clean room", CLEANROOM)):
        assert alias_contexts()[alias] == context
    assert has_context("Mechanic at Kwik Fit: tyres, brakes", MOTOR, (20, 25))
    assert not has_context("Sales assistant selling tyres", MOTOR, (24, 29))  # its own word
    assert has_context("Lettings negotiator: viewings", PROPERTY, (21, 29))
    assert not has_context("Art gallery viewings", PROPERTY, (12, 20))
    assert not has_context("Hotel room attendant, clean room", CLEANROOM, (22, 32))


def test_the_rounds_words_are_curated_and_come_after_the_earlier_rounds():
    curated = curated_aliases()
    assert curated["MOT"] == ("perform vehicle tests",)
    assert curated["WMS"] == ("use a warehouse management system",)
    assert curated["toolbox talks"] == ("instruct on safety measures",)
    assert "conduct routine machinery checks" in curated["walkaround checks"]
    assert CONTEXT_ALIASES["brakes"] == (MOTOR, ("maintain braking system",))
    assert {MOTOR, PROPERTY, CLEANROOM} <= set(CONTEXTS)
    at = PAIRS.index(ROUND16_PAIRS[0])  # then a seventeenth round's
    assert PAIRS[at : at + len(ROUND16_PAIRS)] == ROUND16_PAIRS


def test_a_number_after_the_comma_ends_the_object():
    rules = DUTY_PAIRS
    assert "lead a team" in _named("Led the night shift, 6 staff", rules)
    assert "lead a team" in _named("Ran the late shift; 12 pickers", rules)
    assert "lead a team" not in _named("Led the shift 6 nights a week", rules)  # a time
    till = find_pairs("worked till 10", PAIRS)
    assert not [r for *_, r in till if "operate cash register" in r.skills]


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("Word of mouth and Excel", [(0, 13)]),
        ("families with the cost of living", [(18, 32)]),
        ("Word, Excel and Outlook", []),
        ("costs of living", []),  # another form: read as before
    ],
)
def test_idioms_are_read_like_a_workplaces_words(text, spans):
    assert sorted(place_spans(text)) == spans


_SKILLS = [
    skill_entry(0, "control of expenses", scheme="t16"),
    skill_entry(1, "clean rooms", scheme="t16"),
    skill_entry(2, "wear cleanroom suit", scheme="t16"),
]


def _matcher():
    pairs = tuple(r for r in PAIRS if {"control of expenses", "clean rooms"} & set(r.skills))
    return AliasMatcher(_SKILLS, pairs=pairs)


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        ("helping families reduce the cost of living", set()),  # its object an idiom's word
        ("reduced food costs by 10%", {0}),
        ("reduce the cost of deliveries", {0}),
        ("assembling catheters in a clean room", set()),  # a thing, no room cleaned
        ("cleaned the rooms and the toilets", {1}),
        ("clean room 12 after checkout", {1}),  # no article: a room cleaned
    ],
)
def test_no_rule_ends_in_an_idiom_or_a_things_name(text, rows):
    assert {h.row for h in _matcher().find(text) if h.kind == "curated"} == rows


@pytest.mark.parametrize(
    ("read", "make"),
    [
        (lambda t: find_pairs(t, ROUND16_PAIRS), lambda n: "monitor the pick " * n + "rates"),
        (lambda t: find_pairs(t, ROUND16_PAIRS), lambda n: "running the " * n + "pass"),
        (lambda t: find_pairs(t, PAIRS), lambda n: "Led the shift, 6 " * n),
        (place_spans, lambda n: "word of mouth cost of " * n),
        (lambda t: phrase_spans(t, IDIOMS + THINGS), lambda n: "a clean " * n + "room"),
        (_matcher().find, lambda n: "reduce the cost of living, " * n),
    ],
)
def test_hostile_long_and_repeated_input_grows_linearly(read, make):
    assert_linear(read, make, n=1_000)


_READ = [
    (
        "Mechanic at Kwik Fit: tyres, brakes, MOT prep",
        {"replace tyres", "maintain braking system", "perform vehicle tests"},
        {"sell tyres"},
    ),
    ("Led the night shift, 6 staff", {"lead a team"}, set()),
    ("Word of mouth and Excel", {"Microsoft Excel"}, {"Microsoft Word"}),
    (
        "Cleanroom operator assembling catheters in a clean room",
        {"wear cleanroom suit"},
        {"clean rooms"},
    ),
    (
        "Food bank volunteer, helping families reduce the cost of living",
        {"provide charity services"},
        {"control of expenses"},
    ),
    ("Head chef: menus, GP margins, ordering and food costs", {"control of expenses"}, set()),
    ("Room attendant: clean rooms, change beds", {"clean rooms"}, {"wear cleanroom suit"}),
    ("Selling tyres and car parts at Halfords", set(), {"replace tyres"}),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "said", "unsaid"), _READ)
def test_the_rounds_lines_on_the_real_model(real_runtime, text, said, unsaid):
    labels = {x.preferred_label for x in real_runtime.linker.extract(text)}
    assert said <= labels, labels
    assert not unsaid & labels, labels
