"""Skills and occupations: search, detail, extraction."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

from fastapi import APIRouter, Path, Query
from sqlmodel import Session

from indexing.types import Check
from models.common import MAX_ID, NOT_BLANK, SkillSource, limited_by
from models.taxonomy import (
    MAX_RANKED,
    ExtractBatchResponse,
    ExtractedJobOut,
    ExtractRequest,
    ExtractResponse,
    JobOccupationOut,
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
from service.profiles.experience import read_jobs
from service.profiles.role import resolve_title
from service.repo import taxonomy as repo
from service.repo.records import decode_cursor, encode_cursor
from service.taxonomy import search as core

if TYPE_CHECKING:
    from service.runtime import Runtime

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


def uri_query(what: str):
    return Query(
        min_length=1,
        max_length=512,
        pattern=NOT_BLANK,
        description=f"The {what}'s URI (an ESCO URI, http or https; for skills also an O*NET "
        "technology URN such as urn:onet:technology:...)",
    )


@router.get("/skills/lookup", response_model=SkillDetail)
def lookup_skill(session: SessionDep, uri: Annotated[str, uri_query("skill")]):
    """A skill by its taxonomy URI (404 when no skill has it)."""
    return repo.skill_detail(session, skill_id=repo.skill_id_of_uri(session, uri=uri))


# `:int`: /v1/skills/extract is not a skill id (GET there is 405, not a 422 about the id)
@router.get("/skills/{skill_id:int}", response_model=SkillDetail)
def get_skill(session: SessionDep, skill_id: Annotated[int, Path(ge=1, le=MAX_ID)]):
    """A skill with its labels, description, type, broader and narrower skills and collections."""
    return repo.skill_detail(session, skill_id=skill_id)


@router.post(
    "/skills/extract",
    response_model=ExtractResponse | ExtractBatchResponse,
    response_model_exclude_none=True,  # `jobs` only when asked for (no field else is ever null)
    responses=error_responses(400, 401),
)
def extract(
    runtime: RuntimeDep,
    session: SessionDep,
    body: ExtractRequest,
    principal: OptionalPrincipal,
    deadline: DeadlineDep,
):
    """Skills named in one text (`text`: one result) or in a batch (`texts`: `results`, one per
    text, in order). Without an API key the text limit is smaller (x-anonymous-maxLength); a
    key given must be valid (401). Every text of a batch is checked before any is linked. With
    `jobs: true` each result also names the jobs its text names (as learner.text is read)."""
    limits = CallerLimits.of(runtime.settings, keyed=principal is not None)
    texts = [body.text] if body.texts is None else body.texts
    fields = ["text"] if body.texts is None else [f"texts[{i}]" for i in range(len(texts))]
    for text, field in zip(texts, fields, strict=True):
        core.check_extract_text(runtime, text, field=field, limits=limits)
    results = [
        ExtractResponse(
            n_chars=len(text),
            skills=core.extract_skills(
                runtime,
                text,
                max_skills=body.max_skills,
                min_score=body.min_score,
                sources=_sources(body.sources),
                limits=limits,
                check=deadline.check,
                field=field,
            ),
            jobs=jobs_named(runtime, session, text, deadline.check) if body.jobs else None,
        )
        for text, field in zip(texts, fields, strict=True)
    ]
    return results[0] if body.texts is None else ExtractBatchResponse(results=results)


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
    """ESCO occupations for a job title (or any text), best first, read as a target title is
    ("Python Developer": software developer, the developer of the tool's kind)."""
    hits = core.search_occupations(
        runtime,
        session,
        q,
        limit=MAX_RANKED,
        resolve=lambda title, k: resolve_title(runtime, session, title, k=k),
    )
    return ranked_page(hits, limit, cursor)


@router.get("/occupations/lookup", response_model=OccupationDetail)
def lookup_occupation(session: SessionDep, uri: Annotated[str, uri_query("occupation")]):
    """An occupation by its ESCO URI (404 when no occupation has it)."""
    return repo.occupation_detail(
        session, occupation_id=repo.occupation_id_of_uri(session, uri=uri)
    )


@router.get("/occupations/{occupation_id}", response_model=OccupationDetail)
def get_occupation(session: SessionDep, occupation_id: Annotated[int, Path(ge=1, le=MAX_ID)]):
    """An occupation with its essential and optional skills."""
    return repo.occupation_detail(session, occupation_id=occupation_id)


def jobs_named(
    runtime: Runtime, session: Session, text: str, check: Check
) -> list[ExtractedJobOut]:
    """The jobs `text` names, as learner.text is read (service.profiles.experience)."""
    return [
        ExtractedJobOut(
            occupation=JobOccupationOut(id=j.occupation_id, uri=j.uri, preferred_label=j.title),
            phrase=j.phrase,
            start=j.start or 0,
            end=j.end or 0,
            score=round(j.score, 4),
            n_essential=len(j.essentials),
        )
        for j in read_jobs(runtime, session, text, check=check)
    ]
