"""Forms a CV gives a job title (a seventeenth round, docs/quality.md): a licence class before
a driver, a ledger's clerk, an adviser said in a call centre (service/profiles/title_forms.py,
used by `experience.read_jobs`); a decimal point ends no sentence of the titles' reading."""

from __future__ import annotations

import pytest

from service.profiles.experience import title_phrases
from service.profiles.title_forms import (
    at_owners,
    books_clerk,
    call_centre_title,
    class_length,
    without_class,
)
from tests.growth import assert_linear
from tests.profiles.reading import jobs_read


@pytest.mark.parametrize(
    ("title", "plain"),
    [
        ("Class 1 HGV driver", "HGV driver"),
        ("Class 2 driver", "lorry driver"),
        ("C+E driver", "lorry driver"),
        ("Cat C driver", "lorry driver"),
        ("Category C+E drivers", "lorry driver"),
        ("7.5 tonne driver", "lorry driver"),
        ("18t driver", "lorry driver"),
        ("3.5t driver", "van driver"),  # a van: a car licence (review)
        ("3.5 tonne driver", "van driver"),
        ("Cat D driver", "bus driver"),
        ("HGV 1 driver", "lorry driver"),
        ("3.5 tonne van driver", "van driver"),
    ],
)
def test_a_licence_class_before_the_trade_is_read_without(title, plain):
    assert without_class(title) == plain


@pytest.mark.parametrize(
    "title",
    ["HGV driver", "Classroom assistant", "Class teacher", "Class 10 teacher", "C1", "Cat", "CE"],
)
def test_a_title_without_a_licence_class_is_left(title):
    assert without_class(title) is None


@pytest.mark.parametrize(
    ("title", "clerk"),
    [
        ("Purchase ledger clerk", "accounts clerk"),
        ("Sales ledger assistant", "accounts clerk"),
        ("Accounts payable administrator", "accounts clerk"),
        ("Ledger clerk", None),  # no part of the books said
        ("Purchase manager", None),
        ("Sales assistant", None),
    ],
)
def test_a_clerk_of_a_part_of_the_books_is_an_accounts_clerk(title, clerk):
    assert books_clerk(title) == clerk


@pytest.mark.parametrize(
    ("text", "title", "phrase"),
    [
        ("Customer adviser in a bank call centre, handling", "Customer adviser",
         "Customer adviser in a bank call centre"),
        ("Agent at the council's contact centre", "Agent", "Agent at the council's contact centre"),
        ("Sales rep for a busy call center", "Sales rep", "Sales rep for a busy call center"),
        ("Cleaner in a call centre", "Cleaner", None),  # no agent's word
        ("Training officer in a call centre", "Training officer", None),  # review
        ("Quality consultant at a contact centre", "Quality consultant", None),
        ("Customer adviser in a bank branch", "Customer adviser", None),
        ("Adviser in a very large and noisy open plan call centre", "Adviser", None),  # far
    ],
)  # fmt: skip
def test_an_agents_title_said_in_a_call_centre(text, title, phrase):
    got = call_centre_title(text, len(title), title)
    assert (got and text[: got[1]]) == phrase
    assert got is None or got[0] == "call centre agent"


def test_a_decimal_point_ends_no_sentence_and_a_class_may_open_a_title():
    phrases = [p for p, *_ in title_phrases("7.5 tonne driver delivering furniture")]
    assert phrases[0] == "7.5 tonne driver"
    assert class_length("7.5 tonne driver") == len("7.5 tonne ")
    assert class_length("7 days a week") == 0
    assert [p for p, *_ in title_phrases("Cleaner. Then a chef")][:1] == ["Cleaner"]


@pytest.mark.parametrize(
    ("read", "make"),
    [
        (without_class, lambda n: "Class 1 " + "HGV " * n + "driver"),
        (class_length, lambda n: "7" * n + ".5 tonne driver"),
        (class_length, lambda n: "7" + "\t" * n + "x driver"),  # was quadratic (review)
        (books_clerk, lambda n: "purchase " * n + "ledger clerk"),
        (lambda t: call_centre_title(t, 7, "Adviser"), lambda n: "Adviser in a " + "bank " * n),
        (lambda t: list(title_phrases(t)), lambda n: "7.5 tonne driver. " * n),
    ],
)
def test_hostile_long_and_repeated_input_grows_linearly(read, make):
    assert_linear(read, make, n=2_000)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "occupation"),
    [
        ("Worked 4 years as a Class 1 HGV driver doing night trunking", "cargo vehicle driver"),
        ("7.5 tonne driver delivering furniture", "cargo vehicle driver"),
        ("Purchase ledger clerk at a builders merchant", "bookkeeper"),
        ("Customer adviser in a bank call centre, handling complaints", "call centre agent"),
    ],
)
def test_the_rounds_jobs_on_the_real_model(real_runtime, text, occupation):
    assert jobs_read(real_runtime, text)[:1] == [occupation]


@pytest.mark.parametrize(
    ("title", "trade"),
    [
        ("Optician's receptionist", "receptionist"),
        ("Dentist’s receptionist", "receptionist"),
        ("Solicitor's legal secretary", "legal secretary"),
        ("Electrician's mate", None),  # a helper of the owner's trade
        ("Chef's assistant", None),
        ("Farmer's wife", None),  # a relation, no trade
        ("Receptionist", None),
        ("Optician's", None),
    ],
)
def test_a_trade_at_its_owners_practice(title, trade):
    assert at_owners(title) == trade


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "jobs"),
    [
        ("Optician's receptionist, booking eye tests", ["receptionist"]),
        ("Electrician's mate for two years", []),
    ],
)
def test_a_trade_at_its_owners_practice_on_the_real_model(real_runtime, text, jobs):
    assert jobs_read(real_runtime, text) == jobs
