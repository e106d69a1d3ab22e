"""Engine and sessions. SQLite runs in WAL mode; any SQLAlchemy URL works (PostgreSQL too)."""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import event, text
from sqlalchemy.engine import Engine
from sqlmodel import Session, create_engine

import models.tables  # noqa: F401  (registers the tables on SQLModel.metadata)

log = logging.getLogger("skillmatch")


def make_engine(url: str, *, echo: bool = False) -> Engine:
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1] if "///" in url else ""
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, echo=echo, connect_args={"check_same_thread": False})

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn, _record):  # noqa: ANN001
            cur = dbapi_conn.cursor()
            if path and path != ":memory:":
                _wal(cur)
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.close()

        return engine
    engine = create_engine(url, echo=echo, pool_pre_ping=True)
    event.listen(engine, "before_cursor_execute", _without_nul, retval=True)
    return engine


def _strip_nul(value: object) -> object:
    if isinstance(value, str) and "\x00" in value:
        return value.replace("\x00", "")
    if isinstance(value, dict):
        return {k: _strip_nul(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(_strip_nul(v) for v in value)
    return value


def _without_nul(_conn, _cursor, statement, parameters, _context, _executemany):  # noqa: ANN001
    """PostgreSQL text cannot hold NUL (U+0000), and psycopg refuses to send it: a NUL in a name,
    a title or a query would be a 500. No text here means anything by it, so it is dropped from
    every string parameter (JSON columns are serialized already, where NUL is an escape)."""
    return statement, _strip_nul(parameters)


def zero_deleted_content(session: Session) -> None:
    """SQLite: what this session's connection deletes from now on is overwritten with zeros,
    in the pages and in the freed ones (`secure_delete`), not merely unlinked. Call before
    erasing personal data, then `checkpoint_wal`. (The setting stays on that pooled connection:
    it only costs some writes.) Other databases: nothing here (PostgreSQL's VACUUM reclaims)."""
    if session.get_bind().dialect.name == "sqlite":
        session.execute(text("PRAGMA secure_delete=ON"))


def checkpoint_wal(engine: Engine) -> None:
    """SQLite: write the write-ahead log into the database file and truncate it, so the
    pages that held deleted data (the log keeps old copies of pages until a checkpoint) leave
    the disk now, not minutes later. Waits for readers up to the busy timeout; if they do not
    finish, the next automatic checkpoint completes the work (logged)."""
    if engine.dialect.name != "sqlite":
        return
    with engine.connect() as conn:
        busy, _log, _done = conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").one()
    if busy:
        log.warning("the WAL checkpoint after an erasure was blocked by readers")


def create_tables(engine: Engine) -> None:
    """Bring the schema to the newest migration (service/migrations): milliseconds when it is
    there; a database made by create_all before there were migrations is adopted."""
    from service.migrate import ensure_schema

    ensure_schema(engine)


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    with Session(engine) as session:
        yield session


def _wal(cur) -> None:  # noqa: ANN001
    """WAL mode; two processes opening a new file at once may find it locked for a moment (the
    switch takes the file's write lock): retry for a few seconds rather than fail the start."""
    for attempt in range(50):
        try:
            cur.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or attempt == 49:
                raise
            time.sleep(0.1)
