"""Taxonomy queries: skills and occupations by id, their labels and links, the skill hierarchy;
and the taxonomy answers of the API (search, detail, extraction)."""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import aliased
from sqlmodel import Session

from models.tables import Occupation, OccupationSkill, Skill, SkillBroader, SkillGroup
from models.taxonomy import (
    OccupationDetail,
    OccupationSkillOut,
    SkillDetail,
)
from service.errors import NotFound

if TYPE_CHECKING:
    pass


def _labels_for(session: Session, uris: list[str]) -> list[dict]:
    if not uris:
        return []
    found = {
        u: (i, lab)
        for u, i, lab in session.execute(
            select(Skill.uri, Skill.id, Skill.preferred_label).where(Skill.uri.in_(uris))
        ).all()
    }
    groups = dict(
        session.execute(
            select(SkillGroup.uri, SkillGroup.preferred_label).where(SkillGroup.uri.in_(uris))
        ).all()
    )
    out = []
    for u in sorted(uris):
        if u in found:
            out.append(
                {"uri": u, "id": found[u][0], "preferred_label": found[u][1], "kind": "skill"}
            )
        elif u in groups:
            out.append({"uri": u, "id": None, "preferred_label": groups[u], "kind": "group"})
    return out


def uri_variants(uri: str) -> list[str]:
    """The forms a taxonomy URI is looked up by: as given (without a trailing slash), and with
    http for https (ESCO's URIs are http; callers often write https)."""
    u = uri.strip().rstrip("/")
    out = [u]
    if u.lower().startswith("https://"):
        out.append("http://" + u[len("https://") :])
    return out


def skill_id_of_uri(session: Session, *, uri: str) -> int:
    """The id of the skill with this URI (an ESCO URI or an O*NET URN); 404 naming `uri`."""
    q = select(Skill.id).where(Skill.uri.in_(uri_variants(uri)))
    found = session.execute(q).scalars().first()
    if found is None:
        raise NotFound(f"no skill with URI {uri!r}", field="uri")
    return found


def occupation_id_of_uri(session: Session, *, uri: str) -> int:
    """The id of the occupation with this URI (http or https); 404 naming `uri`."""
    q = select(Occupation.id).where(Occupation.uri.in_(uri_variants(uri)))
    found = session.execute(q).scalars().first()
    if found is None:
        raise NotFound(f"no occupation with URI {uri!r}", field="uri")
    return found


def skill_detail(session: Session, *, skill_id: int) -> SkillDetail:
    skill = session.get(Skill, skill_id)
    if skill is None:
        raise NotFound(f"no skill with id {skill_id}", field="skill_id")
    broader = (
        session.execute(select(SkillBroader.broader_uri).where(SkillBroader.uri == skill.uri))
        .scalars()
        .all()
    )
    narrower = (
        session.execute(select(SkillBroader.uri).where(SkillBroader.broader_uri == skill.uri))
        .scalars()
        .all()
    )
    n_occ = session.execute(
        select(func.count())
        .select_from(OccupationSkill)
        .where(OccupationSkill.skill_id == skill_id)
    ).scalar_one()
    return SkillDetail(
        id=skill.id,
        uri=skill.uri,
        source=skill.source,
        preferred_label=skill.preferred_label,
        alt_labels=skill.alt_labels,
        description=skill.description,
        skill_type=skill.skill_type,
        reuse_level=skill.reuse_level,
        collections=skill.collections,
        broader=_labels_for(session, list(broader)),
        narrower=_labels_for(session, list(narrower)),
        occupation_count=n_occ,
    )


def occupation_detail(session: Session, *, occupation_id: int) -> OccupationDetail:
    occ = session.get(Occupation, occupation_id)
    if occ is None:
        raise NotFound(f"no occupation with id {occupation_id}", field="occupation_id")
    rows = session.execute(
        select(Skill, OccupationSkill.relation, OccupationSkill.source)
        .join(OccupationSkill, OccupationSkill.skill_id == Skill.id)
        .where(OccupationSkill.occupation_id == occupation_id)
        .order_by(Skill.preferred_label)
    ).all()
    ess, opt = [], []
    for skill, relation, rsource in rows:
        item = OccupationSkillOut(
            id=skill.id,
            uri=skill.uri,
            preferred_label=skill.preferred_label,
            source=skill.source,
            skill_type=skill.skill_type,
            relation_source=rsource,
        )
        (ess if relation == "essential" else opt).append(item)
    return OccupationDetail(
        id=occ.id,
        uri=occ.uri,
        preferred_label=occ.preferred_label,
        alt_labels=occ.alt_labels,
        description=occ.description,
        isco_code=occ.isco_code,
        essential_skills=ess,
        optional_skills=opt,
    )


# ------------------------------------------------------------------------- plain queries


def skill_labels(session: Session, *, ids: Collection[int]) -> dict[int, str]:
    """Skill id -> preferred label, for the ids that exist."""
    q = select(Skill.id, Skill.preferred_label).where(Skill.id.in_(list(ids)))
    return dict(session.execute(q).all())


def skill_ids_by_uri(session: Session, *, uris: Collection[str]) -> dict[str, int]:
    """Skill URI -> id, for the URIs the taxonomy holds ({} for none given)."""
    if not uris:
        return {}
    q = select(Skill.uri, Skill.id).where(Skill.uri.in_(list(uris)))
    return dict(session.execute(q).all())


def occupation_by_id(session: Session, *, occupation_id: int) -> Occupation | None:
    return session.get(Occupation, occupation_id)


def occupation_id_by_uri(session: Session, *, uri: str) -> int | None:
    q = select(Occupation.id).where(Occupation.uri == uri)
    return session.execute(q).scalar_one_or_none()


def occupations_by_id(session: Session, *, ids: Collection[int]) -> dict[int, Occupation]:
    q = select(Occupation).where(Occupation.id.in_(list(ids)))
    return {o.id: o for o in session.execute(q).scalars()}


def occupation_skill_rows(
    session: Session, *, occupation_id: int
) -> list[tuple[int, str, str, str, bool]]:
    """The occupation's skills: (skill id, relation, source, preferred label, hot)."""
    q = (
        select(
            OccupationSkill.skill_id,
            OccupationSkill.relation,
            OccupationSkill.source,
            Skill.preferred_label,
            Skill.hot,
        )
        .join(Skill, Skill.id == OccupationSkill.skill_id)
        .where(OccupationSkill.occupation_id == occupation_id)
    )
    return [tuple(r) for r in session.execute(q).all()]


def essential_skills_of(
    session: Session, *, occupation_ids: Collection[int]
) -> dict[int, list[tuple[int, str]]]:
    """Occupation id -> its ESCO essential skills (skill id, preferred label), by skill id."""
    if not occupation_ids:
        return {}
    q = (
        select(OccupationSkill.occupation_id, OccupationSkill.skill_id, Skill.preferred_label)
        .join(Skill, Skill.id == OccupationSkill.skill_id)
        .where(
            OccupationSkill.occupation_id.in_(list(occupation_ids)),
            OccupationSkill.relation == "essential",
            OccupationSkill.source == "esco",
        )
        .order_by(OccupationSkill.occupation_id, OccupationSkill.skill_id)
    )
    out: dict[int, list[tuple[int, str]]] = {}
    for occ, sid, label in session.execute(q).all():
        out.setdefault(occ, []).append((sid, label))
    return out


def broader_pairs(session: Session) -> list[tuple[int, int]]:
    """(skill id, id of a skill directly broader) for every ESCO broader link."""
    a, b = aliased(Skill), aliased(Skill)
    q = (
        select(a.id, b.id)
        .join(SkillBroader, SkillBroader.uri == a.uri)
        .join(b, b.uri == SkillBroader.broader_uri)
    )
    return [tuple(r) for r in session.execute(q).all()]


def hierarchy_links(session: Session) -> list[tuple[str, str]]:
    """(uri, broader uri) for every ESCO broader link, skills and skill groups alike."""
    return [tuple(r) for r in session.execute(select(SkillBroader.uri, SkillBroader.broader_uri))]


def group_codes(session: Session) -> dict[str, str]:
    """Skill group URI -> its ESCO code ("T3.3", "S4.8.1")."""
    return dict(session.execute(select(SkillGroup.uri, SkillGroup.code)).all())


def skill_reuse(session: Session) -> list[tuple[int, str, str]]:
    """(skill id, URI, ESCO reuse level) of every skill."""
    return [tuple(r) for r in session.execute(select(Skill.id, Skill.uri, Skill.reuse_level))]


def all_occupation_skills(session: Session) -> list[tuple[int, int, str, str, bool]]:
    """Every occupation's skill links: (occupation id, skill id, relation, source, hot)."""
    q = select(
        OccupationSkill.occupation_id,
        OccupationSkill.skill_id,
        OccupationSkill.relation,
        OccupationSkill.source,
        Skill.hot,
    ).join(Skill, Skill.id == OccupationSkill.skill_id)
    return [tuple(r) for r in session.execute(q).all()]


def occupations_of_unit(session: Session, *, isco_code: str) -> list[tuple[int, str]]:
    """(id, preferred label) of every ESCO occupation of an ISCO unit group (its 4-digit code,
    as ESCO's occupations hold it), by id."""
    q = (
        select(Occupation.id, Occupation.preferred_label)
        .where(Occupation.isco_code == isco_code[:4], Occupation.source == "esco")
        .order_by(Occupation.id)
    )
    return [tuple(r) for r in session.execute(q).all()]


def occupation_rows(session: Session) -> list[tuple[int, str, str, str]]:
    """(id, URI, preferred label, ISCO code) of every occupation, by id."""
    q = select(
        Occupation.id, Occupation.uri, Occupation.preferred_label, Occupation.isco_code
    ).order_by(Occupation.id)
    return [tuple(r) for r in session.execute(q).all()]


def regulated_occupation_ids(session: Session) -> set[int]:
    """The occupations ESCO marks as regulated professions."""
    q = select(Occupation.id).where(Occupation.regulated)
    return set(session.execute(q).scalars().all())


def occupation_title_rows(session: Session) -> list[tuple[int, str, str, str, list, str]]:
    """(id, preferred label, description, ISCO code, alt labels, URI) of every occupation, by
    id: what the title resolver is built from."""
    q = select(
        Occupation.id,
        Occupation.preferred_label,
        Occupation.description,
        Occupation.isco_code,
        Occupation.alt_labels,
        Occupation.uri,
    ).order_by(Occupation.id)
    return [tuple(r) for r in session.execute(q).all()]
