"""An employer's words, a third round (docs/quality.md): faults found, work at height, an
electrical installation, EICRs and the wiring regulations, a payroll run, a nursery's activities,
safeguarding and the EYFS (`indexing.employer_words`, read with every rule through
`indexing.trade_pairs.PAIRS` and `indexing.context_aliases`). The real model: `skillmatch eval
extraction tests/fixtures/cv_lines.json` (round postings-3) and tests/employer/rank_cases.py."""

from __future__ import annotations

import pytest

from indexing.context_aliases import CHILDREN, alias_contexts, curated_aliases, has_context
from indexing.employer_words import EMPLOYER_ALIASES, EMPLOYER_CONTEXT_ALIASES, EMPLOYER_PAIRS
from indexing.trade_pairs import PAIRS
from indexing.word_pairs import find_pairs
from tests.growth import assert_linear

_HEIGHTS = "follow safety procedures when working at heights"
_INSTALL = "install electrical and electronic equipment"
_CHILDREN = "contribute to the safeguarding of children"
_ELECTRICIAN = "Approved electrician, fault finding, EICRs, 18th Edition."


def _named(text):
    return {s for *_, rule in find_pairs(text, EMPLOYER_PAIRS) for s in rule.skills}


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Find and fix faults on lighting and power circuits", "troubleshoot"),
        ("fault finding on commercial installations", "troubleshoot"),  # a noun compound
        ("diagnosed faults on boilers", "troubleshoot"),
        ("Read technical drawings and work safely at height", _HEIGHTS),
        ("working at heights on scaffolds", _HEIGHTS),
        ("installed sockets and lighting in new builds", _INSTALL),
        ("fitting consumer units and wiring circuits", _INSTALL),
        ("run the monthly payroll", "manage payroll"),
        ("payroll processing for 40 staff", "manage payroll"),
        ("plan activities that follow the EYFS", "plan youth activities"),
        ("organising messy play activities", "plan youth activities"),
    ],
)  # fmt: skip
def test_the_rounds_pairs_read_the_employers_words(text, skill):
    assert skill in _named(text)


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("installed software on the office laptops", _INSTALL),
        # an installation tested, rewires carried out: no installing (and the testing is read)
        ("carry out rewires and test electrical installations", _INSTALL),
        ("worked hard at the weekend", _HEIGHTS),
        ("worked to a height of ambition", _HEIGHTS),
        ("answered payroll queries", "manage payroll"),
        ("faults were logged by the team", "troubleshoot"),
        ("planned the week's menus; activities coordinator", "plan youth activities"),
    ],
)
def test_the_rounds_pairs_need_their_verb_and_object(text, skill):
    assert skill not in _named(text)


def test_every_rule_and_word_of_the_round_is_read_by_extraction():
    assert all(rule in PAIRS for rule in EMPLOYER_PAIRS)
    aliases, contexts = curated_aliases(), alias_contexts()
    assert all(aliases[a] == skills for a, skills in EMPLOYER_ALIASES.items())
    for alias, (context, skills) in EMPLOYER_CONTEXT_ALIASES.items():
        assert (aliases[alias], contexts[alias]) == (skills, context)


def test_a_line_about_young_children_is_the_childrens_context():
    assert has_context("Follow safeguarding and paediatric first aid procedures", CHILDREN)
    assert has_context("Nursery practitioner, safeguarding training", CHILDREN)
    assert not has_context("Safeguarding vulnerable adults in a care home", CHILDREN)


def test_a_long_run_of_the_rounds_words_reads_in_linear_time():
    assert_linear(
        lambda t: find_pairs(t, PAIRS), lambda n: "fix faults and work at height, " * n, n=500
    )


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "skill"),
    [
        (_ELECTRICIAN, "troubleshoot"),
        (_ELECTRICIAN, "write inspection reports"),
        (_ELECTRICIAN, "electrical safety regulations"),
        ("Install and test circuits to BS 7671.", "electrical safety regulations"),
        ("Read technical drawings and work safely at height.", _HEIGHTS),
        ("Follow safeguarding and paediatric first aid procedures.", _CHILDREN),
        ("Plan activities that follow the EYFS.", "plan youth activities"),
        ("Run the monthly payroll and prepare VAT returns.", "manage payroll"),
    ],
)  # fmt: skip
def test_the_rounds_words_on_the_real_model(real_runtime, text, skill):
    labels = {x.preferred_label for x in real_runtime.linker.extract(text)}
    assert skill in labels, labels


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Safeguarding vulnerable adults in a care home.", _CHILDREN),
        ("Proofread the 18th edition of the style guide.", "electrical safety regulations"),
    ],
)  # fmt: skip
def test_the_rounds_words_of_a_context_need_it_on_the_real_model(real_runtime, text, skill):
    labels = {x.preferred_label for x in real_runtime.linker.extract(text)}
    assert skill not in labels, labels
