"""Export formats of the API: which one a request asks for (`format=`, else the Accept header),
and the answers: a credential as an Open Badges 3.0 Achievement or CTDL JSON-LD, a plan as CSV
or JSON-LD."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import Request
from fastapi.responses import JSONResponse, Response

CredentialFormat = Literal["json", "ob3", "ctdl"]
LD_JSON = "application/ld+json"
# Accept values that choose an export without `format=`
_CREDENTIAL_MEDIA = {
    "application/vnd.openbadges.achievement+json": "ob3",
    "application/vnd.ctdl+json": "ctdl",
}
_PLAN_MEDIA = {"text/csv": "csv", LD_JSON: "jsonld"}


def _accepted(request: Request) -> list[tuple[str, str]]:
    """(media type, its parameters) of the Accept header, in the order given."""
    out = []
    for part in request.headers.get("accept", "").split(","):
        media, _, params = part.strip().partition(";")
        if media.strip():
            out.append((media.strip().lower(), params.lower()))
    return out


def credential_format(request: Request, named: str | None) -> str:
    """`format=` when given; else the first Accept value naming an export: the media types
    above, or application/ld+json with a `profile` naming Open Badges (ob/v3p0) or CTDL
    (credreg.net / ctdl); else json."""
    if named:
        return named
    for media, params in _accepted(request):
        if media in _CREDENTIAL_MEDIA:
            return _CREDENTIAL_MEDIA[media]
        if media == LD_JSON:
            if "ob/v3p0" in params or "openbadges" in params:
                return "ob3"
            if "credreg" in params or "ctdl" in params:
                return "ctdl"
    return "json"


def plan_format(request: Request, named: str | None) -> str:
    """`named` when given; else the first Accept value naming CSV, JSON-LD or JSON; else json."""
    if named:
        return named
    for media, _params in _accepted(request):
        if media in _PLAN_MEDIA:
            return _PLAN_MEDIA[media]
        if media in ("application/json", "*/*"):
            return "json"
    return "json"


def ld_response(doc: dict[str, Any], filename: str | None = None) -> JSONResponse:
    headers = {"Content-Disposition": f'attachment; filename="{filename}"'} if filename else None
    return JSONResponse(doc, media_type=LD_JSON, headers=headers)


def csv_response(text: str, filename: str) -> Response:
    headers = {"Content-Disposition": f'attachment; filename="{filename}"'}
    return Response(text, media_type="text/csv; charset=utf-8", headers=headers)


def export_responses(description: str, *, csv: bool = False) -> dict[int | str, Any]:
    """The 200 answer's other content types, for the OpenAPI schema."""
    content: dict[str, Any] = {LD_JSON: {"schema": {"type": "object"}}}
    if csv:
        content["text/csv"] = {"schema": {"type": "string"}}
    return {200: {"description": description, "content": content}}
