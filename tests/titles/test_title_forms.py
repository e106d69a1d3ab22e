"""How a typed title is written, not what it names: shortened words ("Asst. Office Mgr"), plural
modifiers ("Customer Services Manager"), a shop's floor ("Shop Floor Assistant"), two titles in
one ("Welder/Fabricator"), ESCO's name of an executive ("social media executive": "social media
manager") and a learner's level said last ("nursing student"). Pure string tests, then the
hashing encoder."""

from __future__ import annotations

import pytest

from service.titles.qualifiers import unqualified
from service.titles.resolver import (
    LOW_CONFIDENCE,
    TitleCandidate,
    TitleResolution,
    TitleResolver,
)
from service.titles.words import (
    SAME_LEVEL,
    level_to_read,
    next_level,
    normalise_title,
    singular_modifiers,
    slash_parts,
    without_markers,
)
from tests.titles.small_resolver import small_resolver


@pytest.mark.parametrize(
    ("title", "cleaned"),
    [
        ("Asst. Office Mgr", "assistant office manager"),
        ("social media exec", "social media executive"),
        ("Ops Manager", "operations manager"),
        ("Field Sales Rep", "field sales representative"),
        ("Events Co-ord", "events coordinator"),
        ("Warehouse Supvr", "warehouse supervisor"),
        ("office manager", "office manager"),  # nothing shortened
    ],
)
def test_shortened_words_are_said_in_full(title, cleaned):
    assert normalise_title(title) == cleaned


@pytest.mark.parametrize(
    ("title", "bare"),
    [
        ("Nurse (m/f/d) - London", "Nurse"),
        ("Welder/Fabricator m/w/d | nights", "Welder/Fabricator"),
        ("Data Analyst \u2013 Remote", "Data Analyst"),
        ("(m/f/d)", ""),  # nothing else: the caller decides
        ("  ", ""),
        ("Head of R&D", "Head of R&D"),  # no marker, no tail
    ],
)
def test_a_title_is_read_without_its_gender_marker_and_tail(title, bare):
    assert without_markers(title) == bare


@pytest.mark.parametrize(
    ("title", "cleaned"),
    [
        ("Shop Floor Assistant", "shop assistant"),
        ("sales floor assistant", "shop assistant"),
        ("Retail Floor Staff", "shop staff"),
        ("Sales Floor Team Members", "shop team members"),
        ("shop floor colleague", "shop colleague"),
        # a factory's shop floor is production work: left as written
        ("shop floor supervisor", "shop floor supervisor"),
        ("shop floor operative", "shop floor operative"),
        ("floor assistant", "floor assistant"),
        ("shop floor", "shop floor"),
    ],
)
def test_a_shops_floor_is_the_shop(title, cleaned):
    assert normalise_title(title) == cleaned


@pytest.mark.parametrize(
    ("title", "singular"),
    [
        ("customer services manager", "customer service manager"),
        ("guest services agent", "guest service agent"),
        ("head of services", ""),  # the head word is kept
        ("grounds worker", ""),  # another plural names other work
        ("events coordinator", ""),
        ("nurse", ""),
        ("", ""),
    ],
)
def test_a_departments_plural_name_is_said_singular(title, singular):
    assert singular_modifiers(title) == singular


@pytest.mark.parametrize(
    ("title", "parts"),
    [
        ("Welder/Fabricator", ["Welder", "Fabricator"]),
        ("Groundsman / Greenkeeper - London", ["Groundsman", "Greenkeeper"]),
        ("Junior UX/UI Designer", ["Junior UX", "UI Designer"]),
        ("Nurse (m/f/d)", []),  # a gender marker is no second title
        ("welder", []),
        ("welder/", []),  # a part without a word
        ("/", []),
    ],
)
def test_a_title_of_two_is_split_at_its_slash(title, parts):
    assert slash_parts(title) == parts


def test_an_executive_is_said_as_esco_says_it():
    assert next_level("social media executive", SAME_LEVEL) == "social media manager"
    assert next_level("executive", SAME_LEVEL) == ""
    assert next_level("social media executive") == ""  # not one level up: a supervisor's rule


@pytest.mark.parametrize(
    ("cleaned", "rest", "dropped"),
    [
        ("nursing student", "nursing", "student"),
        ("law graduate", "law", "graduate"),
        ("student nurse", "nurse", "student"),  # said first: as before
        ("manager student", "manager student", ""),  # a bare level word names no field
        ("student", "student", ""),
    ],
)
def test_a_learner_level_said_last_is_dropped(cleaned, rest, dropped):
    assert unqualified(cleaned) == (rest, dropped)


OCCUPATIONS = [
    (1, "7212", "welder", ["repair welder"], "Welds metal."),
    (2, "7212", "spot welder", ["welder fabricator", "resistance welder"], "Spot welds sheets."),
    (3, "7212", "electron beam welder", ["welder fabricator"], "Welds with electron beams."),
    (4, "7131", "construction painter", ["painter and decorator"], "Paints buildings."),
    (5, "2651", "artistic painter", ["painter"], "Paints pictures."),
    (6, "1439", "contact centre manager", ["customer service manager"], "Runs a call centre."),
    (7, "2432", "online community manager", ["social media manager"], "Runs online communities."),
    (8, "1222", "public relations manager", ["press manager"], "Runs public relations."),
    (9, "2432", "marketing manager", ["marketing executive"], "Runs marketing."),
]


def _resolver() -> TitleResolver:
    return small_resolver(OCCUPATIONS)


def test_a_title_of_two_reads_as_the_part_a_preferred_label_names():
    r = _resolver()
    got = r.resolve("Welder/Fabricator")
    assert got.query == "welder" and got.candidates[0].occupation_id == 1
    # written as one title, "welder fabricator" is the specialised welders' label
    assert r.resolve("welder fabricator").candidates[0].occupation_id in {2, 3}
    # no part is a preferred label ("painter" is an alternative one): the whole is read
    assert r.resolve("Painter/Decorator").query == "painter decorator"


def test_a_plural_modifier_still_equals_its_label():
    got = _resolver().resolve("Customer Services Manager")
    assert got.candidates[0].occupation_id == 6 and got.candidates[0].exact


def test_an_executive_no_label_equals_takes_its_managers_label():
    r = _resolver()
    got = r.resolve("social media exec")
    assert got.candidates[0].occupation_id == 7 and got.candidates[0].exact
    assert r.resolve("marketing executive").candidates[0].occupation_id == 9  # its own label


def test_an_executive_is_said_as_a_manager_only_when_doubtful_or_named_so():
    """O*NET's "Media Executive" is a chief executive: a sure reading whose nearest name is not
    "media manager" is kept; "Social Media Manager", a manager's known title, lets ESCO's label
    of the manager's form decide (`words.level_to_read`)."""

    def judged(label: str, warning: str | None = None) -> TitleResolution:
        first = TitleCandidate(10, 2.0, 0.9, label, "known title")
        return TitleResolution("q", [first], True, warning)

    def said(query: str, got: TitleResolution) -> str:
        return level_to_read(query, got.candidates[0].matched_label, bool(got.warning))

    assert said("media executive", judged("Media Executive")) == ""
    assert said("social media executive", judged("Social Media Manager")) == "social media manager"
    assert said("media executive", judged("Media Executive", LOW_CONFIDENCE)) == "media manager"
    assert said("bar supervisor", judged("Bar Manager")) == ""  # a supervisor: only when doubtful
    assert said("bar supervisor", judged("Bartender", LOW_CONFIDENCE)) == "bar manager"
