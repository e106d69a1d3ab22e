"""Skills and occupations: search, detail, extraction."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from models.common import MAX_ID, NOT_BLANK, SkillSource, limited_by
from models.taxonomy import (
    MAX_RANKED,
    ExtractRequest,
    ExtractResponse,
    OccupationDetail,
    OccupationPage,
    SkillDetail,
    SkillPage,
)
from service.api.auth import OptionalPrincipal
from service.api.deps import (
    CursorQuery,
    DeadlineDep,
    RuntimeDep,
    SessionDep,
    SingleValuedQuery,
)
from service.api.errors import COMMON_ERRORS, error_responses, links_to
from service.caller_limits import CallerLimits
from service.repo import taxonomy as repo
from service.repo.records import decode_cursor, encode_cursor
from service.taxonomy import search as core

router = APIRouter(
    prefix="/v1",
    tags=["taxonomy"],
    responses=error_responses(404, *COMMON_ERRORS),
    dependencies=[SingleValuedQuery],
)
SOURCES = ("esco", "onet")


def search_text(description: str):
    """`q`: not blank; its configured limit (max_query_chars) is declared in the schema and
    checked by the core (422)."""
    return Query(
        min_length=1,
        pattern=NOT_BLANK,
        description=description,
        json_schema_extra=limited_by("max_query_chars"),
    )


def _sources(source: list[str] | None) -> set[str] | None:
    return set(source) if source else None


def ranked_page(hits: list, limit: int, cursor: str | None) -> dict:
    """One page of a ranked list of at most MAX_RANKED hits: {items, next_cursor, total}."""
    offset = decode_cursor(cursor)
    nxt = encode_cursor(offset + limit) if len(hits) > offset + limit else None
    return {"items": hits[offset : offset + limit], "next_cursor": nxt, "total": len(hits)}


@router.get(
    "/skills",
    response_model=SkillPage,
    responses=links_to("$response.body#/items/0/id", ("GET", "/v1/skills/{skill_id}", "skill_id")),
)
def search_skills(
    runtime: RuntimeDep,
    q: Annotated[str, search_text("Free text to link to taxonomy skills.")],
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
    source: Annotated[list[SkillSource], Query(max_length=2, description="esco and/or onet")] = [],  # noqa: B006 (FastAPI copies defaults)
    cursor: CursorQuery = None,
):
    """Taxonomy skills (ESCO, O*NET technology skills) closest to a text, best first."""
    hits = core.search_skills(runtime, q, limit=MAX_RANKED, sources=_sources(source))
    return ranked_page(hits, limit, cursor)


# `:int`: /v1/skills/extract is not a skill id (GET there is 405, not a 422 about the id)
@router.get("/skills/{skill_id:int}", response_model=SkillDetail)
def get_skill(session: SessionDep, skill_id: Annotated[int, Path(ge=1, le=MAX_ID)]):
    """A skill with its labels, description, type, broader and narrower skills and collections."""
    return repo.skill_detail(session, skill_id=skill_id)


@router.post("/skills/extract", response_model=ExtractResponse, responses=error_responses(400, 401))
def extract(
    runtime: RuntimeDep,
    body: ExtractRequest,
    principal: OptionalPrincipal,
    deadline: DeadlineDep,
):
    """Without an API key the text limit is smaller (x-anonymous-maxLength); a key given must be
    valid (401)."""
    found = core.extract_skills(
        runtime,
        body.text,
        max_skills=body.max_skills,
        min_score=body.min_score,
        sources=_sources(body.sources),
        limits=CallerLimits.of(runtime.settings, keyed=principal is not None),
        check=deadline.check,
    )
    return ExtractResponse(n_chars=len(body.text), skills=found)


@router.get(
    "/occupations",
    response_model=OccupationPage,
    responses=links_to(
        "$response.body#/items/0/id",
        ("GET", "/v1/occupations/{occupation_id}", "occupation_id"),
        ("GET", "/v1/occupations/{occupation_id}/credentials", "occupation_id"),
    ),
)
def search_occupations(
    runtime: RuntimeDep,
    session: SessionDep,
    q: Annotated[str, search_text("A job title or description.")],
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
    cursor: CursorQuery = None,
):
    """ESCO occupations for a job title (or any text), best first."""
    hits = core.search_occupations(runtime, session, q, limit=MAX_RANKED)
    return ranked_page(hits, limit, cursor)


@router.get("/occupations/{occupation_id}", response_model=OccupationDetail)
def get_occupation(session: SessionDep, occupation_id: Annotated[int, Path(ge=1, le=MAX_ID)]):
    """An occupation with its essential and optional skills."""
    return repo.occupation_detail(session, occupation_id=occupation_id)
