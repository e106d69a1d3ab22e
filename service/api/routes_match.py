"""Gap analysis and upskilling plans."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import JSONResponse

from models.common import MAX_ID
from models.matching import (
    GapAnswer,
    PlanExportIn,
    RecommendationOut,
    RecommendIn,
    RoleCredentialsOut,
)
from models.roles import RolesSuggestIn, RolesSuggestOut
from service.api.auth import OptionalPrincipal
from service.api.deps import DeadlineDep, RuntimeDep, SessionDep, SingleValuedQuery
from service.api.errors import COMMON_ERRORS, error_responses
from service.api.exports import (
    csv_response,
    export_responses,
    ld_response,
    plan_format,
)
from service.caller_limits import CallerLimits
from service.recommend import gap as gap_service
from service.recommend.plan_export import plan_csv, plan_jsonld
from service.recommend.teaching import credentials_for_occupation
from service.roles import suggest as role_suggest

router = APIRouter(
    prefix="/v1",
    tags=["matching"],
    responses=error_responses(401, 404, *COMMON_ERRORS),
    dependencies=[SingleValuedQuery],
)


def _caller(runtime, principal, deadline) -> dict:
    """Who asks (their tenant, their class's limits) and until when."""
    return {
        "tenant_id": principal.tenant_id if principal else None,
        "limits": CallerLimits.of(runtime.settings, keyed=principal is not None),
        "deadline": deadline,
    }


# The POST routes answer plain JSON they build themselves (FastAPI's encoder is skipped on
# this hot path); response_model documents it, and tests/api/test_schemathesis.py checks
# every answer against it.
@router.post(
    "/recommendations",
    response_model=RecommendationOut,
    responses=error_responses(400)
    | export_responses(
        "the role, gap and plan (JSON); with Accept: text/csv the plan's steps as CSV, with "
        "Accept: application/ld+json the plan as a schema.org ItemList",
        csv=True,
    ),
    summary="An ordered plan of credentials that closes the gap",
)
def recommendations(
    request: Request,
    runtime: RuntimeDep,
    session: SessionDep,
    principal: OptionalPrincipal,
    body: RecommendIn,
    deadline: DeadlineDep,
):
    """The target role's skills, the learner's gap to it, and an ordered plan of credentials
    closing it within the constraints, each step explained."""
    answer = gap_service.compute(runtime, session, body, **_caller(runtime, principal, deadline))
    return _plan_answer(answer, plan_format(request, None))


@router.post(
    "/recommendations/export",
    response_model=None,
    responses=error_responses(400)
    | export_responses(
        "the plan as a portal stores it: CSV (format csv) or a schema.org ItemList (jsonld)",
        csv=True,
    ),
    summary="The plan of /v1/recommendations as CSV or JSON-LD",
)
def export_plan(
    runtime: RuntimeDep,
    session: SessionDep,
    principal: OptionalPrincipal,
    body: PlanExportIn,
    deadline: DeadlineDep,
):
    """The answer of /v1/recommendations to the same body, with only its plan, as CSV (one
    row per step, formula-safe) or a schema.org ItemList in JSON-LD, for a portal to store."""
    answer = gap_service.compute(runtime, session, body, **_caller(runtime, principal, deadline))
    return _plan_answer(answer, body.format)


def _plan_answer(answer: dict, chosen: str):
    if chosen == "csv":
        return csv_response(plan_csv(answer), "plan.csv")
    if chosen == "jsonld":
        return ld_response(plan_jsonld(answer), "plan.jsonld")
    # plain JSON data already: skip FastAPI's generic encoder on this hot path
    return JSONResponse(answer)


@router.post(
    "/gap",
    response_model=GapAnswer,
    responses=error_responses(400),
    summary="The skill gap alone: covered, partly covered, missing",
)
def gap(
    runtime: RuntimeDep,
    session: SessionDep,
    principal: OptionalPrincipal,
    body: RecommendIn,
    deadline: DeadlineDep,
):
    """The same request as recommendations, answering the gap alone (covered, partly covered,
    missing; coverage held and trust-weighted)."""
    caller = _caller(runtime, principal, deadline)
    return JSONResponse(gap_service.compute(runtime, session, body, with_plan=False, **caller))


@router.post(
    "/roles/suggest",
    response_model=RolesSuggestOut,
    responses=error_responses(400),
    summary="Occupations ranked by how close the learner already is, with what closes each gap",
)
def suggest_roles(
    runtime: RuntimeDep,
    session: SessionDep,
    principal: OptionalPrincipal,
    body: RolesSuggestIn,
    deadline: DeadlineDep,
):
    """Occupations ranked by how close the learner is (reach x precision), each with its gap and
    the hours and cost to close it."""
    caller = _caller(runtime, principal, deadline)
    return JSONResponse(
        role_suggest.suggest(
            runtime, session, body, limits=caller["limits"], deadline=caller["deadline"]
        )
    )


@router.get(
    "/occupations/{occupation_id}/credentials",
    response_model=RoleCredentialsOut,
    summary="Credentials ranked by how much of the role's skills each teaches",
)
def credentials_for_role(
    runtime: RuntimeDep,
    session: SessionDep,
    occupation_id: Annotated[int, Path(ge=1, le=MAX_ID)],
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
):
    """Credentials ranked by the share of the occupation's skills each teaches."""
    return credentials_for_occupation(runtime, session, occupation_id=occupation_id, limit=limit)
