"""Employer queries: a tenant's candidates, their badges and stored skill evidence, the pool
that rankings read, and the tenant's trust documents (issuer keys, revocation lists)."""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import delete, func, select
from sqlmodel import Session

from models.tables import (
    ROLE_READING_SOURCE,
    Candidate,
    CandidateBadge,
    CandidateSkill,
    Skill,
    TrustDocument,
)

# ------------------------------------------------------------------------- trust documents


def trust_material(session: Session, *, tenant_id: int) -> list[tuple[str, dict]]:
    """(kind, document) of each of the tenant's trust documents."""
    q = select(TrustDocument.kind, TrustDocument.document).where(
        TrustDocument.tenant_id == tenant_id
    )
    return [tuple(r) for r in session.execute(q).all()]


def trust_documents(session: Session, *, tenant_id: int) -> list[TrustDocument]:
    """The tenant's trust documents, oldest first."""
    q = select(TrustDocument).where(TrustDocument.tenant_id == tenant_id).order_by(TrustDocument.id)
    return list(session.execute(q).scalars())


def trust_document(session: Session, *, tenant_id: int, trust_id: int) -> TrustDocument | None:
    """The tenant's trust document; None when there is none (or it is another tenant's)."""
    row = session.get(TrustDocument, trust_id)
    return row if row is not None and row.tenant_id == tenant_id else None


# ------------------------------------------------------------------------------ candidates


def candidate_by_id(session: Session, *, candidate_id: int) -> Candidate | None:
    return session.get(Candidate, candidate_id)


def delete_evidence(session: Session, *, candidate_id: int) -> None:
    """The candidate's stored skill evidence and badges (not committed)."""
    session.execute(delete(CandidateSkill).where(CandidateSkill.candidate_id == candidate_id))
    session.execute(delete(CandidateBadge).where(CandidateBadge.candidate_id == candidate_id))


def candidates_page(session: Session, *, tenant_id: int, after: int, limit: int) -> list:
    """The tenant's candidates with ids above `after`, `limit + 1` at most (one more tells
    whether a next page exists)."""
    q = (
        select(Candidate)
        .where(Candidate.tenant_id == tenant_id, Candidate.id > after)
        .order_by(Candidate.id)
        .limit(limit + 1)
    )
    return list(session.execute(q).scalars().all())


def candidate_names(session: Session, *, ids: Collection[int]) -> dict[int, str | None]:
    q = select(Candidate.id, Candidate.name).where(Candidate.id.in_(list(ids)))
    return dict(session.execute(q).all())


def candidate_badges(session: Session, *, candidate_id: int) -> list[CandidateBadge]:
    q = (
        select(CandidateBadge)
        .where(CandidateBadge.candidate_id == candidate_id)
        .order_by(CandidateBadge.position)
    )
    return list(session.execute(q).scalars().all())


def candidate_skill_rows(
    session: Session, *, candidate_id: int
) -> list[tuple[CandidateSkill, str, str]]:
    """The candidate's evidence rows, each with the skill's URI and preferred label."""
    q = (
        select(CandidateSkill, Skill.uri, Skill.preferred_label)
        .join(Skill, Skill.id == CandidateSkill.skill_id)
        .where(CandidateSkill.candidate_id == candidate_id)
    )
    return [tuple(r) for r in session.execute(q).all()]


def evidence_rows(
    session: Session, *, candidate_ids: Collection[int], skill_ids: Collection[int] | None
) -> list[tuple]:
    """(candidate, skill, source, confidence, text, badge id, badge title, badge status) of the
    candidates' evidence, for the skills given (all when None)."""
    cs = CandidateSkill
    q = (
        select(cs.candidate_id, cs.skill_id, cs.source, cs.confidence, cs.evidence, cs.badge_id,
               CandidateBadge.title, CandidateBadge.status)
        .outerjoin(CandidateBadge, CandidateBadge.id == cs.badge_id)
        .where(cs.candidate_id.in_(list(candidate_ids)))
    )  # fmt: skip
    if skill_ids is not None:
        q = q.where(cs.skill_id.in_(list(skill_ids)))
    return [tuple(r) for r in session.execute(q).all()]


# ------------------------------------------------------------------------------ the pool


def pool_version(session: Session, *, tenant_id: int) -> tuple:
    """Changes whenever the tenant's candidates do (in any worker): count and latest update."""
    n, latest, top = session.execute(
        select(func.count(), func.max(Candidate.updated_at), func.max(Candidate.id)).where(
            Candidate.tenant_id == tenant_id
        )
    ).one()
    return (n, str(latest), top)


def pool_ids(session: Session, *, tenant_id: int) -> list[int]:
    """The tenant's candidate ids, ascending."""
    q = select(Candidate.id).where(Candidate.tenant_id == tenant_id).order_by(Candidate.id)
    return list(session.execute(q).scalars().all())


def pool_confidences(
    session: Session, *, tenant_id: int, readings: bool = False
) -> list[tuple[int, int, float]]:
    """(candidate, skill, best confidence) over the tenant's candidates' evidence: the held
    skills, or with `readings` only the CV's readings for a role (source "text:role")."""
    best = func.max(CandidateSkill.confidence)
    is_reading = CandidateSkill.source == ROLE_READING_SOURCE
    q = (
        select(CandidateSkill.candidate_id, CandidateSkill.skill_id, best)
        .join(Candidate, Candidate.id == CandidateSkill.candidate_id)
        .where(Candidate.tenant_id == tenant_id, is_reading if readings else ~is_reading)
        .group_by(CandidateSkill.candidate_id, CandidateSkill.skill_id)
    )
    return [tuple(r) for r in session.execute(q).all()]


def held_skill_evidence(session: Session, *, candidate_id: int) -> dict[int, list[tuple[str, str]]]:
    """skill id -> [(source, evidence text)] of the candidate's stored evidence."""
    q = select(CandidateSkill.skill_id, CandidateSkill.source, CandidateSkill.evidence).where(
        CandidateSkill.candidate_id == candidate_id
    )
    out: dict[int, list[tuple[str, str]]] = {}
    for sid, source, text in session.execute(q).all():
        out.setdefault(sid, []).append((source, text))
    return out


def delete_skill_evidence(session: Session, *, candidate_id: int, skill_ids: list[int]) -> None:
    """All the evidence of these skills of the candidate (not committed)."""
    session.execute(
        delete(CandidateSkill).where(
            CandidateSkill.candidate_id == candidate_id, CandidateSkill.skill_id.in_(skill_ids)
        )
    )
