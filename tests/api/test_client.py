"""Item 9 of issue 19: the typed client (`service.client`) end to end against live servers: one
uvicorn server in this process on the session's app (real HTTP on a socket), and one
`skillmatch serve` process with the hashing encoder `fake:384` (slow). Errors come back as
ApiError with the problem details, read from the old envelope and from RFC 9457 alike."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time

import httpx
import pytest
import uvicorn

from service.client import ApiError, Client, items
from tests.utils.queries import essential_skills


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def live(app, admin_key):
    """The session's app served over a real socket by uvicorn, in a thread."""
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, port=port, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    end = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < end, "the live server did not start"
        time.sleep(0.05)
    with Client(base, api_key=admin_key) as api, Client(base) as anon:
        yield api, anon
    server.should_exit = True
    thread.join(10)


def test_the_client_walks_the_api_end_to_end(live, runtime):
    api, anon = live
    assert api.health() == {"status": "ok"} and api.ready()["status"] == "ready"
    assert api.about()["model"] == runtime.encoder.model_id
    pg = api.search_skills("PostgreSQL", limit=3)[0]
    assert api.skill(pg["id"]) == api.skill_by_uri(pg["uri"])
    assert "PostgreSQL" in {s["preferred_label"] for s in api.extract("PostgreSQL")["skills"]}
    assert len(api.extract_many(["PostgreSQL", "Docker"])) == 2
    oid, ess = essential_skills(runtime.engine, "data scientist")
    occ = api.occupation(oid)
    assert api.occupation_by_uri(occ["uri"])["id"] == oid
    doc = {"external_id": "client:e2e", "title": "Client course", "kind": "course", "hours": 6}
    doc |= {"cost": 60, "currency": "EUR", "skills": [{"uri": u} for u in ess[:3]]}
    got = api.ingest_credentials([doc])["items"][0]
    assert got["status"] in ("created", "updated", "unchanged")
    cid = items(api.search_credentials(external_id="client:e2e"))[0]["id"]
    assert api.credential(cid)["title"] == "Client course"
    assert api.credential(cid, format="ob3")["type"] == ["Achievement"]
    assert {s["uri"] for s in api.credential_skills(cid)} >= set(ess[:3])
    learner = {"credential_refs": ["client:e2e"]}
    gap = api.gap(target={"occupation_id": oid}, learner=learner)
    assert gap["gap"]["counts"]["covered"] >= 3
    plan = api.recommendations(target={"occupation_id": oid}, learner={"text": "SQL"})
    csv_text = api.plan_export("csv", target={"occupation_id": oid}, learner={"text": "SQL"})
    assert (
        csv_text.startswith("order,external_id")
        and csv_text.count("\r\n") == len(plan["plan"]["steps"]) + 1
    )
    api.delete_credential(cid)
    with pytest.raises(ApiError) as gone:
        api.credential(cid)
    assert (gone.value.status, gone.value.field) == (404, "credential_id")


def test_errors_carry_status_field_and_detail(live):
    api, anon = live
    with pytest.raises(ApiError) as err:
        api.skill_by_uri("http://data.europa.eu/esco/skill/none")
    assert (err.value.status, err.value.field) == (404, "uri") and "no skill" in err.value.detail
    assert err.value.request_id
    with pytest.raises(ApiError) as err:
        api.search_skills("PostgreSQL", limit=1000)
    assert (err.value.status, err.value.field) == (422, "query.limit")
    with pytest.raises(ApiError) as err:
        anon.ingest_credentials([{"external_id": "x", "title": "x"}])
    assert err.value.status == 401
    with pytest.raises(ApiError) as err:
        api.extract_many([])
    assert (err.value.status, err.value.field) == (422, "body.texts")


def _answer(status: int, body, content_type: str) -> Client:
    def handler(_request: httpx.Request) -> httpx.Response:
        raw = body if isinstance(body, bytes) else json.dumps(body).encode()
        return httpx.Response(status, content=raw, headers={"content-type": content_type})

    return Client("http://api.test", transport=httpx.MockTransport(handler))


def test_rfc9457_problem_details_are_read():
    problem = {
        "type": "https://skillmatch.example/problems/invalid-input",
        "title": "Invalid input",
        "status": 422,
        "detail": "query.limit: Input should be less than or equal to 100",
        "instance": "/v1/skills",
        "code": "invalid_input",
        "field": "query.limit",
        "errors": [{"field": "query.limit", "message": "too big"}],
    }
    with pytest.raises(ApiError) as err:
        _answer(422, problem, "application/problem+json").search_skills("x")
    e = err.value
    assert (e.status, e.code, e.field, e.title) == (
        422,
        "invalid_input",
        "query.limit",
        "Invalid input",
    )
    assert e.detail == problem["detail"] and e.type == problem["type"] and len(e.errors) == 1


def test_the_old_envelope_is_read():
    old = {"error": {"message": "no skill with id 9", "field": "skill_id"}, "detail": "no skill"}
    with pytest.raises(ApiError) as err:
        _answer(404, old, "application/json").skill(9)
    assert (err.value.status, err.value.field, err.value.detail) == (
        404,
        "skill_id",
        "no skill with id 9",
    )
    assert err.value.code is None


@pytest.mark.parametrize("body", [b"", b"<html>bad gateway</html>", b"[1, 2]", b"null"])
def test_an_error_that_is_not_problem_json_still_raises(body):
    with pytest.raises(ApiError) as err:
        _answer(502, body, "text/html").health()
    assert err.value.status == 502 and err.value.field is None


def test_items_reads_both_list_shapes():
    assert items([1, 2]) == [1, 2]
    assert items({"items": [3], "next_cursor": None, "total": 1}) == [3]
    with pytest.raises(TypeError):
        items({"error": {}})


# ------------------------------------------------------------- a `skillmatch serve` process


@pytest.mark.slow
def test_the_client_against_a_serve_process(tmp_path, mini_data_dir):
    env = {k: v for k, v in os.environ.items() if not k.startswith("SKILLMATCH_")}
    env.update(
        SKILLMATCH_DATABASE_URL=f"sqlite:///{tmp_path / 'client.db'}",
        SKILLMATCH_DATA_DIR=str(mini_data_dir),
        SKILLMATCH_INDEX_DIR=str(tmp_path / "indexes"),
        SKILLMATCH_MODEL="fake:384",
        SKILLMATCH_LOAD_DEFAULT_DATA="false",
        SKILLMATCH_PROGRESS="false",
        HF_HUB_OFFLINE="1",
    )
    cli = [sys.executable, "-m", "service.cli.main"]
    made = subprocess.run(
        [*cli, "tenants", "create", "client-e2e", "--scopes", "admin"],
        env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    key = json.loads(made.stdout.split("\nStore")[0])["key"]["key"]
    port = _free_port()
    log = open(tmp_path / "serve.log", "wb")  # noqa: SIM115
    proc = subprocess.Popen(
        [*cli, "serve", "--init", "--port", str(port)], env=env, stdout=log, stderr=log
    )
    try:
        with Client(f"http://127.0.0.1:{port}", api_key=key) as api:
            end = time.monotonic() + 300
            while True:
                assert proc.poll() is None, (tmp_path / "serve.log").read_text()[-2000:]
                try:
                    if api.ready()["status"] == "ready":
                        break
                except (httpx.HTTPError, ApiError):
                    assert time.monotonic() < end, "the server did not get ready"
                    time.sleep(0.5)
            assert api.about()["dim"] == 384
            doc = {"external_id": "serve:1", "title": "PostgreSQL for analysts", "hours": 4}
            doc |= {"description": "PostgreSQL and SQL queries.", "kind": "course"}
            assert api.ingest_credentials([doc])["items"][0]["status"] == "created"
            hits = items(api.search_credentials("PostgreSQL"))
            assert hits[0]["external_id"] == "serve:1"
            with pytest.raises(ApiError) as err:
                api.occupation(2_000_000_000)
            assert (err.value.status, err.value.field) == (404, "occupation_id")
    finally:
        proc.terminate()
        proc.wait(30)
        log.close()
