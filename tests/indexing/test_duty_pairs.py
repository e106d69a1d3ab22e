"""An employer's words, a second round (docs/quality.md): a shift run is a team led, a
switchboard answered, calls put through, wards and bathrooms cleaned, phonics taught
(`indexing.duty_pairs.DUTY_PAIRS`, read with every rule through `indexing.trade_pairs.PAIRS`).
The real model: `skillmatch eval extraction tests/fixtures/cv_lines.json` (round postings-2)."""

from __future__ import annotations

import pytest

from indexing.context_aliases import curated_aliases
from indexing.duty_pairs import DUTY_ALIASES, DUTY_PAIRS
from indexing.trade_pairs import PAIRS
from indexing.word_pairs import find_pairs
from tests.growth import assert_linear


def _named(text):
    return {s for *_, rule in find_pairs(text, DUTY_PAIRS) for s in rule.skills}


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Run our night shift of 12 warehouse operatives", "lead a team"),
        ("Led the early shift on the tills", "lead a team"),
        ("Shift lead at a coffee shop", "lead a team"),  # a noun compound
        ("Answer the switchboard", "answer incoming calls"),
        ("covering the switchboard at lunch", "answer incoming calls"),
        ("direct calls to the right team", "redirect callers"),
        ("transferring callers to the duty manager", "redirect callers"),
        ("Clean wards and bathrooms", "clean rooms"),
        ("cleaning bedrooms and corridors", "clean rooms"),
        ("cleaning bathrooms", "clean rooms"),
        ("cleaned the toilets", "clean toilet facilities"),
        ("Deliver phonics interventions to small groups", "teach reading strategies"),
        ("ran phonics groups in Year 1", "teach reading strategies"),
        ("manage the director's diary", "manage personnel agenda"),
        ("Managed the CEO's busy diary", "manage personnel agenda"),
        ("operating a busy switchboard", "answer incoming calls"),
        ("covering reception and the switchboard", "answer incoming calls"),
        ("transferring incoming calls to the right team", "redirect callers"),
        ("diary management for two partners", "manage personnel agenda"),
        ("train and supervise commis and chefs de partie", "train employees"),
        ("train and supervise commis and chefs de partie", "supervise staff"),
        ("Trained new pickers on the scanners", "train employees"),
        ("managing a brigade of 6", "lead a team"),
        ("manage food costs and ordering", "control of expenses"),
        ("menu costing and ordering", "control of expenses"),
    ],
)
def test_the_rounds_pairs_read_the_employers_words(text, skill):
    assert skill in _named(text)


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("worked the night shift", "lead a team"),  # worked, not led
        ("work shifts including weekends", "lead a team"),
        ("ran to the shop; shift work", "lead a team"),  # a clause between
        ("made calls to customers", "redirect callers"),  # no directing
        ("answered customer calls", "answer incoming calls"),  # the dense reading's, not a rule's
        ("cleaned the vans", "clean rooms"),
        ("phonics screening check results", "teach reading strategies"),  # no teaching
        ("wrote a reflective diary", "manage personnel agenda"),
        # a diary of one's own, kept or maintained, is no director's agenda
        ("kept a reflective diary during my placement", "manage personnel agenda"),
        ("maintained a food diary for patients", "manage personnel agenda"),
        ("able to manage own diary and workload", "manage personnel agenda"),
        # a shift's handover, rota or changes are no team led
        ("ran the shift handover meetings", "lead a team"),
        ("head of shift rota planning", "lead a team"),
        # an electrician's switchboards are no telephone's
        ("operated and maintained HV switchboards offshore", "answer incoming calls"),
        # "direct" and "forward" of other words, before a call
        ("made direct sales calls to prospects", "redirect callers"),
        ("worked at Direct Line call centre", "redirect callers"),
        ("forward planning and call handling", "redirect callers"),
        ("trained as a chef in Lyon", "train employees"),  # the learner was trained
        ("I trained as a carer", "train employees"),
        ("Trainee chef", "train employees"),
        ("the cost of living", "control of expenses"),
    ],
)
def test_the_rounds_pairs_need_their_verb_and_object(text, skill):
    assert skill not in _named(text)


def test_every_rule_of_the_round_is_read_by_extraction():
    assert all(rule in PAIRS for rule in DUTY_PAIRS)


def test_dementia_care_names_the_care_of_older_people_everywhere():
    aliases = curated_aliases()
    assert all(aliases[a] == skills for a, skills in DUTY_ALIASES.items())
    assert set(aliases["dementia care"]) == {"tend to elderly people", "older adults' needs"}


def test_a_long_run_of_pair_words_reads_in_linear_time():
    assert_linear(
        lambda t: find_pairs(t, PAIRS), lambda n: "run the shift and clean the ward, " * n, n=500
    )


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Run our night shift of 12 warehouse operatives.", "lead a team"),
        ("Answer the switchboard and direct calls to the right team.", "answer incoming calls"),
        ("Clean wards and bathrooms to NHS infection control standards.", "clean rooms"),
        ("Deliver phonics interventions to small groups in KS1.", "teach reading strategies"),
        ("Care assistant, 2 years, personal care, dementia care, hoists.", "older adults' needs"),
        ("Experience of dementia care is essential.", "tend to elderly people"),
        (
            "You will run the kitchen, manage food costs and ordering, train and supervise commis "
            "and chefs de partie, and keep HACCP and allergen records.",
            "train employees",
        ),
        ("Administrator: diary management, Word and Excel, filing.", "Microsoft Word"),
        ("Confident with Microsoft Word, Excel and Outlook.", "Microsoft Word"),
    ],
)
def test_the_rounds_duties_on_the_real_model(real_runtime, text, skill):
    labels = {x.preferred_label for x in real_runtime.linker.extract(text)}
    assert skill in labels, labels


@pytest.mark.slow
@pytest.mark.parametrize(
    "text", ["In a word, reliable.", "Wrote a 2,000 word report", "Word of mouth referrals"]
)
def test_a_word_without_the_office_suite_is_no_program(real_runtime, text):
    labels = {x.preferred_label for x in real_runtime.linker.extract(text)}
    assert "Microsoft Word" not in labels, labels


@pytest.mark.slow
def test_staff_trained_in_a_kitchen_are_no_railway_work(real_runtime):
    text = "Train and supervise commis and chefs de partie, and keep HACCP records."
    labels = {x.preferred_label for x in real_runtime.linker.extract(text)}
    assert {"train employees", "supervise staff", "apply HACCP"} <= labels, labels
    assert "work trains" not in labels, labels
