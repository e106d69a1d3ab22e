"""Shared fixtures: a mini data folder, databases (SQLite always; PostgreSQL when
SKILLMATCH_TEST_POSTGRES_URL is set, as in CI), and a runtime on the deterministic FakeEncoder."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest

from indexing.encoder import FakeEncoder
from tests.utils.mini_data import make_mini_data

SHARED = Path(os.environ.get("SKILLMATCH_SHARED", Path(__file__).resolve().parents[2] / "shared"))
PG_URL = os.environ.get("SKILLMATCH_TEST_POSTGRES_URL", "")


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    return SHARED


@pytest.fixture(scope="session")
def mini_data_dir(tmp_path_factory) -> Path:
    return make_mini_data(tmp_path_factory.mktemp("mini-data"))


def _postgres_database():
    """Create a throwaway database on the PostgreSQL server; yield its URL; drop it after."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"skillmatch_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as c:
            c.execute(
                text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :n"),
                {"n": name},
            )
            c.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        admin.dispose()


DB_PARAMS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@pytest.fixture(scope="session", params=DB_PARAMS)
def database_url(request, tmp_path_factory):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.db'}"
        return
    if not PG_URL:
        pytest.skip("PostgreSQL tests need SKILLMATCH_TEST_POSTGRES_URL (set by .ci/run)")
    yield from _postgres_database()


@pytest.fixture
def scratch_engine(tmp_path):
    """An empty SQLite database of this test alone, with every table (create_all)."""
    from sqlmodel import SQLModel

    from service.db import make_engine

    engine = make_engine(f"sqlite:///{tmp_path / 'scratch.db'}")
    SQLModel.metadata.create_all(engine)
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def settings(database_url, mini_data_dir, tmp_path_factory):
    from service.config import Settings

    return Settings(
        database_url=database_url,
        data_dir=mini_data_dir,
        index_dir=tmp_path_factory.mktemp("indexes"),
        progress=False,
        load_default_data=False,
        rate_limit_per_minute=0,  # hundreds of requests share one client; see test_limits.py
    )


@pytest.fixture(scope="session")
def runtime(settings):
    from service.runtime import build_runtime

    rt = build_runtime(settings, encoder=FakeEncoder(dim=64))
    yield rt
    rt.engine.dispose()


@pytest.fixture(scope="session")
def admin_key(runtime) -> str:
    """A key of the operator tenant, allowed to write the shared catalog and public postings."""
    from sqlmodel import Session

    from service.employer.tenants import create_key, create_tenant

    with Session(runtime.engine) as s:
        tenant = create_tenant(s, "operator")
        _row, key = create_key(s, tenant.id, ["admin"], name="tests")
    return key


@pytest.fixture(scope="session")
def app(settings, runtime):
    from service.api.app import create_app

    return create_app(settings, runtime=runtime)


@pytest.fixture(scope="session")
def client(app, admin_key):
    """A client carrying the operator's admin key (the shared catalog needs it to write)."""
    from fastapi.testclient import TestClient

    with TestClient(app, headers={"Authorization": f"Bearer {admin_key}"}) as c:
        yield c


@pytest.fixture(scope="session")
def anon(app):
    """A client without a key: reads the public data, cannot write."""
    from fastapi.testclient import TestClient

    with TestClient(app) as c:
        yield c


# where `skillmatch init` keeps the real model's data; SKILLMATCH_TEST_REAL_VAR points elsewhere
# (a folder without them makes the tests build their own, as in CI)
VAR = Path(
    os.environ.get("SKILLMATCH_TEST_REAL_VAR") or Path(__file__).resolve().parents[1] / "var"
)


@pytest.fixture(scope="session")
def real_runtime(tmp_path_factory):
    """The real model on the full default data, for the slow tests that judge answers: the
    database and indexes of `skillmatch init` in var/ when they are there (a developer's
    machine), else built now in a temporary folder as `skillmatch init` builds them (the
    shipped vectors make that about two minutes on 2 cores; CI's path)."""
    from service.cli.main import init_runtime
    from service.config import Settings

    os.environ["HF_HUB_OFFLINE"] = "1"
    if (VAR / "skillmatch.db").is_file() and (VAR / "indexes").is_dir():
        db, idx = VAR / "skillmatch.db", VAR / "indexes"
    else:
        root = tmp_path_factory.mktemp("real")
        db, idx = root / "skillmatch.db", root / "indexes"
    settings = Settings(database_url=f"sqlite:///{db}", index_dir=idx, progress=False)
    rt = init_runtime(settings)
    yield rt
    rt.engine.dispose()
