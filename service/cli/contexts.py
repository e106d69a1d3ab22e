"""`skillmatch contexts import DIR | list | delete URL`: the JSON-LD contexts that Data Integrity
proofs (eddsa-rdfc-2022, ecdsa-rdfc-2019) need, stored in the database (the source of truth
every worker reads; service/profiles/contexts.py). JSON on stdout, messages on stderr. Needs
the database only."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from service.config import Settings


def _engine(settings: Settings):
    from service.db import create_tables, make_engine

    engine = make_engine(settings.database_url)
    create_tables(engine)
    return engine


def cmd_contexts_import(args, settings: Settings) -> int:
    from service.errors import InvalidInput
    from service.profiles.contexts import import_folder

    try:
        done = import_folder(_engine(settings), Path(args.folder))
    except InvalidInput as exc:
        print(f"nothing imported: {exc.message}", file=sys.stderr)
        return 2
    print(json.dumps(done, indent=2))
    counts = ", ".join(f"{len(v)} {k}" for k, v in done.items())
    print(f"JSON-LD contexts: {counts}; running servers see them within seconds", file=sys.stderr)
    return 0


def cmd_contexts_list(args, settings: Settings) -> int:
    from sqlmodel import Session

    from service.repo.contexts import context_rows

    with Session(_engine(settings)) as s:
        rows = [
            {"url": r.url, "sha256": r.sha256, "imported_at": r.imported_at.isoformat()}
            for r in context_rows(s)
        ]
    print(json.dumps(rows, indent=2))
    return 0


def cmd_contexts_delete(args, settings: Settings) -> int:
    from sqlmodel import Session

    from service.repo.contexts import delete_context

    with Session(_engine(settings)) as s:
        found = delete_context(s, url=args.url)
        s.commit()
    print(json.dumps({"url": args.url, "deleted": found}))
    if not found:
        print(f"no context stored for {args.url}", file=sys.stderr)
    return 0 if found else 1


def add_contexts_commands(sub) -> None:
    c = sub.add_parser("contexts", help="JSON-LD contexts for RDFC badge proofs (database)")
    csub = c.add_subparsers(dest="what", required=True)
    s = csub.add_parser(
        "import", help="store the contexts of a folder (index.json: URL -> file name)"
    )
    s.add_argument("folder")
    s.set_defaults(func=cmd_contexts_import)
    s = csub.add_parser("list", help="the stored contexts (JSON)")
    s.set_defaults(func=cmd_contexts_list)
    s = csub.add_parser("delete", help="remove one stored context")
    s.add_argument("url")
    s.set_defaults(func=cmd_contexts_delete)
