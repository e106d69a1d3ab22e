"""What a line books or schedules for others is not what it does (`indexing/booked.py`):
"Optician's receptionist, booking eye tests" performs no eye examination."""

from __future__ import annotations

import pytest

from indexing.booked import booked, booked_things
from tests.growth import assert_linear


def _things(text: str) -> list[str]:
    return [text[a:b] for a, b in booked_things(text)]


@pytest.mark.parametrize(
    ("text", "things"),
    [
        ("Optician's receptionist, booking eye tests", ["eye tests"]),
        ("Booking driving lessons for customers", ["driving lessons"]),
        ("Scheduling MRI scans for patients", ["MRI scans"]),
        ("I book lessons and I teach driving theory", ["lessons"]),
        ("Scheduling maintenance and performing safety inspections", ["maintenance"]),
        ("Rebooked cancelled flights; answered calls", ["cancelled flights"]),
        ("Salon receptionist booking hair and beauty treatments", ["hair"]),
        ("Scheduled patients then performed eye tests", ["patients"]),
        ("Scheduling work orders using SAP", ["work orders"]),
        # no verb that opens a clause: an adjective, a noun, a verb joined to another
        ("Carried out scheduled maintenance on HGVs", []),
        ("Completed scheduled inspections of fire doors", []),
        ("Scheduled and carried out maintenance on vans", []),
        ("Booked and delivered training to new staff", []),
        ("Completed log book entries daily", []),
        ("Kept the books and accounts up to date", []),
        ("Administered Schedule 2 controlled drugs", []),
        ("Followed the maintenance schedule for the fleet", []),
        ("Working to a tight schedule producing reports", []),
        # a book's other senses book nothing
        ("Book keeper for a small firm", []),
        ("Bookkeeping and payroll", []),
        ("Book shop assistant", []),
    ],
)
def test_the_things_a_verb_of_booking_takes(text, things):
    assert _things(text) == things


def test_a_skill_read_from_a_thing_booked_is_not_read():
    text = "Optician's receptionist, booking eye tests"
    at = text.index("eye tests")
    assert booked("perform comprehensive eye examinations", text, at, at + 9)
    assert booked("test visual acuity", text, at - 8, at + 9)  # mostly the thing's words
    assert not booked("test visual acuity", text, at - 30, at + 2)  # mostly other words


@pytest.mark.parametrize(
    ("label", "text", "words"),
    [
        # a skill about booking itself is read from what is booked
        ("arrange bookings", "Booking driving lessons for customers", "driving lessons"),
        ("administer appointments", "Scheduling MRI scans", "MRI scans"),
        # words outside the thing booked
        ("teach driving theory", "I book lessons and I teach driving theory", "teach driving"),
        (
            "perform safety inspections",
            "Scheduling maintenance and performing safety inspections",
            "performing safety inspections",
        ),
        ("perform comprehensive eye examinations", "Optometrist doing eye tests", "eye tests"),
    ],
)
def test_what_is_read_all_the_same(label, text, words):
    at = text.index(words)
    assert not booked(label, text, at, at + len(words))


def test_hostile_long_and_repeated_input_grows_linearly():
    def read(text: str) -> object:
        return booked("perform x", text, len(text) - 3, len(text))

    assert_linear(read, lambda n: "booking " * n + "tests", n=2_000)
    assert_linear(read, lambda n: "booking eye tests, " * n, n=1_000)
    assert_linear(read, lambda n: "scheduling " + "and x " * n, n=2_000)
