"""A scalar query parameter given twice is refused (422), a list one is not, on every request
to the route (the names are computed on the first)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, FastAPI, Query
from fastapi.testclient import TestClient

from service.api import deps
from service.api.errors import install_error_handlers


def _app() -> FastAPI:
    router = APIRouter(dependencies=[deps.SingleValuedQuery])

    @router.get("/things")
    def things(limit: int = 5, tag: Annotated[list[str], Query()] = []):  # noqa: B006
        return {"limit": limit, "tag": tag}

    app = FastAPI()
    install_error_handlers(app)
    app.include_router(router)
    return app


def test_a_scalar_given_twice_is_refused_a_list_is_not():
    client = TestClient(_app())
    assert client.get("/things?limit=1&tag=a&tag=b").json() == {"limit": 1, "tag": ["a", "b"]}
    twice = client.get("/things?limit=1&limit=2")
    assert twice.status_code == 422
    assert "query.limit: one value expected, several given" in twice.text
    assert client.get("/things?limit=3&limit=4").status_code == 422
    assert client.get("/things?limit=3").json() == {"limit": 3, "tag": []}
