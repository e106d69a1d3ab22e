"""Item 6 of issue 19: a credential exported as an Open Badges 3.0 Achievement (alignments to
ESCO / O*NET) and as CTDL JSON-LD ingests back as the same record; a plan exports as CSV and
JSON-LD a portal can store."""

from __future__ import annotations

import csv
import io

import pytest

from service.catalog.exports import OB3_CONTEXT
from service.ingest.parsers import detect_format
from tests.utils.errors import assert_error
from tests.utils.queries import essential_skills

SAME = ("external_id", "title", "description", "kind", "hours", "cost", "currency", "language")
SAME += ("level", "delivery_mode", "validity_months", "url", "life_cycle_status", "credit_value")
SAME += ("occupations", "credit_unit", "eqf_level")


@pytest.fixture(scope="module")
def exported(client, runtime):
    oid, ess = essential_skills(runtime.engine, "data scientist")
    docs = [
        {
            "external_id": "https://exports.example.org/achievements/data-1",
            "title": "Data wrangling with Python",
            "description": "Clean data with Python and PostgreSQL; present it in dashboards.",
            "kind": "course",
            "issuer": {"name": "Example Academy", "url": "https://exports.example.org"},
            "url": "https://exports.example.org/data-1",
            "hours": 36.5,
            "cost": 420,
            "currency": "EUR",
            "level": "intermediate",
            "delivery_mode": "blended",
            "validity_months": 24,
            "skills": [{"uri": u} for u in ess[:3]],
        },
        {
            "external_id": "https://exports.example.org/achievements/no-url",
            "title": "Retired certification",
            "kind": "certification",
            "hours": 120,
            "cost": 99.5,
            "currency": "USD",
            "life_cycle_status": "ceased",
            "credit_value": 4,
            "credit_unit": "DegreeCredit",
            "occupations": ["http://data.europa.eu/esco/occupation/exports-test"],
            "skills": [{"uri": ess[4]}],
        },
        {
            "external_id": "=cmd|' /C calc'!A0",  # a title and id a spreadsheet would run
            "title": '=HYPERLINK("http://evil.example","click")',
            "kind": "badge",
            "hours": 2,
            "cost": 0,
            "skills": [{"uri": ess[3]}],
        },
    ]
    r = client.post("/v1/credentials", json=docs)
    assert r.status_code in (200, 201), r.text
    ids = [i["id"] for i in r.json()["items"]]
    return {"ids": ids, "occupation_id": oid, "essential": ess}


def _record(client, cid: int) -> dict:
    r = client.get(f"/v1/credentials/{cid}")
    assert r.status_code == 200, r.text
    return r.json()


def _content(rec: dict) -> dict:
    out = {k: rec[k] for k in SAME}
    out["skills"] = sorted(s["uri"] for s in rec["skills"])
    out["issuer"] = rec["issuer"]
    return out


def test_ob3_export_is_an_achievement_aligned_to_the_skills(client, exported):
    cid = exported["ids"][0]
    r = client.get(f"/v1/credentials/{cid}", params={"format": "ob3"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/ld+json")
    doc = r.json()
    assert doc["@context"] == OB3_CONTEXT and doc["type"] == ["Achievement"]
    assert detect_format(doc) == "ob3"
    rec = _record(client, cid)
    assert {a["targetUrl"] for a in doc["alignment"]} == {s["uri"] for s in rec["skills"]}
    assert set(exported["essential"][:3]) <= {a["targetUrl"] for a in doc["alignment"]}
    assert all(a["targetFramework"] in ("ESCO", "O*NET") for a in doc["alignment"])
    assert doc["achievementType"] == "Course" and doc["creator"]["name"] == "Example Academy"


@pytest.mark.parametrize("which", [0, 1])
@pytest.mark.parametrize("fmt", ["ob3", "ctdl"])
def test_an_exported_credential_ingests_back_unchanged(client, exported, fmt, which):
    cid = exported["ids"][which]
    before = _content(_record(client, cid))
    doc = client.get(f"/v1/credentials/{cid}", params={"format": fmt}).json()
    r = client.post("/v1/credentials", json=doc)
    assert r.status_code in (200, 201), r.text
    item = r.json()["items"][0]
    assert item["status"] in ("updated", "unchanged") and not item["errors"]
    assert item["external_id"] == before["external_id"]
    after = _record(client, cid)
    assert _content(after) == before
    assert after["source_format"] == fmt
    # the same export again is a no-op
    again = client.post("/v1/credentials", json=doc).json()["items"][0]
    assert again["status"] == "unchanged"


def test_ctdl_export_states_duration_cost_and_competencies(client, exported):
    doc = client.get(f"/v1/credentials/{exported['ids'][0]}", params={"format": "ctdl"}).json()
    assert doc["@type"] == "ceterms:Course" and detect_format(doc) == "ctdl"
    assert doc["ceterms:estimatedDuration"][0]["ceterms:exactDuration"] == "PT36.5H"
    assert doc["ceterms:estimatedCost"][0] | {} == {
        "@type": "ceterms:CostProfile", "ceterms:price": 420.0, "ceterms:currency": "EUR"
    }  # fmt: skip
    nodes = {t["ceterms:targetNode"] for t in doc["ceterms:teaches"]}
    assert set(exported["essential"][:3]) <= nodes


@pytest.mark.parametrize(
    ("accept", "wanted"),
    [
        ("application/vnd.openbadges.achievement+json", "ob3"),
        ("application/vnd.ctdl+json", "ctdl"),
        ('application/ld+json; profile="https://purl.imsglobal.org/spec/ob/v3p0"', "ob3"),
        ('application/ld+json;profile="https://credreg.net/ctdl/schema"', "ctdl"),
        ("application/json", "json"),
        ("*/*", "json"),
    ],
)
def test_accept_chooses_the_export(client, exported, accept, wanted):
    r = client.get(f"/v1/credentials/{exported['ids'][0]}", headers={"Accept": accept})
    assert r.status_code == 200
    body = r.json()
    got = "json" if "source_format" in body else detect_format(body)
    assert got == wanted


def test_format_wins_over_accept(client, exported):
    r = client.get(
        f"/v1/credentials/{exported['ids'][0]}",
        params={"format": "json"},
        headers={"Accept": "application/vnd.ctdl+json"},
    )
    assert "source_format" in r.json()


@pytest.mark.parametrize(
    ("params", "status", "field"),
    [
        ({"format": "pdf"}, 422, "query.format"),
        ({"format": ""}, 422, "query.format"),
        ({"format": ["ob3", "ctdl"]}, 422, "query.format"),
    ],
)
def test_bad_export_formats_name_the_field(client, exported, params, status, field):
    assert_error(client.get(f"/v1/credentials/{exported['ids'][0]}", params=params), status, field)


def test_an_unknown_credential_is_404_in_every_format(client):
    for fmt in ("ob3", "ctdl"):
        r = client.get("/v1/credentials/2147483647", params={"format": fmt})
        assert_error(r, 404, "credential_id")


def _plan_body(exported) -> dict:
    return {"target": {"occupation_id": exported["occupation_id"]}}


def _hours(value) -> str:
    return "" if value is None else str(value)


def test_plan_as_csv_has_one_row_per_step_and_no_formulas(client, exported):
    body = _plan_body(exported)
    plan = client.post("/v1/recommendations", json=body).json()["plan"]
    r = client.post("/v1/recommendations/export", json=body | {"format": "csv"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    steps = plan["steps"]
    assert steps, "the plan has steps to export"
    assert [row["external_id"].lstrip("'") for row in rows] == [
        s["credential"]["external_id"] for s in steps
    ]
    assert [row["hours"] for row in rows] == [_hours(s["credential"]["hours"]) for s in steps]
    assert all(not row[k].startswith(("=", "+", "@")) for row in rows for k in row)
    via_accept = client.post("/v1/recommendations", json=body, headers={"Accept": "text/csv"})
    assert via_accept.text == r.text


def test_plan_as_jsonld_lists_the_steps_in_order(client, exported):
    body = _plan_body(exported)
    plan = client.post("/v1/recommendations", json=body).json()["plan"]
    r = client.post("/v1/recommendations/export", json=body | {"format": "jsonld"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/ld+json")
    doc = r.json()
    assert doc["@type"] == "ItemList" and doc["numberOfItems"] == len(plan["steps"])
    assert [e["item"]["identifier"] for e in doc["itemListElement"]] == [
        s["credential"]["external_id"] for s in plan["steps"]
    ]
    assert [e["position"] for e in doc["itemListElement"]] == [s["order"] for s in plan["steps"]]
    accept = {"Accept": "application/ld+json"}
    assert client.post("/v1/recommendations", json=body, headers=accept).json() == doc


def test_plan_export_without_stated_hours_or_price():
    from service.recommend.plan_export import plan_csv, plan_jsonld

    cred = {"external_id": "x", "title": "T", "kind": "badge", "hours": None, "cost": None}
    answer = {"plan": {"steps": [{"order": 1, "credential": cred, "covers": []}]}}
    assert list(csv.DictReader(io.StringIO(plan_csv(answer))))[0]["hours"] == ""
    item = plan_jsonld(answer)["itemListElement"][0]["item"]
    assert "timeRequired" not in item and "offers" not in item


@pytest.mark.parametrize(
    ("body", "status", "field"),
    [
        ({"target": {"occupation_id": 2147483647}, "format": "csv"}, 404, "target.occupation_id"),
        ({"target": {"occupation_id": 1}, "format": "xlsx"}, 422, "body.format"),
        ({"target": {"occupation_id": 1}}, 422, "body.format"),
        ({"target": {"occupation_id": 1}, "format": None}, 422, "body.format"),
    ],
)
def test_plan_export_errors_stay_errors(client, body, status, field):
    assert_error(client.post("/v1/recommendations/export", json=body), status, field)


def test_plan_csv_cells_never_start_a_formula():
    from service.recommend.plan_export import plan_csv

    step = {
        "order": 1,
        "credential": {"external_id": "@SUM(A1)", "title": "=1+2", "kind": "badge",
                       "hours": 2.0, "cost": -0.0, "currency": None, "issuer": "+x"},
        "covers": [{"label": "-cmd"}],
        "reason": "gap",
        "explanation": "\tx",
    }  # fmt: skip
    rows = list(csv.reader(io.StringIO(plan_csv({"plan": {"steps": [step]}}))))
    assert rows[1][1:4] == ["'@SUM(A1)", "'=1+2", "badge"]
    assert rows[1][5] == "-0.0"  # a number stays a number
    assert rows[1][7:9] == ["'+x", "'-cmd"] and rows[1][10] == "'\tx"
