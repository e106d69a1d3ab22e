"""Round h-titles16 (docs/planning.md, "Typed titles, a sixteenth round"): a vet's or a
dentist's practice manager is a manager of a practice (curated, `work_titles.py`), no veterinary
nurse; a title whose readings are each one narrower trade of it names
a family (`family.narrower_evidence`: "Renewable energy installer"), read in the learner's trade
(`recommend.level_title`)."""

from __future__ import annotations

from collections import defaultdict

import pytest
from sqlmodel import Session

from service.titles.family import FAMILY_TITLE, narrower_evidence
from tests.growth import assert_linear
from tests.titles.labels import occupation_labels


@pytest.mark.parametrize(
    ("query", "evidence", "scores", "family"),
    [
        ("renewable energy installer", ["offshore renewable energy installer",
         "photovoltaic energy installer", "geothermal energy installer"], [3.0, 2.9, 2.8], True),
        # the first says less than the title: its own reading, not a family's member
        ("renewable energy installer", ["photovoltaic energy installer",
         "offshore renewable energy installer", "geothermal energy installer"], [3.0, 2.9, 2.8],
         False),
        # a reading by another pair of words ("energy technician")
        ("renewable energy installer", ["offshore renewable energy installer",
         "solar energy technician", "geothermal energy installer"], [3.0, 2.9, 2.8], False),
        # the first far ahead: the evidence chooses
        ("renewable energy installer", ["offshore renewable energy installer",
         "photovoltaic energy installer", "geothermal energy installer"], [3.0, 2.9, 2.5], False),
        # a label equal to the title says no more: no family
        ("energy installer", ["energy installer", "photovoltaic energy installer",
         "geothermal energy installer"], [3.0, 2.9, 2.8], False),
        ("installer", ["tent installer", "window installer", "door installer"], [3, 3, 3], False),
    ],
)  # fmt: skip
def test_a_title_whose_readings_each_say_more_names_a_family(query, evidence, scores, family):
    assert narrower_evidence(query, evidence, scores) is family


def test_a_family_by_its_evidence_is_read_in_linear_time():
    evidence = ["offshore renewable energy installer", "photovoltaic energy installer", "x"]
    assert_linear(
        lambda t: narrower_evidence(t, evidence, [3.0, 2.9, 2.8]),
        lambda n: "renewable " * (n // 10) + "energy installer",
    )


def _labels(runtime) -> dict[int, str]:
    return occupation_labels(runtime)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("title", "first", "never"),
    [
        # `never`: the first reading before the round
        ("Veterinary practice manager", "medical practice manager", "veterinary nurse"),
        ("Dental practice manager", "medical practice manager", "dental chairside assistant"),
    ],
)
def test_a_manager_typed_is_read_as_a_manager(real_runtime, title, first, never):
    labels = _labels(real_runtime)
    got = real_runtime.titles.resolve(title)
    top = [labels[c.occupation_id] for c in got.candidates]
    assert got.confident and top[0] == first != never, (title, top)
    assert got.warning is None and got.candidates[0].label_kind == "curated title"


@pytest.mark.slow
def test_a_family_s_title_is_warned_and_read_in_the_learner_s_trade(real_runtime):
    """A plumber's "Renewable energy installer": no offshore technician's sea survival; the
    title is said to be several trades', and the plumber's CV chooses the reading (its words:
    *geothermal technician*, 2026-12-07)."""
    from service.profiles.experience import experience_evidence
    from service.recommend.level_title import read_in_trade

    labels = _labels(real_runtime)
    got = real_runtime.titles.resolve("Renewable energy installer")
    assert got.confident and got.warning == FAMILY_TITLE
    assert len({labels[c.occupation_id] for c in got.candidates[:3]}) == 3
    cv = "Plumber for a housing association: boilers, bathrooms and leaks."
    with Session(real_runtime.engine) as s:
        jobs = experience_evidence(real_runtime, s, cv, defaultdict(list), trust=0.6)
        named = {j.occupation_id: j.phrase for j in jobs}
        reading = read_in_trade(real_runtime, s, got, named, cv)
    assert reading is not None and reading.sentence().startswith("read as "), reading
    assert labels[reading.occupation_id] in {
        "solar energy technician",
        "geothermal technician",
        "heating technician",
        "refrigeration air condition and heat pump technician",
    }
