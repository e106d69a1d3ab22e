"""Every ingest format goes through POST; the real Open Badges and CTDL documents parse."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[1] / "ingest" / "fixtures"


def _post(client, kind: str, path: Path, **kw):
    r = client.post(f"/v1/{kind}", **kw)
    assert r.status_code in (200, 201), (path.name, r.text)
    return r.json()


@pytest.mark.parametrize(
    ("name", "fmt", "title"),
    [
        ("ob2_badgeclass.json", "ob2", "Data Analysis with Python"),
        ("ob2_assertion_embedded.json", "ob2", None),
        ("ob3_achievement.json", "ob3", "Certified Spreadsheet Analyst"),
        ("ob3_credential.json", "ob3", None),
        ("ctdl_certification.json", "ctdl", None),
        ("ctdl_graph.json", "ctdl", None),
    ],
)
def test_credential_json_formats_detected_and_stored(client, name, fmt, title):
    doc = json.loads((FIXTURES / name).read_text())
    body = _post(client, "credentials", FIXTURES / name, json=doc)
    created = [i for i in body["items"] if i["status"] in ("created", "updated", "unchanged")]
    assert created and not [i for i in body["items"] if i["status"] == "error"]
    got = client.get(f"/v1/credentials/{created[0]['id']}").json()
    assert got["source_format"] == fmt and got["original"]  # kept verbatim
    if title:
        assert got["title"] == title
    # the format can also be named explicitly
    again = _post(client, "credentials", FIXTURES / name, json=doc, params={"format": fmt})
    assert {i["status"] for i in again["items"]} == {"unchanged"}


def test_credentials_csv_and_jsonl(client):
    csv_text = (FIXTURES / "credentials.csv").read_text()
    body = _post(
        client,
        "credentials",
        FIXTURES / "credentials.csv",
        content=csv_text,
        headers={"content-type": "text/csv"},
    )
    assert body["summary"]["created"] >= 1
    ok = next(i for i in body["items"] if i["external_id"] == "py-101")
    got = client.get(f"/v1/credentials/{ok['id']}").json()
    assert got["title"] == "Python Basics" and got["hours"] == 40 and got["currency"] == "EUR"
    assert got["source_format"] == "csv"
    jsonl = (FIXTURES / "credentials.jsonl").read_text()
    body = _post(
        client,
        "credentials",
        FIXTURES / "credentials.jsonl",
        content=jsonl,
        headers={"content-type": "application/x-ndjson"},
    )
    assert body["summary"]["total"] == len([ln for ln in jsonl.splitlines() if ln.strip()])
    assert body["summary"]["created"] >= 1


def test_postings_schema_org_and_csv(client):
    for name in ("schema_org_jobposting.json", "schema_org_graph.json"):
        doc = json.loads((FIXTURES / name).read_text())
        body = _post(client, "postings", FIXTURES / name, json=doc)
        assert body["items"][0]["status"] in ("created", "unchanged"), body
        got = client.get(f"/v1/postings/{body['items'][0]['id']}").json()
        assert got["source_format"] == "schema_org" and got["title"]
    graph = client.get("/v1/postings", params={"q": "Backend Developer"}).json()["items"]
    assert any(
        p["title"] == "Backend Developer" and p["employer"] == "BrightPath Health" for p in graph
    )
    csv_text = (FIXTURES / "postings.csv").read_text()
    body = _post(
        client,
        "postings",
        FIXTURES / "postings.csv",
        content=csv_text,
        headers={"content-type": "text/csv"},
    )
    by_id = {i["external_id"]: i for i in body["items"] if i["external_id"]}
    p1 = client.get(f"/v1/postings/{by_id['p-1']['id']}").json()
    assert p1["occupation"]["preferred_label"] == "data scientist"
    assert any(s["relation"] == "essential" for s in p1["skills"])


def test_a_credential_posted_as_a_posting_is_a_clear_error(client):
    doc = json.loads((FIXTURES / "ob2_badgeclass.json").read_text())
    r = client.post("/v1/postings", json=doc)
    assert r.status_code == 422 and r.json()["field"] == "$"


def _reference_docs(shared_dir: Path) -> list[Path]:
    ob = sorted((shared_dir / "reference" / "openbadges" / "json").glob("*.json"))
    ctdl = sorted((shared_dir / "reference" / "ctdl").rglob("*.json"))
    return ob + ctdl


def test_reference_open_badges_and_ctdl_documents_go_through_post(client, shared_dir):
    from service.ingest.parsers import ParseError, parse_credential

    docs = _reference_docs(shared_dir)
    if not docs:
        pytest.skip(f"reference documents absent: {shared_dir / 'reference'}")
    stored = 0
    for path in docs:
        doc = json.loads(path.read_text())
        try:
            expected = len(parse_credential(doc))
        except ParseError:
            expected = 0
        r = client.post("/v1/credentials", json=doc)
        if expected == 0:
            assert r.status_code == 422 and r.json()["field"], path.name
            continue
        assert r.status_code in (200, 201), (path.name, r.text)
        items = r.json()["items"]
        assert len(items) == expected and all(i["status"] != "error" for i in items), path.name
        stored += 1
    assert stored >= 15  # 19 of the reference documents are credentials
