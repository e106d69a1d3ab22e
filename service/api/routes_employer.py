"""Employers: candidates with verified badges, trust material, and matching both ways.

Every route here acts for the key's tenant; another tenant's ids answer 404."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from sqlmodel import Session

from models.common import MAX_ID
from models.employer import (
    CandidateBatchIn,
    CandidateBatchOut,
    CandidateIn,
    CandidateOut,
    CandidatePage,
    CandidatesForOpeningOut,
    CandidateSkillsIn,
    MatchIn,
    OpeningsForCandidateOut,
    OpeningsIn,
    TenantOut,
    TrustCreatedOut,
    TrustIn,
    TrustListOut,
)
from service.api.auth import ReadKey, WriteKey
from service.api.deps import CursorQuery, RuntimeDep, SessionDep, SingleValuedQuery
from service.api.errors import COMMON_ERRORS, error_responses, links_to
from service.employer import batch, corrections
from service.employer import candidates as core
from service.employer import rankings as employer
from service.repo.records import decode_cursor, encode_cursor

# Every route needs a key (401 without one, 403 without the scope); bodies may not decode (400).
router = APIRouter(
    prefix="/v1",
    tags=["employers"],
    responses=error_responses(400, 401, 403, 404, *COMMON_ERRORS),
    dependencies=[SingleValuedQuery],
)
CandidateId = Annotated[int, Path(ge=1, le=MAX_ID)]


@router.get("/tenant", response_model=TenantOut, summary="The tenant and scopes of this key")
def whoami(principal: ReadKey) -> dict:
    """The tenant of the presented key, and the key's scopes."""
    return {
        "tenant": {"id": principal.tenant_id, "name": principal.tenant_name},
        "scopes": sorted(principal.scopes),
    }


@router.post(
    "/candidates",
    status_code=201,
    response_model=CandidateOut,
    summary="Add a candidate; badges are verified",
)
async def create_candidate(
    runtime: RuntimeDep, principal: WriteKey, body: CandidateIn
) -> JSONResponse:
    """Store a candidate: badges verified on upload (keys and lists of the tenant's trust
    store), skills with evidence from badges, declared skills and CV text."""

    def work() -> dict:
        with Session(runtime.engine) as s:
            cid = core.save_candidate(runtime, s, principal.tenant_id, body)
            return core.candidate_out(
                s, core.get_candidate_row(s, principal.tenant_id, cid), runtime
            )

    return JSONResponse(await run_in_threadpool(work), status_code=201)


@router.post(
    "/candidate-batches",
    response_model=CandidateBatchOut,
    summary="Add several candidates at once; each item is answered on its own",
)
async def import_candidates(
    runtime: RuntimeDep, principal: WriteKey, body: CandidateBatchIn
) -> JSONResponse:
    """Store up to the batch limit of candidates (CV texts, declared skills, badges), each
    checked and saved on its own: a bad item is answered with its errors and loses none of the
    others. 201 when every item was added, else 200 with the per-item results."""
    tenant = principal.tenant_id
    out = await run_in_threadpool(batch.import_candidates, runtime, tenant, body.items)
    return JSONResponse(out, status_code=201 if not out["summary"]["failed"] else 200)


@router.patch(
    "/candidates/{candidate_id}/skills",
    response_model=CandidateOut,
    summary="Correct a candidate's skills: remove wrong ones, add missing ones",
    responses=error_responses(409),
)
async def edit_candidate_skills(
    runtime: RuntimeDep, principal: WriteKey, candidate_id: CandidateId, body: CandidateSkillsIn
) -> JSONResponse:
    """Remove skills wrongly read for a candidate and add missing ones (stored, so rankings use
    them at once); removing a skill the candidate does not hold is a 409 (the page may be out
    of date), adding one that matches nothing comes back as a warning."""

    def work() -> dict:
        with Session(runtime.engine) as s:
            notes = corrections.edit_skills(runtime, s, principal.tenant_id, candidate_id, body)
            row = core.get_candidate_row(s, principal.tenant_id, candidate_id)
            out = core.candidate_out(s, row, runtime)
            out["warnings"] = [*notes, *out["warnings"]]
            return out

    return JSONResponse(await run_in_threadpool(work))


@router.put(
    "/candidates/{candidate_id}",
    response_model=CandidateOut,
    summary="Replace a candidate's profile and badges",
)
async def replace_candidate(
    runtime: RuntimeDep, principal: WriteKey, candidate_id: CandidateId, body: CandidateIn
) -> JSONResponse:
    """Replace a candidate's profile and badges (verified again)."""

    def work() -> dict:
        with Session(runtime.engine) as s:
            core.save_candidate(runtime, s, principal.tenant_id, body, candidate_id)
            row = core.get_candidate_row(s, principal.tenant_id, candidate_id)
            return core.candidate_out(s, row, runtime)

    return JSONResponse(await run_in_threadpool(work))


@router.get(
    "/candidates",
    response_model=CandidatePage,
    summary="The tenant's candidates",
    responses=links_to(
        "$response.body#/items/0/id",
        ("GET", "/v1/candidates/{candidate_id}", "candidate_id"),
        ("POST", "/v1/candidates/{candidate_id}/openings", "candidate_id"),
    ),
)
def list_candidates(
    session: SessionDep,
    principal: ReadKey,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    cursor: CursorQuery = None,
) -> dict:
    """The tenant's candidates, newest first; `next_cursor` pages."""
    after = decode_cursor(cursor)
    rows = core.list_candidates(session, principal.tenant_id, after=after, limit=limit)
    nxt = encode_cursor(rows[limit - 1].id) if len(rows) > limit else None
    return {
        "items": [{"id": r.id, "name": r.name, "external_id": r.external_id} for r in rows[:limit]],
        "next_cursor": nxt,
    }


@router.get(
    "/candidates/{candidate_id}",
    response_model=CandidateOut,
    summary="A candidate: badges, statuses, skills",
)
def get_candidate(
    runtime: RuntimeDep, session: SessionDep, principal: ReadKey, candidate_id: CandidateId
) -> JSONResponse:
    """A candidate with each badge's verification outcome and the skills with their evidence."""
    row = core.get_candidate_row(session, principal.tenant_id, candidate_id)
    return JSONResponse(core.candidate_out(session, row, runtime))


@router.delete("/candidates/{candidate_id}", status_code=204, summary="Erase a candidate")
def delete_candidate(
    runtime: RuntimeDep, session: SessionDep, principal: WriteKey, candidate_id: CandidateId
) -> Response:
    """Erase a candidate, their badges and evidence (no copy left in the database files)."""
    core.delete_candidate(runtime, session, principal.tenant_id, candidate_id)
    return Response(status_code=204)


@router.post(
    "/openings/{posting_id}/candidates",
    response_model=CandidatesForOpeningOut,
    summary="The tenant's candidates ranked for an opening (weighted skill coverage)",
)
async def candidates_for_opening(
    runtime: RuntimeDep,
    principal: ReadKey,
    posting_id: Annotated[int, Path(ge=1, le=MAX_ID)],
    body: MatchIn | None = None,
) -> JSONResponse:
    """The tenant's candidates ranked for one opening by weighted skill coverage, with matched
    and missing skills and, optionally, a plan."""
    body = body or MatchIn()
    limit = min(body.limit, runtime.settings.max_candidates_page)

    def work() -> dict:
        with Session(runtime.engine) as s:
            return employer.rank_candidates(
                runtime,
                s,
                principal.tenant_id,
                posting_id,
                limit=limit,
                cursor=body.cursor,
                with_plan=body.plan,
                min_coverage=body.min_coverage,
            )

    return JSONResponse(await run_in_threadpool(work))


@router.post(
    "/candidates/{candidate_id}/openings",
    response_model=OpeningsForCandidateOut,
    summary="Openings (the tenant's and public ones) ranked for a candidate",
)
async def openings_for_candidate(
    runtime: RuntimeDep,
    principal: ReadKey,
    candidate_id: CandidateId,
    body: OpeningsIn | None = None,
) -> JSONResponse:
    """Openings ranked for a candidate (the tenant's own, and public ones unless
    `include_public=false`)."""
    body = body or OpeningsIn()

    def work() -> dict:
        with Session(runtime.engine) as s:
            return employer.rank_openings(
                runtime,
                s,
                principal.tenant_id,
                candidate_id,
                limit=body.limit,
                cursor=body.cursor,
                include_public=body.include_public,
                with_plan=body.plan,
                min_coverage=body.min_coverage,
            )

    return JSONResponse(await run_in_threadpool(work))


@router.post(
    "/trust",
    status_code=201,
    response_model=TrustCreatedOut,
    summary="Store an issuer key or a revocation list",
)
def add_trust(session: SessionDep, principal: WriteKey, body: TrustIn) -> dict:
    """Store an issuer key (pinned for an issuer) or a revocation / status list for badge
    verification."""
    tid = core.add_trust_document(session, principal.tenant_id, body.kind, body.document)
    return {"id": tid, "kind": body.kind}


@router.get(
    "/trust", response_model=TrustListOut, summary="The tenant's issuer keys and revocation lists"
)
def list_trust(session: SessionDep, principal: ReadKey) -> dict:
    """The tenant's issuer keys and revocation / status lists."""
    return {"items": core.list_trust_documents(session, principal.tenant_id)}


@router.delete("/trust/{trust_id}", status_code=204, summary="Forget a key or a list")
def delete_trust(
    session: SessionDep, principal: WriteKey, trust_id: Annotated[int, Path(ge=1, le=MAX_ID)]
) -> Response:
    """Forget one stored key or list."""
    core.delete_trust_document(session, principal.tenant_id, trust_id)
    return Response(status_code=204)
