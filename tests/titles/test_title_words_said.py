"""Words of a typed title said as the taxonomy says them (round h-titles4): clipped words ("vet
nurse", "physio", "postie"), a site between the trade and the head ("construction site
supervisor"), the person of a field before "student" ("law student": a lawyer) and an executive
whose nearest name says less than it ("digital marketing executive"). Pure string tests, then the
hashing encoder."""

from __future__ import annotations

import pytest

from service.titles.qualifiers import practitioner
from service.titles.resolver import (
    TitleCandidate,
    TitleResolution,
    TitleResolver,
)
from service.titles.words import (
    expand_abbreviations,
    level_to_read,
    normalise_title,
    without_site,
)
from tests.titles.small_resolver import small_resolver


@pytest.mark.parametrize(
    ("title", "cleaned"),
    [
        ("vet nurse", "veterinary nurse"),
        ("Vet", "veterinarian"),
        ("physio", "physiotherapist"),
        ("physio assistant", "physiotherapy assistant"),
        ("postie", "postman"),
        ("senior vet nurse", "veterinary nurse"),
        ("veterinary nurse", "veterinary nurse"),  # nothing clipped
        ("Software Dev", "software developer"),  # round h-titles5: a developer last
        ("Web Dev", "web developer"),
        ("Business Dev Manager", "business dev manager"),  # development? left as written
        ("dev", "developer"),
    ],
)
def test_clipped_words_are_said_in_full(title, cleaned):
    assert normalise_title(title) == cleaned


def test_sign_language_abbreviations_are_spelled_out():
    assert expand_abbreviations("bsl interpreter") == "sign language interpreter"
    assert expand_abbreviations("asl interpreter") == "sign language interpreter"
    assert expand_abbreviations("senco") == "special educational needs coordinator"


@pytest.mark.parametrize(
    ("title", "bare"),
    [
        ("construction site supervisor", "construction supervisor"),
        ("building site manager", "building manager"),
        ("site supervisor", ""),  # the first word: no trade before it
        ("construction site", ""),  # the last word is the head
        ("web developer", ""),
    ],
)
def test_a_site_between_trade_and_head_is_left_out(title, bare):
    assert without_site(title) == bare


NAMES = {"lawyer", "pharmacist", "pharmacologist", "medium", "mediator", "translator", "nanny"}


@pytest.mark.parametrize(
    ("field", "person"),
    [
        ("law", "lawyer"),
        ("pharmacy", "pharmacist"),  # not "pharmacologist": "-ologist" adds more than 3
        ("translation", "translator"),
        ("medicine", ""),  # "medium" shares 4 letters of 8: another word
        ("nursing", ""),
        ("la", ""),
        ("criminal law", ""),  # one word only
    ],
)
def test_the_person_of_a_field(field, person):
    assert practitioner(field, NAMES) == person


OCCUPATIONS = [
    (1, "2611", "lawyer", ["attorney"], "Advises clients on the law."),
    (2, "2310", "law lecturer", ["lecturer in law"], "Teaches law at a university."),
    (3, "3123", "construction general supervisor", ["construction supervisor"], "Runs sites."),
    (4, "3122", "production supervisor", ["manufacturing supervisor"], "Runs a production line."),
    (5, "5414", "security guard", ["security supervisor"], "Guards premises."),
    (6, "2422", "security consultant", ["security supervisor"], "Advises on security."),
    (7, "2431", "digital marketing manager", ["digital marketing specialist"], "Runs online ads."),
    (8, "1221", "marketing manager", ["marketing executive"], "Runs marketing."),
]


def _resolver() -> TitleResolver:
    return small_resolver(OCCUPATIONS)


def test_a_field_student_reads_as_the_fields_person_with_the_level_note():
    got = _resolver().resolve("law student")
    assert got.candidates[0].occupation_id == 1 and got.query == "lawyer"
    assert "'student'" in (got.note or "")


def test_a_site_word_gives_an_exact_label_of_one_occupation_only():
    r = _resolver()
    got = r.resolve("construction site supervisor")
    assert got.candidates[0].occupation_id == 3 and got.candidates[0].exact
    # "security supervisor" names a guard and a consultant: no exact label for the site's
    assert not any(c.exact for c in r.resolve("security site supervisor").candidates)


def test_an_executive_whose_nearest_name_says_less_reads_as_its_manager():
    def judged(label: str) -> TitleResolution:
        return TitleResolution("q", [TitleCandidate(8, 2.0, 0.9, label, "alternative")], True, None)

    def said(query: str, got: TitleResolution) -> str:
        return level_to_read(query, got.candidates[0].matched_label, bool(got.warning))

    assert said("digital marketing executive", judged("marketing executive")) == (
        "digital marketing manager"
    )
    assert said("media executive", judged("media executive")) == ""  # its own name
    assert said("marketing executive", judged("executive")) == "marketing manager"
    got = _resolver().resolve("Digital Marketing Exec")
    assert got.candidates[0].occupation_id == 7 and got.candidates[0].exact
