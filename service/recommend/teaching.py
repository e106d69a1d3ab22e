"""The credentials that teach a role: every catalog credential teaching any of an occupation's
skills, ranked by the share of the role's weight it teaches (then fewer stated hours, then id)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlmodel import Session

from service.matching import Option
from service.profiles.role import role_from_occupation
from service.repo.records import credential_out, credentials_by_id

if TYPE_CHECKING:
    from service.runtime import Runtime


def _stated_hours(c: Option) -> float:
    """The hours the credential states (0 when it does not: estimates do not order this list)."""
    return max(0.0, float(c.hours)) if c.hours is not None else 0.0


def credentials_for_occupation(
    runtime: Runtime, session: Session, *, occupation_id: int, limit: int
) -> dict:
    """The occupation and its best `limit` credentials, each with its score (the share of the
    role's weight taught) and the role's skills it covers."""
    role = role_from_occupation(session, occupation_id, runtime.settings, field="occupation_id")
    weights = {r.skill_id: r.weight for r in role.skills}
    total = sum(weights.values()) or 1.0
    scored = []
    for c in runtime.catalog.teaching(list(weights)):
        covered = {sid: w for sid, w in c.skills.items() if sid in weights}
        share = sum(weights[sid] * w for sid, w in covered.items()) / total
        scored.append((share, c))
    scored.sort(key=lambda x: (-x[0], _stated_hours(x[1]), x[1].id))
    labels = {r.skill_id: r.label for r in role.skills}
    top = scored[:limit]
    rows = credentials_by_id(session, ids=[c.id for _s, c in top])
    return {
        "occupation": {"id": occupation_id, "title": role.title},
        "items": [
            credential_out(rows[c.id], score=share).model_dump()
            | {"covers": sorted(labels[s] for s in c.skills if s in weights)}
            for share, c in top
        ],
    }
