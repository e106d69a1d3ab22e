"""Jobs of an employer's candidates, a third round (docs/quality.md, "An employer's words, a
third round"): "Approved electrician" (a UK electrician's grade) is the learner's standing and
the trade (`service.profiles.experience._STANDING`: it read O*NET's "Licensed Electrician" too
loosely, so no job), a nursery or early years practitioner an *early years teaching assistant*
(curated: the words alone were unsure)."""

from __future__ import annotations

import pytest

from service.profiles.experience import title_phrases
from service.titles.curated import CURATED_TITLES, EARLY_YEARS_TA
from tests.profiles.reading import jobs_read


def test_approved_is_a_standing_not_a_title_word():
    assert [p for p, *_ in title_phrases("Approved electrician, 8 years, EICRs")] == ["electrician"]
    assert list(title_phrases("Approved by the council, 2019")) == []


def test_the_rounds_curated_titles():
    for title in ("nursery practitioner", "early years practitioner"):
        assert CURATED_TITLES[title] == (EARLY_YEARS_TA,)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "occupation"),
    [
        ("Approved electrician, 8 years domestic and commercial installations.", "electrician"),
        ("Nursery practitioner, Level 3 in Early Years, EYFS.", "early years teaching assistant"),
        ("Early years practitioner in a day nursery", "early years teaching assistant"),
    ],
)
def test_the_rounds_jobs_on_the_real_model(real_runtime, text, occupation):
    assert jobs_read(real_runtime, text) == [occupation]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text", ["Approved invoices for payment", "Approved timesheets for the team"]
)
def test_approved_as_a_verb_names_no_job_on_the_real_model(real_runtime, text):
    assert jobs_read(real_runtime, text) == []
