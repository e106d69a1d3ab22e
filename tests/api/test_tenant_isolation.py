"""Tenant isolation, route by route: tenant A's private openings and candidates never reach
tenant B (even with an admin key), the operator, or an anonymous caller; nobody writes into A's
namespace of external ids, and no write answer tells whether an id exists in another tenant."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlmodel import Session

from models.tables import JobPosting, Occupation, Tenant
from service.employer.tenants import create_key, create_tenant
from tests.utils.queries import essential_skills

SECRET_TITLE = "Quokka wrangler (confidential opening)"


def _tenant(app, runtime, name: str, scopes: list[str]) -> tuple[TestClient, int]:
    with Session(runtime.engine) as s:
        found = s.execute(select(Tenant).where(Tenant.name == name)).scalar_one_or_none()
        tenant = found or create_tenant(s, name)
        _row, key = create_key(s, tenant.id, scopes)
        tid = tenant.id
    return TestClient(app, headers={"Authorization": f"Bearer {key}"}), tid


def _occupation_uri(runtime, oid: int) -> str:
    with Session(runtime.engine) as s:
        return s.get(Occupation, oid).uri


@pytest.fixture(scope="module")
def iso(app, runtime, client, anon):
    """Tenant A (a write key) with a private opening and a candidate; tenant B with an admin
    key, its own opening and candidate; the operator's admin client; an anonymous client."""
    oid, ess = essential_skills(runtime.engine, "cook")
    a, a_id = _tenant(app, runtime, "iso-a", ["write"])
    b, b_id = _tenant(app, runtime, "iso-b", ["admin"])
    opening = {
        "external_id": "req-42",
        "title": SECRET_TITLE,
        "description": "A confidential opening in our kitchen.",
        "occupation_uri": _occupation_uri(runtime, oid),
        "skills": [{"uri": u, "relation": "essential"} for u in ess[:4]],
    }
    ra = a.post("/v1/postings", json=opening)
    assert ra.status_code == 201, ra.text
    rb = b.post("/v1/postings", json={**opening, "external_id": "b-1", "title": "B's opening"})
    assert rb.status_code == 201, rb.text
    ca = a.post("/v1/candidates", json={"name": "Ana Private", "skills": ess[:3]})
    assert ca.status_code == 201, ca.text
    cb = b.post("/v1/candidates", json={"name": "Bo", "skills": ess[:3]})
    assert cb.status_code == 201, cb.text
    return {
        "a": a,
        "a_id": a_id,
        "b": b,
        "b_id": b_id,
        "anon": anon,
        "op": client,
        "oid": oid,
        "ess": ess,
        "opening": opening,
        "a_post": ra.json()["items"][0]["id"],
        "b_post": rb.json()["items"][0]["id"],
        "a_cand": ca.json()["id"],
        "b_cand": cb.json()["id"],
    }


def _others(iso) -> list[tuple[str, TestClient]]:
    return [("tenant B", iso["b"]), ("operator", iso["op"]), ("anonymous", iso["anon"])]


def _a_opening_intact(iso) -> None:
    got = iso["a"].get(f"/v1/postings/{iso['a_post']}").json()
    assert got["title"] == SECRET_TITLE and got["private"] is True, got
    assert got["external_id"] == "req-42"


# ------------------------------------------------------------------------------ writes


def test_another_tenants_admin_cannot_overwrite_a_private_opening(iso):
    """Issue 13, defect 2: a public write of `tenant:<A>:req-42` used to answer `updated` and
    turn A's private opening into B's public one."""
    hijack = {"external_id": f"tenant:{iso['a_id']}:req-42", "title": "Hijacked"}
    for _who, c in (("tenant B", iso["b"]), ("operator", iso["op"])):
        r = c.post("/v1/postings?visibility=public", json=hijack)
        assert r.status_code == 422, r.text
        assert r.json()["field"] == "external_id"
        r = c.post("/v1/postings?visibility=public", json=[hijack])
        assert r.status_code == 200, r.text
        item = r.json()["items"][0]
        assert item["status"] == "error" and item["errors"][0]["field"] == "external_id"
        # nor through a private write of its own (which lives in B's namespace)
        r = c.post("/v1/postings", json=hijack)
        assert r.status_code == 422 and r.json()["field"] == "external_id", r.text
    _a_opening_intact(iso)


def _reserved_ids(tid: int) -> list[str]:
    return [
        f"tenant:{tid}:req-42",
        f"TENANT:{tid}:req-42",
        f"  tenant:{tid}:req-42",
        f"\uff54\uff45\uff4e\uff41\uff4e\uff54:{tid}:req-42",  # fullwidth letters (NFKC: tenant)
        "tenant:",
    ]


def _fixture(name: str) -> dict:
    from tests.api.test_api_formats import FIXTURES

    return json.loads((FIXTURES / name).read_text())


def _documents(kind: str, fmt: str, ext: str) -> tuple[dict, str]:
    """(request keyword arguments, the field the refusal must name) for one format."""
    if fmt == "csv":
        cols = "external_id,title" if kind == "postings" else "external_id,title,kind"
        row = f'"{ext}",Hijacked' + ("" if kind == "postings" else ",course")
        return {"content": f"{cols}\n{row}\n", "headers": {"content-type": "text/csv"}}, (
            "external_id"
        )
    if fmt == "jsonl":
        line = json.dumps({"external_id": ext, "title": "Hijacked"})
        return {"content": line + "\n", "headers": {"content-type": "application/x-ndjson"}}, (
            "external_id"
        )
    if fmt == "documents":
        return {"json": {"documents": [{"external_id": ext, "title": "Hijacked"}]}}, "external_id"
    if fmt == "schema_org":
        doc = _fixture("schema_org_jobposting.json")
        doc["identifier"] = ext
        return {"json": [doc]}, "identifier"
    if fmt == "schema_org_property":  # identifier {"name": "tenant", "value": "1:x"}
        doc = _fixture("schema_org_jobposting.json")
        name, _, value = ext.partition(":")
        doc["identifier"] = {"@type": "PropertyValue", "name": name, "value": value or "x"}
        return {"json": [doc]}, "identifier"
    if fmt == "ob2":
        doc = _fixture("ob2_badgeclass.json")
        doc["id"] = ext
        return {"json": [doc]}, "id"
    if fmt == "ob3":
        doc = _fixture("ob3_achievement.json")
        doc["id"] = ext
        return {"json": [doc]}, "id"
    if fmt == "ctdl":
        doc = _fixture("ctdl_certification.json")
        doc["@id"] = ext
        return {"json": [doc]}, "@id"
    return {"json": [{"external_id": ext, "title": "Hijacked", "kind": "course"}]}, "external_id"


FORMATS = [
    ("postings", "native"),
    ("postings", "documents"),
    ("postings", "csv"),
    ("postings", "jsonl"),
    ("postings", "schema_org"),
    ("postings", "schema_org_property"),
    ("credentials", "native"),
    ("credentials", "csv"),
    ("credentials", "jsonl"),
    ("credentials", "ob2"),
    ("credentials", "ob3"),
    ("credentials", "ctdl"),
]


@pytest.mark.parametrize(("kind", "fmt"), FORMATS)
@pytest.mark.parametrize("visibility", ["public", "private"])
def test_reserved_external_ids_are_refused_in_every_format(iso, runtime, kind, fmt, visibility):
    if kind == "credentials" and visibility == "private":
        pytest.skip("credentials are always the shared catalog")
    for ext in _reserved_ids(iso["a_id"]):
        if fmt == "schema_org_property" and ext.startswith(" "):
            continue  # the parser strips the parts of a PropertyValue: the same as the first
        kw, field = _documents(kind, fmt, ext)
        r = iso["b"].post(f"/v1/{kind}", params={"visibility": visibility}, **kw)
        assert r.status_code == 200, (ext, r.text)
        body = r.json()
        assert body["summary"]["error"] == 1 and body["summary"]["total"] == 1, (ext, body)
        err = body["items"][0]["errors"][0]
        assert err["field"] == field and "reserved" in err["message"], (ext, err)
    _a_opening_intact(iso)
    with Session(runtime.engine) as s:
        owners = s.execute(
            select(JobPosting.tenant_id).where(JobPosting.external_id.like("%req-42"))
        ).all()
    assert owners == [(iso["a_id"],)]


def test_a_write_never_tells_whether_an_id_exists_in_another_tenant(iso):
    b, a_id = iso["b"], iso["a_id"]
    # B's own opening with A's external id is B's, created: A's is neither found nor changed
    r = b.post("/v1/postings", json={"external_id": "req-42", "title": "B's req-42"})
    assert r.status_code == 201 and r.json()["items"][0]["status"] == "created", r.text
    assert r.json()["items"][0]["id"] != iso["a_post"]
    assert r.json()["items"][0]["external_id"] == "req-42"
    _a_opening_intact(iso)
    # an id of A's namespace answers the same whether A holds it or not
    answers = []
    for ext in (f"tenant:{a_id}:req-42", f"tenant:{a_id}:no-such-opening"):
        for vis in ("public", "private"):
            r = b.post(
                "/v1/postings",
                params={"visibility": vis},
                json=[{"external_id": ext, "title": "probe"}],
            )
            item = r.json()["items"][0]
            answers.append((r.status_code, item["status"], item["errors"]))
    assert all(a == answers[0] for a in answers), answers
    assert answers[0][1] == "error"


def test_records_handed_over_already_parsed_are_namespaced_and_checked(iso, runtime):
    from models.records import JobPostingRecord
    from service.ingest.pipeline import Ingestor

    ing = Ingestor(runtime, "posting", tenant_id=iso["b_id"])
    ok = JobPostingRecord(external_id="parsed-1", title="Parsed")
    bad = JobPostingRecord(external_id=f"tenant:{iso['a_id']}:req-42", title="Hijacked")
    (_p0, first), (_p1, second) = ing.parse([ok, bad])
    assert first.external_id == f"tenant:{iso['b_id']}:parsed-1"
    assert [e.field for e in second] == ["external_id"]


def test_a_write_replaces_only_records_of_its_own_owner(iso, runtime):
    """A public row left in A's namespace (as the hole let one be written) is not taken over
    by A's write of the same id, nor is it changed."""
    ext = f"tenant:{iso['a_id']}:squatted"
    with Session(runtime.engine) as s:
        s.add(JobPosting(external_id=ext, title="Squatter", source_format="native",
                         content_hash="x"))  # fmt: skip
        s.commit()
    r = iso["a"].post("/v1/postings", json=[{"external_id": "squatted", "title": "Mine"}])
    assert r.json()["items"][0]["status"] == "error", r.text
    with Session(runtime.engine) as s:
        row = s.execute(select(JobPosting).where(JobPosting.external_id == ext)).scalar_one()
        assert (row.tenant_id, row.title) == (None, "Squatter")


def test_another_tenant_cannot_delete_a_private_opening(iso):
    for _who, c in (("tenant B", iso["b"]), ("operator", iso["op"])):
        assert c.delete(f"/v1/postings/{iso['a_post']}").status_code == 404
    assert iso["anon"].delete(f"/v1/postings/{iso['a_post']}").status_code == 401
    _a_opening_intact(iso)


# ------------------------------------------------------------------------ posting reads


def test_posting_detail_and_skills_are_404_to_others(iso):
    pid = iso["a_post"]
    for who, c in _others(iso):
        assert c.get(f"/v1/postings/{pid}").status_code == 404, who
        assert c.get(f"/v1/postings/{pid}/skills").status_code == 404, who
    assert iso["a"].get(f"/v1/postings/{pid}/skills").status_code == 200


def _all_pages(c: TestClient, params: dict) -> list[dict]:
    items, cursor = [], None
    for _ in range(100):
        r = c.get("/v1/postings", params={**params, **({"cursor": cursor} if cursor else {})})
        assert r.status_code == 200, r.text
        items += r.json()["items"]
        cursor = r.json()["next_cursor"]
        if not cursor:
            return items
    raise AssertionError("too many pages")


def test_posting_search_and_lists_hide_private_openings(iso):
    pid, a_id = iso["a_post"], iso["a_id"]
    searches = [
        {"limit": 2},
        {"q": SECRET_TITLE, "limit": 2},
        {"skill": iso["ess"][0], "limit": 2},
        {"skill": iso["ess"][0], "q": "quokka wrangler", "limit": 2},
        {"external_id": "req-42"},
        {"external_id": f"tenant:{a_id}:req-42"},
        {"external_id": "req-42", "q": "quokka"},
    ]
    for who, c in _others(iso):
        for params in searches:
            items = _all_pages(c, params)
            assert pid not in {p["id"] for p in items}, (who, params)
            assert SECRET_TITLE not in {p["title"] for p in items}, (who, params)
    b_mine = _all_pages(iso["b"], {"mine": "true"})
    assert pid not in {p["id"] for p in b_mine} and iso["b_post"] in {p["id"] for p in b_mine}
    # the owner finds its opening by the external id it gave, with or without mine=true
    for params in ({"external_id": "req-42"}, {"external_id": "req-42", "mine": "true"}):
        assert [p["id"] for p in _all_pages(iso["a"], params)] == [pid], params


# --------------------------------------------------------------- roles built from postings


@pytest.mark.parametrize("path", ["/v1/gap", "/v1/recommendations"])
def test_posting_targets_are_404_to_others(iso, path):
    for who, c in _others(iso):
        r = c.post(path, json={"target": {"posting_id": iso["a_post"]}})
        assert r.status_code == 404, (who, r.text)
        assert r.json()["field"] == "target.posting_id"
    assert iso["a"].post(path, json={"target": {"posting_id": iso["a_post"]}}).status_code == 200


def _demand(c: TestClient, path: str, oid: int) -> tuple[int, dict]:
    r = c.post(path, json={"target": {"demand_occupation_id": oid}})
    body = r.json()
    return r.status_code, (body if r.status_code != 200 else body["role"])


@pytest.mark.parametrize("path", ["/v1/gap", "/v1/recommendations"])
def test_demand_profiles_ignore_other_tenants_private_openings(iso, runtime, path):
    """Issue 13, defect 3: a demand profile counted every tenant's private openings."""
    a = iso["a"]
    ess = iso["ess"]
    with Session(runtime.engine) as s:  # an occupation no public posting has asked for yet
        asked = set(s.execute(select(JobPosting.occupation_id)).scalars())
        oid = s.execute(
            select(Occupation.id).where(Occupation.id.not_in([x for x in asked if x]))
        ).scalars().first() or iso["oid"]  # fmt: skip
    before = {who: _demand(c, path, oid) for who, c in _others(iso)}
    opening = {
        "external_id": f"demand-{path.rsplit('/', 1)[1]}",
        "title": "Confidential demand opening",
        "occupation_uri": _occupation_uri(runtime, oid),
        "skills": [{"uri": u, "relation": "essential"} for u in ess[4:8] or ess],
    }
    assert a.post("/v1/postings", json=opening).status_code == 201
    after = {who: _demand(c, path, oid) for who, c in _others(iso)}
    assert after == before
    status, role = _demand(a, path, oid)  # the owner's own demand includes its opening
    assert status == 200 and role != before["tenant B"][1], role


# ------------------------------------------------------------------------------- counts


def test_about_counts_only_public_postings(iso):
    anon, a = iso["anon"], iso["a"]
    before = anon.get("/v1/about").json()
    r = a.post("/v1/postings", json={"external_id": "about-probe", "title": "About probe"})
    assert r.status_code == 201, r.text
    after = anon.get("/v1/about").json()
    assert after["counts"]["postings"] == before["counts"]["postings"]
    assert after["index_sizes"].get("postings") == before["index_sizes"].get("postings")
    assert iso["b"].get("/v1/about").json()["counts"] == after["counts"]


# --------------------------------------------------------------------------- candidates


def test_candidate_routes_are_404_to_other_tenants(iso):
    b, anon, cid = iso["b"], iso["anon"], iso["a_cand"]
    assert b.get(f"/v1/candidates/{cid}").status_code == 404
    assert b.put(f"/v1/candidates/{cid}", json={"name": "hijack"}).status_code == 404
    assert b.delete(f"/v1/candidates/{cid}").status_code == 404
    listed = [c["id"] for c in b.get("/v1/candidates", params={"limit": 100}).json()["items"]]
    assert cid not in listed and iso["b_cand"] in listed
    for method, url in (
        ("get", "/v1/candidates"),
        ("get", f"/v1/candidates/{cid}"),
        ("post", f"/v1/candidates/{cid}/openings"),
        ("post", f"/v1/openings/{iso['a_post']}/candidates"),
    ):
        assert getattr(anon, method)(url).status_code == 401, url
    assert iso["a"].get(f"/v1/candidates/{cid}").json()["name"] == "Ana Private"


def test_openings_ranked_for_a_candidate_exclude_other_tenants_openings(iso):
    b = iso["b"]
    assert b.post(f"/v1/candidates/{iso['a_cand']}/openings", json={}).status_code == 404
    for include_public in (True, False):
        body = {"limit": 100, "include_public": include_public}
        r = b.post(f"/v1/candidates/{iso['b_cand']}/openings", json=body)
        assert r.status_code == 200, r.text
        ids = {i["opening"]["id"] for i in r.json()["items"]}
        assert iso["a_post"] not in ids and iso["b_post"] in ids
        titles = {i["opening"]["title"] for i in r.json()["items"]}
        assert SECRET_TITLE not in titles


def test_candidates_ranked_for_an_opening_are_the_tenants_own(iso):
    b = iso["b"]
    assert b.post(f"/v1/openings/{iso['a_post']}/candidates", json={}).status_code == 404
    r = b.post(f"/v1/openings/{iso['b_post']}/candidates", json={"limit": 100, "plan": False})
    assert r.status_code == 200, r.text
    ids = {i["candidate"]["id"] for i in r.json()["items"]}
    assert iso["a_cand"] not in ids and iso["b_cand"] in ids
    # and a public opening ranks only the caller's candidates
    pub = b.post(
        "/v1/postings?visibility=public",
        json={**iso["opening"], "external_id": "iso-public", "title": "Public cook"},
    )
    assert pub.status_code == 201, pub.text
    pid = pub.json()["items"][0]["id"]
    r = b.post(f"/v1/openings/{pid}/candidates", json={"limit": 100, "plan": False})
    ids = {i["candidate"]["id"] for i in r.json()["items"]}
    assert iso["a_cand"] not in ids and iso["b_cand"] in ids
