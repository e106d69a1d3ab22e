"""CORS: which other origins' web pages may call the API (`Settings.cors_allow_origins`).

Off by default (no origin but the service's own). A portal's front end on another origin is
allowed by naming it; its preflight (`OPTIONS` with `Access-Control-Request-Method`) is
answered here, before the rate limit, and every answer to an allowed origin (errors included:
413, 429, 503) carries `Access-Control-Allow-Origin`, so the page can read the problem detail.
Keys go in headers (`Authorization`, `X-API-Key`), never cookies: no credentials mode.
"""

from __future__ import annotations

from fastapi import FastAPI
from starlette.middleware.cors import CORSMiddleware

from service.config import Settings

ALLOWED_METHODS = ["GET", "POST", "PUT", "DELETE"]
ALLOWED_HEADERS = ["Authorization", "X-API-Key", "Content-Type", "X-Request-ID"]
EXPOSED_HEADERS = ["X-Request-ID", "Retry-After", "Allow"]


def allowed_origins(settings: Settings) -> list[str]:
    return [o.strip().rstrip("/") for o in settings.cors_allow_origins.split(",") if o.strip()]


def install_cors(app: FastAPI, settings: Settings) -> None:
    """Add the CORS middleware when some origin is allowed (nothing otherwise)."""
    origins = allowed_origins(settings)
    if not origins:
        return
    app.add_middleware(
        CORSMiddleware,
        allow_origins=origins,
        allow_methods=ALLOWED_METHODS,
        allow_headers=ALLOWED_HEADERS,
        expose_headers=EXPOSED_HEADERS,
        allow_credentials=False,
        max_age=600,
    )
