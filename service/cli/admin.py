"""`skillmatch tenants ...` and `skillmatch keys ...`: employers and their API keys; `skillmatch
db ...` (service/cli/db.py): schema migrations. These need the database only (no model), so
they are instant. Their answers are JSON on stdout (for `jq` and scripts); words meant for a
person go to stderr."""

from __future__ import annotations

import json
import sys

from service.config import Settings

STORE_IT = "Store the key now: it is shown once and kept only as a hash."


def _session(settings: Settings):
    from sqlmodel import Session

    from service.db import create_tables, make_engine

    engine = make_engine(settings.database_url)
    create_tables(engine)
    return Session(engine)


def cmd_tenant_create(args, settings: Settings) -> int:
    from service.employer.tenants import create_key, create_tenant

    with _session(settings) as s:
        tenant = create_tenant(s, args.name)
        out = {"tenant": {"id": tenant.id, "name": tenant.name}}
        if args.scopes:
            row, key = create_key(s, tenant.id, args.scopes.split(","), name="first key")
            out["key"] = {"id": row.id, "scopes": row.scopes, "key": key}
    print(json.dumps(out, indent=2))
    if "key" in out:
        print(STORE_IT, file=sys.stderr)
    return 0


def cmd_tenant_list(args, settings: Settings) -> int:
    from sqlalchemy import select

    from models.tables import ApiKey, Tenant

    out = []
    with _session(settings) as s:
        for t in s.execute(select(Tenant).order_by(Tenant.id)).scalars():
            keys = s.execute(select(ApiKey).where(ApiKey.tenant_id == t.id)).scalars().all()
            shown = [
                {"id": k.id, "prefix": k.prefix, "scopes": k.scopes, "revoked": bool(k.revoked)}
                for k in keys
            ]
            out.append({"id": t.id, "name": t.name, "keys": shown})
    print(json.dumps(out, indent=2))
    return 0


def cmd_key_create(args, settings: Settings) -> int:
    from service.employer.tenants import create_key, find_tenant

    with _session(settings) as s:
        tenant = find_tenant(s, args.tenant)
        row, key = create_key(s, tenant.id, args.scopes.split(","), name=args.label or "")
        print(json.dumps({"id": row.id, "tenant": tenant.name, "scopes": row.scopes, "key": key}))
    print(STORE_IT, file=sys.stderr)
    return 0


def cmd_key_revoke(args, settings: Settings) -> int:
    from service.employer.tenants import revoke_key

    with _session(settings) as s:
        revoke_key(s, args.key_id)
    print(json.dumps({"id": args.key_id, "revoked": True}))
    print(f"key {args.key_id} revoked", file=sys.stderr)
    return 0


def add_admin_commands(sub) -> None:
    t = sub.add_parser("tenants", help="employers (tenants)").add_subparsers(
        dest="what", required=True
    )
    s = t.add_parser("create", help="create a tenant (and a first key with --scopes)")
    s.add_argument("name")
    s.add_argument("--scopes", default="read,write", help="first key's scopes ('' for none)")
    s.set_defaults(func=cmd_tenant_create)
    s = t.add_parser("list", help="tenants and their keys (prefixes only)")
    s.set_defaults(func=cmd_tenant_list)
    k = sub.add_parser("keys", help="API keys").add_subparsers(dest="what", required=True)
    s = k.add_parser("create", help="a new key for a tenant, shown once")
    s.add_argument("tenant", help="tenant id or name")
    s.add_argument("--scopes", default="read", help="comma-separated: read, write, admin")
    s.add_argument("--label", default="")
    s.set_defaults(func=cmd_key_create)
    s = k.add_parser("revoke", help="revoke a key by id")
    s.add_argument("key_id", type=int)
    s.set_defaults(func=cmd_key_revoke)

    from service.cli.db import add_db_commands

    add_db_commands(sub)  # `skillmatch db upgrade|downgrade|current|stamp|history|revision`
