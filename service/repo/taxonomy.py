"""Taxonomy queries: skills and occupations by id, their labels and links, the skill hierarchy;
and the taxonomy answers of the API (search, detail, extraction)."""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import aliased
from sqlmodel import Session

from indexing.types import Check, unchecked
from models.schemas import (
    EvidenceOut,
    ExtractedSkillOut,
    OccupationDetail,
    OccupationHit,
    OccupationSkillOut,
    SkillDetail,
    SkillHit,
    blank,
)
from models.tables import Occupation, OccupationSkill, Skill, SkillBroader, SkillGroup
from service.caller_limits import CallerLimits
from service.errors import InvalidInput, NotFound

if TYPE_CHECKING:
    from indexing.types import ExtractedSkill, SkillMatch
    from service.runtime import Runtime
    from service.titles.resolver import TitleResolution


def check_text(text: str, *, limit: int, field: str) -> str:
    """The schema declares both rules (min length and a non-blank pattern; the configured
    maxLength, see service/api/limits.py): a text that breaks them is invalid input (422)."""
    if blank(text):
        raise InvalidInput(f"{field} is empty", field=field)
    if len(text) > limit:
        raise InvalidInput(f"{field} has {len(text)} characters; the limit is {limit}", field=field)
    return text


def search_skills(
    runtime: Runtime, q: str, *, limit: int, sources: set[str] | None
) -> list[SkillHit]:
    check_text(q, limit=runtime.settings.max_query_chars, field="q")
    return [SkillHit(**_match_fields(m)) for m in runtime.linker.link(q, k=limit, sources=sources)]


def _match_fields(m: SkillMatch | ExtractedSkill) -> dict:
    """The API fields of a linker match (SkillMatch or ExtractedSkill)."""
    return {
        "id": m.skill_id,
        "uri": m.uri,
        "preferred_label": m.preferred_label,
        "source": m.source,
        "score": round(float(m.score), 4),
        "matched_label": m.matched_label,
        "label_kind": m.label_kind,
    }


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


def extract_skills(
    runtime: Runtime,
    text: str,
    *,
    max_skills: int,
    min_score: float | None,
    sources: set[str] | None,
    limits: CallerLimits | None = None,
    check: Check = unchecked,
) -> list[ExtractedSkillOut]:
    """Skills named in `text`. limits: the caller's text limit (422 beyond it; the keyed limit
    when None); check: called between units of the linker's work, it raises to stop it."""
    check_text(text, limit=runtime.settings.max_text_chars, field="text")
    if limits is not None:
        limits.check_text(text, "text")
    kwargs = {"max_skills": max_skills, "sources": sources, "check": check}
    if min_score is not None:
        kwargs["min_score"] = min_score
    return [
        ExtractedSkillOut(
            **_match_fields(x),
            evidence=[EvidenceOut(start=e.start, end=e.end, text=e.text) for e in x.evidence],
        )
        for x in runtime.linker.extract(text, **kwargs)
    ]


def search_occupations(
    runtime: Runtime, session: Session, q: str, *, limit: int
) -> list[OccupationHit]:
    check_text(q, limit=runtime.settings.max_query_chars, field="q")
    resolution = runtime.titles.resolve(q, k=limit)
    return [OccupationHit(**hit) for hit in title_hits(session, resolution=resolution)]


def title_hits(session: Session, *, resolution: TitleResolution) -> list[dict]:
    """The resolution's occupations as answer dicts (id, uri, label, ISCO code, score)."""
    occ = occupations_by_id(session, ids=[c.occupation_id for c in resolution.candidates])
    return [
        {
            "id": c.occupation_id,
            "uri": occ[c.occupation_id].uri,
            "preferred_label": occ[c.occupation_id].preferred_label,
            "isco_code": occ[c.occupation_id].isco_code,
            "score": round(c.label_score, 4),
            "rank_score": round(c.score, 4),
            "matched_label": c.matched_label,
        }
        for c in resolution.candidates
        if c.occupation_id in occ
    ]


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


def broader_pairs(session: Session) -> list[tuple[int, int]]:
    """(skill id, id of a skill directly broader) for every ESCO broader link."""
    a, b = aliased(Skill), aliased(Skill)
    q = (
        select(a.id, b.id)
        .join(SkillBroader, SkillBroader.uri == a.uri)
        .join(b, b.uri == SkillBroader.broader_uri)
    )
    return [tuple(r) for r in session.execute(q).all()]


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


def occupation_rows(session: Session) -> list[tuple[int, str, str, str]]:
    """(id, URI, preferred label, ISCO code) of every occupation, by id."""
    q = select(
        Occupation.id, Occupation.uri, Occupation.preferred_label, Occupation.isco_code
    ).order_by(Occupation.id)
    return [tuple(r) for r in session.execute(q).all()]


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
