"""/openapi.json is a contract with every integrator: a change to it must be deliberate.

The schema of the app on default settings is compared byte for byte with the snapshot in
tests/fixtures/openapi.json. After a deliberate change to the API, regenerate it with
`SKILLMATCH_UPDATE_OPENAPI=1 .venv/bin/python -m pytest tests/api/test_openapi_snapshot.py`
and review the diff like code."""

from __future__ import annotations

import os
from pathlib import Path

from fastapi.testclient import TestClient

from service.api.app import create_app
from service.config import Settings

SNAPSHOT = Path(__file__).resolve().parents[1] / "fixtures" / "openapi.json"


def served_schema(tmp_path: Path) -> bytes:
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'unused.db'}", progress=False)
    app = create_app(settings, runtime=None)  # no lifespan: the schema needs no runtime
    answer = TestClient(app).get("/openapi.json")
    assert answer.status_code == 200
    return answer.content


def test_openapi_json_is_byte_identical_to_the_snapshot(tmp_path):
    served = served_schema(tmp_path)
    if os.environ.get("SKILLMATCH_UPDATE_OPENAPI") == "1":
        SNAPSHOT.write_bytes(served)
    assert SNAPSHOT.exists(), "no snapshot: run with SKILLMATCH_UPDATE_OPENAPI=1 once"
    assert served == SNAPSHOT.read_bytes(), (
        "/openapi.json changed; if deliberate, regenerate tests/fixtures/openapi.json "
        "(SKILLMATCH_UPDATE_OPENAPI=1) and review the diff"
    )


def test_the_snapshot_differs_when_the_api_changes(tmp_path):
    """The comparison can fail: one added route changes the bytes."""
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'unused.db'}", progress=False)
    app = create_app(settings, runtime=None)
    app.get("/v1/a-route-added-by-mistake")(lambda: {})
    app.openapi_schema = None
    assert TestClient(app).get("/openapi.json").content != SNAPSHOT.read_bytes()
