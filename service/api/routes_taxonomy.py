"""Skills and occupations: search, detail, extraction."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from models.schemas import (
    ExtractRequest,
    ExtractResponse,
    OccupationDetail,
    OccupationHit,
    SkillDetail,
    SkillHit,
)
from service import skills as core
from service.api.deps import RuntimeDep, SessionDep

router = APIRouter(prefix="/v1", tags=["taxonomy"])
SOURCES = ("esco", "onet")


def _sources(source: list[str] | None) -> set[str] | None:
    return set(source) if source else None


@router.get("/skills", response_model=list[SkillHit])
def search_skills(
    runtime: RuntimeDep,
    q: Annotated[str, Query(min_length=1, description="Free text to link to taxonomy skills.")],
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
    source: Annotated[list[str] | None, Query(description="esco and/or onet")] = None,
):
    return core.search_skills(runtime, q, limit=limit, sources=_sources(source))


@router.get("/skills/{skill_id}", response_model=SkillDetail)
def get_skill(session: SessionDep, skill_id: Annotated[int, Path(ge=1)]):
    return core.skill_detail(session, skill_id)


@router.post("/skills/extract", response_model=ExtractResponse)
def extract(runtime: RuntimeDep, body: ExtractRequest):
    found = core.extract_skills(
        runtime,
        body.text,
        max_skills=body.max_skills,
        min_score=body.min_score,
        sources=_sources(body.sources),
    )
    return ExtractResponse(n_chars=len(body.text), skills=found)


@router.get("/occupations", response_model=list[OccupationHit])
def search_occupations(
    runtime: RuntimeDep,
    session: SessionDep,
    q: Annotated[str, Query(min_length=1, description="A job title or description.")],
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
):
    return core.search_occupations(runtime, session, q, limit=limit)


@router.get("/occupations/{occupation_id}", response_model=OccupationDetail)
def get_occupation(session: SessionDep, occupation_id: Annotated[int, Path(ge=1)]):
    return core.occupation_detail(session, occupation_id)
