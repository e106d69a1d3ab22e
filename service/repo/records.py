"""Credential and posting queries: search with filters, pages, detail and skills for the API;
the credentials and skill links planning reads; postings as roles; what /v1/about counts."""

from __future__ import annotations

import json
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, func, or_, select
from sqlmodel import Session

from models.catalog import CredentialOut, PostingOut, RecordSkillOut, SpanOut, StatedLabelOut
from models.common import MAX_ID
from models.tables import (
    Credential,
    CredentialLabel,
    CredentialSkill,
    JobPosting,
    Occupation,
    PostingLabel,
    PostingSkill,
    Skill,
)
from service.errors import InvalidInput, NotFound
from service.repo.identity import now_text, shown_external_id, tenant_external_id


@dataclass
class Filters:
    skills: list[str] | None = None  # skill ids or URIs; a record must have all of them
    kind: list[str] | None = None
    max_hours: float | None = None
    max_cost: float | None = None
    language: list[str] | None = None
    external_id: str | None = None
    label: str | None = None  # a skill name the record states (any case), linked or not
    owned_by: int | None = None  # postings: only this tenant's private openings
    # postings: public ones and those of this tenant (None: public only); not a user filter
    visible_to: int | None = None

    def active(self) -> bool:
        return any(v not in (None, [], "") for k, v in self.__dict__.items() if k != "visible_to")


def encode_cursor(position: int) -> str:
    """A page cursor: where the next page starts (an offset, or the last id seen), in digits."""
    return str(position)


def decode_cursor(cursor: str | None) -> int:
    """The position a cursor holds, 0 without one. The schema declares its form (digits,
    CURSOR_PATTERN) and every cursor of that form names a page, maybe an empty one; a position
    past any id or offset is capped (it names the same empty page)."""
    if not cursor:
        return 0
    if not (cursor.isascii() and cursor.isdigit()):
        raise InvalidInput("cursor is not one this service issued", field="cursor")
    return min(int(cursor), MAX_ID)


def _skill_ids(session: Session, refs: list[str]) -> list[int]:
    ids = []
    for ref in refs:
        if ref.isascii() and ref.isdigit():  # "²" is a digit to str.isdigit, not to int()
            n = int(ref)
            sid = n if n <= MAX_ID and session.get(Skill, n) else None
        else:
            sid = session.execute(select(Skill.id).where(Skill.uri == ref)).scalar_one_or_none()
        if not sid:
            raise NotFound(f"unknown skill {ref!r}", field="skill")
        ids.append(sid)
    return ids


def _filtered_ids(session: Session, kind: str, f: Filters):
    """A SELECT of the ids passing the filters (None when there are no filters)."""
    table = Credential if kind == "credential" else JobPosting
    link = CredentialSkill if kind == "credential" else PostingSkill
    fk = link.credential_id if kind == "credential" else link.posting_id
    stmt = select(table.id)
    if f.external_id:
        stmt = stmt.where(
            _posting_external_id(f) if kind == "posting" else table.external_id == f.external_id
        )
    if kind == "posting":
        stmt = stmt.where(visible(f.visible_to))
        if f.owned_by is not None:
            stmt = stmt.where(JobPosting.tenant_id == f.owned_by)
    if kind == "credential":
        if f.kind:
            stmt = stmt.where(Credential.kind.in_(f.kind))
        if f.max_hours is not None:
            stmt = stmt.where(Credential.hours.is_not(None), Credential.hours <= f.max_hours)
        if f.max_cost is not None:
            stmt = stmt.where(Credential.cost.is_not(None), Credential.cost <= f.max_cost)
        if f.language:
            stmt = stmt.where(Credential.language.in_(f.language))
    for sid in _skill_ids(session, f.skills or []):
        stmt = stmt.where(table.id.in_(select(fk).where(link.skill_id == sid)))
    if f.label and f.label.strip():
        labels, lfk = _label_table(kind)
        named = select(lfk).where(func.lower(labels.label) == f.label.strip().lower())
        stmt = stmt.where(table.id.in_(named))
    return stmt


def _label_table(kind: str):
    if kind == "credential":
        return CredentialLabel, CredentialLabel.credential_id
    return PostingLabel, PostingLabel.posting_id


def _posting_external_id(f: Filters):
    """The postings a caller finds by the external id it gave: a public posting's, or its own
    private opening's (stored in its tenant's namespace); never another tenant's."""
    public = and_(JobPosting.external_id == f.external_id, JobPosting.tenant_id.is_(None))
    owner = f.owned_by if f.owned_by is not None else f.visible_to
    if owner is None:
        return public
    ext = tenant_external_id(owner, f.external_id)
    own = and_(JobPosting.external_id == ext, JobPosting.tenant_id == owner)
    return own if f.owned_by is not None else or_(public, own)


def filtered_ids(session: Session, *, kind: str, filters: Filters) -> list[int]:
    """The ids of `kind` that pass the filters (postings: also the caller's visibility)."""
    return [i for (i,) in session.execute(_filtered_ids(session, kind, filters)).all()]


def count_matching(session: Session, *, kind: str, filters: Filters) -> int:
    """How many rows of `kind` pass the filters (postings: the caller's visible ones)."""
    table = Credential if kind == "credential" else JobPosting
    stmt = select(func.count()).select_from(table)
    if filters.active() or kind == "posting":
        stmt = stmt.where(table.id.in_(_filtered_ids(session, kind, filters)))
    return int(session.execute(stmt).scalar_one())


def rows_by_id(session: Session, *, kind: str, ids: Collection[int]) -> dict[int, Any]:
    table = Credential if kind == "credential" else JobPosting
    return {
        r.id: r for r in session.execute(select(table).where(table.id.in_(list(ids)))).scalars()
    }


def rows_after(
    session: Session, *, kind: str, after: int, limit: int, filters: Filters
) -> list[Any]:
    """Up to `limit` rows with an id above `after`, by id, that pass the filters."""
    table = Credential if kind == "credential" else JobPosting
    stmt = select(table).where(table.id > after).order_by(table.id).limit(limit)
    if filters.active() or kind == "posting":
        stmt = stmt.where(table.id.in_(_filtered_ids(session, kind, filters)))
    return list(session.execute(stmt).scalars().all())


def open_now():
    """Postings still open: no closing time, or one still ahead."""
    return or_(JobPosting.valid_through.is_(None), JobPosting.valid_through >= now_text())


def visible(tenant_id: int | None):
    """Postings a caller may see: the public ones and their own tenant's."""
    if tenant_id is None:
        return JobPosting.tenant_id.is_(None)
    return or_(JobPosting.tenant_id.is_(None), JobPosting.tenant_id == tenant_id)


def get_row(
    session: Session, *, kind: str, record_id: int, tenant_id: int | None = None
) -> Credential | JobPosting:
    """The row, or 404 — also for another tenant's private posting (ids leak nothing)."""
    table = Credential if kind == "credential" else JobPosting
    row = session.get(table, record_id)
    if row is None or (kind == "posting" and row.tenant_id not in (None, tenant_id)):
        raise NotFound(f"no {kind} with id {record_id}", field=f"{kind}_id")
    return row


def record_skills(session: Session, *, kind: str, record_id: int) -> list[RecordSkillOut]:
    link = CredentialSkill if kind == "credential" else PostingSkill
    fk = link.credential_id if kind == "credential" else link.posting_id
    rows = session.execute(
        select(link, Skill).join(Skill, Skill.id == link.skill_id).where(fk == record_id)
    ).all()
    stated: dict[int, str] = {}
    for lab in record_labels(session, kind=kind, record_id=record_id):
        if lab.skill_id is not None:
            stated.setdefault(lab.skill_id, lab.label)
    out = [
        RecordSkillOut(
            id=sk.id,
            uri=sk.uri,
            preferred_label=sk.preferred_label,
            source=sk.source,
            origin=ln.source,
            weight=getattr(ln, "weight", None),
            relation=getattr(ln, "relation", None),
            confidence=ln.confidence,
            evidence=[SpanOut(**e) for e in ln.evidence],
            label=stated.get(sk.id) if ln.source == "explicit" else None,
        )
        for ln, sk in rows
    ]
    return sorted(
        out, key=lambda x: (x.origin != "explicit", -(x.confidence or 0), x.preferred_label)
    )


def record_labels(session: Session, *, kind: str, record_id: int) -> list[StatedLabelOut]:
    """The skill names the record states, in order, with what each became."""
    labels, lfk = _label_table(kind)
    rows = session.execute(
        select(labels, Skill.preferred_label)
        .join(Skill, Skill.id == labels.skill_id, isouter=True)
        .where(lfk == record_id)
        .order_by(labels.position)
    ).all()
    return [
        StatedLabelOut(
            position=lab.position,
            label=lab.label,
            status=lab.status,
            skill_id=lab.skill_id,
            preferred_label=pref,
            confidence=lab.confidence,
            note=lab.note,
        )
        for lab, pref in rows
    ]


def _original(row) -> object:
    try:
        return json.loads(row.original)
    except ValueError:
        return row.original


def credential_out(
    row: Credential,
    *,
    score: float | None = None,
    skills: list[RecordSkillOut] | None = None,
    original: bool = False,
    stated: list[StatedLabelOut] | None = None,
) -> CredentialOut:
    return CredentialOut(
        id=row.id,
        external_id=row.external_id,
        kind=row.kind,
        title=row.title,
        description=row.description,
        issuer={"name": row.issuer_name, "url": row.issuer_url},
        url=row.url,
        language=row.language,
        eqf_level=row.eqf_level,
        level=row.level,
        delivery_mode=row.delivery_mode,
        hours=row.hours,
        cost=row.cost,
        currency=row.currency,
        validity_months=row.validity_months,
        life_cycle_status=row.life_cycle_status,
        credit_value=row.credit_value,
        credit_unit=row.credit_unit,
        occupations=row.occupation_uris or [],
        prerequisites=row.prerequisites,
        is_part_of=row.is_part_of,
        has_part=row.has_part,
        source_format=row.source_format,
        score=None if score is None else round(score, 4),
        skills=skills,
        stated=stated,
        original=_original(row) if original else None,
    )


def posting_out(
    session: Session,
    *,
    row: JobPosting,
    score: float | None = None,
    skills: list[RecordSkillOut] | None = None,
    original: bool = False,
    stated: list[StatedLabelOut] | None = None,
) -> PostingOut:
    occ = session.get(Occupation, row.occupation_id) if row.occupation_id else None
    return PostingOut(
        id=row.id,
        external_id=shown_external_id(row.external_id),
        title=row.title,
        description=row.description,
        employer=row.employer,
        private=row.tenant_id is not None,
        location=row.location,
        remote=row.remote,
        date_posted=row.date_posted,
        valid_through=row.valid_through,
        expired=row.valid_through is not None and row.valid_through < now_text(),
        employment_type=row.employment_type or [],
        salary=row.salary,
        occupation_code=row.occupation_code,
        occupation={"id": occ.id, "uri": occ.uri, "preferred_label": occ.preferred_label}
        if occ
        else None,
        source_format=row.source_format,
        score=None if score is None else round(score, 4),
        skills=skills,
        stated=stated,
        original=_original(row) if original else None,
    )


# -------------------------------------------------------------------- credentials (planning)


def credential_names_in(session: Session, *, ids: Collection[int]) -> dict[int, tuple[str, str]]:
    """id -> (external id, title), for the ids among `ids` that name a stored credential."""
    q = select(Credential.id, Credential.external_id, Credential.title).where(
        Credential.id.in_(list(ids))
    )
    return {cid: (ext, title) for cid, ext, title in session.execute(q).all()}


def credential_ids_by_external_id(session: Session, *, refs: Collection[str]) -> dict[str, int]:
    """external id -> credential id, for the refs that name a stored credential."""
    q = select(Credential.external_id, Credential.id).where(Credential.external_id.in_(list(refs)))
    return dict(session.execute(q).all())


def credential_skill_links(session: Session, *, credential_ids: Collection[int]) -> list:
    """The CredentialSkill rows of these credentials."""
    q = select(CredentialSkill).where(CredentialSkill.credential_id.in_(list(credential_ids)))
    return list(session.execute(q).scalars())


def credentials_by_id(session: Session, *, ids: Collection[int]) -> dict[int, Credential]:
    return {i: session.get(Credential, i) for i in ids}


def all_credentials(session: Session) -> list[Credential]:
    return list(session.execute(select(Credential)).scalars().all())


def isco_of_uris(session: Session, *, uris: Collection[str]) -> dict[str, str]:
    """Occupation URI -> its ISCO unit group code, for those of `uris` stored with one."""
    if not uris:
        return {}
    q = select(Occupation.uri, Occupation.isco_code).where(Occupation.uri.in_(sorted(uris)))
    return {u: c for u, c in session.execute(q).all() if c}


def all_credential_skills(session: Session) -> list[tuple[int, int, float, str, object, list]]:
    """Every credential skill link: (credential id, skill id, weight, source, confidence,
    evidence)."""
    q = select(
        CredentialSkill.credential_id,
        CredentialSkill.skill_id,
        CredentialSkill.weight,
        CredentialSkill.source,
        CredentialSkill.confidence,
        CredentialSkill.evidence,
    )
    return [tuple(r) for r in session.execute(q).all()]


# ------------------------------------------------------------------------ postings (roles)


def posting_by_id(session: Session, *, posting_id: int) -> JobPosting | None:
    return session.get(JobPosting, posting_id)


def postings_by_id(session: Session, *, ids: Collection[int]) -> dict[int, JobPosting]:
    q = select(JobPosting).where(JobPosting.id.in_(list(ids)))
    return {p.id: p for p in session.execute(q).scalars()}


def posting_skill_rows(session: Session, *, posting_id: int) -> list[tuple[PostingSkill, str]]:
    """The posting's skill links, each with the skill's preferred label."""
    q = (
        select(PostingSkill, Skill.preferred_label)
        .join(Skill, Skill.id == PostingSkill.skill_id)
        .where(PostingSkill.posting_id == posting_id)
    )
    return [tuple(r) for r in session.execute(q).all()]


def visible_posting_skill_rows(
    session: Session, *, tenant_id: int, include_public: bool
) -> list[tuple[PostingSkill, str]]:
    """The skill links (with labels) of the tenant's open openings, and of the open public
    postings when `include_public`."""
    where = visible(tenant_id) if include_public else JobPosting.tenant_id == tenant_id
    where = and_(where, open_now())  # an expired opening is ranked for no one
    q = (
        select(PostingSkill, Skill.preferred_label)
        .join(Skill, Skill.id == PostingSkill.skill_id)
        .join(JobPosting, JobPosting.id == PostingSkill.posting_id)
        .where(where)
    )
    return [tuple(r) for r in session.execute(q).all()]


def visible_posting_occupations(
    session: Session, *, tenant_id: int, include_public: bool
) -> dict[int, int | None]:
    """Posting id -> its occupation id (None where it has none), for the tenant's open openings
    and, when `include_public`, the open public postings."""
    where = visible(tenant_id) if include_public else JobPosting.tenant_id == tenant_id
    q = select(JobPosting.id, JobPosting.occupation_id).where(and_(where, open_now()))
    return dict(session.execute(q).all())


def visible_posting_ids(
    session: Session, *, occupation_id: int, tenant_id: int | None
) -> list[int]:
    """The open postings resolved to the occupation that the caller may see."""
    q = select(JobPosting.id).where(
        JobPosting.occupation_id == occupation_id, visible(tenant_id), open_now()
    )
    return list(session.execute(q).scalars().all())


def posting_skill_ids(session: Session, *, posting_ids: Collection[int]) -> list[int]:
    """The skill of every link of these postings (a skill once per posting that asks for it)."""
    q = select(PostingSkill.skill_id).where(PostingSkill.posting_id.in_(list(posting_ids)))
    return list(session.execute(q).scalars())


def catalog_counts(session: Session) -> dict[str, int]:
    """What the database holds, as /v1/about shows it (public postings only: how many private
    openings tenants hold is theirs to know)."""
    return {
        "skills": session.execute(select(func.count()).select_from(Skill)).scalar_one(),
        "occupations": session.execute(select(func.count()).select_from(Occupation)).scalar_one(),
        "credentials": session.execute(select(func.count()).select_from(Credential)).scalar_one(),
        "postings": public_posting_count(session),
    }


def public_posting_count(session: Session) -> int:
    """Postings that every caller may see (no tenant's private openings)."""
    q = select(func.count()).select_from(JobPosting).where(JobPosting.tenant_id.is_(None))
    return session.execute(q).scalar_one()
