"""Candidates of a tenant: held badges (verified offline), declared skills and CV text, turned
into skill evidence that is stored row by row, so ranking needs no linker at query time.

A verified badge weighs `trust_badge_verified`, an unverified one `trust_badge_unverified`, a
failed one nothing (it is kept, with its reason, so the employer sees why).

The CV text is also read for every skill a role could find in it beside extraction's reading
(`readings_to_store`, stored with source "text:role"): ranking counts those only for a skill
the opening asks for, and the candidate's own skill list does not show them."""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlmodel import Session

from models.employer import CandidateIn
from models.safe_values import non_finite_path
from models.tables import Candidate, CandidateBadge, CandidateSkill, TrustDocument
from service.db import checkpoint_wal, zero_deleted_content
from service.errors import InvalidInput, NotFound
from service.profiles.evidence import EvidenceMap
from service.profiles.learner import (
    badge_skills,
    build_learner,
    jsonld_contexts,
    skill_source,
    verify_awarded,
)
from service.profiles.role_reading import SOURCE as ROLE_SOURCE
from service.profiles.role_reading import readings_to_store
from service.profiles.trust import trust_weights
from service.repo import candidates as repo

if TYPE_CHECKING:
    from service.runtime import Runtime


def trust_material(session: Session, tenant_id: int) -> tuple[list, list]:
    """The tenant's stored issuer keys and revocation lists."""
    rows = repo.trust_material(session, tenant_id=tenant_id)
    keys = [d for k, d in rows if k == "key"]
    revs = [d for k, d in rows if k == "revocation"]
    return keys, revs


def add_trust_document(session: Session, tenant_id: int, kind: str, document: dict) -> int:
    if kind not in ("key", "revocation"):
        raise InvalidInput("kind must be key or revocation", field="kind")
    ref = str(document.get("id") or document.get("kid") or "")[:1000]
    row = TrustDocument(tenant_id=tenant_id, kind=kind, ref=ref, document=document)
    session.add(row)
    session.commit()
    return row.id


def list_trust_documents(session: Session, tenant_id: int) -> list[dict]:
    """The tenant's trust documents as the answer lists them (id, kind, ref), oldest first."""
    rows = repo.trust_documents(session, tenant_id=tenant_id)
    return [{"id": r.id, "kind": r.kind, "ref": r.ref} for r in rows]


def delete_trust_document(session: Session, tenant_id: int, trust_id: int) -> None:
    """Forget one of the tenant's trust documents (404 for another tenant's)."""
    row = repo.trust_document(session, tenant_id=tenant_id, trust_id=trust_id)
    if row is None:
        raise NotFound(f"no trust document {trust_id}", field="trust_id")
    session.delete(row)
    session.commit()


def _storable(document: object) -> bool:
    """A badge document decoded from a JWT may hold NaN or Infinity: no JSON column takes it."""
    return isinstance(document, dict) and non_finite_path(document) is None


def _title(result) -> str:
    doc = result.document or {}
    subject = doc.get("credentialSubject") or {}
    achievement = subject.get("achievement") if isinstance(subject, dict) else None
    if isinstance(achievement, dict) and achievement.get("name"):
        return str(achievement["name"])[:500]
    badge = doc.get("badge")
    if isinstance(badge, dict) and badge.get("name"):
        return str(badge["name"])[:500]
    return str(doc.get("name") or "")[:500]


def save_candidate(
    runtime: Runtime,
    session: Session,
    tenant_id: int,
    body: CandidateIn,
    candidate_id: int | None = None,
) -> int:
    """Create (or replace) a candidate with its badges and skill evidence, in one transaction."""
    s = runtime.settings
    if len(body.text) > s.max_text_chars:  # blank or not: the schema states the limit
        raise InvalidInput(
            f"text has {len(body.text)} characters; the limit is {s.max_text_chars}",
            field="body.text",
        )
    # the CV's reading first (seconds for a long text), before this session writes: a write
    # holds SQLite's lock until the commit, and other writers would wait for the linker
    learner = build_learner(runtime, session, skills=body.skills, text=body.text)
    text_trust = trust_weights(s, None)["text"]
    readings = readings_to_store(runtime, body.text, set(learner.evidence), trust=text_trust)
    stored = trust_material(session, tenant_id)
    if candidate_id is None:
        cand = Candidate(tenant_id=tenant_id)
    else:
        cand = get_candidate_row(session, tenant_id, candidate_id)
        repo.delete_evidence(session, candidate_id=cand.id)
    cand.name, cand.external_id = body.name, body.external_id
    cand.identifiers, cand.declared, cand.text = (
        list(body.identifiers),
        list(body.skills),
        body.text,
    )
    cand.updated_at = datetime.now(UTC)
    session.add(cand)
    session.flush()

    evidence: EvidenceMap = defaultdict(list)
    warnings: list[dict] = []
    for i, doc in enumerate(body.badges):
        _badge(runtime, session, cand.id, i, doc, body, stored, evidence, warnings)
    for sid, evs in learner.evidence.items():
        evidence[sid].extend(evs)
    for ev in readings:  # counted only where an opening asks for the skill
        if ev.skill_id not in evidence:  # (a badge's skill is held: no reading of it)
            evidence[ev.skill_id].append(ev)
    session.add_all(_evidence_rows(cand.id, evidence))
    session.commit()
    runtime.extras.pop(("candidate_warnings", cand.id), None)
    if warnings:
        runtime.extras[("candidate_warnings", cand.id)] = warnings[:50]
    return cand.id


def _badge(
    runtime: Runtime,
    session: Session,
    candidate_id: int,
    i: int,
    doc: dict | str,
    body: CandidateIn,
    stored: tuple[list, list],
    evidence: EvidenceMap,
    warnings: list[dict],
) -> None:
    """Verify the candidate's badge `i` and store it (with its outcome); the skills of one that
    does not fail are evidence."""
    stored_keys, stored_revs = stored
    result = verify_awarded(
        doc,
        identifiers=body.identifiers,
        keys=[*body.keys, *stored_keys],
        revocations=[*body.revocations, *stored_revs],
        contexts=jsonld_contexts(runtime),
    )
    row = CandidateBadge(
        candidate_id=candidate_id,
        position=i,
        status=result.status,
        reason=result.reason,
        message=result.message[:1000],
        format=result.format,
        issuer=(result.issuer or None) and str(result.issuer)[:1000],
        credential_id=(result.credential_id or None) and str(result.credential_id)[:1000],
        title=_title(result),
        valid_until=result.valid_until,
        document=result.document if _storable(result.document) else None,
    )
    session.add(row)
    session.flush()
    if result.status == "failed":
        return  # a failed badge is no evidence
    source = skill_source(result.document)
    if source is None:
        warnings.append({"field": f"badges[{i}]", "message": "the badge's skills are not embedded"})
        return
    verified = result.status == "verified"
    s = runtime.settings
    trust = s.trust_badge_verified if verified else s.trust_badge_unverified
    try:
        badge_skills(
            runtime, source, i, evidence, warnings, trust=trust,
            kind="verified_badge" if verified else "unverified_badge",
            source=f"badge:{row.id}", where="badges",
        )  # fmt: skip
    except InvalidInput as exc:
        warnings.append({"field": exc.field, "message": exc.message})


def _evidence_rows(candidate_id: int, evidence: EvidenceMap) -> list[CandidateSkill]:
    """One stored row per piece of evidence (a badge's names the stored badge)."""
    rows = []
    for sid, evs in evidence.items():
        for e in evs:
            kind, _, ref = e.source.partition(":")
            rows.append(
                CandidateSkill(
                    candidate_id=candidate_id,
                    skill_id=sid,
                    confidence=round(min(1.0, e.confidence), 4),
                    source=ROLE_SOURCE if e.source == ROLE_SOURCE else kind,
                    badge_id=(
                        int(ref) if kind == "badge" and ref.isascii() and ref.isdigit() else None
                    ),
                    evidence=(e.text or "")[:1000],
                )
            )
    return rows


def get_candidate_row(session: Session, tenant_id: int, candidate_id: int) -> Candidate:
    """The tenant's candidate, or 404 (also for another tenant's: ids leak nothing)."""
    cand = repo.candidate_by_id(session, candidate_id=candidate_id)
    if cand is None or cand.tenant_id != tenant_id:
        raise NotFound(f"no candidate with id {candidate_id}", field="candidate_id")
    return cand


def delete_candidate(runtime: Runtime, session: Session, tenant_id: int, candidate_id: int) -> None:
    """Everywhere: evidence rows, badges (with the documents naming the person), the row, and
    what this process caches of them."""
    cand = get_candidate_row(session, tenant_id, candidate_id)
    zero_deleted_content(session)
    repo.delete_evidence(session, candidate_id=cand.id)
    session.delete(cand)
    session.commit()
    checkpoint_wal(session.get_bind())  # the deleted name and CV text leave the disk now
    runtime.extras.pop(("candidate_warnings", candidate_id), None)
    runtime.extras.pop(("candidate_pool", tenant_id), None)


def candidate_out(session: Session, cand: Candidate, runtime: Runtime | None = None) -> dict:
    badges = repo.candidate_badges(session, candidate_id=cand.id)
    rows = repo.candidate_skill_rows(session, candidate_id=cand.id)
    skills: dict[int, dict] = {}
    readings: dict[int, dict] = {}  # for a role, not skills the candidate shows: kept apart
    for ev, uri, label in rows:
        into = readings if ev.source == ROLE_SOURCE else skills
        entry = into.setdefault(
            ev.skill_id,
            {"skill_id": ev.skill_id, "uri": uri, "label": label, "confidence": 0.0,
             "evidence": []},
        )  # fmt: skip
        entry["confidence"] = max(entry["confidence"], ev.confidence)
        entry["evidence"].append(
            {"source": ev.source, "badge_id": ev.badge_id, "confidence": ev.confidence,
             "text": ev.evidence}
        )  # fmt: skip
    return {
        "id": cand.id,
        "name": cand.name,
        "external_id": cand.external_id,
        "identifiers": cand.identifiers,
        "declared_skills": cand.declared,
        "updated_at": cand.updated_at.isoformat() if cand.updated_at else None,
        "badges": [badge_out(b) for b in badges],
        "skills": sorted(skills.values(), key=lambda x: (-x["confidence"], x["label"])),
        "readings": sorted(readings.values(), key=lambda x: (-x["confidence"], x["label"])),
        "warnings": (runtime.extras.get(("candidate_warnings", cand.id), []) if runtime else []),
    }


def badge_out(b: CandidateBadge) -> dict:
    return {
        "id": b.id,
        "position": b.position,
        "title": b.title,
        "issuer": b.issuer,
        "status": b.status,
        "reason": b.reason,
        "message": b.message,
        "format": b.format,
        "credential_id": b.credential_id,
        "valid_until": b.valid_until.isoformat() if b.valid_until else None,
    }


def list_candidates(session: Session, tenant_id: int, *, after: int, limit: int) -> list:
    return repo.candidates_page(session, tenant_id=tenant_id, after=after, limit=limit)
