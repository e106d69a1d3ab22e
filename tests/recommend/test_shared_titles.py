"""A title several trades use for their own job (`several.SHARED_TITLES`: "service manager",
"transport planner") read in the learner's trade (service/recommend/level_title.py): by the
readings' ESCO descriptions nearest the job's, by a margin; the warning says so; on the real
model, a mechanic's service manager is a garage's and a lorry driver's transport planner a
haulier's."""

from __future__ import annotations

from collections import defaultdict

import pytest
from sqlmodel import Session

from service.recommend.level_title import JOB_MARGIN, LevelReading, _described, read_in_trade
from service.titles.resolver import SHARED_TITLE, TitleCandidate, TitleResolution


class _Titles:
    def __init__(self, sims_of_job):
        self.sims_of_job = sims_of_job

    def description_similarity(self, text, ids, of=None):
        assert text == "" and of is not None  # the job's description, no words encoded
        return self.sims_of_job[of][: len(ids)]


class _Runtime:
    def __init__(self, sims_of_job):
        self.titles = _Titles(sims_of_job)


def _shared(n=2, tier=0):
    cands = [
        TitleCandidate(i + 1, 1.0, 1.0, "service manager", "curated title", True, tier)
        for i in range(n)
    ]
    return TitleResolution("service manager", cands, True, SHARED_TITLE)


@pytest.mark.parametrize(
    ("sims", "chosen"),
    [
        ([0.24, 0.34], 2),  # the garage's reading, plainly nearer
        ([0.53, 0.40], 1),  # ESCO's own reading, plainly nearer: said too
        ([0.30, 0.30 + JOB_MARGIN / 2], None),  # nearer by less than the margin
        ([0.0, 0.0], None),  # no descriptions
    ],
)
def test_the_job_chooses_a_reading_only_when_plainly_nearer(sims, chosen):
    got = _described(_Runtime({9: sims}), _shared(), {9: "Mechanic"})
    if chosen is None:
        assert got is None
    else:
        assert got is not None and got.candidate.occupation_id == chosen
        assert got.job_phrase == "Mechanic" and got.relation == pytest.approx(
            abs(sims[0] - sims[1])
        )


def test_of_two_jobs_the_plainer_choice_wins():
    runtime = _Runtime({9: [0.30, 0.37], 8: [0.50, 0.20]})
    got = _described(runtime, _shared(), {9: "Mechanic", 8: "Care worker"})
    assert got is not None and got.candidate.occupation_id == 1 and got.job_phrase == "Care worker"


def test_no_job_one_reading_or_no_curated_readings_read_nothing():
    assert _described(_Runtime({}), _shared(), {}) is None
    assert _described(_Runtime({9: [0.1, 0.9]}), _shared(n=1), {9: "x"}) is None
    assert _described(_Runtime({9: [0.1, 0.9]}), _shared(tier=4), {9: "x"}) is None


def test_the_warning_of_a_shared_title_says_the_reading():
    cand = TitleCandidate(7, 1.0, 1.0, "service manager", "curated title")
    got = LevelReading(cand, "motor vehicle aftersales manager", "Mechanic", 0.1, SHARED_TITLE)
    head, tail = SHARED_TITLE.split(": ", 1)
    assert got.warning() == (
        f"{head}: read as motor vehicle aftersales manager from your experience as a mechanic;"
        f" {tail}"
    )


# the learner's own words -> the title typed -> the reading an adviser expects (None: ESCO's own
# reading stays, with the warning)
LEARNERS = [
    ("Mechanic in a small garage: servicing cars, MOT tests, brakes and clutches.",
     "service manager", "motor vehicle aftersales manager"),
    ("Vehicle technician at a Ford dealership for five years.", "service manager",
     "motor vehicle aftersales manager"),
    ("Lorry driver for 8 years, class 1, multi-drop and trunking.", "transport planner",
     "freight transport dispatcher"),
    ("Senior care worker in a supported living service, rotas and care plans.",
     "service manager", "service manager"),
    ("Customer service advisor at a bank for four years.", "service manager", "service manager"),
    ("", "transport planner", None),
    # round h-titles10: a food factory's production planner, a mental health service's care
    # coordinator (ESCO's own reading, said)
    ("Machine operator in a food factory, covering the shift rota and ordering packaging.",
     "production planner", "food production planner"),
    ("Support worker in a mental health supported living service.", "care coordinator",
     "mental health social worker"),
    ("", "registered manager", None),
]  # fmt: skip


@pytest.mark.slow
@pytest.mark.parametrize(("text", "title", "expected"), LEARNERS)
def test_a_shared_title_takes_the_trade_of_the_learners_job(real_runtime, text, title, expected):
    from service.profiles.experience import experience_evidence

    with Session(real_runtime.engine) as s:
        jobs = experience_evidence(real_runtime, s, text, defaultdict(list), trust=0.6)
        resolution = real_runtime.titles.resolve(title)
        named = {j.occupation_id: j.phrase for j in jobs}
        got = read_in_trade(real_runtime, s, resolution, named, text)
    assert resolution.confident and resolution.warning == SHARED_TITLE
    assert (got.label if got is not None else None) == expected, got
