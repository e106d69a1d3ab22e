"""Jobs a learner's line names in ways the reader missed (round "jobs-20", docs/quality.md): a
job after "currently", "presently", "as well as", or after a workplace said first ("In a primary
school as a teaching assistant"), a length of service in words ("Chef fourteen years"), a
"-maid" and an "-ent" word that names no person ("handling rent arrears") before a word of
doing (`title_doing`), what a title works on said as its kind ("Mechanic servicing cars": a car
mechanic, `title_readings.object_trade`), a trade's possessive business ("my own hairdresser's
salon", `said_jobs`), a tenancy said as housing (`place_names`). The real model on the round's
development lines of tests/fixtures/cv_lines.json."""

from __future__ import annotations

import pytest

from service.profiles.experience import _AS_A, title_phrases
from service.profiles.place_names import as_known_place
from service.profiles.said_jobs import said_titles
from service.profiles.title_doing import object_title, title_before_doing
from tests.growth import assert_linear
from tests.profiles.reading import jobs_read, round_lines


def _phrases(text: str) -> list[str]:
    return [phrase for phrase, _start, _end in title_phrases(text)]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Chef fourteen years", "Chef"),
        ("Driver twenty-five years, class 1", "Driver"),
        ("Porter thirty years at the hospital", "Porter"),
        ("In a primary school as a teaching assistant", "teaching assistant"),
        ("- At a care home as a night carer", "night carer"),
        ("I worked for 6 years as well as a cleaner", "cleaner"),
        ("Currently a delivery driver for DPD", "delivery driver"),
        ("Presently, a postman on a rural round", "postman"),
        ("Currently working nights as a care assistant", "care assistant"),
        ("Employed part-time as a receptionist", "receptionist"),
    ],
)
def test_a_title_said_after_the_words_that_open_it(text, title):
    assert title in _phrases(text)


@pytest.mark.parametrize(
    ("text", "not_title"),
    [
        ("I can cook as well as a chef", "chef"),  # a likeness, no job: no work before "as"
        ("Currently in retail, looking for work", "retail"),  # no article: no job said
        ("I paint as well as a decorator", "decorator"),  # a likeness again
    ],
)
def test_words_that_open_no_title(text, not_title):
    assert not_title not in _phrases(text)


@pytest.mark.parametrize(
    ("title", "head"),
    [
        ("Tenancy officer handling rent arrears", "Tenancy officer"),  # "rent" is no person
        ("Health visitor writing incident reports", "Health visitor"),
        ("Hotel chambermaid cleaning rooms", "Hotel chambermaid"),  # a "-maid" is one
        ("Barmaid pulling pints", "Barmaid"),
        ("Letting agent handling viewings", "Letting agent"),  # an agent is a person
        ("Senior nursing student helping on wards", "Senior nursing student"),
    ],
)
def test_a_person_before_a_word_of_doing(title, head):
    assert title_before_doing(title) == head


@pytest.mark.parametrize(
    ("text", "end", "kind"),
    [
        ("Mechanic servicing cars", 8, "car Mechanic"),
        ("Farm worker feeding the cattle", 11, "cattle Farm worker"),
        ("Driver delivering parcels", 6, "parcel Driver"),
        ("Mechanic fixing buses", 8, "bus Mechanic"),
        ("Driver loading lorries", 6, "lorry Driver"),
        ("Mechanic at Kwik Fit", 8, None),  # a place, no word of doing
        ("Mechanic servicing a", 8, None),  # no object
    ],
)
def test_what_a_title_works_on_as_its_kind(text, end, kind):
    assert object_title(text, end, text[:end]) == kind


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Ran my own hairdresser's salon for ten years", "hair salon manager"),
        ("I owned a hairdresser’s salon", "hair salon manager"),  # its curly apostrophe
        ("Owned a barber's shop in town", "barber"),
        ("I ran a small cafe", "restaurant manager"),  # as before
    ],
)
def test_a_trades_possessive_business(text, title):
    assert [t for t, _s, _e in said_titles(text)] == [title]


@pytest.mark.parametrize(
    ("title", "said"),
    [
        ("Tenancy manager", "housing manager"),
        ("Tenancy support worker", "housing support worker"),
        ("Tenancies officer", "housing officer"),
        ("Tenant liaison officer", None),  # the tenant, no tenancy
    ],
)
def test_a_tenancy_is_said_as_housing(title, said):
    assert as_known_place(title) == said


def test_hostile_long_and_repeated_input_grows_linearly():
    assert_linear(_phrases, lambda n: "In " + "a " * n + "as a cleaner", n=2_000)
    # the opening words' own reading ("worked as " * n is read in quadratic time by
    # `title_phrases` before this round: each start's phrase runs to the text's end)
    assert_linear(lambda t: list(_AS_A.finditer(t)), lambda n: "worked as well as " * n, n=2_000)
    assert_linear(_phrases, lambda n: "Currently, " * n + "a chef", n=2_000)
    assert_linear(_phrases, lambda n: "Chef twenty-" * n + "five years", n=2_000)
    assert_linear(_phrases, lambda n: "working nights " * n + "as a carer", n=2_000)
    assert_linear(title_before_doing, lambda n: "chambermaid cleaning " * n, n=2_000)
    assert_linear(lambda t: object_title(t, 0, "x"), lambda n: " servicing" * n + " cars", n=2_000)
    assert_linear(
        lambda t: list(said_titles(t)), lambda n: "ran my own hairdresser's " * n + "salon", n=2_000
    )


def _dev_lines() -> list[dict]:
    return round_lines("jobs-20")


def test_the_round_has_development_lines():
    assert len(_dev_lines()) == 15


@pytest.mark.slow
@pytest.mark.parametrize("line", _dev_lines(), ids=lambda x: x["text"][:40])
def test_the_rounds_jobs_on_the_real_model(real_runtime, line):
    read = jobs_read(real_runtime, line["text"])
    assert read and read[0] in line["jobs"], read


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "jobs"),
    [
        # what the title works on names no trade by a label: no job, as before
        ("Mechanic", []),
        ("Farm worker", []),
        # a likeness is no job
        ("I can cook as well as a chef", []),
        # a title read surely as written is not said again with housing
        ("Tenancy support worker", ["social care worker"]),
        ("Currently a postman", ["postman/postwoman"]),
    ],
)
def test_the_rounds_readings_beside_its_lines_on_the_real_model(real_runtime, text, jobs):
    assert jobs_read(real_runtime, text) == jobs
