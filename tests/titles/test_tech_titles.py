"""Titles of software job ads (service/titles/tech_titles.py): a full-stack engineer is a web
developer, an Android or iOS developer a mobile application developer, not the alternative fuels
engineer or the microsystem engineer that O*NET's known titles "Stack Engineer" and "Mobile
Engineer" read."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlmodel import Session

from models.tables import Occupation
from service.titles.curated import CURATED_TITLES
from service.titles.tech_titles import MOBILE_APPLICATION_DEVELOPER, TECH_TITLES, WEB_DEVELOPER
from service.titles.words import normalise_title


def test_the_tech_titles_are_curated_titles_written_as_titles_are_cleaned():
    assert all(CURATED_TITLES[t] == occ for t, occ in TECH_TITLES.items())
    assert all(normalise_title(t) == t for t in TECH_TITLES)
    assert TECH_TITLES["full stack engineer"][0] == WEB_DEVELOPER
    assert TECH_TITLES["ios developer"] == (MOBILE_APPLICATION_DEVELOPER,)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Full Stack Engineer", "web developer"),
        ("Senior Full-Stack Engineer", "web developer"),
        ("Senior Fullstack Developer", "web developer"),
        ("Android Engineer", "mobile application developer"),
        ("iOS Developer", "mobile application developer"),
    ],
)
def test_software_titles_on_the_real_model(real_runtime, title, expected):
    with Session(real_runtime.engine) as s:
        labels = dict(s.execute(select(Occupation.id, Occupation.preferred_label)).all())
    got = real_runtime.titles.resolve(title)
    assert got.confident and labels[got.candidates[0].occupation_id] == expected, got
