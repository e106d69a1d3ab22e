"""The taxonomy as the API serves it: skills and occupations searched by meaning, skills read
from a text, a typed title resolved to occupations. The queries are in service/repo/taxonomy.py."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlmodel import Session

from indexing.types import Check, unchecked
from models.common import blank
from models.taxonomy import EvidenceOut, ExtractedSkillOut, OccupationHit, SkillHit
from service.caller_limits import CallerLimits
from service.errors import InvalidInput
from service.repo.taxonomy import occupations_by_id

if TYPE_CHECKING:
    from collections.abc import Callable

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


def extract_skills(
    runtime: Runtime,
    text: str,
    *,
    max_skills: int,
    min_score: float | None,
    sources: set[str] | None,
    limits: CallerLimits | None = None,
    check: Check = unchecked,
    field: str = "text",
) -> list[ExtractedSkillOut]:
    """Skills named in `text`. limits: the caller's text limit (422 beyond it, naming `field`;
    the keyed limit when None); check: called between units of the linker's work, it raises to
    stop it."""
    check_extract_text(runtime, text, field=field, limits=limits)
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


def check_extract_text(
    runtime: Runtime, text: str, *, field: str, limits: CallerLimits | None
) -> None:
    """422 naming `field` when `text` is longer than the service or this caller allows."""
    check_text(text, limit=runtime.settings.max_text_chars, field=field)
    if limits is not None:
        limits.check_text(text, field)


def search_occupations(
    runtime: Runtime,
    session: Session,
    q: str,
    *,
    limit: int,
    resolve: Callable[[str, int], TitleResolution] | None = None,
) -> list[OccupationHit]:
    """Occupations for a typed title, best first. resolve: how a title is read (the title
    resolver's own when None; the API passes the target path's, so a search and a target agree)."""
    check_text(q, limit=runtime.settings.max_query_chars, field="q")
    resolution = (resolve or (lambda t, k: runtime.titles.resolve(t, k=k)))(q, limit)
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
