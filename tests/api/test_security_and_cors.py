"""Issue 19, item 2: the API keys as OpenAPI security schemes (so /docs can authorise), and CORS
for the origins a setting names (none by default)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from service.api.app import create_app
from service.api.cors import allowed_origins
from service.config import Settings
from tests.utils.errors import assert_error

PORTAL = "https://portal.example.org"


def test_the_schema_declares_bearer_and_x_api_key(anon):
    schema = anon.get("/openapi.json").json()
    schemes = schema["components"]["securitySchemes"]
    assert schemes["bearer"] == {**schemes["bearer"], "type": "http", "scheme": "bearer"}
    assert schemes["apiKey"] | {"in": "header", "name": "X-API-Key"} == schemes["apiKey"]
    paths = schema["paths"]
    # a write names its scope, in either scheme, with no anonymous alternative
    assert paths["/v1/candidates"]["post"]["security"] == [
        {"bearer": ["write"]},
        {"apiKey": ["write"]},
    ]
    # a read a key widens: the key is optional ({})
    assert {} in paths["/v1/recommendations"]["post"]["security"]
    assert "security" not in paths["/v1/skills"]["get"]


def test_docs_offer_authorize(anon):
    """Swagger UI shows "Authorize" when the schema it loads has security schemes."""
    r = anon.get("/docs")
    assert r.status_code == 200 and "/openapi.json" in r.text


def test_x_api_key_authorises_like_bearer(app, admin_key):
    with TestClient(app) as c:
        assert c.get("/v1/tenant", headers={"X-API-Key": admin_key}).status_code == 200
        assert_error(c.get("/v1/tenant"), 401, "authorization", code="unauthorized")
        assert_error(
            c.get("/v1/tenant", headers={"X-API-Key": "sm_invented"}), 401, "authorization"
        )
        # a bearer token wins over X-API-Key (the rate limiter reads the same one)
        both = {"Authorization": f"Bearer {admin_key}", "X-API-Key": "sm_invented"}
        assert c.get("/v1/tenant", headers=both).status_code == 200


def _preflight(c: TestClient, origin: str, method: str = "POST", headers: str = "authorization"):
    return c.options(
        "/v1/recommendations",
        headers={
            "Origin": origin,
            "Access-Control-Request-Method": method,
            "Access-Control-Request-Headers": headers,
        },
    )


@pytest.fixture()
def cors_client(settings, runtime):
    app = create_app(
        settings.model_copy(update={"cors_allow_origins": PORTAL + "/"}), runtime=runtime
    )
    with TestClient(app) as c:
        yield c


def test_a_preflight_from_an_allowed_origin_is_allowed(cors_client):
    r = _preflight(cors_client, PORTAL, headers="authorization, content-type, x-api-key")
    assert r.status_code == 200, r.text
    assert r.headers["access-control-allow-origin"] == PORTAL
    assert "POST" in r.headers["access-control-allow-methods"]
    assert "x-api-key" in r.headers["access-control-allow-headers"].lower()
    assert "access-control-allow-credentials" not in r.headers


def test_an_answer_to_an_allowed_origin_is_readable_errors_too(cors_client):
    ok = cors_client.get("/v1/about", headers={"Origin": PORTAL})
    assert ok.headers["access-control-allow-origin"] == PORTAL
    assert "x-request-id" in ok.headers["access-control-expose-headers"].lower()
    bad = cors_client.get("/v1/skills/99999999", headers={"Origin": PORTAL})
    assert bad.status_code == 404 and bad.headers["access-control-allow-origin"] == PORTAL


@pytest.mark.parametrize(
    ("origin", "method", "headers"),
    [
        ("https://evil.example", "POST", "authorization"),
        ("https://portal.example.org.evil.example", "POST", "authorization"),
        ("http://portal.example.org", "POST", "authorization"),  # another scheme, another origin
        ("null", "POST", "authorization"),
        (PORTAL, "PATCH", "authorization"),  # a method the API does not allow across origins
        (PORTAL, "POST", "x-secret"),  # a header it does not allow
    ],
)
def test_a_preflight_from_elsewhere_is_denied(cors_client, origin, method, headers):
    r = _preflight(cors_client, origin, method, headers)
    assert r.status_code == 400
    if origin != PORTAL:
        assert "access-control-allow-origin" not in r.headers
    plain = cors_client.get("/v1/about", headers={"Origin": origin})
    assert plain.headers.get("access-control-allow-origin") in (None, PORTAL)
    if origin != PORTAL:
        assert "access-control-allow-origin" not in plain.headers


def test_no_origin_is_allowed_by_default(app):
    with TestClient(app) as c:
        r = _preflight(c, PORTAL)
        assert "access-control-allow-origin" not in r.headers
        assert r.status_code == 405  # no CORS at all: OPTIONS is just a method not allowed
        assert (
            "access-control-allow-origin"
            not in c.get("/v1/about", headers={"Origin": PORTAL}).headers
        )


def test_the_origins_setting_reads_a_comma_separated_list(monkeypatch):
    monkeypatch.setenv("SKILLMATCH_CORS_ALLOW_ORIGINS", f" {PORTAL}/ , https://b.example ,")
    assert allowed_origins(Settings()) == [PORTAL, "https://b.example"]
    monkeypatch.delenv("SKILLMATCH_CORS_ALLOW_ORIGINS")
    assert allowed_origins(Settings()) == []
