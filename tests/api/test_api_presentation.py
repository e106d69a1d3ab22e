"""Issue 19, item 10: the API as a portal expects it: /docs and /redoc work offline (assets from
the package), stable operation ids with descriptions, and unknown query parameters refused."""

from __future__ import annotations

import re

import pytest

from tests.utils.errors import assert_error


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
def test_docs_pages_load_their_assets_from_this_service(anon, page):
    html = anon.get(page).text
    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert assets, html
    for url in assets:
        assert url.startswith("/"), f"{page} loads {url} from elsewhere"
        r = anon.get(url)
        assert r.status_code == 200 and len(r.content) > 1000, url
    assert "cdn" not in html.lower() and "fonts.googleapis" not in html


def test_swagger_keeps_the_authorisation_across_reloads(anon):
    assert '"persistAuthorization": true' in anon.get("/docs").text


def test_every_operation_has_a_stable_id_and_a_description(anon):
    schema = anon.get("/openapi.json").json()
    ids = []
    for path, item in schema["paths"].items():
        for method, op in item.items():
            assert re.fullmatch(r"[a-z][a-z_]*", op["operationId"]), (path, method)
            assert "_v1_" not in op["operationId"] and not op["operationId"].endswith(method)
            assert op.get("description"), (path, method)
            ids.append(op["operationId"])
    assert len(ids) == len(set(ids))
    assert {"search_skills", "get_credential", "search_postings", "create_candidate"} <= set(ids)


@pytest.mark.parametrize(
    ("path", "query"),
    [
        ("/v1/credentials", {"issuer": "acme"}),
        ("/v1/postings", {"employer": "acme"}),
        ("/v1/skills", {"q": "python", "lang": "de"}),
        ("/v1/occupations", {"q": "nurse", "page": "2"}),
        ("/v1/about", {"x": "1"}),
    ],
)
def test_a_filter_the_route_does_not_have_is_refused(anon, path, query):
    name = next(k for k in query if k not in ("q",))
    body = assert_error(
        anon.get(path, params=query), 422, f"query.{name}", code="unknown_parameter"
    )
    assert "takes:" in body["detail"]


def test_known_filters_still_pass(anon):
    assert anon.get("/v1/credentials", params={"q": "data", "limit": 2}).status_code == 200


@pytest.mark.parametrize(("path", "q"), [("/v1/skills", "data"), ("/v1/occupations", "developer")])
def test_taxonomy_searches_answer_pages_like_every_list(anon, path, q):
    first = anon.get(path, params={"q": q, "limit": 2}).json()
    assert set(first) == {"items", "next_cursor", "total"}
    assert len(first["items"]) == 2 and first["total"] > 2 and first["next_cursor"]
    second = anon.get(path, params={"q": q, "limit": 2, "cursor": first["next_cursor"]}).json()
    both = anon.get(path, params={"q": q, "limit": 4}).json()["items"]
    assert [h["id"] for h in first["items"] + second["items"]] == [h["id"] for h in both]
    last = anon.get(path, params={"q": q, "limit": 2, "cursor": str(first["total"])}).json()
    assert last["items"] == [] and last["next_cursor"] is None


@pytest.mark.parametrize("kind", ["credentials", "postings"])
def test_record_lists_say_their_total(anon, kind):
    everything = anon.get(f"/v1/{kind}", params={"limit": 100}).json()
    assert everything["total"] >= len(everything["items"])
    page = anon.get(f"/v1/{kind}", params={"limit": 1, "q": "data"}).json()
    assert page["total"] == everything["total"]  # q ranks every record that passes the filters
    # a filter both kinds apply (a posting has no hours nor kind: those filters pass it)
    none = anon.get(f"/v1/{kind}", params={"external_id": "no-such-record"}).json()
    assert none == {"items": [], "next_cursor": None, "total": 0}


@pytest.mark.parametrize(
    ("kind", "model"), [("credentials", "CredentialRecord"), ("postings", "JobPostingRecord")]
)
def test_ingest_documents_are_typed_in_the_schema(anon, kind, model):
    schema = anon.get("/openapi.json").json()
    body = schema["paths"][f"/v1/{kind}"]["post"]["requestBody"]["content"]["application/json"]
    items = body["schema"]["anyOf"][0]["items"]["anyOf"]
    assert items[0] == {"$ref": f"#/components/schemas/{model}"}
    declared = schema["components"]["schemas"][model]
    assert {"external_id", "title", "skills"} <= set(declared["properties"])
    assert "SkillRef" in schema["components"]["schemas"]  # what its $refs name resolves


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"max_hours": 10}, "query.max_hours"),
        ({"max_cost": 0}, "query.max_cost"),
        ({"kind": "badge"}, "query.kind"),
        ({"language": "en"}, "query.language"),
        ({"q": "data", "kind": "x" * 40}, "query.kind"),
    ],
)
def test_a_postings_search_refuses_the_credential_filters_naming_them(anon, params, field):
    """A posting has no hours, cost, kind or language: the posting search takes no such filter
    (it matched every posting), so one is refused (422, the field named) as any unknown is."""
    r = anon.get("/v1/postings", params=params)
    assert r.status_code == 422, r.text
    body = r.json()
    assert body["field"] == field and body["code"] == "unknown_parameter"
    assert (
        "no such parameter" in body["detail"] and "max_hours" not in body["detail"].split(":")[-1]
    )
    assert anon.get("/v1/credentials", params=params).status_code == 200
