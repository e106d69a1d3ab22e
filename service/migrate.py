"""Schema migrations with Alembic, configured in code (no alembic.ini).

The scripts live in `service/migrations/` (env.py, script.py.mako, versions/). `ensure_schema`
is what the service and the CLI call on start: a database at the head revision costs one small
query; an empty one is upgraded to head; one made by `SQLModel.metadata.create_all` before there
were migrations is recognised, stamped at the revision its schema matches, then upgraded.

Only one process migrates at a time: PostgreSQL holds an advisory lock, SQLite a file lock
beside the database file (`<db>.migrate-lock`). Alembic itself is imported lazily: importing
this module is cheap.
"""

from __future__ import annotations

import functools
import logging
import os
import shutil
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection, Engine

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger("skillmatch")
logging.getLogger("alembic.runtime.plugins").setLevel(logging.WARNING)  # a line per plugin

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# The schemas `create_all` produced before there were migrations, newest first: a database
# without an alembic_version table whose tables match one of these is stamped at it. Never add
# later revisions: from here on every database is stamped when it is created.
CREATE_ALL_REVISIONS = ("0003", "0002", "0001")
_PG_LOCK_KEY = 0x736B696C6C6D6174  # "skillmat": pg_advisory_lock key of the migration
# Alembic's `context` and `op` are module-level proxies: one migration per process at a time.
_PROCESS_LOCK = threading.RLock()


class SchemaError(RuntimeError):
    """The database cannot be brought to the schema this code expects without a person."""


def alembic_config(
    url: str | None = None, *, connection: Connection | None = None, stdout=None
) -> Config:
    """An Alembic configuration for the package's migrations; no file needed."""
    from alembic.config import Config

    cfg = Config(stdout=stdout or sys.stdout)
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("path_separator", "os")
    cfg.set_main_option("file_template", "%%(rev)s_%%(slug)s")
    cfg.set_main_option("truncate_slug_length", "40")
    if url:
        cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


@functools.cache
def _script():
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


def head_revisions() -> tuple[str, ...]:
    return tuple(sorted(_script().get_heads()))


def current_revisions(conn: Connection) -> tuple[str, ...]:
    """The revisions stamped in the database; () when it has no alembic_version table."""
    if not inspect(conn).has_table("alembic_version"):
        return ()
    rows = conn.execute(text("SELECT version_num FROM alembic_version")).scalars()
    return tuple(sorted(rows))


def is_current(engine: Engine) -> bool:
    with engine.connect() as conn:
        return current_revisions(conn) == head_revisions()


def ensure_schema(engine: Engine) -> None:
    """Bring the database to the head revision (milliseconds when it is there already)."""
    if is_current(engine):
        return
    upgrade(engine, "head")


def upgrade(engine: Engine, revision: str = "head") -> None:
    """`alembic upgrade`, after adopting a database made by create_all, under the lock."""
    from alembic import command

    with migration_connection(engine) as conn:
        current = current_revisions(conn)
        conn.commit()
        if revision == "head" and current == head_revisions():
            return  # another process did it while this one waited for the lock
        _check_known(current)
        if not current and (matched := _adopt_create_all_schema(conn)):
            _run(conn, command.stamp, matched)
        _run(conn, command.upgrade, revision)


def downgrade(engine: Engine, revision: str) -> None:
    from alembic import command

    with migration_connection(engine) as conn:
        _check_known(current_revisions(conn))
        conn.commit()
        _run(conn, command.downgrade, revision)


def stamp(engine: Engine, revision: str) -> None:
    """Record `revision` as the database's without running anything (after a manual fix)."""
    from alembic import command

    with migration_connection(engine) as conn:
        _run(conn, command.stamp, revision, purge=True)


def describe(engine: Engine) -> str:
    """One line for `skillmatch db current`."""
    heads = head_revisions()
    with engine.connect() as conn:
        current = current_revisions(conn)
        ours = _our_tables(conn)
    head = ", ".join(heads)
    if current == heads:
        return f"{head} (head)"
    if current:
        unknown = [r for r in current if not _known(r)]
        if unknown:
            return f"{', '.join(current)} (unknown to this code; head is {head})"
        return f"{', '.join(current)} (head is {head}: run `skillmatch db upgrade`)"
    if ours:
        return "none: tables made before migrations (`skillmatch db upgrade` adopts them)"
    return "none (empty database)"


def revision(engine: Engine, message: str, *, autogenerate: bool = True) -> str:
    """Write a new migration script (autogenerated against `engine`, which must be at head);
    returns its path. Revision ids are sequential: 0001, 0002, ..."""
    from alembic import command

    _script.cache_clear()
    numbers = [int(r.revision) for r in _script().walk_revisions() if r.revision.isdigit()]
    rev_id = f"{max(numbers, default=0) + 1:04d}"
    with migration_connection(engine) as conn:
        cfg = alembic_config(connection=conn)
        ruff = shutil.which("ruff") or shutil.which("ruff", path=str(Path(sys.executable).parent))
        if ruff:  # format the new script as the rest of the code
            cfg.set_section_option("post_write_hooks", "hooks", "ruff_format")
            cfg.set_section_option("post_write_hooks", "ruff_format.type", "exec")
            cfg.set_section_option("post_write_hooks", "ruff_format.executable", ruff)
            cfg.set_section_option(
                "post_write_hooks", "ruff_format.options", "format REVISION_SCRIPT_FILENAME"
            )
        with _PROCESS_LOCK:
            script = command.revision(cfg, message, autogenerate=autogenerate, rev_id=rev_id)
    _script.cache_clear()
    return script.path


def history(stdout=None) -> None:
    from alembic import command

    command.history(alembic_config(stdout=stdout), verbose=False)


def upgrade_sql(url: str, revision: str = "head", stdout=None) -> None:
    """Print the SQL of an upgrade from an empty database instead of running it (for a DBA)."""
    from alembic import command

    command.upgrade(alembic_config(url, stdout=stdout), revision, sql=True)


# ------------------------------------------------------------------ internals


def _run(conn: Connection, fn, *args, **kwargs) -> None:
    """Run an Alembic command on `conn`, which holds no open transaction."""
    with _PROCESS_LOCK:
        fn(alembic_config(connection=conn), *args, **kwargs)
    conn.commit()


def _known(rev: str) -> bool:
    from alembic.util import CommandError

    try:
        return _script().get_revision(rev) is not None
    except CommandError:
        return False


def _check_known(current: tuple[str, ...]) -> None:
    unknown = [r for r in current if not _known(r)]
    if unknown:
        raise SchemaError(
            f"the database is at revision {', '.join(unknown)}, which this version of skillmatch "
            "does not know (a newer version migrated it): run the newer version, or downgrade "
            "the database with it first"
        )


@contextmanager
def migration_connection(engine: Engine) -> Iterator[Connection]:
    """A connection holding the migration lock. On SQLite foreign keys are off meanwhile: the
    copy-and-rename of batch operations must not cascade deletes into other tables."""
    with _PROCESS_LOCK, engine.connect() as conn:
        dialect = conn.dialect.name
        if dialect == "postgresql":
            conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": _PG_LOCK_KEY})
            conn.commit()
            try:
                yield conn
            finally:
                conn.rollback()
                conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": _PG_LOCK_KEY})
                conn.commit()
        elif dialect == "sqlite":
            with _file_lock(engine.url.database):
                conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
                conn.commit()
                try:
                    yield conn
                finally:
                    conn.rollback()
                    conn.exec_driver_sql("PRAGMA foreign_keys=ON")
                    on = conn.exec_driver_sql("PRAGMA foreign_keys").scalar()
                    conn.commit()
                    if on != 1:  # never hand a connection without foreign keys to the pool
                        conn.invalidate()
        else:
            yield conn


@contextmanager
def _file_lock(database: str | None) -> Iterator[None]:
    if not database or database == ":memory:" or database.startswith("file:"):
        yield  # in-memory: no other process can see it
        return
    try:
        import fcntl
    except ImportError:  # not POSIX: migrations are not serialised across processes
        yield
        return
    path = Path(database).with_name(Path(database).name + ".migrate-lock")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def _our_tables(conn: Connection) -> set[str]:
    from sqlmodel import SQLModel

    import models.tables  # noqa: F401

    return set(SQLModel.metadata.tables) & set(inspect(conn).get_table_names())


@functools.cache
def _schema_at(rev: str) -> dict[str, frozenset[str]]:
    """Tables and their columns as revision `rev` makes them (built in an in-memory SQLite)."""
    from alembic import command
    from sqlalchemy import create_engine

    engine = create_engine("sqlite://")
    try:
        with engine.connect() as conn:
            _run(conn, command.upgrade, rev)
            insp = inspect(conn)
            return {
                t: frozenset(c["name"] for c in insp.get_columns(t))
                for t in insp.get_table_names()
                if t != "alembic_version"
            }
    finally:
        engine.dispose()


def _adopt_create_all_schema(conn: Connection) -> str | None:
    """For a database without alembic_version: None when it has none of our tables (a fresh
    database); else the revision whose schema its tables match (tables `create_all` added for
    later revisions are dropped when empty, since the upgrade recreates them)."""
    ours = _our_tables(conn)
    if not ours:
        return None
    insp = inspect(conn)
    have = {t: frozenset(c["name"] for c in insp.get_columns(t)) for t in ours}
    problems: dict[str, list[str]] = {}
    for rev in CREATE_ALL_REVISIONS:
        if not _known(rev):
            continue
        want = _schema_at(rev)
        diff = _schema_diff(want, have)
        if diff:
            problems[rev] = diff
            continue
        later = sorted(ours - set(want))
        nonempty = [t for t in later if conn.execute(text(f'SELECT 1 FROM "{t}" LIMIT 1')).first()]
        conn.rollback()
        if nonempty:
            problems[rev] = [f"tables {', '.join(nonempty)} of a later revision hold rows"]
            continue
        if later:
            from sqlmodel import SQLModel

            tables = [SQLModel.metadata.tables[t] for t in later]
            SQLModel.metadata.drop_all(conn, tables=tables)
            conn.commit()
            log.warning("dropped empty tables %s to recreate them by migration", ", ".join(later))
        log.info("database made before migrations matches revision %s: stamping it", rev)
        return rev
    lines = "; ".join(f"revision {r}: {', '.join(d)}" for r, d in problems.items())
    raise SchemaError(
        "the database has skillmatch tables but no alembic_version, and its schema matches no "
        f"revision that create_all made ({lines}). Fix it by hand and run "
        "`skillmatch db stamp REVISION`, or start from an empty database."
    )


def _schema_diff(want: dict[str, frozenset[str]], have: dict[str, frozenset[str]]) -> list[str]:
    out = []
    for table, columns in sorted(want.items()):
        if table not in have:
            out.append(f"no table {table}")
            continue
        if missing := sorted(columns - have[table]):
            out.append(f"{table} lacks {', '.join(missing)}")
        if extra := sorted(have[table] - columns):
            out.append(f"{table} has extra {', '.join(extra)}")
    return out
