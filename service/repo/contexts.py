"""JSON-LD context documents in the database (table JsonldContext), by URL."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime

from sqlalchemy import select
from sqlmodel import Session

from models.tables import JsonldContext


def digest(document: dict) -> str:
    return hashlib.sha256(json.dumps(document, sort_keys=True).encode()).hexdigest()


def all_contexts(session: Session) -> dict[str, dict]:
    rows = session.execute(select(JsonldContext.url, JsonldContext.document)).all()
    return dict(tuple(row) for row in rows)


def context_rows(session: Session) -> list[JsonldContext]:
    return list(session.execute(select(JsonldContext).order_by(JsonldContext.url)).scalars())


def contexts_stamp(session: Session) -> tuple[int, str]:
    """Changes whenever a context is added, replaced or removed: (count, digest of digests)."""
    rows = session.execute(select(JsonldContext.url, JsonldContext.sha256)).all()
    joined = "".join(f"{u} {d}\n" for u, d in sorted(rows))
    return len(rows), hashlib.sha256(joined.encode()).hexdigest()


def put_context(session: Session, *, url: str, document: dict) -> str:
    """Store (or replace) one context; 'created', 'updated' or 'unchanged'. No commit."""
    sha = digest(document)
    row = session.get(JsonldContext, url)
    if row is None:
        session.add(JsonldContext(url=url, document=document, sha256=sha))
        return "created"
    if row.sha256 == sha:
        return "unchanged"
    row.document, row.sha256, row.imported_at = document, sha, datetime.now(UTC)
    session.add(row)
    return "updated"


def delete_context(session: Session, *, url: str) -> bool:
    row = session.get(JsonldContext, url)
    if row is None:
        return False
    session.delete(row)
    return True
