"""A job posting's offer is no skill it asks for (indexing/benefits.py, used by
`indexing.extract.units`)."""

from __future__ import annotations

import pytest

from indexing.benefits import offered
from indexing.extract import units
from indexing.text import split_sentences
from tests.growth import assert_linear

POSTING = """We are looking for a Warehouse Team Leader.
Responsibilities:
- Lead a team of 12 pickers
We offer 28 days holiday, a pension scheme and free parking.
Benefits: gym membership. Package design experience is a plus.
What's in it for you?
- Training in Python
- Cycle to work scheme
Skills: Excel
In return:
- a company car

- Counterbalance licence
You will offer advice to customers on pensions.
PERKS
- Free lunches
REQUIRED PROFILE
- Python"""


ASKED = "Forklift licence required, sponsorship available"
NO_END = "Payroll and pension schemes experience available"
WORK_PROVIDED = (
    "Remote IT support provided",
    "Pension advice provided",
    "Payroll and pension services provided",
    "Holiday cover provided",
    "Career advice and guidance provided",
    "Relocation support provided",
    "Childcare provided",
)


def _kept(text: str) -> list[str]:
    return [s.text for s, u in units(text) if s == u]


def test_a_postings_offer_is_left_out_and_what_it_asks_for_is_read():
    assert _kept(POSTING) == [
        "We are looking for a Warehouse Team Leader",
        "Lead a team of 12 pickers",
        "Package design experience is a plus",  # "Package" opens no offer without a colon
        "Training in Python",  # an offer of learning is read
        "Skills: Excel",  # another section ends the offer's list
        "Counterbalance licence",  # a blank line ends it
        "You will offer advice to customers on pensions",  # no offer opener
        "REQUIRED PROFILE",  # a heading in capitals (no known one: read as before) ends it
        "Python",
    ]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Benefits\n- Company pension\n3+ years experience with JavaScript",
         ["3+ years experience with JavaScript"]),  # what a job asks for ends the list
        ("What we offer\nFree fruit\nThe skills we're looking for are\nReact",
         ["The skills we're looking for are", "React"]),
        ("In return, we offer a company van.", []),
        ("We offer full training in food hygiene.", ["We offer full training in food hygiene"]),
        ("We provide hands-on practice with SQL.", ["We provide hands-on practice with SQL"]),
        ("Perks include a pension.", []),
        ("We provide uniforms.", []),
        # an offer's opener with no benefit named is work: a carer's CV, an employer's stack
        ("We provide personal care to residents.", ["We provide personal care to residents"]),
        ("We offer bespoke software in React.", ["We offer bespoke software in React"]),
        ("Use Excel to report sales.", ["Use Excel to report sales"]),
        # a short sentence that says a benefit is there to have ("... available", "provided")
        ("Sponsorship available.", []),
        ("Free parking on site available.", []),
        ("Training in Excel provided.", ["Training in Excel provided"]),  # learning: read
        (ASKED, [ASKED]),  # what the job asks for is read
        (NO_END, [NO_END]),
        ("Uniform and company car provided.", []),
        # work a CV or a service states, with a benefit's word that is not the head: read
        *((work, [work]) for work in WORK_PROVIDED),
        ("", []),
    ],
)  # fmt: skip
def test_offers_and_what_ends_them(text, kept):
    assert _kept(text) == kept


def test_hostile_offers_are_read_in_linear_time():
    def read(text: str) -> set[int]:
        return offered(text, split_sentences(text))

    assert_linear(read, lambda n: "Benefits:\n" + "- free fruit\n" * n)
    assert_linear(read, lambda n: "We offer " * n)
    assert_linear(read, lambda n: "sponsorship " * n + "available")
    assert_linear(read, lambda n: "free " * n + "x")
    assert_linear(read, lambda n: "free " * n + "parking available")
    assert_linear(read, lambda n: "parking and free " * n + "x")
    assert len(read("free " * 20 + "parking and company car provided")) == 1
    assert_linear(read, lambda n: "What's in it for you?\n\n" * n)
    assert_linear(read, lambda n: "Benefits\n- " + "A" * n + "a.")  # a run of capitals
    assert_linear(read, lambda n: "BENEFITS\n- " + "FREE PARKING ON SITE, " * (n // 10) + "x")
    assert len(read("Benefits:\n" + "- free fruit\n" * 5_000)) == 5_001


@pytest.mark.slow
def test_a_postings_benefits_read_no_skill_on_the_real_model(real_runtime):
    text = (
        "Warehouse Team Leader\nResponsibilities:\n- Lead a team of 12 pickers on the night shift\n"
        "- Train new starters on the WMS and handheld scanners\nRequirements:\n"
        "- Counterbalance forklift licence\n"
        "We offer 28 days holiday, a pension scheme and free parking.\n\n"
        "Benefits:\n- Company pension\n- Cycle to work scheme"
    )
    labels = {x.preferred_label for x in real_runtime.linker.extract(text)}
    assert {"lead a team", "train employees", "operate forklift"} <= labels, labels
    assert not {x for x in labels if "pension" in x or "parking" in x or "cycl" in x}, labels
