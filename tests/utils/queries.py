"""Small lookups the API tests share."""

from __future__ import annotations

from sqlalchemy import select
from sqlmodel import Session

from models.tables import Occupation, OccupationSkill, Skill


def essential_skills(engine, occupation_label: str) -> tuple[int, list[str]]:
    """An ESCO occupation's id and the URIs of its essential ESCO skills, in URI order."""
    with Session(engine) as s:
        oid = s.execute(
            select(Occupation.id).where(Occupation.preferred_label == occupation_label)
        ).scalar_one()
        uris = (
            s.execute(
                select(Skill.uri)
                .join(OccupationSkill, OccupationSkill.skill_id == Skill.id)
                .where(
                    OccupationSkill.occupation_id == oid,
                    OccupationSkill.relation == "essential",
                    OccupationSkill.source == "esco",
                )
                .order_by(Skill.uri)
            )
            .scalars()
            .all()
        )
    return oid, list(uris)
