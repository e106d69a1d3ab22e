"""A role read from an occupation carries its ISCO unit group (the planner's aim needs it)."""

from sqlalchemy import select
from sqlmodel import Session

from models.tables import Occupation
from service.profiles.role import role_from_occupation


def test_a_role_from_an_occupation_has_its_isco_group(runtime):
    with Session(runtime.engine) as s:
        occ = s.execute(select(Occupation).where(Occupation.isco_code != "").limit(1)).scalar()
        role = role_from_occupation(s, occ.id, runtime.settings)
    assert role.isco == occ.isco_code and len(role.isco) == 4
