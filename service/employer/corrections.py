"""An employer corrects a candidate's skills after reading the evidence: a wrong skill is removed
with all its evidence, a missing one is added (stored as declared, "added on review"). The
stored evidence is what ranking reads, so the next ranking uses the correction.

A later `PUT /v1/candidates/{id}` re-reads the profile from what it sends and replaces these
corrections (a removed declared skill is also dropped from the declared list here)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlmodel import Session

from models.employer import CandidateSkillsIn
from models.tables import CandidateSkill
from service.employer.candidates import get_candidate_row
from service.errors import Conflict, DomainError
from service.profiles.learner import build_learner
from service.repo import candidates as repo

if TYPE_CHECKING:
    from service.runtime import Runtime

ADDED = "added on review"


def _added_rows(
    runtime: Runtime, session: Session, candidate_id: int, refs: list[str], notes: list[dict]
) -> list[CandidateSkill]:
    """Evidence rows for the skills to add; a reference that links to nothing adds nothing and
    is named in `notes` (as the service keeps a stated name it cannot link: visible, not stored
    as a skill)."""
    rows: list[CandidateSkill] = []
    for i, ref in enumerate(refs):
        try:
            learner = build_learner(runtime, session, skills=[ref])
        except DomainError:
            learner = None
        if learner is None or not learner.evidence:
            notes.append({"field": f"body.add[{i}]", "message": f"no skill matches {ref!r}; "
                          "nothing was added for it"})  # fmt: skip
            continue
        for sid, evs in learner.evidence.items():
            conf = max(e.confidence for e in evs)
            rows.append(
                CandidateSkill(
                    candidate_id=candidate_id, skill_id=sid, confidence=round(min(1.0, conf), 4),
                    source="declared", evidence=ADDED,
                )
            )  # fmt: skip
    return rows


def edit_skills(
    runtime: Runtime, session: Session, tenant_id: int, candidate_id: int, body: CandidateSkillsIn
) -> list[dict]:
    """Remove, then add; one transaction (nothing named: nothing changes). Removing a skill the
    candidate does not hold is a 409 naming the item (the page sends what it shows, so a stale
    page is told, not ignored). Returns notes on additions that linked to nothing."""
    cand = get_candidate_row(session, tenant_id, candidate_id)
    notes: list[dict] = []
    if not body.add and not body.remove:
        return notes
    held = repo.held_skill_evidence(session, candidate_id=cand.id)
    for i, sid in enumerate(body.remove):
        if sid not in held:
            raise Conflict(f"the candidate has no skill {sid}", field=f"body.remove[{i}]")
    added = _added_rows(runtime, session, cand.id, list(body.add), notes)
    if body.remove:
        dropped = {t for sid in body.remove for src, t in held[sid] if src == "declared"}
        cand.declared = [d for d in cand.declared if d not in dropped]
        repo.delete_skill_evidence(session, candidate_id=cand.id, skill_ids=list(body.remove))
    session.add_all(added)
    cand.updated_at = datetime.now(UTC)  # the tenant's pool version changes: ranked anew
    session.add(cand)
    session.commit()
    return notes
