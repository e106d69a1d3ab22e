"""App factory: settings in, app out. The model and indexes load once, in the lifespan."""

from __future__ import annotations

import logging
from contextlib import asynccontextmanager
from importlib.metadata import PackageNotFoundError, version

from fastapi import FastAPI
from fastapi.concurrency import run_in_threadpool
from sqlmodel import Session

from models.common import About
from models.records import CredentialRecord, JobPostingRecord
from service.api.auth import declare_optional_security
from service.api.cors import install_cors
from service.api.deps import RuntimeDep, SingleValuedQuery
from service.api.docs_pages import declare_models, install_docs, operation_id
from service.api.errors import declare_problems, error_responses, install_error_handlers
from service.api.limits import install_limits
from service.api.observability import install_observability
from service.config import Settings
from service.repo.records import catalog_counts
from service.runtime import Runtime, build_runtime, tune_malloc
from service.taxonomy.load import meta_value
from service.threads import apply_torch_threads

log = logging.getLogger("skillmatch")

ATTRIBUTION = [
    "This service uses the ESCO classification of the European Commission "
    "(ESCO v1.1.1, CC BY 4.0).",
    "O*NET 29.2 Database by the U.S. Department of Labor, Employment and Training "
    "Administration (USDOL/ETA), CC BY 4.0; O*NET is a trademark of USDOL/ETA. Modified: "
    "technology skills selected and linked to ESCO occupations through the ESCO-O*NET crosswalk.",
    "ESCO-O*NET crosswalk as distributed in the MELO benchmark (Avature, MIT).",
    "Job postings from SkillSpan (Zhang et al., NAACL 2022), MIT licence.",
    "Embedding model all-MiniLM-L6-v2 (sentence-transformers), Apache-2.0.",
]


API_DESCRIPTION = """Micro-credentials and job postings normalised to ESCO, matched to a learner's
skills and planned into upskilling paths.

**Keys**: reads of the shared catalog and taxonomy are open; everything else needs an API key
(`Authorization: Bearer <key>` or `X-API-Key`; "Authorize" above). Each operation names the scope
it needs. **Errors** are RFC 9457 problem details (`application/problem+json`) with a stable
`code` and the `field` at fault. **Lists** page with `next_cursor`.
"""


def package_version() -> str:
    try:
        return version("skillmatch")
    except PackageNotFoundError:
        return "0.0.0"


def create_app_from_env() -> FastAPI:
    """The factory each uvicorn worker calls (`serve --workers N`): settings from the
    environment, the runtime built in the worker's lifespan."""
    from service.api.observability import configure_logging

    settings = Settings()
    configure_logging(settings)
    return create_app(settings)


def _include_routers(app: FastAPI) -> None:
    from service.api import (
        routes_admin,
        routes_employer,
        routes_match,
        routes_records,
        routes_taxonomy,
    )
    from service.api.routes_web import router as web_router

    app.include_router(routes_taxonomy.router)
    app.include_router(routes_records.make_router("credential"))
    app.include_router(routes_records.make_router("posting"))
    app.include_router(routes_match.router)
    app.include_router(routes_employer.router)
    app.include_router(routes_admin.router)
    app.include_router(web_router)  # the web page at / (service/web/)


def _declare_schema(app: FastAPI) -> None:
    """What /openapi.json says beyond the routes: errors as problem details, optional keys,
    and the native ingest documents."""
    declare_problems(app)
    declare_optional_security(app)
    declare_models(app, [CredentialRecord, JobPostingRecord])


def create_app(settings: Settings | None = None, *, runtime: Runtime | None = None) -> FastAPI:
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        if app.state.runtime is None:  # a serving process (a uvicorn worker)
            if settings.tune_malloc:
                tune_malloc()
            apply_torch_threads(settings.torch_threads)
            app.state.runtime = await run_in_threadpool(build_runtime, settings)
            log.info("ready")
        yield

    app = FastAPI(
        title="skillmatch",
        version=package_version(),
        description=API_DESCRIPTION,
        lifespan=lifespan,
        docs_url=None,  # served offline by install_docs
        redoc_url=None,
        generate_unique_id_function=operation_id,
    )
    install_docs(app)
    app.state.settings = settings
    app.state.runtime = runtime
    install_error_handlers(app)
    _declare_schema(app)
    install_limits(app, settings)  # rate limit, body size, timeouts on heavy routes
    install_cors(app, settings)  # outside the limits: a 413 or 429 reaches the page readable
    install_observability(
        app, settings
    )  # outermost: request id, access log, /metrics see every answer

    _include_routers(app)

    @app.get("/health", tags=["ops"])
    def health() -> dict:
        """Liveness: the process answers."""
        return {"status": "ok"}

    # /health and /ready are exempt from rate limits; /ready is 503 until the runtime is loaded
    @app.get("/ready", tags=["ops"], responses=error_responses(503))
    def ready(runtime: RuntimeDep) -> dict:
        """200 once the model and indexes are loaded, 503 (`not_ready`) before."""
        return {"status": "ready", "skills": len(runtime.skills)}

    @app.get(
        "/v1/about",
        response_model=About,
        tags=["ops"],
        responses=error_responses(413, 422, 429, 503),
        dependencies=[SingleValuedQuery],
    )
    def about(runtime: RuntimeDep) -> About:
        """Version, model, taxonomy versions, record counts and the data's attribution."""
        with Session(runtime.engine) as s:
            counts = catalog_counts(s)  # public postings only
        return About(
            name="skillmatch",
            version=package_version(),
            model=runtime.encoder.model_id,
            dim=runtime.encoder.dim,
            taxonomy=meta_value(runtime.engine, "taxonomy_versions"),
            counts=counts,
            # not the postings index: it holds private openings too (operators see it in /metrics)
            index_sizes={"credentials": len(runtime.credentials)},
            attribution=ATTRIBUTION,
        )

    return app
