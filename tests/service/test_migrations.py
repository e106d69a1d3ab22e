"""Alembic migrations (service/migrations, service/migrate.py) on SQLite and PostgreSQL: the head
revision is exactly models/tables.py, every downgrade works, databases made by create_all before
there were migrations are adopted with their rows, `skillmatch db ...` works, and processes
starting together migrate once."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pprint import pformat

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Column, MetaData, String, inspect, text
from sqlmodel import Session, SQLModel

import models.tables  # noqa: F401  (registers the tables on SQLModel.metadata)
from service import migrate
from service.cli.main import main
from service.db import create_tables, make_engine
from tests.conftest import DB_PARAMS, PG_URL, _postgres_database

TABLES = set(SQLModel.metadata.tables)


@pytest.fixture(params=DB_PARAMS)
def db_url(request, tmp_path):
    """A fresh, empty database per test."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'm.db'}"
        return
    if not PG_URL:
        pytest.skip("PostgreSQL tests need SKILLMATCH_TEST_POSTGRES_URL (set by .ci/run)")
    yield from _postgres_database()


@pytest.fixture
def engine(db_url):
    e = make_engine(db_url)
    yield e
    e.dispose()


def schema_diff(engine, metadata: MetaData = SQLModel.metadata) -> list:
    """What autogenerate would write to bring the database to `metadata` ([] when equal)."""
    with engine.connect() as c:
        ctx = MigrationContext.configure(c, opts={"compare_type": True})
        return compare_metadata(ctx, metadata)


def revisions(engine) -> tuple[str, ...]:
    with engine.connect() as c:
        return migrate.current_revisions(c)


def our_tables(engine) -> set[str]:
    return TABLES & set(inspect(engine).get_table_names())


def drop_version_table(engine) -> None:
    """What a database made by create_all looks like: the tables, no alembic_version."""
    with engine.begin() as c:
        c.execute(text("DROP TABLE alembic_version"))


def count(engine, table: str) -> int:
    with engine.connect() as c:
        return c.execute(text(f"SELECT count(*) FROM {table}")).scalar()


# ------------------------------------------------------------------ (a), (e): head == models


def test_upgrade_head_on_an_empty_database_creates_the_models_schema(engine):
    create_tables(engine)
    assert revisions(engine) == migrate.head_revisions()
    assert our_tables(engine) == TABLES
    assert schema_diff(engine) == []
    if engine.dialect.name == "sqlite":  # the migration turned foreign keys off; back on now
        with engine.connect() as c:
            assert c.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_models_changed_without_a_migration_fail_here(engine):
    """Fails when models/tables.py changes and no migration follows: write one with
    `skillmatch db revision -m "..."`, review it, and commit it with the model change."""
    migrate.upgrade(engine, "head")
    diff = schema_diff(engine)
    assert not diff, (
        "models/tables.py differs from the schema the migrations build; add a migration: "
        f"{pformat(diff)}\n(skillmatch db revision -m '...' writes it into "
        "service/migrations/versions/)"
    )


def test_the_check_sees_a_model_change(engine):
    """The comparison above is not vacuous: a column added to a copy of the models shows."""
    migrate.upgrade(engine, "head")
    changed = MetaData()
    for table in SQLModel.metadata.sorted_tables:
        table.to_metadata(changed)
    changed.tables["skill"].append_column(Column("nickname", String(64)))
    diff = schema_diff(engine, changed)
    assert [(d[0], d[2], d[3].name) for d in diff] == [("add_column", "skill", "nickname")]


def test_a_database_at_head_is_checked_in_milliseconds(engine):
    create_tables(engine)
    t0 = time.perf_counter()
    for _ in range(20):
        create_tables(engine)
    assert (time.perf_counter() - t0) / 20 < 0.05


# ------------------------------------------------------------------ (b): downgrade


def test_downgrade_to_base_drops_everything_and_upgrade_again_works(engine):
    migrate.upgrade(engine, "head")
    migrate.downgrade(engine, "base")
    assert our_tables(engine) == set()
    assert revisions(engine) == ()
    migrate.upgrade(engine, "head")
    assert schema_diff(engine) == []


def test_every_revision_upgrades_and_downgrades_one_step_at_a_time(engine):
    script = migrate._script()
    chain = [r.revision for r in script.walk_revisions("base", "heads")][::-1]
    assert chain[0] == "0001"
    for rev in chain:
        migrate.upgrade(engine, rev)
        assert revisions(engine) == (rev,)
    assert schema_diff(engine) == []
    for rev in reversed(chain):
        migrate.downgrade(engine, "-1")
        assert revisions(engine) == (
            (script.get_revision(rev).down_revision,) if rev != "0001" else ()
        )
    assert our_tables(engine) == set()


# ------------------------------------------------------------------ (c): create_all databases


# columns that revisions after 0004 added to tables create_all made before migrations existed
LATER_COLUMNS = {
    "credential": ("life_cycle_status", "credit_value", "credit_unit", "occupation_uris"),
    "jobposting": ("occupation_code", "valid_through", "employment_type", "salary"),
    "occupation": ("regulated",),
}


def create_all_as_before_migrations(engine) -> None:
    """What `create_all` made before there were migrations: today's tables less the columns
    later revisions added to its tables (new tables are dropped by the adoption itself)."""
    SQLModel.metadata.create_all(engine)
    with engine.begin() as conn:
        conn.execute(text("DROP INDEX ix_jobposting_valid_through"))
        for table, columns in LATER_COLUMNS.items():
            for column in columns:
                conn.execute(text(f"ALTER TABLE {table} DROP COLUMN {column}"))


def test_a_database_made_by_create_all_is_stamped_and_works(engine):
    from service.employer.tenants import authenticate, create_key, create_tenant

    create_all_as_before_migrations(engine)
    with Session(engine) as s:
        tenant = create_tenant(s, "initech")
        _row, key = create_key(s, tenant.id, ["read"], name="before migrations")
    assert migrate.describe(engine).startswith("none: tables made before migrations")

    create_tables(engine)
    assert revisions(engine) == migrate.head_revisions()
    assert schema_diff(engine) == []
    with Session(engine) as s:
        assert authenticate(s, key).tenant_name == "initech"
        create_tenant(s, "globex")  # and writes work
    assert count(engine, "tenant") == 2
    # create_all left jobposting's tenant foreign key unnamed on SQLite: downgrading drops it
    migrate.downgrade(engine, "0001")
    assert "tenant_id" not in {c["name"] for c in inspect(engine).get_columns("jobposting")}
    migrate.upgrade(engine, "head")
    assert schema_diff(engine) == []


def test_a_database_from_before_employers_is_upgraded_keeping_its_rows(engine):
    """A database made before the tenants commit (as var/skillmatch.db of earlier runs): it
    matches revision 0001, which is stamped; 0002 adds the employer tables and
    jobposting.tenant_id. On SQLite that copies jobposting: the rows of postingskill, whose
    foreign key cascades deletes from jobposting, must survive."""
    migrate.upgrade(engine, "0001")
    drop_version_table(engine)
    with engine.begin() as c:
        c.execute(
            text(
                "INSERT INTO skill (id, uri, source, preferred_label, alt_labels, hidden_labels,"
                " description, skill_type, reuse_level, collections, hot) VALUES (1, 'u:s',"
                " 'esco', 'python', '[]', '[]', '', '', '', '[]', false)"
            )
        )
        c.execute(
            text(
                "INSERT INTO jobposting (id, external_id, title, description, source_format,"
                " content_hash, original) VALUES (7, 'p-7', 'dev', '', 'native', 'h', '')"
            )
        )
        c.execute(
            text(
                "INSERT INTO postingskill (posting_id, skill_id, source, evidence)"
                " VALUES (7, 1, 'explicit', '[]')"
            )
        )

    create_tables(engine)
    assert revisions(engine) == migrate.head_revisions()
    assert schema_diff(engine) == []
    assert count(engine, "postingskill") == 1
    with engine.connect() as c:
        assert c.execute(text("SELECT tenant_id FROM jobposting WHERE id = 7")).all() == [(None,)]


def test_empty_employer_tables_that_create_all_added_to_an_old_database_are_recreated(engine):
    """An old database that newer code started once: create_all added the employer tables but
    could not add jobposting.tenant_id. Empty, they are dropped and made by the migration."""
    migrate.upgrade(engine, "0001")
    drop_version_table(engine)
    SQLModel.metadata.create_all(engine)  # adds the missing tables only
    assert "tenant_id" not in {c["name"] for c in inspect(engine).get_columns("jobposting")}

    create_tables(engine)
    assert revisions(engine) == migrate.head_revisions()
    assert schema_diff(engine) == []


def test_a_schema_that_matches_no_revision_is_refused(engine):
    migrate.upgrade(engine, "0001")
    drop_version_table(engine)
    with engine.begin() as c:
        c.execute(text("DROP INDEX ix_credential_hours"))
        c.execute(text("ALTER TABLE credential DROP COLUMN hours"))
    with pytest.raises(migrate.SchemaError, match="credential lacks hours"):
        create_tables(engine)
    assert revisions(engine) == ()


def test_a_revision_this_code_does_not_know_is_refused(engine):
    migrate.upgrade(engine, "head")
    with engine.begin() as c:
        c.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(migrate.SchemaError, match="9999, which this version"):
        create_tables(engine)


# ------------------------------------------------------------------ (d): the CLI


def test_cli_db_upgrade_current_downgrade_stamp(db_url, monkeypatch, capsys):
    monkeypatch.setenv("SKILLMATCH_DATABASE_URL", db_url)
    head = migrate.head_revisions()[0]
    assert main(["db", "current"]) == 0
    assert capsys.readouterr().out.strip() == "none (empty database)"
    assert main(["db", "upgrade", "--revision", "0001"]) == 0
    assert capsys.readouterr().out.strip() == (
        f"database at 0001 (head is {head}: run `skillmatch db upgrade`)"
    )
    assert main(["db", "upgrade"]) == 0
    assert capsys.readouterr().out.strip() == f"database at {head} (head)"
    assert main(["db", "current"]) == 0
    assert capsys.readouterr().out.strip() == f"{head} (head)"
    assert main(["db", "downgrade", "base"]) == 0
    assert capsys.readouterr().out.strip() == "database at none (empty database)"
    engine = make_engine(db_url)
    try:
        assert our_tables(engine) == set()
        SQLModel.metadata.create_all(engine)
        assert main(["db", "stamp", head]) == 0  # an operator vouches for a hand-made schema
        assert revisions(engine) == (head,)
    finally:
        engine.dispose()
    assert main(["db", "history"]) == 0
    assert "<base> -> 0001" in capsys.readouterr().out


def test_cli_db_upgrade_reports_a_refused_database(tmp_path, monkeypatch, capsys):
    url = f"sqlite:///{tmp_path / 'odd.db'}"
    engine = make_engine(url)
    with engine.begin() as c:
        c.execute(text("CREATE TABLE skill (id INTEGER PRIMARY KEY)"))
    engine.dispose()
    monkeypatch.setenv("SKILLMATCH_DATABASE_URL", url)
    assert main(["db", "upgrade"]) == 1
    assert "matches no revision" in capsys.readouterr().err


def test_cli_db_upgrade_sql_prints_the_ddl(monkeypatch, capsys):
    monkeypatch.setenv("SKILLMATCH_DATABASE_URL", "postgresql+psycopg://nobody@nowhere/none")
    assert main(["db", "upgrade", "--sql"]) == 0
    out = capsys.readouterr().out
    assert "CREATE TABLE jobposting" in out and "UPDATE alembic_version" in out


@pytest.fixture
def migrations_copy(tmp_path, monkeypatch):
    """The migration scripts copied aside, so a test can write a revision."""
    import shutil

    folder = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, folder, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", folder)
    migrate._script.cache_clear()
    yield folder
    migrate._script.cache_clear()
    migrate._schema_at.cache_clear()


def test_cli_db_revision_writes_the_next_numbered_script(migrations_copy, monkeypatch, capsys):
    head = migrate.head_revisions()[0]
    assert main(["db", "revision", "-m", "nothing changed"]) == 0  # against a scratch database
    new = f"{int(head) + 1:04d}"
    (path,) = (migrations_copy / "versions").glob(f"{new}_*.py")
    assert path.name == f"{new}_nothing_changed.py"
    script = path.read_text()
    assert f'down_revision: str | Sequence[str] | None = "{head}"' in script
    upgrade = script.split("def upgrade() -> None:")[1].split("def downgrade")[0]
    assert "pass" in upgrade and "op." not in upgrade  # models == head: nothing to do
    assert migrate.head_revisions() == (new,)


# ------------------------------------------------------------------ concurrency


def test_processes_starting_together_migrate_once(db_url, tmp_path):
    """Two processes open an empty database at the same moment: one migrates, the other
    waits on the lock (PostgreSQL advisory lock, SQLite file lock) and finds it done."""
    code = textwrap.dedent(
        """
        import logging, sys, time
        from pathlib import Path
        from service.db import create_tables, make_engine
        url, folder, me, n = sys.argv[1], Path(sys.argv[2]), sys.argv[3], int(sys.argv[4])
        logging.basicConfig(level=logging.INFO, format="%(message)s")
        engine = make_engine(url)
        (folder / me).touch()
        while len(list(folder.iterdir())) < n:  # start together, imports done
            time.sleep(0.005)
        create_tables(engine)
        engine.dispose()
        """
    )
    barrier = tmp_path / "barrier"
    barrier.mkdir()
    n = 2
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", code, db_url, str(barrier), str(i), str(n)],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for i in range(n)
    ]
    outs = [p.communicate(timeout=120)[0] for p in procs]
    assert [p.returncode for p in procs] == [0] * n, "\n".join(outs)
    assert sum("Running upgrade  -> 0001" in o for o in outs) == 1, "\n".join(outs)
    engine = make_engine(db_url)
    try:
        assert revisions(engine) == migrate.head_revisions()
        assert schema_diff(engine) == []
    finally:
        engine.dispose()


def _revision_0006():
    import importlib.util

    path = migrate.MIGRATIONS_DIR / "versions" / "0006_regulated_occupations.py"
    spec = importlib.util.spec_from_file_location("rev_0006", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_0006_names_the_occupations_the_esco_file_marks_regulated():
    from service.taxonomy.load import is_regulated, read_csv_gz

    data = migrate.MIGRATIONS_DIR.parents[1] / "data" / "esco" / "occupations_en.csv.gz"
    marked = {
        r["conceptUri"] for r in read_csv_gz(data) if is_regulated(r["regulatedProfessionNote"])
    }
    assert len(marked) == 15
    assert set(_revision_0006().REGULATED) == marked


def test_0006_marks_the_regulated_occupations_of_an_older_database(engine):
    """A taxonomy loaded before 0006 is not loaded again: the upgrade marks its regulated
    occupations (by URI), and leaves the others unmarked."""
    nurse, cook = _revision_0006().REGULATED[8], "http://data.europa.eu/esco/occupation/x-cook"
    migrate.upgrade(engine, "0004")
    with engine.begin() as c:
        for i, uri in enumerate([nurse, cook], start=1):
            c.execute(
                text(
                    "INSERT INTO occupation (id, uri, source, preferred_label, alt_labels,"
                    " description, isco_code, code) VALUES (:i, :u, 'esco', :u, '[]', '', '', '')"
                ),
                {"i": i, "u": uri},
            )
    migrate.upgrade(engine)
    with engine.connect() as c:
        rows = dict(c.execute(text("SELECT uri, regulated FROM occupation")).all())
    assert rows == {nurse: True, cook: False}
    migrate.downgrade(engine, "0004")
    assert "regulated" not in {c["name"] for c in inspect(engine).get_columns("occupation")}
