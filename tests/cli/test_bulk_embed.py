"""Bulk embedding in shards: disjoint, complete, resumable, and logged for the serving workers."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlmodel import Session

from indexing.encoder import FakeEncoder
from models.tables import Credential, IndexChange, Vector
from service.cli.embed import embed_missing, parse_shard


def test_parse_shard():
    assert parse_shard("1/4") == (1, 4)
    for bad in ("4/4", "-1/2", "x"):
        with pytest.raises(ValueError):
            parse_shard(bad)


def test_two_shards_embed_every_record_once(settings, runtime):
    from service.ingest.pipeline import Ingestor

    docs = [{"external_id": f"bulk:{i}", "kind": "course", "title": f"Bulk course {i}",
             "description": "Docker and Kubernetes in production.", "hours": 4}
            for i in range(6)]  # fmt: skip
    Ingestor(runtime, "credential").ingest(docs, "native")
    other = FakeEncoder(dim=16, model_id="fake/bulk-16")
    with Session(runtime.engine) as s:
        n_records = s.execute(select(func.count()).select_from(Credential)).scalar_one()
        changes_before = s.execute(select(func.max(IndexChange.id))).scalar_one() or 0
    kw = {"encoder": other, "engine": runtime.engine, "batch": 4}
    a = embed_missing(settings, "credential", shard=(0, 2), **kw)
    b = embed_missing(settings, "credential", shard=(1, 2), **kw)
    assert a["embedded"] + b["embedded"] == n_records and a["embedded"] and b["embedded"]
    with Session(runtime.engine) as s:
        rows = s.execute(
            select(Vector.ref_id, Vector.dim).where(Vector.model_id == "fake/bulk-16")
        ).all()
        logged = s.execute(select(IndexChange.ref_id).where(IndexChange.id > changes_before)).all()
    assert len(rows) == n_records == len({r for r, _ in rows}) and {d for _, d in rows} == {16}
    assert {r for (r,) in logged} == {r for r, _ in rows}
    assert embed_missing(settings, "credential", shard=(0, 1), **kw)["embedded"] == 0
