"""Credentials and job postings: ingest (one or a batch, any supported format), search, detail."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request, Response
from fastapi.concurrency import run_in_threadpool

from models.schemas import BatchResultOut, CredentialOut, Page, PostingOut, RecordSkillOut
from service import records as core
from service.api.auth import OptionalPrincipal, WriteKey
from service.api.deps import RuntimeDep, SessionDep
from service.api.errors import InvalidInput, NotFound, TooLarge
from service.errors import Forbidden
from service.ingest.pipeline import BatchResult, Ingestor, shown_external_id
from service.tenants import Principal

FORMATS = ("native", "csv", "jsonl", "ob2", "ob3", "ctdl", "schema_org")


async def _documents(
    request: Request, fmt: str | None, kind: str
) -> tuple[list[Any], str | None, bool]:
    """The posted documents, the format they name, and whether one document was posted."""
    from service.ingest.parsers import iter_jsonl, parse_csv

    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    raw = await request.body()
    if not raw.strip():
        raise InvalidInput("the request body is empty", field="body")
    text = raw.decode("utf-8", errors="replace")
    if fmt == "csv" or ctype in ("text/csv", "application/csv"):
        return [r for _pos, r in parse_csv(text, kind + "s")], None, False
    if fmt == "jsonl" or ctype in ("application/x-ndjson", "application/jsonl"):
        return [r for _pos, r in iter_jsonl(text)], None, False
    try:
        body = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidInput(
            f"body is not JSON: {exc.msg} (line {exc.lineno})", field="body"
        ) from exc
    if isinstance(body, dict) and isinstance(body.get("documents"), list):
        return body["documents"], body.get("format") or fmt, False
    if isinstance(body, list):
        return body, fmt, False
    if isinstance(body, dict):
        return [body], fmt, True
    raise InvalidInput('body must be a JSON object, a list, or {"documents": [...]}', field="body")


def _result_out(result: BatchResult) -> BatchResultOut:
    return BatchResultOut(
        summary=result.summary,
        items=[
            {
                "position": i.position,
                "status": i.status,
                "external_id": shown_external_id(i.external_id),
                "id": i.id,
                "errors": [e.__dict__ for e in i.errors],
                "warnings": [w.__dict__ for w in i.warnings],
            }
            for i in result.items
        ],
    )


def _owner_for_write(kind: str, principal: Principal, visibility: str) -> int | None:
    """The tenant that will own what this key writes: None for the shared catalog and public
    postings (admin keys only), the key's tenant for private openings."""
    if kind == "credential" or visibility == "public":
        if not principal.can("admin"):
            what = "the shared catalog" if kind == "credential" else "public postings"
            raise Forbidden(f"writing {what} needs a key with the 'admin' scope", field="scope")
        return None
    return principal.tenant_id


def make_router(kind: str) -> APIRouter:
    plural = kind + "s"
    router = APIRouter(prefix=f"/v1/{plural}", tags=[plural])
    out = CredentialOut if kind == "credential" else PostingOut

    @router.post("", response_model=BatchResultOut, summary=f"Ingest {plural} (one or a batch)")
    async def ingest(
        request: Request,
        response: Response,
        runtime: RuntimeDep,
        principal: WriteKey,
        visibility: Annotated[
            str,
            Query(
                pattern="^(private|public)$",
                description="postings: a private opening of the key's tenant (default) or a "
                "public posting (admin); credentials are always the shared catalog (admin)",
            ),
        ] = "private",
        format: Annotated[
            str | None,
            Query(
                description=f"one of {', '.join(FORMATS)}; detected from the document when absent"
            ),
        ] = None,
    ):
        owner = _owner_for_write(kind, principal, visibility)
        if format is not None and format not in FORMATS:
            raise InvalidInput(f"format must be one of {', '.join(FORMATS)}", field="format")
        docs, fmt, single = await _documents(request, format, kind)
        if len(docs) > runtime.settings.max_batch_records:
            raise TooLarge(
                f"{len(docs)} records in one batch; the limit is "
                f"{runtime.settings.max_batch_records}",
                field="body",
            )
        fmt = None if fmt in (None, "csv", "jsonl") else fmt
        result = await run_in_threadpool(Ingestor(runtime, kind, tenant_id=owner).ingest, docs, fmt)
        out_body = _result_out(result)
        if single and result.items and result.items[0].status == "error":
            first = result.items[0].errors[0]
            raise InvalidInput(f"{first.field}: {first.message}", field=first.field)
        if result.count("created") and not result.count("error"):
            response.status_code = 201
        return out_body

    @router.get("", response_model=Page, summary=f"Search {plural}")
    def search(
        runtime: RuntimeDep,
        session: SessionDep,
        principal: OptionalPrincipal,
        q: Annotated[str | None, Query(max_length=1000, description="Semantic query")] = None,
        skill: Annotated[
            list[str] | None, Query(description="skill id or URI (all must match)")
        ] = None,
        kind_: Annotated[list[str] | None, Query(alias="kind")] = None,
        max_hours: Annotated[float | None, Query(ge=0)] = None,
        max_cost: Annotated[float | None, Query(ge=0)] = None,
        language: Annotated[list[str] | None, Query()] = None,
        external_id: Annotated[str | None, Query(max_length=512)] = None,
        mine: Annotated[
            bool, Query(description="postings: only the private openings of the key's tenant")
        ] = False,
        limit: Annotated[int, Query(ge=1, le=100)] = 20,
        cursor: Annotated[str | None, Query()] = None,
    ):
        filters = core.Filters(
            skills=skill,
            kind=kind_,
            max_hours=max_hours,
            max_cost=max_cost,
            language=language,
            external_id=external_id,
            owned_by=principal.tenant_id if (mine and principal) else None,
            visible_to=principal.tenant_id if principal else None,
        )
        if mine and principal is None:
            raise InvalidInput("mine=true needs an API key", field="mine")
        items, nxt = core.search(
            runtime,
            session,
            kind,
            q=(q or "").strip() or None,
            filters=filters,
            limit=limit,
            cursor=cursor,
        )
        if kind == "credential":
            return Page(items=[core.credential_out(r, score=s) for r, s in items], next_cursor=nxt)
        return Page(
            items=[core.posting_out(session, r, score=s) for r, s in items], next_cursor=nxt
        )

    @router.get("/{record_id}", response_model=out)
    def get_one(
        session: SessionDep,
        principal: OptionalPrincipal,
        record_id: Annotated[int, Path(ge=1)],
        original: bool = True,
    ):
        tid = principal.tenant_id if principal else None
        row = core.get_row(session, kind, record_id, tenant_id=tid)
        skills = core.record_skills(session, kind, record_id)
        if kind == "credential":
            return core.credential_out(row, skills=skills, original=original)
        return core.posting_out(session, row, skills=skills, original=original)

    @router.get("/{record_id}/skills", response_model=list[RecordSkillOut])
    def get_skills(
        session: SessionDep, principal: OptionalPrincipal, record_id: Annotated[int, Path(ge=1)]
    ):
        core.get_row(session, kind, record_id, tenant_id=principal.tenant_id if principal else None)
        return core.record_skills(session, kind, record_id)

    @router.delete("/{record_id}", status_code=204)
    def delete(
        runtime: RuntimeDep,
        session: SessionDep,
        principal: WriteKey,
        record_id: Annotated[int, Path(ge=1)],
    ):
        row = core.get_row(session, kind, record_id, tenant_id=principal.tenant_id)
        owner = getattr(row, "tenant_id", None)
        if owner is None and not principal.can("admin"):
            raise Forbidden(f"deleting a shared {kind} needs the 'admin' scope", field="scope")
        session.close()
        if not Ingestor(runtime, kind).delete(record_id):
            raise NotFound(f"no {kind} with id {record_id}", field=f"{kind}_id")
        return Response(status_code=204)

    return router
