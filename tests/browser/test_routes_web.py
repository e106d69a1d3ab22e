"""The page's routes without a browser: `/` and `/static/*` serve the files of service/web/,
nothing else on disk, and the JSON API and /docs are as before (no browser needed)."""

from __future__ import annotations

import re

from service.api.routes_web import WEB_DIR


def test_index_and_assets(anon):
    r = anon.get("/")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html")
    assert "default-src 'self'" in r.headers["content-security-policy"]
    html = r.text
    assert '<html lang="en">' in html and "<h1" in html
    for asset in re.findall(r'(?:src|href)="(/static/[^"]+)"', html):
        a = anon.get(asset)
        assert a.status_code == 200, asset
    js = anon.get("/static/app.js")
    assert js.headers["content-type"].startswith("text/javascript")
    assert anon.get("/static/style.css").headers["content-type"].startswith("text/css")


def test_every_module_the_page_imports_is_served(anon):
    for path in WEB_DIR.glob("*.js"):
        for name in re.findall(r'from "\./([^"]+)"', path.read_text()):
            assert anon.get(f"/static/{name}").status_code == 200, (path.name, name)


def test_nothing_else_is_served(anon):
    r = anon.get("/static/nope.js")
    assert r.status_code == 404
    body = r.json()
    assert (body["detail"], body["field"]) == ("no file 'nope.js' in the web page", "path")
    for bad in ("/static/..%2Fapi%2Fapp.py", "/static/%2e%2e/api/app.py", "/static/x.py"):
        r = anon.get(bad)
        assert r.status_code in (404, 422), bad
        assert "import" not in r.text


def test_api_and_docs_are_unchanged(anon):
    assert anon.get("/health").json() == {"status": "ok"}
    assert anon.get("/v1/about").headers["content-type"] == "application/json"
    assert anon.get("/docs").status_code == 200
    paths = anon.get("/openapi.json").json()["paths"]
    assert "/" not in paths and not any(p.startswith("/static") for p in paths)
    r = anon.get("/v1/skills/0")
    assert r.status_code == 422 and r.json()["code"] == "validation_failed"
