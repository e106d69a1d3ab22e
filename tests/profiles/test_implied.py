"""What a job implies that ESCO's list for it leaves out (`service/profiles/implied.py`): the
skills essential to at least 3/4 of its near kin (its ISCO unit's occupations whose name ends in
its word, 3 or more), held as weaker evidence of the job."""

from __future__ import annotations

from collections import defaultdict

import pytest
from sqlmodel import Session

from service.profiles import implied
from service.profiles.experience import IMPLIED, JobRead, add_job_evidence, experience_evidence

# a unit of five drivers, a barber among them by code only, and a stray seller
_UNIT = [
    (1, "taxi driver"),
    (2, "car and van delivery driver"),
    (3, "hearse driver"),
    (4, "armoured car driver"),
    (5, "patient transport services driver"),
    (6, "barber"),
]
_ESSENTIALS = {
    1: [(10, "drive in urban areas")],
    2: [(11, "drive vehicles"), (12, "road traffic laws"), (13, "lift heavy weights")],
    3: [(11, "drive vehicles"), (12, "road traffic laws")],
    4: [(11, "drive vehicles"), (12, "road traffic laws"), (14, "armoured car security")],
    5: [(11, "drive vehicles"), (10, "drive in urban areas")],
    6: [(15, "dye hair")],
}


@pytest.fixture
def unit(monkeypatch):
    asked = []

    def of_unit(session, *, isco_code):
        asked.append(isco_code)
        return list(_UNIT)

    def essentials(session, *, occupation_ids):
        return {o: _ESSENTIALS[o] for o in occupation_ids}

    monkeypatch.setattr(implied.tax, "occupations_of_unit", of_unit)
    monkeypatch.setattr(implied.tax, "essential_skills_of", essentials)
    return asked


def test_what_three_quarters_of_the_kin_hold_is_implied(unit):
    # kin of the taxi driver: the four other drivers; drive vehicles 4/4, road traffic laws 3/4
    assert implied.implied_skills(None, 1, "8322", "taxi driver", frozenset({10})) == (11, 12)
    assert unit == ["8322"]


def test_the_jobs_own_skills_and_the_rarer_ones_are_not(unit):
    got = implied.implied_skills(None, 1, "8322", "taxi driver", frozenset({10, 11}))
    assert got == (12,)  # its own "drive vehicles" is no implied skill; 2/4 and 1/4 are none


def test_another_trades_word_is_no_kin(unit):
    # the barber shares the unit's code but no driver's word: he has no kin, implies nothing
    assert implied.implied_skills(None, 6, "8322", "barber", frozenset({15})) == ()


def test_a_general_words_kin_end_in_its_last_two(monkeypatch):
    """A *housing manager*'s kin are no shop managers: "manager" says no trade (review)."""
    managers = [
        (1, "housing manager"),
        (2, "shop manager"),
        (3, "bank manager"),
        (4, "hotel manager"),
    ]
    monkeypatch.setattr(implied.tax, "occupations_of_unit", lambda s, *, isco_code: managers)
    monkeypatch.setattr(
        implied.tax,
        "essential_skills_of",
        lambda s, *, occupation_ids: dict.fromkeys(occupation_ids, [(9, "order supplies")]),
    )
    assert implied.implied_skills(None, 1, "1420", "housing manager", frozenset()) == ()
    assert implied._head("housing manager") == "housing manager"
    assert implied._head("taxi driver") == "driver"


def test_a_unit_of_many_kin_is_a_template(unit, monkeypatch):
    monkeypatch.setattr(implied, "MAX_KIN", 3)
    assert implied.implied_skills(None, 1, "8322", "taxi driver", frozenset()) == ()


def test_too_few_kin_imply_nothing(unit, monkeypatch):
    monkeypatch.setattr(implied, "MIN_KIN", 5)
    assert implied.implied_skills(None, 1, "8322", "taxi driver", frozenset()) == ()


@pytest.mark.parametrize(
    ("isco", "label"), [("", "taxi driver"), ("83", "taxi driver"), ("8322", "  ")]
)
def test_no_unit_or_no_name_implies_nothing(unit, isco, label):
    assert implied.implied_skills(None, 1, isco, label, frozenset()) == ()
    assert unit == []


def test_an_implied_skill_is_weaker_evidence_of_the_job():
    evidence = defaultdict(list)
    job = JobRead(1, "taxi driver", "Taxi driver", 0, 11, essentials=(10,), implied=(11,))
    add_job_evidence(evidence, job, trust=0.6)
    own, kin = evidence[10][0], evidence[11][0]
    assert kin.confidence == pytest.approx(own.confidence * IMPLIED)
    assert kin.text == own.text == "Taxi driver"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "held", "not_held"),
    [
        # a chauffeur (ESCO's taxi driver) drives and knows the road's laws
        ("Chauffeur for weddings, 10 years", {"drive vehicles", "road traffic laws"}, set()),
        ("Chef for 8 years in a gastropub", {"food storage"}, set()),
        # a barber has no other barber in his unit: no hairdresser's dyeing
        ("Barber for 12 years", set(), {"dye hair"}),
    ],
)
def test_the_implied_skills_on_the_real_taxonomy(real_runtime, text, held, not_held):
    with Session(real_runtime.engine) as s:
        evidence = defaultdict(list)
        experience_evidence(real_runtime, s, text, evidence, trust=0.6)
    labels = {real_runtime.skills[sid].preferred_label for sid in evidence}
    assert held <= labels and not labels & not_held
