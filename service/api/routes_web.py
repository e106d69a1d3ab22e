"""The web page for learners and employers: `GET /` and its static files under `/static/`.

Plain HTML, CSS and JavaScript modules shipped inside the package (`service/web/`), so nothing
is built at install time. The page talks to the JSON API of the same origin; these routes stay
out of the OpenAPI schema, so `/docs` shows the API alone."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from fastapi import APIRouter
from fastapi import Path as PathParam
from fastapi.responses import FileResponse

from service.errors import NotFound

WEB_DIR = Path(__file__).resolve().parent.parent / "web"
MEDIA_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".json": "application/json",
}
# The page needs nothing from elsewhere: scripts, styles, images and API calls stay on this origin.
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
        "form-action 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-cache",
}

router = APIRouter(include_in_schema=False)


def _file(name: str) -> FileResponse:
    path = (WEB_DIR / name).resolve()
    media = MEDIA_TYPES.get(path.suffix.lower())
    if media is None or path.parent != WEB_DIR or not path.is_file():
        raise NotFound(f"no file {name!r} in the web page", field="path")
    return FileResponse(path, media_type=media, headers=SECURITY_HEADERS)


@router.get("/")
def index() -> FileResponse:
    return _file("index.html")


@router.get("/static/{name}")
def static(name: Annotated[str, PathParam(max_length=100, pattern=r"^[A-Za-z0-9_-]+\.[a-z]+$")]):
    return _file(name)
