"""A learner's words, an eleventh round (docs/quality.md): a word said with "-ing" is not the
object a rule lists ("reading planning policy" reads no plan), "managed to" is another verb's
("the team managed to", "I managed to join the team"), verbs joined by
"and" share their object ("train and supervise a team"), words said together are one ("looking
after", "under-fives"), and the new verb-object rules (a treasurer, an event run, a shop worked
in, goods sold, animals held, kennels cleaned, a delivery rider, toilets, a carer's meals,
children watched, lawns, bread, a team managed, donations, the till). The real model:
`skillmatch eval extraction tests/fixtures/cv_lines.json` (the last 19 lines)."""

from __future__ import annotations

import pytest

from indexing.encoder import FakeEncoder
from indexing.linker import SkillLinker
from indexing.word_pairs import WORD_PAIRS, find_pairs
from tests.indexing.entries import skill_entry


def _named(text):
    return {s for *_, rule in find_pairs(text, WORD_PAIRS) for s in rule.skills}


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("PTA treasurer", "maintain financial records"),
        ("I help run the school fete", "coordinate events"),
        ("I organised the summer fair", "plan events"),
        ("organising charity events such as quiz nights", "plan events"),
        ("holding dogs for the vet", "control animal movement"),
        ("event planning for a charity", "plan events"),
        ("before that I worked in a phone shop", "assist customers"),
        ("worked in a shop for 3 years", "assist customers"),
        ("Uber driver", "drive vehicles"),
        ("selling accessories", "sell products"),
        ("I also help hold animals", "control animal movement"),
        ("clean kennels", "maintain animal accommodation"),
        ("cleaning out the pens", "maintain animal accommodation"),
        ("Deliveroo rider, delivering takeaways on my bike", "drive two-wheeled vehicles"),
        ("Pizza delivery rider", "drive two-wheeled vehicles"),
        ("cleaning the toilets", "clean toilet facilities"),
        ("Home carer visiting clients, making their meals", "prepare ready-made dishes"),
        ("watching the children in the playground", "supervise children"),
        ("looking after under-fives", "supervise children"),
        ("mowing verges", "provide lawn care"),
        ("baking bread", "bake goods"),
        ("Manage a small team of warehouse staff", "manage staff"),
        ("Recruit, train and supervise a team of bar staff", "train employees"),
        ("sorting donated clothes", "manage donated goods in second-hand shop"),
        ("working on the till", "operate cash register"),
        ("reading drawings on site", "interpret 2D plans"),  # listed with -ing: still read
        ("changing the bedding", "make the beds"),
    ],
)
def test_the_eleventh_rounds_rules_read_the_learners_words(text, skill):
    assert skill in _named(text)


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Architect reading planning policy", "interpret 2D plans"),  # planning is no plan
        ("The team managed to cut waiting times", "manage staff"),  # a clause, not a compound
        ("I managed to join the team in 2019", "manage staff"),  # "managed to": succeeded
        ("I worked on the shop floor", "assist customers"),  # a factory's floor
        ("working in a mobile phone repair shop", "assist customers"),  # too far
        ("worked till 10", "operate cash register"),
        ("working till late most nights", "operate cash register"),
        ("Treasurer's report", "maintain financial records"),
        ("I ran a fair trade stall", "coordinate events"),
        ("I hold a pet first aid certificate", "control animal movement"),
    ],
)
def test_the_eleventh_rounds_rules_read_nothing_else(text, skill):
    assert skill not in _named(text)


def test_managed_to_is_no_managing_but_a_compound_is_read_backwards():
    assert "provide ICT support" in _named("password resets")
    assert "attend to children's basic physical needs" in _named("nappy changing")
    assert "manage staff" in _named("a team managed by me")
    assert "manage staff" not in _named("The team managed to cut waiting times")


def test_extract_reads_the_pairs_in_their_context_and_no_plan_from_planning():
    labels = ["interpret 2D plans", "supervise children", "manage staff", "bake goods"]
    labels += ["prepare ready-made dishes", "drive two-wheeled vehicles"]
    linker = SkillLinker(
        [skill_entry(i, x, (), "skill/competence", scheme="t11") for i, x in enumerate(labels)],
        FakeEncoder(dim=64),
    )
    linker.build()
    read = lambda text: {x.preferred_label for x in linker.extract(text)}  # noqa: E731
    assert "supervise children" in read("Registered childminder looking after under-fives")
    assert "bake goods" in read("Bakery assistant baking bread and serving customers")
    assert "manage staff" in read("Manage a small team of warehouse staff")
    assert "interpret 2D plans" not in read("Architect on building sites reading planning policy")
    assert "interpret 2D plans" in read("Labourer on building sites reading the plans")
    # a context's rules: a carer's meals, a delivery rider's bike
    assert "prepare ready-made dishes" in read("Home carer making clients' meals")
    assert "prepare ready-made dishes" not in read("Home cook making dinner for the family")
    assert "drive two-wheeled vehicles" in read("Delivering takeaways on my bike")
    assert "drive two-wheeled vehicles" not in read("Cycling on my bike at weekends")
