"""Titles people type, resolved on the real model and the full taxonomy as a careers adviser
would check them (the `real_runtime` fixture of tests/conftest.py): a schedule word ("shift"),
"Head of X", "team leader" and "supervisor" must not send the title to another trade or level."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlmodel import Session

from models.tables import Occupation

# typed title -> the occupations an adviser accepts first; occupations that must not come first
CASES = [
    ("warehouse shift supervisor", {"warehouse manager"}, {"production supervisor"}),
    ("Warehouse Night Shift Supervisor", {"warehouse manager"}, {"production supervisor"}),
    ("customer service team leader", {"contact centre supervisor", "call centre supervisor"},
     {"customer service representative"}),
    ("Head of HR", {"human resources manager"}, {"human resources assistant"}),
    ("Head of Marketing", {"marketing manager"}, {"chief executive officer"}),
    ("head of finance", {"financial manager"}, {"financial controller"}),
    ("warehouse team leader", {"warehouse manager"}, {"warehouse worker"}),
    # ESCO's "ICT manager" belongs to telecommunications manager alone (MISLEADING_TITLE_LABELS)
    ("Head of IT", {"ICT project manager", "ICT operations manager", "chief information officer"},
     {"telecommunications manager"}),
    ("IT manager", {"ICT project manager", "ICT operations manager", "chief information officer"},
     {"telecommunications manager"}),
    # a doubtful supervisor ESCO names by its manager's label ("bar manager")
    ("bar supervisor", {"restaurant manager"}, {"bartender"}),
]  # fmt: skip


@pytest.mark.slow
@pytest.mark.parametrize(("title", "accept", "reject"), CASES)
def test_typed_titles_resolve_to_the_role_an_adviser_expects(real_runtime, title, accept, reject):
    got = real_runtime.titles.resolve(title)
    with Session(real_runtime.engine) as s:
        labels = dict(s.execute(select(Occupation.id, Occupation.preferred_label)).all())
    top = [labels[c.occupation_id] for c in got.candidates]
    assert got.confident, (title, top)
    assert top[0] in accept and top[0] not in reject, (title, top)
