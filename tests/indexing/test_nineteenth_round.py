"""A learner's words, a nineteenth round (docs/quality.md): people a learner is responsible for
or in charge of, a call centre said between a verb and its people, contractors managed,
reports written, direct reports made as documents (`indexing.learner_words19`,
`learner_words18`), an office's admin (`ROUND19_CONTEXT_ALIASES`), advisers in the plural
(`ROUND19_UNSAID`, through `indexing.unsaid`). The real model: `skillmatch eval extraction
tests/fixtures/cv_lines.json` (round "words-19")."""

from __future__ import annotations

import pytest

from indexing.aliases import AliasMatcher
from indexing.context_aliases import (
    CONTEXT_ALIASES,
    ContextWords,
    alias_contexts,
    curated_aliases,
)
from indexing.learner_words19 import OFFICE, ROUND19_PAIRS
from indexing.pair_search import over_objects
from indexing.trade_pairs import PAIRS
from indexing.unsaid import UnsaidSkills
from indexing.word_pairs import WordPair, find_pairs
from tests.growth import assert_linear
from tests.indexing.entries import skill_entry

_LABELS = (
    "manage staff",
    "supervise staff",
    "monitor contractor performance",
    "write work-related reports",
    "advise supervisors",
    "drive vehicles",
)
_SKILLS = [skill_entry(i, label, scheme="t19") for i, label in enumerate(_LABELS)]
_MATCHER = AliasMatcher(_SKILLS, pairs=PAIRS)


def _read(text: str) -> set[str]:
    """The skills the rules read in `text`, each hit's context counted as the linker counts it
    (`indexing.linker.Linker.lexical`)."""
    said = ContextWords(text)
    return {_LABELS[h.row] for h in _MATCHER.find(text) if said.has(h.context, (h.start, h.end))}


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Managed 15 call centre agents", "manage staff"),  # the context between its words
        ("Supervised 10 contact centre advisors on the helpline", "supervise staff"),
        ("Store manager responsible for 25 colleagues across two shops", "manage staff"),
        ("Head housekeeper in charge of 12 room attendants", "manage staff"),
        ("Transport manager responsible for 40 HGV drivers", "manage staff"),
        ("Deputy manager in charge of 40 care staff and the rota", "manage staff"),
        ("Responsible for 20 agents on inbound calls", "manage staff"),
        ("managing 12 pickers across three sites", "manage staff"),  # "across" ends the phrase
        ("Site foreman managing 20 subcontractors", "monitor contractor performance"),
        ("Oversaw contractors on a refurbishment", "monitor contractor performance"),
        ("Produced direct reports for the board", "write work-related reports"),
        ("Wrote weekly reports for the area manager", "write work-related reports"),
        ("Managed 3 direct reports", "manage staff"),  # still people
    ],
)
def test_the_rounds_people_contractors_and_reports_are_read(text, skill):
    assert skill in _read(text)


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Produced direct reports for the board", "manage staff"),  # documents
        ("Typed direct reports up for the directors", "manage staff"),
        ("Managed 15 estate agents", "manage staff"),  # no call centre said anywhere
        ("Managed 15 agents' accounts", "manage staff"),  # the accounts, no call centre
        ("Responsible for training new drivers", "manage staff"),  # the training
        ("In charge of recruiting care staff", "manage staff"),
        ("Responsible for the drivers' timesheets", "manage staff"),  # no head
        ("Reported to the cleaning supervisor", "manage staff"),
        ("Supervised by the contractor's site manager", "monitor contractor performance"),
        ("Worked as a subcontractor for a builder", "monitor contractor performance"),
        ("Transport manager responsible for 40 HGV drivers", "drive vehicles"),  # others drive
        ("Reported faults to the landlord", "write work-related reports"),  # no report written
    ],
)
def test_what_the_rounds_rules_do_not_read(text, skill):
    assert skill not in _read(text)


def test_the_options_of_the_round():
    assert PAIRS[-len(ROUND19_PAIRS) :] == ROUND19_PAIRS
    after = WordPair.of("direct", "report", ("x",), not_after=frozenset({"produc"}))
    assert find_pairs("Produced direct reports", (after,)) == []
    assert find_pairs("Managed direct reports", (after,)) != []
    assert find_pairs("direct reports", (after,)) != []  # the text's first word
    doing = WordPair.of("responsible_for", "driver", ("x",), doing=False)
    assert find_pairs("responsible for training drivers", (doing,)) == []
    assert find_pairs("responsible for new drivers", (doing,)) != []
    assert find_pairs(
        "responsible for training drivers", (WordPair.of("responsible_for", "driver", ("x",)),)
    )
    # "in charge of" and "responsible for" are one word each, "charge" alone none
    assert find_pairs("charge the drivers", (doing,)) == []


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("Admin and receptionist at a GP surgery", True),  # an office's words
        ("Admin, filing and post for a solicitors", True),
        ("Admin", False),  # no office said: a system's too
        ("WordPress admin for a small charity", False),
    ],
)
def test_an_offices_admin_is_clerical_work(text, read):
    assert CONTEXT_ALIASES["admin"] == (
        OFFICE,
        ("perform clerical duties", "office administration"),
    )
    labels = ("perform clerical duties", "office administration")
    rows = [skill_entry(i, label, scheme="t19a") for i, label in enumerate(labels)]
    matcher = AliasMatcher(rows, curated=curated_aliases(), contexts=alias_contexts())
    said = ContextWords(text)
    hits = [h for h in matcher.find(text) if said.has(h.context, (h.start, h.end))]
    assert bool(hits) is read


_UNSAID = UnsaidSkills(_SKILLS)


@pytest.mark.parametrize(
    ("text", "unsaid"),
    [
        ("Careers advisors", True),
        ("Team leader for 5 careers advisers in a sixth form college", True),
        ("Advised my line manager on rota changes", False),
        ("Advised supervisors on safety issues", False),
    ],
)
def test_an_adviser_advises_no_supervisor_unless_the_line_says_one(text, unsaid):
    assert (_LABELS.index("advise supervisors") in _UNSAID.rows(text)) is unsaid
    assert _LABELS.index("manage staff") not in _UNSAID.rows(text)


@pytest.mark.parametrize(
    "make",
    [
        lambda n: "responsible for " * n + "drivers",
        lambda n: "in charge of training " * n + "staff",
        lambda n: "produced direct reports, " * n,
        lambda n: "managed call centre " * n + "agents",
        lambda n: "x " * n + "Managed 15 call centre agents",
    ],
)
def test_hostile_long_and_repeated_input_grows_linearly(make):
    assert_linear(lambda t: over_objects(find_pairs(t, PAIRS)), make, n=1_000)


def test_hostile_input_of_the_pairs_hits_grows_linearly():
    """`within`'s words are looked up in each hit's own words (a few words each)."""
    assert_linear(_read, lambda n: "Managed 15 call centre agents. " * n, n=300)


_REAL = [
    ("Managed 15 call centre agents", {"manage staff"}, set()),
    ("Produced direct reports for the board", {"write work-related reports"}, {"manage staff"}),
    ("Admin and receptionist at a GP surgery", {"perform clerical duties"}, set()),
    ("Store manager responsible for 25 colleagues across two shops", {"manage staff"}, set()),
    (
        "Site foreman managing 20 subcontractors on a housing estate",
        {"monitor contractor performance"},
        set(),
    ),
    ("Careers advisors", set(), {"advise supervisors"}),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "said", "unsaid"), _REAL)
def test_the_rounds_lines_on_the_real_model(real_runtime, text, said, unsaid):
    labels = {x.preferred_label for x in real_runtime.linker.extract(text)}
    assert said <= labels, labels
    assert not unsaid & labels, labels
