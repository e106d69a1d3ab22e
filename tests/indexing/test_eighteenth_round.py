"""A learner's words, an eighteenth round (docs/quality.md): people managed or supervised,
direct reports, KPIs managed (`indexing.learner_words18.ROUND18_PAIRS`), the skills of
performing an event that a line doing a duty for it does not read (`EVENT_UNSAID`, through
`indexing.unsaid`). The real model: `skillmatch eval extraction tests/fixtures/cv_lines.json`
(round "words-18")."""

from __future__ import annotations

import pytest

from indexing.context_aliases import CONTEXTS, has_context
from indexing.learner_words18 import CALL_CENTRE, ROUND18_PAIRS
from indexing.learner_words19 import ROUND19_PAIRS
from indexing.pair_search import over_objects
from indexing.trade_pairs import PAIRS
from indexing.unsaid import UnsaidSkills
from indexing.word_pairs import WordPair, find_pairs
from tests.growth import assert_linear
from tests.indexing.entries import skill_entry


def _named(text, rules=ROUND18_PAIRS):
    return {s for *_, rule in find_pairs(text, rules) for s in rule.skills}


def _in_context(text):
    """The skills the round's rules read in `text`, each rule's context counted."""
    out = set()
    for start, end, rule in find_pairs(text, ROUND18_PAIRS):
        if has_context(text, rule.context, (start, end)):
            out |= set(rule.skills)
    return out


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Warehouse supervisor managing 12 pickers", "manage staff"),
        ("managing 12 pickers", "manage staff"),
        ("Line managed 4 engineers", "manage staff"),
        ("Managed 3 direct reports", "manage staff"),
        ("IT manager with 3 direct reports", "manage staff"),
        ("Head chef managing 5 chefs and kitchen porters", "manage staff"),
        ("Salon manager managing 6 stylists and the appointment book", "manage staff"),
        ("Workshop foreman supervising 6 mechanics and 2 apprentices", "supervise staff"),
        ("oversaw four electricians on site", "supervise staff"),
        ("Call centre team leader managing 12 agents and KPIs", "manage staff"),
        ("Call centre team leader managing 12 agents and KPIs", "track key performance indicators"),
        ("Supervising 20 advisers on inbound calls", "supervise staff"),
    ],
)
def test_people_managed_are_staff(text, skill):
    assert skill in _in_context(text)


@pytest.mark.parametrize(
    "text",
    [
        "Lettings negotiator for a managing agent",  # no call centre: the agent lets property
        "managing 12 agents",  # an agent alone: no call centre said
        "Managed monthly reports for the board",  # documents
        "Managed the drivers' schedules and fuel cards",  # the schedules, not the drivers
        "Managed agent relationships",  # "agent" is no head here
        "Engineer managing the build of a new site",  # the engineer manages, is not managed
        "Supervised by the senior technician",  # the learner was supervised
        "managed relationships with engineers",  # the relationships
        "Managed supplies to cleaners",  # the supplies
        "Managed parents' expectations",  # no worker's word
        "reports directly to the director",  # no direct report
    ],
)
def test_no_one_is_managed_here(text):
    assert not _in_context(text) & {"manage staff", "supervise staff"}


def test_the_rules_order_and_options():
    assert PAIRS[-len(ROUND18_PAIRS) - len(ROUND19_PAIRS) : -len(ROUND19_PAIRS)] == ROUND18_PAIRS
    assert "call" in CONTEXTS[CALL_CENTRE]
    rule = WordPair.of("manage", "team", ("x",), unless=frozenset({"by"}), compound=False)
    assert find_pairs("managed by the team", (rule,)) == []
    assert find_pairs("team managing", (rule,)) == []
    assert find_pairs("managed the team", (rule,)) != []
    assert find_pairs("team managing", (WordPair.of("manage", "team", ("x",)),)) != []


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("Managed 4 delivery drivers and their routes", False),  # the drivers are managed
        ("Supervising 6 van drivers", False),
        ("Delivery driver managing 2 other drivers", True),  # the learner drives too
        ("Van driver", True),
    ],
)
def test_people_managed_do_not_read_as_the_learners_work(text, read):
    found = over_objects(find_pairs(text, PAIRS))
    assert any("drive vehicles" in rule.skills for *_, rule in found) is read


_LABELS = (
    "officiate weddings",
    "officiate civil partnerships",
    "assist with funeral planning",
    "advise on funeral services",
    "perform live",
    "organise press conferences",
    "drive vehicles",
)
_UNSAID = UnsaidSkills([skill_entry(i, label, scheme="t18") for i, label in enumerate(_LABELS)])


def _unsaid(text: str) -> set[str]:
    return {_LABELS[r] for r in _UNSAID.rows(text)}


@pytest.mark.parametrize(
    ("text", "unsaid"),
    [
        (
            "Chauffeur for weddings and funerals",
            {"officiate weddings", "advise on funeral services"},
        ),
        (
            "Events coordinator for weddings and corporate conferences",
            {"organise press conferences"},
        ),
        ("Sound technician for live concerts and festivals", {"perform live"}),
        ("Catering assistant for funerals and wakes", {"assist with funeral planning"}),
    ],
)
def test_an_event_served_is_not_performed(text, unsaid):
    assert unsaid <= _unsaid(text)
    assert "drive vehicles" not in _unsaid(text)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Registrar conducting weddings and civil partnerships", "officiate weddings"),
        ("Celebrant for weddings", "officiate civil partnerships"),
        ("Funeral director's assistant arranging services", "assist with funeral planning"),
        ("Singer in a covers band, playing live at weddings", "perform live"),
        ("Press officer organising press conferences", "organise press conferences"),
    ],
)
def test_the_event_skill_stands_where_the_line_says_it(text, said):
    assert said not in _unsaid(text)


@pytest.mark.parametrize(
    "make",
    [
        lambda n: "managing the " * n + "pickers",
        lambda n: "supervised by " * n + "engineers",
        lambda n: "direct reports, managed agents on calls, " * n,
        lambda n: "x " * n + "Managed 3 direct reports",
    ],
)
def test_hostile_long_and_repeated_input_grows_linearly(make):
    assert_linear(lambda t: find_pairs(t, ROUND18_PAIRS), make, n=1_000)


def test_hostile_input_of_the_unsaid_events_grows_linearly():
    assert_linear(_UNSAID.rows, lambda n: "weddings funerals live concerts " * n, n=1_000)


_READ = [
    ("Call centre team leader managing 12 agents and KPIs", {"manage staff"}, set()),
    ("Managed 3 direct reports", {"manage staff"}, {"report facts"}),
    ("Head chef managing 5 chefs and kitchen porters", {"manage staff"}, set()),
    (
        "Events coordinator for weddings and corporate conferences",
        set(),
        {"officiate weddings", "organise press conferences"},
    ),
    ("Chauffeur for weddings and funerals", set(), {"officiate weddings"}),
    ("Sound technician for live concerts and festivals", set(), {"perform live"}),
    ("Lettings negotiator for a managing agent, arranging viewings", set(), {"manage staff"}),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "said", "unsaid"), _READ)
def test_the_rounds_lines_on_the_real_model(real_runtime, text, said, unsaid):
    labels = {x.preferred_label for x in real_runtime.linker.extract(text)}
    assert said <= labels, labels
    assert not unsaid & labels, labels


def test_dropping_the_managed_peoples_readings_is_linear():
    """`over_objects` looked at every `over` reading for each reading (review: 4,000 lines of
    "Managed 4 delivery drivers." took 0.65 s against 0.03 s for 1,000)."""
    line = "Managed 4 delivery drivers. "
    assert_linear(lambda t: over_objects(find_pairs(t, PAIRS)), lambda n: line * (n // len(line)))


@pytest.mark.parametrize(
    "text",
    [
        "Managed under the head chef",
        "Supervised alongside the senior mechanic",
        "Managed bookings via the receptionist",
        "Managed the handover between nurses",
    ],
)
def test_a_preposition_before_the_people_reads_no_staff_managed(text):
    assert not [r for *_, r in find_pairs(text, ROUND18_PAIRS) if r.over]


@pytest.mark.parametrize(
    ("text", "unsaid"),
    [
        # a car dealership's servicing: no casino's dealers, no service to customers
        (
            "Mechanic at a Ford dealership, servicing and MOTs",
            {"train dealers", "customer service"},
        ),
        ("Croupier at a casino, training new dealers", set()),  # the casino's
        ("Service advisor at a garage booking customers' cars in", {"train dealers"}),
        ("Retail assistant giving great service", {"train dealers"}),  # no vehicle: any line
    ],
)
def test_a_garages_words_read_no_casino_or_customer_service(text, unsaid):
    from indexing.unsaid import UnsaidSkills
    from tests.indexing.entries import skill_entry

    labels = ("train dealers in gaming", "customer service")
    rules = UnsaidSkills([skill_entry(i, lab, scheme="t18") for i, lab in enumerate(labels)])
    short = {"train dealers in gaming": "train dealers", "customer service": "customer service"}
    assert {short[labels[r]] for r in rules.rows(text)} == unsaid


@pytest.mark.parametrize(
    ("text", "unsaid"),
    [
        ("Book keeper for a small firm", {"publishers"}),
        ("Book keeper liaising with publishers for a literary agency", set()),
    ],
)
def test_a_book_keeper_reads_no_publisher(text, unsaid):
    from indexing.unsaid import UnsaidSkills
    from tests.indexing.entries import skill_entry

    labels = ("liaise with book publishers", "sell books")
    rules = UnsaidSkills([skill_entry(i, lab, scheme="t18b") for i, lab in enumerate(labels)])
    short = {labels[0]: "publishers", labels[1]: "publishers"}
    assert {short[labels[r]] for r in rules.rows(text)} == unsaid
