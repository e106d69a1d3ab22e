"""A catalog made from the mini taxonomy's occupations, for the planning evaluations: per
occupation, modules teaching three of its essential skills each and one programme teaching all."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlmodel import Session

from models.tables import Occupation, OccupationSkill, Skill
from service.ingest.pipeline import Ingestor


def occupation_modules(runtime) -> list[dict]:
    with Session(runtime.engine) as s:
        rows = s.execute(
            select(Occupation.id, Skill.uri)
            .join(OccupationSkill, OccupationSkill.occupation_id == Occupation.id)
            .join(Skill, Skill.id == OccupationSkill.skill_id)
            .where(OccupationSkill.relation == "essential", OccupationSkill.source == "esco")
            .order_by(Occupation.id, Skill.uri)
        ).all()
    by_occ: dict[int, list[str]] = {}
    for oid, uri in rows:
        by_occ.setdefault(oid, []).append(uri)
    docs = []
    for oid, uris in by_occ.items():
        for j in range(0, len(uris), 3):
            docs.append(
                {
                    "external_id": f"evp:{oid}:{j}",
                    "title": f"Module {oid}-{j}",
                    "kind": "course",
                    "hours": 5 + j,
                    "cost": 10,
                    "skills": [{"uri": u} for u in uris[j : j + 3]],
                }
            )
        docs.append(
            {
                "external_id": f"evp:{oid}:all",
                "title": f"Full programme {oid}",
                "kind": "certificate",
                "hours": 400,
                "skills": [{"uri": u} for u in uris],
            }
        )
    return docs


@pytest.fixture(scope="session")
def occupation_catalog(runtime):
    """The runtime with the occupations' modules ingested (the same records every time)."""
    res = Ingestor(runtime, "credential").ingest(occupation_modules(runtime))
    assert res.count("error") == 0
    return runtime
