"""Credentials and job postings: ingest (one or a batch, any supported format), search, detail."""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal, get_args

from fastapi import APIRouter, Path, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from pydantic import StringConstraints

from models.catalog import BatchResultOut, CredentialOut, Page, PostingOut, RecordSkillOut
from models.common import LIMIT_SETTING, MAX_ID
from service.api.auth import AdminKey, OptionalPrincipal, WriteKey
from service.api.deps import CursorQuery, RuntimeDep, SessionDep, SingleValuedQuery
from service.api.errors import (
    COMMON_ERRORS,
    InvalidInput,
    NotFound,
    error_responses,
    links_to,
)
from service.api.exports import (
    CredentialFormat,
    credential_format,
    export_responses,
    ld_response,
)
from service.catalog.baked import BAKED_TYPES, baked_document
from service.catalog.exports import ctdl_document, ob3_achievement
from service.employer.tenants import Principal
from service.errors import Forbidden, Unauthorized
from service.ingest.pipeline import BatchResult, Ingestor
from service.repo import records as core
from service.repo.identity import shown_external_id
from service.vectors.search import search_records

Format = Literal["native", "csv", "jsonl", "ob2", "ob3", "ctdl", "schema_org"]
FORMATS = get_args(Format)
Ref = Annotated[str, StringConstraints(min_length=1, max_length=1000)]
Word = Annotated[str, StringConstraints(min_length=1, max_length=64)]
RecordId = Annotated[int, Path(ge=1, le=MAX_ID)]


def _ingest_body(plural: str) -> dict[str, Any]:
    """The request body of ingest, for the OpenAPI schema (the route reads the raw body: CSV and
    JSONL are not JSON). A batch is a list or `{"documents": [...], "format"?}` and answers per
    record, bad ones included; a single document (any other JSON object) is also accepted and
    answers 422 when it is bad. The batch limit is the configured max_batch_records."""
    native = "CredentialRecord" if plural == "credentials" else "JobPostingRecord"
    other = (
        "Open Badges 2.0 BadgeClass / Assertion, Open Badges 3.0 Achievement / "
        "OpenBadgeCredential, CTDL JSON-LD"
        if plural == "credentials"
        else "schema.org JobPosting JSON-LD"
    )
    documents = {
        "type": "array",
        "items": {
            "anyOf": [
                {"$ref": f"#/components/schemas/{native}"},
                {  # any value: a batch answers each position, a bad one as an error there
                    "description": f"a document in another format ({other}); any other value "
                    "is answered as an error at its position, not refused with the batch"
                },
            ]
        },
        "description": "documents, native (the schema here) or in another supported format "
        "(detected per document); each is answered on its own",
        LIMIT_SETTING: "max_batch_records",
    }
    return {
        "requestBody": {
            "required": True,
            "description": f'{plural}: a list of documents, or {{"documents": [...], '
            f'"format": ...}}; also one document, CSV (text/csv), JSON lines '
            "(application/x-ndjson), or a baked badge (image/png, image/svg+xml: the Open "
            "Badges assertion or credential inside it)",
            "content": {
                "application/json": {
                    "schema": {
                        "anyOf": [
                            documents,
                            {
                                "type": "object",
                                "required": ["documents"],
                                "properties": {
                                    "documents": documents,
                                    "format": {"type": "string", "enum": list(FORMATS)},
                                },
                            },
                        ]
                    }
                },
            },
        }
    }


def _created_links(plural: str) -> dict[str, Any]:
    """OpenAPI links from a 201 (every record created, so the first has an id) to the record."""
    ref = f"#/paths/~1v1~1{plural}~1{{record_id}}"
    params = {"record_id": "$response.body#/items/0/id"}
    return {
        "GetCreated": {"operationRef": f"{ref}/get", "parameters": params},
        "DeleteCreated": {"operationRef": f"{ref}/delete", "parameters": params},
    }


async def _documents(
    request: Request, fmt: str | None, kind: str
) -> tuple[list[Any], str | None, bool]:
    """The posted documents, the format they name, and whether one document was posted."""
    from service.ingest.parsers import ParseError, iter_jsonl, json_refusal, parse_csv

    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    raw = await request.body()
    if not raw.strip():
        raise InvalidInput("the request body is empty", field="body")
    if ctype in BAKED_TYPES:  # a baked badge: the document inside the image
        return [baked_document(raw)], fmt, True
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:  # never stored with U+FFFD in place of what was sent
        raise InvalidInput(f"the body is not UTF-8 (byte {exc.start})", field="body") from exc
    # a JSON content type is JSON whatever `format` says (csv and jsonl then mean nothing)
    is_json = ctype == "application/json" or ctype.endswith("+json")
    if ctype in ("text/csv", "application/csv") or (fmt == "csv" and not is_json):
        try:
            return [r for _pos, r in parse_csv(text, kind + "s")], None, False
        except ParseError as exc:  # a header the CSV format does not know
            raise InvalidInput(f"{exc.path}: {exc.message}", field="body") from exc
    if ctype in ("application/x-ndjson", "application/jsonl") or (fmt == "jsonl" and not is_json):
        return [r for _pos, r in iter_jsonl(text)], None, False
    try:
        body = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidInput(
            f"body is not JSON: {exc.msg} (line {exc.lineno})", field="body"
        ) from exc
    except (ValueError, RecursionError) as exc:  # an integer of thousands of digits, deep nesting
        raise InvalidInput(f"body is not usable JSON: {json_refusal(exc)}", field="body") from exc
    if isinstance(body, dict) and isinstance(body.get("documents"), list):
        named = body.get("format")
        if "format" in body and named not in FORMATS:
            raise InvalidInput(f"format must be one of {', '.join(FORMATS)}", field="body.format")
        return body["documents"], named or fmt, False
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
    """The routes of one kind of record under /v1/{kind}s, in the order /openapi.json lists
    them: ingest, search, one record, its skills, delete."""
    plural = kind + "s"
    router = APIRouter(
        prefix=f"/v1/{plural}",
        tags=[plural],
        responses=error_responses(401, 403, 404, *COMMON_ERRORS),
        dependencies=[SingleValuedQuery],
    )
    _add_ingest(router, kind)
    _add_search(router, kind)
    _add_get_one(router, kind)
    _add_get_skills(router, kind)
    _add_delete(router, kind)
    return router


def _add_ingest(router: APIRouter, kind: str) -> None:
    plural = kind + "s"

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
            Format | None,
            Query(description="the documents' format; detected from each document when absent"),
        ] = None,
    ):
        owner = _owner_for_write(kind, principal, visibility)
        docs, fmt, single = await _documents(request, format, kind)
        if len(docs) > runtime.settings.max_batch_records:
            raise InvalidInput(
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

    # the shared catalog takes an admin key (and a missing key is told so), postings a write key;
    # set here, as a value: the annotations of this module are strings
    ingest.__annotations__["principal"] = AdminKey if kind == "credential" else WriteKey
    router.post(
        "",
        response_model=BatchResultOut,
        name=f"ingest_{plural}",
        summary=f"Ingest {plural} (one or a batch)",
        description=f"Store {plural} given as one document, a list, or "
        '`{"documents": [...], "format": ...}`: JSON (native, Open Badges 2.0 / 3.0, CTDL, '
        "schema.org), CSV (`text/csv`) or JSONL (`application/x-ndjson`). Each record answers "
        "`created`, `updated`, `unchanged` or `error` with the fields at fault; good records "
        "are stored even when others in the batch are bad.",
        responses={
            201: {
                "model": BatchResultOut,
                "description": "every record was created",
                "links": _created_links(plural),
            },
        },
        openapi_extra=_ingest_body(plural),
    )(ingest)


def _search_links(kind: str) -> dict[int | str, dict[str, Any]]:
    """OpenAPI links from a page of search results (its first item) to what takes its id."""
    first = "$response.body#/items/0/id"
    item = f"/v1/{kind}s/{{record_id}}"
    targets = [("GET", item, "record_id"), ("GET", item + "/skills", "record_id")]
    if kind == "posting":
        targets.append(("POST", "/v1/openings/{posting_id}/candidates", "posting_id"))
    return links_to(first, *targets)


_Skills = Annotated[list[Ref], Query(max_length=20, description="skill id or URI (all must match)")]
_Label = Annotated[
    str | None,
    Query(
        max_length=512,
        description="a skill name the record states, any case (also one left unlinked)",
    ),
]
_Q = Annotated[str | None, Query(max_length=1000, description="Semantic query")]
_ExternalId = Annotated[str | None, Query(max_length=512)]
_Limit = Annotated[int, Query(ge=1, le=100)]
_Mine = Annotated[
    bool, Query(description="postings: only the private openings of the key's tenant")
]


def _add_search(router: APIRouter, kind: str) -> None:
    """GET /v1/credentials and GET /v1/postings: semantic search with filters. Only credentials
    take kind, hours, cost and language (a posting has none: a posting search naming one is
    refused as any unknown parameter is, `deps.single_valued_query`)."""
    plural = kind + "s"
    route = router.get(
        "",
        response_model=Page,
        name=f"search_{plural}",
        summary=f"Search {plural}",
        description=f"Semantic search over the {plural} (`q`) with filters; `next_cursor` "
        "pages. Without a key: the shared ones; with one, the tenant's own too.",
        responses=_search_links(kind),
    )
    if kind == "posting":

        @route
        def search_postings(
            runtime: RuntimeDep,
            session: SessionDep,
            principal: OptionalPrincipal,
            q: _Q = None,
            skill: _Skills = [],  # noqa: B006 (FastAPI copies defaults)
            external_id: _ExternalId = None,
            label: _Label = None,
            mine: _Mine = False,
            limit: _Limit = 20,
            cursor: CursorQuery = None,
        ):
            filters = dict(skills=skill, external_id=external_id, label=label)
            return _search(runtime, session, principal, kind, q, filters, mine, limit, cursor)

        return

    @route
    def search_credentials(
        runtime: RuntimeDep,
        session: SessionDep,
        principal: OptionalPrincipal,
        q: _Q = None,
        skill: _Skills = [],  # noqa: B006 (FastAPI copies defaults)
        kind_: Annotated[list[Word], Query(alias="kind", max_length=20)] = [],  # noqa: B006
        max_hours: Annotated[float | None, Query(ge=0)] = None,
        max_cost: Annotated[float | None, Query(ge=0)] = None,
        language: Annotated[list[Word], Query(max_length=20)] = [],  # noqa: B006
        external_id: _ExternalId = None,
        label: _Label = None,
        mine: _Mine = False,
        limit: _Limit = 20,
        cursor: CursorQuery = None,
    ):
        filters = dict(
            skills=skill, kind=kind_, max_hours=max_hours, max_cost=max_cost,
            language=language, external_id=external_id, label=label,
        )  # fmt: skip
        return _search(runtime, session, principal, kind, q, filters, mine, limit, cursor)


def _search(runtime, session, principal, kind: str, q, given: dict, mine, limit, cursor) -> Page:
    filters = core.Filters(
        **given,
        owned_by=principal.tenant_id if (mine and principal) else None,
        visible_to=principal.tenant_id if principal else None,
    )
    if mine and principal is None:  # a valid request that lacks a key: 401, as declared
        raise Unauthorized("mine=true needs an API key", field="authorization")
    items, nxt = search_records(
        runtime,
        session,
        kind=kind,
        q=(q or "").strip() or None,
        filters=filters,
        limit=limit,
        cursor=cursor,
    )
    total = core.count_matching(session, kind=kind, filters=filters)
    if kind == "credential":
        out = [core.credential_out(r, score=s) for r, s in items]
    else:
        out = [core.posting_out(session, row=r, score=s) for r, s in items]
    return Page(items=out, next_cursor=nxt, total=total)


def _add_get_one(router: APIRouter, kind: str) -> None:
    if kind == "credential":
        _add_get_credential(router)
        return

    @router.get(
        "/{record_id}",
        response_model=PostingOut,
        name=f"get_{kind}",
        summary=f"One {kind}",
        description=f"A {kind} with its skills (explicit or extracted, with evidence), the "
        "skill names it states and, unless `original=false`, the document as ingested.",
    )
    def get_one(
        session: SessionDep,
        principal: OptionalPrincipal,
        record_id: RecordId,
        original: bool = True,
    ):
        tid = principal.tenant_id if principal else None
        row = core.get_row(session, kind=kind, record_id=record_id, tenant_id=tid)
        skills = core.record_skills(session, kind=kind, record_id=record_id)
        stated = core.record_labels(session, kind=kind, record_id=record_id)
        return core.posting_out(session, row=row, skills=skills, original=original, stated=stated)


def _add_get_credential(router: APIRouter) -> None:
    @router.get(
        "/{record_id}",
        response_model=CredentialOut,
        responses=export_responses(
            "the credential (JSON); with format=ob3 an Open Badges 3.0 Achievement, with "
            "format=ctdl a CTDL document (application/ld+json)"
        ),
        name="get_credential",
        summary="One credential",
        description="A credential with its skills (explicit or extracted, with evidence), the "
        "skill names it states and, unless `original=false`, the document as ingested; or the "
        "credential exported as an Open Badges 3.0 Achievement or CTDL (`format`, `Accept`).",
    )
    def get_one(
        request: Request,
        session: SessionDep,
        _principal: OptionalPrincipal,  # a key given must be valid (401)
        record_id: RecordId,
        original: bool = True,
        format: Annotated[
            CredentialFormat | None,
            Query(
                description="json (default), ob3 (an Open Badges 3.0 Achievement with alignments "
                "to ESCO / O*NET) or ctdl (CTDL JSON-LD); without it, the Accept header chooses "
                "(application/vnd.openbadges.achievement+json, application/vnd.ctdl+json, or "
                "application/ld+json with a profile naming ob/v3p0 or ctdl)"
            ),
        ] = None,
    ):
        row = core.get_row(session, kind="credential", record_id=record_id)
        skills = core.record_skills(session, kind="credential", record_id=record_id)
        stated = core.record_labels(session, kind="credential", record_id=record_id)
        out = core.credential_out(row, skills=skills, original=original, stated=stated)
        chosen = credential_format(request, format)
        if chosen == "ob3":
            return ld_response(ob3_achievement(out))
        if chosen == "ctdl":
            return ld_response(ctdl_document(out))
        return out


def _add_get_skills(router: APIRouter, kind: str) -> None:
    @router.get(
        "/{record_id}/skills",
        response_model=list[RecordSkillOut],
        name=f"get_{kind}_skills",
        summary=f"The skills of one {kind}",
        description="Its skills with their evidence and confidence.",
    )
    def get_skills(session: SessionDep, principal: OptionalPrincipal, record_id: RecordId):
        core.get_row(
            session,
            kind=kind,
            record_id=record_id,
            tenant_id=principal.tenant_id if principal else None,
        )
        return core.record_skills(session, kind=kind, record_id=record_id)


def _add_delete(router: APIRouter, kind: str) -> None:
    @router.delete(
        "/{record_id}",
        status_code=204,
        name=f"delete_{kind}",
        summary=f"Delete a {kind}",
        description="From the database and the index (a shared record needs the `admin` scope).",
    )
    def delete(
        runtime: RuntimeDep,
        session: SessionDep,
        principal: WriteKey,
        record_id: RecordId,
    ):
        row = core.get_row(session, kind=kind, record_id=record_id, tenant_id=principal.tenant_id)
        owner = getattr(row, "tenant_id", None)
        if owner is None and not principal.can("admin"):
            raise Forbidden(f"deleting a shared {kind} needs the 'admin' scope", field="scope")
        session.close()
        if not Ingestor(runtime, kind).delete(record_id):
            raise NotFound(f"no {kind} with id {record_id}", field=f"{kind}_id")
        return Response(status_code=204)
