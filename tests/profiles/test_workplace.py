"""A job title said with its workplace ("Housekeeper in a hotel"): service/profiles/workplace.py
and its use in `experience.read_jobs`."""

from __future__ import annotations

import time

import pytest

from service.profiles.workplace import place_titles
from tests.growth import assert_linear
from tests.profiles.reading import jobs_read


def _titles(text: str, title: str) -> tuple[list[str], str]:
    placed, end = place_titles(text, len(title), title)
    return placed, text[:end]


@pytest.mark.parametrize(
    ("text", "title", "placed", "phrase"),
    [
        ("Housekeeper in a hotel", "Housekeeper", ["hotel Housekeeper"], "Housekeeper in a hotel"),
        ("Manager at a busy hotel for 5 years", "Manager", ["hotel Manager"],
         "Manager at a busy hotel"),
        ("Administrator at a GP surgery", "Administrator",
         ["GP surgery Administrator", "surgery Administrator", "GP Administrator"],
         "Administrator at a GP surgery"),
        ("Porter in the hotel kitchen, 2019", "Porter",
         ["hotel kitchen Porter", "kitchen Porter", "hotel Porter"], "Porter in the hotel kitchen"),
        ("Chef at a 5-star hotel", "Chef", ["hotel Chef"], "Chef at a 5-star hotel"),
        # no place of work: no article, a year, an employer's name, a word that ends a place
        ("Cleaner at Tesco", "Cleaner", [], "Cleaner"),
        ("Teacher at The Priory School", "Teacher", [], "Teacher"),  # a name: an employer
        ("Driver at home", "Driver", [], "Driver"),
        ("Nurse in 2019", "Nurse", [], "Nurse"),
        ("Cook at a", "Cook", [], "Cook"),
        ("Cook in the for", "Cook", [], "Cook"),
        ("Cook", "Cook", [], "Cook"),
        # a trade's firm (a sixteenth round): the word before "company", "firm", ...
        ("Engineer for a boiler company", "Engineer", ["boiler Engineer"],
         "Engineer for a boiler company"),
        ("Driver for a local delivery firm, 2020", "Driver", ["delivery Driver"],
         "Driver for a local delivery firm"),
        ("Engineer for the company", "Engineer", [], "Engineer"),  # no trade's word
        ("Engineer for a Vodafone contractor", "Engineer", [], "Engineer"),  # a name
        ("Engineer for a boiler", "Engineer", [], "Engineer"),  # no firm
        ("Cook for a family", "Cook", [], "Cook"),
    ],
)  # fmt: skip
def test_the_titles_a_workplace_makes(text, title, placed, phrase):
    assert _titles(text, title) == (placed, phrase)


def test_a_trades_firm_is_read_in_linear_time():
    assert_linear(
        lambda t: place_titles(t, 8, "Engineer"), lambda n: "Engineer for a " + "boiler " * n
    )


def test_a_bare_title_that_is_a_label_takes_the_whole_place_or_its_last_word():
    porter = "Porter in a hotel kitchen"
    assert place_titles(porter, 6, "Porter", bare_is_label=True)[0] == [
        "hotel kitchen Porter",
        "kitchen Porter",
    ]
    care = "Care assistant in a care home"
    assert place_titles(care, 14, "Care assistant", bare_is_label=True)[0] == [
        "care home Care assistant"  # "home care assistant" would share "care"
    ]
    nursing = "Care assistant in a nursing home"
    assert place_titles(nursing, 14, "Care assistant", bare_is_label=True)[0] == [
        "nursing home Care assistant"  # "home" alone says care in people's own homes
    ]


def test_hostile_places_are_read_in_constant_time_per_title():
    """A place is matched at the title's end only: a long run of places or spaces after it
    costs no more than a short one (a growth ratio, not a wall clock)."""

    def cost(n: int) -> float:
        text = "Cook" + " in a hotel" * n + " " * n
        t0 = time.perf_counter()
        for _ in range(200):
            place_titles(text, 4, "Cook")
        return time.perf_counter() - t0

    cost(10)  # warm up
    small, large = cost(100), cost(100_000)
    assert large < 8 * small + 0.05, (small, large)


# the learner's words -> the ESCO occupations read from them (none: no job)
REAL = [
    ("Housekeeper in a hotel for 4 years", ["room attendant"]),  # "Housekeeper": 3 trades
    ("Engineer for a boiler company, servicing gas boilers", ["gas service technician"]),
    ("Driver for a local delivery firm", ["car and van delivery driver"]),
    ("Manager in a hotel", ["accommodation manager"]),  # "Manager": no trade
    ("Porter in a hospital", ["hospital porter"]),
    ("Porter in a hotel kitchen", ["kitchen porter"]),  # the place's last word, no shared word
    ("Kitchen assistant in a care home", ["kitchen assistant"]),  # no "home kitchen assistant"
    ("Care assistant in a care home", ["healthcare assistant"]),  # no "home care assistant"
    ("Care assistant in a nursing home for 6 years", ["healthcare assistant"]),  # nor here
    ("Cleaner in an office", ["building cleaner"]),
    ("Receptionist in a hotel", ["hospitality establishment receptionist"]),
    ("Assistant at a dental practice", ["dental chairside assistant"]),
    ("Teacher at a primary school", ["primary school teacher"]),
    ("Security guard at a hospital", ["security guard"]),  # no such title: the bare one's job
    ("Chef at a busy hotel for 5 years", ["chef"]),
    # a head word of many trades alone names none (resolver's FAMILY_TITLE); with a place it may
    ("Driver for 10 years", []),
    # an administrator is an office's (round h-titles15: *administrative assistant*)
    ("Administrator, Leeds City Council (2017 - present)", ["administrative assistant"]),
    # a science technician is a scientific laboratory technician (round jobs-18; was *biology
    # technician* by "biological science technician")
    ("Technician in a school science department", ["scientific laboratory technician"]),
    # the job after the workplace, read with it: "worked in a bank as a cashier" is a bank's
    # cashier (`place_titles_before`; was a shop's *cashier*)
    ("Stay at home dad for 5 years; before that I worked in a bank as a cashier", ["bank teller"]),
    ("Worked for the council as a gardener", ["garden labourer"]),
    ("I worked in retail as well as hospitality", []),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "labels"), REAL)
def test_the_jobs_said_with_their_workplace_on_the_real_model(real_runtime, text, labels):
    assert jobs_read(real_runtime, text) == labels


def test_a_text_of_many_titles_resolves_a_bounded_number(monkeypatch):
    """Each title is resolved once however often it is said, and at most MAX_RESOLVED titles
    in all: 400 unknown titles with workplaces cost 20 s before (tens of ms each)."""
    from service.profiles import experience, shared_titles

    asked: list[str] = []
    monkeypatch.setattr(experience, "_job_of", lambda _runtime, title: asked.append(title))
    shared: list[str] = []  # a title no job names, asked for its candidates (its line's)
    monkeypatch.setattr(
        shared_titles, "shared_candidates", lambda _r, t, _m: shared.append(t) or []
    )
    same = "Porter in a hotel kitchen.\n" * 400
    assert experience.read_jobs(None, None, same) == []
    assert len(asked) == len(set(asked)) <= 6  # the title, its places, once
    assert shared == ["Porter"]
    asked.clear()
    shared.clear()
    many = "".join(f"Porter{i} in a hotel kitchen{i}.\n" for i in range(400))
    assert experience.read_jobs(None, None, many) == []
    assert len(asked) <= experience.MAX_RESOLVED + 4  # the last title's tries may finish
    # titles that are not shared (here: none is) spend no shared title's turn, but are bounded
    assert len(shared) == len(set(shared)) <= shared_titles.MAX_TITLES_SEEN


def test_the_job_after_a_workplace_is_found_in_linear_time():
    from service.profiles.experience import title_phrases

    assert [p for p, *_ in title_phrases("I worked in a bank as a cashier")] == ["cashier"]
    assert_linear(lambda t: list(title_phrases(t)), lambda n: "worked in " + "x " * n + "as a cook")
    assert_linear(lambda t: list(title_phrases(t)), lambda n: "worked in a bank as " * n)
