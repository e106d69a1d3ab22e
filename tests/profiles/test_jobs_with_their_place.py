"""Jobs said with their place, object or tool before the trade (round "jobs-17",
docs/quality.md): "Supermarket checkout operator" (`title_tails`: "checkout operator", a label of
*cashier*), "Java developer" (`tool_trade`: a language's developer), "Lorry mechanic servicing
HGVs, brakes" (a shared title read by its line, after the words before it), "Ran diagnostics"
(a verb of the past, no title). The real model on the round's development lines of
tests/fixtures/cv_lines.json."""

from __future__ import annotations

import pytest

from service.profiles.experience import title_before_doing, title_phrases
from service.profiles.title_tails import after_place, title_tails, tool_trade
from tests.growth import assert_linear
from tests.profiles.reading import jobs_read, round_lines

_TOOLS = {"java": "software developer", "react": "web developer", "sql": "database developer"}


@pytest.mark.parametrize(
    ("title", "tails"),
    [
        ("Supermarket checkout operator", ["checkout operator", "operator"]),
        ("Cold store forklift driver", ["store forklift driver", "forklift driver"]),
        ("Lorry mechanic", ["mechanic"]),
        ("NHS dental nurse", ["dental nurse", "nurse"]),
        ("Mechanic", []),
        ("Senior carer", []),  # a level is no place
        ("Electrician mate", []),  # a person's word: a mate, not an electrician
        ("Head chef", []),
        ("24 hour receptionist", []),  # no plain word
        ("Aspiring social worker", []),  # an aim, no job (review)
        ("Fantasy football manager", []),  # a game
        ("Dolls house builder", []),  # a hobby
    ],
)
def test_the_words_before_a_trade_are_dropped_one_or_two_at_most(title, tails):
    assert title_tails(title) == tails


@pytest.mark.parametrize(
    ("title", "trade"),
    [
        ("Java developer", "software developer"),
        ("java  Programmer", "software developer"),
        ("React dev", "web developer"),
        ("SQL developer", "database developer"),
        ("Java", None),
        ("Property developer", None),  # no tool: a developer of land
        ("Software developer", None),  # the resolver's own label
        ("Java Python developer", None),
        ("Senior Java developer", "software developer"),  # a level before the tool (review)
        ("Jnr. React dev", "web developer"),
        ("Access engineer", None),  # a telecoms engineer, no database developer (review)
        ("Java engineer", None),
    ],
)
def test_a_tools_developer_is_the_developer_of_its_kind(title, trade):
    assert tool_trade(title, _TOOLS) == trade


@pytest.mark.parametrize(
    ("title", "trade"),
    [
        ("School caretaker", "caretaker"),
        ("Care home night carer", "night carer"),
        ("Hospital cleaner", "cleaner"),
        ("Civil servant", None),  # no workplace: "servant" may be another thing
        ("Social worker", None),
        ("School", None),  # no trade left
    ],
)
def test_a_trade_after_a_workplace(title, trade):
    assert after_place(title) == trade


@pytest.mark.parametrize(
    "text",
    [
        "Ran diagnostics on patients' blood samples",
        "Drove forklifts in a cold store",
        "Taught maths to year 9",
        "Led the night shift",
    ],
)
def test_a_verb_of_the_past_first_is_no_title(text):
    assert list(title_phrases(text)) == []


def test_built_may_open_a_title():
    assert [p for p, *_ in title_phrases("Built environment lecturer")] == [
        "Built environment lecturer"
    ]


@pytest.mark.parametrize(
    ("text", "vehicle"),
    [
        ("Lorry mechanic servicing HGVs, brakes, MOT prep and diagnostics", True),
        ("Mechanic doing services, clutches and engine diagnostics", True),
        ("Gas engineer: boiler servicing and fault diagnostics", False),  # review
        ("PC repair workshop: hardware diagnostics", False),
    ],
)
def test_diagnostics_are_a_vehicles_only_in_a_line_that_names_one(text, vehicle):
    from indexing.context_aliases import has_context
    from indexing.learner_words16 import VEHICLE

    at = text.index("diagnostics")
    assert has_context(text, VEHICLE, (at, at + len("diagnostics"))) == vehicle


def test_a_mechanic_is_a_person_before_a_word_of_doing():
    assert title_before_doing("Lorry mechanic servicing HGVs") == "Lorry mechanic"
    assert title_before_doing("Mechanic servicing cars") == "Mechanic"
    assert title_before_doing("Traffic warden issuing parking tickets") == "Traffic warden"
    assert title_before_doing("Cabin steward serving drinks") == "Cabin steward"


@pytest.mark.parametrize(
    ("read", "make"),
    [
        (title_tails, lambda n: "lorry " * n + "mechanic"),
        (lambda t: tool_trade(t, _TOOLS), lambda n: "java " * n + "developer"),
        (lambda t: list(title_phrases(t)), lambda n: "Ran diagnostics, " * n),
    ],
)
def test_hostile_long_and_repeated_input_grows_linearly(read, make):
    assert_linear(read, make, n=2_000)


def _dev_lines() -> list[dict]:
    return round_lines("jobs-17")


def test_the_round_has_development_lines():
    assert len(_dev_lines()) == 10


@pytest.mark.slow
@pytest.mark.parametrize("line", _dev_lines(), ids=lambda x: x["text"][:40])
def test_the_rounds_jobs_on_the_real_model(real_runtime, line):
    read = jobs_read(real_runtime, line["text"])
    assert read and read[0] in line["jobs"], read


@pytest.mark.slow
@pytest.mark.parametrize(
    ("title", "occupation", "noted"),
    [
        ("Python Developer", "software developer", True),
        ("React developer", "web developer", True),
        ("SQL developer", "database developer", True),
        ("Software developer", "software developer", False),  # a label: as it is
        ("Senior Java developer", "software developer", True),
        ("ML engineer", "data scientist", False),  # a known title said in full (review)
    ],
)
def test_a_typed_title_of_a_tools_developer_is_that_developer(
    real_runtime, title, occupation, noted
):
    from sqlmodel import Session

    from service.profiles.role import resolve_title

    with Session(real_runtime.engine) as s:
        got = resolve_title(real_runtime, s, title)
    best = got.candidates[0].occupation_id
    assert real_runtime.titles.info[best].labels[0] == occupation
    assert (got.note is not None and "developer" in got.note) == noted


@pytest.mark.slow
def test_the_occupation_search_reads_a_tools_developer_as_the_target_does(real_runtime):
    """GET /v1/occupations, which a portal calls to offer a role, agrees with the target path:
    "Python Developer" was *web developer* first there (by "Salesforce Developer")."""
    from fastapi.testclient import TestClient

    from service.api.app import create_app

    with TestClient(create_app(real_runtime.settings, runtime=real_runtime)) as c:
        got = {
            q: [
                h["preferred_label"]
                for h in c.get("/v1/occupations", params={"q": q}).json()["items"]
            ]
            for q in ("Python Developer", "web developer", "Property developer")
        }
    assert got["Python Developer"][0] == "software developer", got
    assert got["web developer"][0] == "web developer", got  # a label stays as it is
    assert "software developer" not in got["Property developer"][:3], got


def test_a_title_no_tool_names_is_left_to_the_resolver():
    assert tool_trade("Property developer", _TOOLS) is None
    assert tool_trade("Python Developer", {"python": "software developer"}) == "software developer"


@pytest.mark.slow
@pytest.mark.parametrize(
    "title", ["Customer Service Advisor", "customer services adviser", "Customer Service Assistant"]
)
def test_a_customer_service_advisor_is_read_surely(real_runtime, title):
    """Curated (work_titles.py): was read with a low-confidence warning."""
    got = real_runtime.titles.resolve(title)
    best = got.candidates[0].occupation_id
    assert real_runtime.titles.info[best].labels[0] == "customer service representative"
    assert got.confident and got.warning is None


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "occupation"),
    [
        (
            "Care home night carer, personal care, repositioning residents",
            "residential care home worker",
        ),
        ("Care home senior carer giving medication", "residential care home worker"),
        ("School caretaker doing minor repairs and locking up", "building caretaker"),
        ("Home carer visiting clients", "home care aide"),  # in people's own homes
    ],
)
def test_a_carer_of_a_care_home_and_a_schools_caretaker(real_runtime, text, occupation):
    assert jobs_read(real_runtime, text)[:1] == [occupation]


@pytest.mark.slow
def test_a_preferred_label_comes_before_another_occupations_label_a_known_title_confirms(
    real_runtime,
):
    got = real_runtime.titles.resolve("Library assistant")
    best = got.candidates[0].occupation_id
    assert real_runtime.titles.info[best].labels[0] == "library assistant"  # was librarian
    assert jobs_read(real_runtime, "Library assistant issuing books")[:1] == ["library assistant"]
