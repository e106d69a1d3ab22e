"""The index_change log is pruned, and a worker behind pruned changes still converges: it finds
the prune's marker on its next sync and rebuilds from the stored vectors."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select, update
from sqlmodel import Session

from indexing.encoder import FakeEncoder
from models.tables import IndexChange, Vector
from service.vectors.record_index import PRUNED, RecordIndex, prune_changes


@pytest.fixture
def engine(scratch_engine):
    return scratch_engine


def _worker(engine, path) -> RecordIndex:
    r = RecordIndex("credential", engine, FakeEncoder(dim=32), path, index_type="flat")
    r.open(lambda: [])
    return r


def _items(ids):
    return [(i, f"credential {i} teaches python sql topic{i % 5}") for i in ids]


def _age_all_changes(engine, hours: float) -> None:
    then = dt.datetime.now(dt.UTC) - dt.timedelta(hours=hours)
    with Session(engine) as s:
        s.execute(update(IndexChange).values(at=then))
        s.commit()


def _count(engine, **where) -> int:
    with Session(engine) as s:
        q = select(func.count()).select_from(IndexChange)
        for k, v in where.items():
            q = q.where(getattr(IndexChange, k) == v)
        return s.execute(q).scalar_one()


def test_prune_keeps_recent_and_newest_rows_and_leaves_a_marker(engine, tmp_path):
    a = _worker(engine, tmp_path / "a.faiss")
    a.store_vectors(_items(range(1, 11)))
    a.store_vectors(_items(range(11, 14)))
    _age_all_changes(engine, hours=48)
    a.store_vectors(_items([14]))  # recent: kept
    with pytest.raises(ValueError):
        prune_changes(engine, keep_s=60)  # shorter than the replay look-back allows
    assert prune_changes(engine, keep_s=24 * 3600) == {"credential": 13}
    assert _count(engine, op="upsert") == 1 and _count(engine, op=PRUNED) == 1
    assert prune_changes(engine, keep_s=24 * 3600) == {}  # nothing old left
    # the newest row of a kind always stays, even when old
    _age_all_changes(engine, hours=48)
    prune_changes(engine, keep_s=24 * 3600)
    with Session(engine) as s:
        newest = s.execute(select(func.max(IndexChange.id))).scalar_one()
        assert s.get(IndexChange, newest) is not None
    assert _count(engine) >= 1


def test_a_worker_behind_pruned_changes_rebuilds_and_one_up_to_date_replays(engine, tmp_path):
    a = _worker(engine, tmp_path / "a.faiss")
    b = _worker(engine, tmp_path / "b.faiss")
    c = _worker(engine, tmp_path / "c.faiss")
    a.store_vectors(_items(range(1, 21)))
    assert c.sync(force=True) and len(c) == 20  # c is up to date before the prune
    with Session(engine) as s:  # a deletes 5 records (as the pipeline does: rows + changes)
        for i in range(1, 6):
            s.delete(s.get(Vector, ("credential", i, a.encoder.model_id)))
        s.commit()
    a.remove(list(range(1, 6)))
    from service.vectors.record_index import change_rows

    with Session(engine) as s:
        s.execute(IndexChange.__table__.insert(), change_rows("credential", range(1, 6), "delete"))
        s.commit()
    a.store_vectors(_items([21]))
    _age_all_changes(engine, hours=48)
    a.store_vectors(_items([22]))
    gone = prune_changes(engine, keep_s=3600)
    assert gone["credential"] >= 25  # the 20 upserts, 5 deletes and 21: b never saw them
    # b's replay log is gone: it must not keep its stale view (20 old + missing 21, 22)
    assert b.sync(force=True)
    assert sorted(b.index.ids.tolist()) == list(range(6, 23))
    # c had seen the first 20 but not the deletes: it is behind the marker too, and rebuilds
    assert c.sync(force=True)
    assert sorted(c.index.ids.tolist()) == list(range(6, 23))
    # a worker that is past the marker replays normally and is not rebuilt again
    built = b.index
    a.store_vectors(_items([23]))
    assert b.sync(force=True) and b.index is built and 23 in b.index.ids.tolist()
    assert not b.sync(force=True)


def test_workers_prune_hourly_and_operators_from_the_cli(engine, tmp_path, capsys):
    from types import SimpleNamespace

    from service.cli.db import cmd_db_prune_changes
    from service.config import Settings
    from service.runtime import PRUNE_EVERY_S, Runtime

    a = _worker(engine, tmp_path / "a.faiss")
    a.store_vectors(_items(range(1, 6)))
    a.store_vectors(_items([6]))
    _age_all_changes(engine, hours=48)
    rt = SimpleNamespace(
        settings=Settings(index_change_keep_s=24 * 3600), engine=engine, _last_prune=float("-inf")
    )
    Runtime._prune(rt, now=1000.0)
    assert _count(engine, op=PRUNED) == 1 and _count(engine, op="upsert") == 1
    a.store_vectors(_items([7]))
    a.store_vectors(_items([8]))
    _age_all_changes(engine, hours=48)
    Runtime._prune(rt, now=1000.0 + PRUNE_EVERY_S / 2)  # within the hour: nothing
    assert _count(engine, op="upsert") == 3
    rt.settings = Settings(index_change_keep_s=0)  # 0: never
    Runtime._prune(rt, now=1000.0 + 2 * PRUNE_EVERY_S)
    assert _count(engine, op="upsert") == 3

    url = engine.url.render_as_string(hide_password=False)
    args = SimpleNamespace(keep_hours=24.0)
    assert cmd_db_prune_changes(args, Settings(database_url=url)) == 0
    assert _count(engine, op="upsert") == 1
    assert "pruned index changes older than 24 h" in capsys.readouterr().out
    assert cmd_db_prune_changes(SimpleNamespace(keep_hours=0.01), Settings(database_url=url)) == 1
