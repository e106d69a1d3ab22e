"""Issue 19, item 1: every error answer is one RFC 9457 problem detail, whatever its status and
whichever layer gives it (router, validation, domain error, limits, loading, unhandled)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from service.api import routes_records
from service.api.app import create_app
from service.api.problem import PROBLEM_CODES
from tests.utils.errors import assert_error


def test_an_unknown_route_is_a_404_problem(anon):
    body = assert_error(anon.get("/v1/no-such-route"), 404, None, code="no_route")
    assert body["title"] == "Not Found"


def test_an_unknown_id_is_a_404_problem_naming_the_id(anon):
    assert_error(anon.get("/v1/skills/99999999"), 404, "skill_id", code="not_found")


def test_a_405_is_a_problem(anon):
    assert_error(anon.put("/v1/about"), 405, None, code="method_not_allowed")


def test_a_422_lists_every_fault(anon):
    r = anon.get("/v1/skills", params={"q": "", "limit": "x"})
    body = assert_error(r, 422, r.json()["field"], code="validation_failed")
    fields = {e["field"] for e in body["errors"]}
    assert "query.limit" in fields and len(body["errors"]) >= 2, body


def test_a_401_and_a_403_are_problems(app, anon, runtime):
    from sqlmodel import Session

    from service.employer.tenants import create_key, create_tenant

    assert_error(anon.post("/v1/candidates", json={}), 401, "authorization", code="unauthorized")
    with Session(runtime.engine) as s:
        tenant = create_tenant(s, "problem-reader")
        _row, key = create_key(s, tenant.id, ["read"], name="r")
    with TestClient(app, headers={"Authorization": f"Bearer {key}"}) as c:
        assert_error(c.post("/v1/candidates", json={}), 403, "authorization", code="forbidden")


def test_a_413_is_a_problem(settings, runtime):
    app = create_app(settings.model_copy(update={"max_body_bytes": 100}), runtime=runtime)
    with TestClient(app) as c:
        r = c.post("/v1/skills/extract", content=b"x" * 200)
    assert_error(r, 413, "body", code="body_too_large")


def test_a_429_is_a_problem_with_retry_after(settings, runtime):
    limited = settings.model_copy(update={"rate_limit_per_minute": 1, "rate_limit_burst": 1})
    with TestClient(create_app(limited, runtime=runtime)) as c:
        assert c.get("/v1/about").status_code == 200
        r = c.get("/v1/about")
    assert_error(r, 429, None, code="rate_limited")
    assert int(r.headers["Retry-After"]) >= 1


def test_a_503_while_loading_is_a_problem(settings):
    r = TestClient(create_app(settings)).get("/ready")  # lifespan not entered: still loading
    assert_error(r, 503, None, code="not_ready")


def test_an_unhandled_500_is_a_problem(client, monkeypatch):
    def boom(*_a, **_kw):
        raise RuntimeError("hidden")

    monkeypatch.setattr(routes_records, "search_records", boom)
    body = assert_error(client.get("/v1/credentials"), 500, None, code="internal_error")
    assert "hidden" not in body["detail"]


def test_the_schema_documents_problem_json_for_every_error_answer(anon):
    schema = anon.get("/openapi.json").json()
    problem = schema["components"]["schemas"]["ErrorOut"]
    assert {"type", "title", "status", "detail", "code"} <= set(problem["required"])
    errors = 0
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            for status, response in operation["responses"].items():
                if status[0] in "45":
                    errors += 1
                    assert list(response["content"]) == ["application/problem+json"], (
                        path,
                        method,
                        status,
                    )
    assert errors > 50


@pytest.mark.parametrize("code", sorted(PROBLEM_CODES))
def test_every_code_is_documented(code):
    from pathlib import Path

    docs = (Path(__file__).resolve().parents[2] / "docs" / "api.md").read_text()
    assert f"`{code}`" in docs


@pytest.mark.parametrize("ref", ["\u00b2", "\u0663", "99999999999999999999"])
def test_a_skill_filter_of_unicode_digits_or_a_huge_number_is_a_404_not_a_500(anon, ref):
    """Found by Schemathesis: `skill=²` passed str.isdigit() and broke int()."""
    assert_error(anon.get("/v1/credentials", params={"skill": ref}), 404, "skill")
