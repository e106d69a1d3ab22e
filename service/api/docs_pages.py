"""How the API presents itself: /docs (Swagger UI) and /redoc served offline, their scripts and
styles from the `fastapi-offline` package's static files (Swagger UI: Apache-2.0; ReDoc: MIT;
see NOTICE), not from a CDN, so the pages work without internet access; and stable operation
ids."""

from __future__ import annotations

from importlib.resources import files
from typing import Any

from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.routing import APIRoute
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel

ASSETS_URL = "/docs-assets"
REF_TEMPLATE = "#/components/schemas/{model}"


def assets_folder() -> str:
    return str(files("fastapi_offline") / "static")


def install_docs(app: FastAPI) -> None:
    """Mount the assets and add /docs and /redoc (the app is made with docs_url=None and
    redoc_url=None). `persistAuthorization`: a key entered in "Authorize" survives a reload."""
    app.mount(ASSETS_URL, StaticFiles(directory=assets_folder()), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    def swagger_ui(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "")
        return get_swagger_ui_html(
            openapi_url=f"{root}{app.openapi_url}",
            title=f"{app.title} - API",
            swagger_js_url=f"{root}{ASSETS_URL}/swagger-ui-bundle.js",
            swagger_css_url=f"{root}{ASSETS_URL}/swagger-ui.css",
            swagger_favicon_url=f"{root}{ASSETS_URL}/favicon.png",
            swagger_ui_parameters={"persistAuthorization": True},
        )

    @app.get("/redoc", include_in_schema=False)
    def redoc(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "")
        return get_redoc_html(
            openapi_url=f"{root}{app.openapi_url}",
            title=f"{app.title} - API reference",
            redoc_js_url=f"{root}{ASSETS_URL}/redoc.standalone.js",
            redoc_favicon_url=f"{root}{ASSETS_URL}/favicon.png",
            with_google_fonts=False,
        )


def operation_id(route: APIRoute) -> str:
    """A route's operationId: its name (the endpoint function's, or the `name=` it was given:
    `search_skills`, `get_credential`), stable across FastAPI versions and paths, unlike
    FastAPI's default (`search_skills_v1_skills_get`)."""
    return route.name


def declare_models(app: FastAPI, models: list[type[BaseModel]]) -> None:
    """Put models no route's signature names (the native ingest documents, read from the raw
    body) into the schema's components, so `$ref`s in `openapi_extra` resolve."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schemas = generate().setdefault("components", {}).setdefault("schemas", {})
            for model in models:
                schema = model.model_json_schema(ref_template=REF_TEMPLATE)
                for name, sub in schema.pop("$defs", {}).items():
                    schemas.setdefault(name, sub)
                schemas.setdefault(model.__name__, schema)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
