"""What the real-model tests of the title rounds share."""

from __future__ import annotations

from sqlmodel import Session, select

from models.tables import Occupation


def occupation_labels(runtime) -> dict[int, str]:
    """Occupation id -> preferred label, from the runtime's database."""
    with Session(runtime.engine) as s:
        return dict(s.execute(select(Occupation.id, Occupation.preferred_label)).all())
