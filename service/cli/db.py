"""`skillmatch db ...`: schema migrations (Alembic, scripts in service/migrations/) on the
database of SKILLMATCH_DATABASE_URL. The service upgrades on start too; these are for operators
(upgrade ahead of a deploy, look, roll back) and for developers (write a new migration)."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from service.config import Settings


def _engine(url: str):
    from service.db import make_engine

    return make_engine(url)


def _run(fn) -> int:
    from service.migrate import SchemaError

    try:
        fn()
    except SchemaError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


def cmd_db_upgrade(args, settings: Settings) -> int:
    from service import migrate

    if args.sql:
        migrate.upgrade_sql(settings.database_url, args.revision)
        return 0
    engine = _engine(settings.database_url)
    try:
        rc = _run(lambda: migrate.upgrade(engine, args.revision))
        if rc == 0:
            print(f"database at {migrate.describe(engine)}")
        return rc
    finally:
        engine.dispose()


def cmd_db_downgrade(args, settings: Settings) -> int:
    from service import migrate

    engine = _engine(settings.database_url)
    try:
        rc = _run(lambda: migrate.downgrade(engine, args.revision))
        if rc == 0:
            print(f"database at {migrate.describe(engine)}")
        return rc
    finally:
        engine.dispose()


def cmd_db_current(args, settings: Settings) -> int:
    from service import migrate

    engine = _engine(settings.database_url)
    try:
        print(migrate.describe(engine))
    finally:
        engine.dispose()
    return 0


def cmd_db_stamp(args, settings: Settings) -> int:
    from service import migrate

    engine = _engine(settings.database_url)
    try:
        migrate.stamp(engine, args.revision)
        print(f"database at {migrate.describe(engine)}")
    finally:
        engine.dispose()
    return 0


def cmd_db_history(args, settings: Settings) -> int:
    from service import migrate

    migrate.history()
    return 0


def cmd_db_revision(args, settings: Settings) -> int:
    """Autogenerate against a scratch SQLite database at head (or --against URL, at head)."""
    from service import migrate

    with tempfile.TemporaryDirectory(prefix="skillmatch-revision-") as tmp:
        url = args.against or f"sqlite:///{Path(tmp) / 'scratch.db'}"
        engine = _engine(url)
        try:
            if not args.against:
                migrate.upgrade(engine, "head")
            path = migrate.revision(engine, args.message, autogenerate=not args.empty)
        finally:
            engine.dispose()
    print(f"wrote {path}: review it, then run the tests (tests/service/test_migrations.py)")
    return 0


def cmd_db_prune_changes(args, settings: Settings) -> int:
    from service.vectors.record_index import prune_changes

    engine = _engine(settings.database_url)
    try:
        gone = prune_changes(engine, keep_s=args.keep_hours * 3600)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    finally:
        engine.dispose()
    print(f"pruned index changes older than {args.keep_hours:g} h: {gone or 'none'}")
    return 0


def add_db_commands(sub) -> None:
    d = sub.add_parser("db", help="schema migrations (Alembic)").add_subparsers(
        dest="what", required=True
    )
    s = d.add_parser("upgrade", help="migrate to a revision (adopts a pre-migration database)")
    s.add_argument("--revision", default="head")
    s.add_argument("--sql", action="store_true", help="print the SQL from an empty database")
    s.set_defaults(func=cmd_db_upgrade)
    s = d.add_parser("downgrade", help="migrate back to a revision ('base': drop everything)")
    s.add_argument("revision", help="e.g. 0001, -1 or base")
    s.set_defaults(func=cmd_db_downgrade)
    s = d.add_parser("current", help="the database's revision and the head")
    s.set_defaults(func=cmd_db_current)
    s = d.add_parser("stamp", help="record a revision without running migrations (after a fix)")
    s.add_argument("revision")
    s.set_defaults(func=cmd_db_stamp)
    s = d.add_parser("history", help="the migrations, newest first")
    s.set_defaults(func=cmd_db_history)
    s = d.add_parser("revision", help="write a new migration from the changes in models/tables.py")
    s.add_argument("-m", "--message", required=True)
    s.add_argument("--empty", action="store_true", help="a blank script (data migrations)")
    s.add_argument(
        "--against", metavar="URL", help="diff against this database (at head), not a scratch one"
    )
    s.set_defaults(func=cmd_db_revision)
    s = d.add_parser(
        "prune-changes", help="delete old index_change rows (workers behind them rebuild)"
    )
    s.add_argument("--keep-hours", type=float, default=24.0)
    s.set_defaults(func=cmd_db_prune_changes)
