"""A page of credentials or postings: by relevance to a query (the kind's vector index, within the
rows that pass the filters), else by id. The queries are in service/repo/records.py."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlmodel import Session

from service.repo import records as repo
from service.repo.records import Filters, decode_cursor, encode_cursor

if TYPE_CHECKING:
    from service.runtime import Runtime


def search_records(
    runtime: Runtime,
    session: Session,
    *,
    kind: str,
    q: str | None,
    filters: Filters,
    limit: int,
    cursor: str | None,
) -> tuple[list[tuple[Any, float | None]], str | None]:
    """One page of (row, score) and the next cursor: semantic when `q` is given, else by id."""
    position = decode_cursor(cursor)  # q: an offset in the ranking; else the last id seen
    if not q:
        rows = repo.rows_after(session, kind=kind, after=position, limit=limit + 1, filters=filters)
        nxt = encode_cursor(rows[limit - 1].id) if len(rows) > limit else None
        return [(r, None) for r in rows[:limit]], nxt
    offset = position
    index = runtime.credentials if kind == "credential" else runtime.postings
    if offset >= len(index):
        return [], None
    allowed = None
    if filters.active() or kind == "posting":
        allowed = repo.filtered_ids(session, kind=kind, filters=filters)
    hits = index.search(q, k=min(offset + limit + 1, len(index)), allowed=allowed)
    page = hits[offset : offset + limit]
    rows = repo.rows_by_id(session, kind=kind, ids=[i for i, _ in page])
    items = [(rows[i], s) for i, s in page if i in rows]
    nxt = encode_cursor(offset + limit) if len(hits) > offset + limit else None
    return items, nxt
