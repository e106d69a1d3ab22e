"""Record indexes pick their type by size (auto) and switch when a rebuild crosses the line."""

from __future__ import annotations

import json

import numpy as np
import pytest
from sqlmodel import Session

from indexing.ann.manifest import manifest_path
from indexing.encoder import FakeEncoder
from models.tables import Vector
from service.vectors.record_index import RecordIndex


@pytest.fixture
def engine(scratch_engine):
    return scratch_engine


def _items(start, n):
    return [(i, f"credential {i} teaches python sql skill{i % 7} topic{i % 13}") for i in
            range(start, start + n)]  # fmt: skip


def _rindex(engine, path, **kw):
    kw = {"index_type": "auto", "auto_threshold": 40} | kw
    return RecordIndex("credential", engine, FakeEncoder(dim=32), path, **kw)


def _saved_type(path):
    return json.loads(manifest_path(path).read_text())["index_type"]


def test_auto_switches_to_ivf_past_the_threshold_and_back(engine, tmp_path):
    path = tmp_path / "c.faiss"
    r = _rindex(engine, path)
    assert r.open(lambda: []) == "rebuilt" and r.index.index_type == "flat"
    r.store_vectors(_items(1, 30))
    assert r.index.index_type == "flat" and len(r) == 30
    r.store_vectors(_items(31, 15))  # 45 >= 40: rebuilt from the database as IVF
    assert r.index.index_type == "ivf" and len(r) == 45 and _saved_type(path) == "ivf"
    hits = r.search("credential 33 teaches python sql skill5 topic7", k=3)
    assert hits[0][0] == 33
    # a fresh worker loads the saved IVF (its type still fits the count)
    again = _rindex(engine, path)
    assert again.open(lambda: []) == "loaded" and again.index.index_type == "ivf"
    # hysteresis: under the threshold but above half of it, still IVF
    with Session(engine) as s:
        for i in range(1, 16):
            s.delete(s.get(Vector, ("credential", i, r.encoder.model_id)))
        s.commit()
    r.remove(list(range(1, 16)))
    assert len(r) == 30 and r.index.index_type == "ivf"
    with Session(engine) as s:
        for i in range(16, 31):
            s.delete(s.get(Vector, ("credential", i, r.encoder.model_id)))
        s.commit()
    r.remove(list(range(16, 31)))  # 15 < 20: back to flat
    assert len(r) == 15 and r.index.index_type == "flat" and _saved_type(path) == "flat"


def test_a_saved_index_of_another_type_is_refused_and_rebuilt(engine, tmp_path):
    path = tmp_path / "c.faiss"
    r = _rindex(engine, path, index_type="flat")
    r.open(lambda: [])
    r.store_vectors(_items(1, 50))
    r.save()
    assert _saved_type(path) == "flat"
    # the setting now says auto (50 >= 40: ivf): the flat file is refused, IVF rebuilt
    auto = _rindex(engine, path)
    assert auto.open(lambda: []) == "rebuilt" and auto.index.index_type == "ivf"
    hnsw = _rindex(engine, path, index_type="hnsw")
    assert hnsw.open(lambda: []) == "rebuilt" and hnsw.index.index_type == "hnsw"
    assert _saved_type(path) == "hnsw"
    np.testing.assert_array_equal(np.sort(hnsw.index.ids), np.arange(1, 51))


@pytest.mark.parametrize("index_type", ["flat", "ivf", "hnsw"])
def test_filtered_record_search_with_every_type(engine, tmp_path, index_type):
    r = _rindex(engine, tmp_path / "c.faiss", index_type=index_type)
    r.open(lambda: [])
    r.store_vectors(_items(1, 60))
    allowed = list(range(2, 61, 3))
    hits = r.search("credential 8 teaches python sql skill1 topic8", k=5, allowed=allowed)
    assert hits[0][0] == 8 and {i for i, _ in hits} <= set(allowed)


def test_ivf_is_retrained_when_the_collection_grows(engine, tmp_path):
    r = _rindex(engine, tmp_path / "c.faiss", index_type="ivf")
    r.open(lambda: [])
    r.store_vectors(_items(1, 45))
    first = r.index.nlist
    r.store_vectors(_items(46, 20))  # 65 vectors: the same lists
    assert r.index.nlist == first
    r.store_vectors(_items(66, 340))  # 405: lists for 4x the data, retrained from the database
    assert r.index.nlist > first and len(r) == 405


def test_settings_reach_the_index_parameters(engine, tmp_path):
    import faiss

    from service.config import Settings
    from service.vectors.record_index import index_settings

    opts = index_settings(
        Settings(index_type="hnsw", index_hnsw_ef_construction=77, index_hnsw_ef_search=99)
    )
    r = RecordIndex("credential", engine, FakeEncoder(dim=32), tmp_path / "c.faiss", **opts)
    r.open(lambda: [])
    r.store_vectors(_items(1, 5))
    hnsw = faiss.downcast_index(r.index._index.index).hnsw
    assert r.index.index_type == "hnsw"
    assert (hnsw.efConstruction, hnsw.efSearch) == (77, 99)


def test_auto_compresses_past_the_compress_threshold_and_a_worker_maps_it(engine, tmp_path):
    path = tmp_path / "c.faiss"
    opts = {"index_options": {"train_min": 100, "pq_m": 8, "spill_dir": str(tmp_path)}}
    r = _rindex(engine, path, compress_threshold=120, **opts)
    r.open(lambda: [])
    r.store_vectors(_items(1, 100))
    assert r.index.index_type == "ivf"
    r.store_vectors(_items(101, 30))  # 130 >= 120: rebuilt from the database, compressed
    assert r.index.index_type == "ivfpq" and r.index.trained and _saved_type(path) == "ivfpq"
    assert r.search("credential 117 teaches python sql skill5 topic0", k=3)[0][0] == 117
    again = _rindex(engine, path, compress_threshold=120, **opts)
    assert again.open(lambda: []) == "loaded" and again.index.index_type == "ivfpq"
    assert isinstance(again.index._store._base, np.memmap) and len(again) == 130


def test_a_memory_budget_compresses_a_collection_under_the_size_threshold(engine, tmp_path):
    # 32-d fake vectors held whole take 136 bytes; 60 of them pass a budget of 8,000 bytes
    r = _rindex(engine, tmp_path / "c.faiss", memory_budget_mb=0, index_options={"train_min": 50})
    r.memory_budget = 8_000  # (the setting is in MiB; the rule is in bytes)
    r.open(lambda: [])
    r.store_vectors(_items(1, 50))
    assert r.index.index_type == "ivf"
    r.store_vectors(_items(51, 10))
    assert r.index.index_type == "ivfpq" and len(r) == 60


@pytest.mark.parametrize(
    "bad",
    [
        {"index_type": "pq"},
        {"index_pq_m": 0},
        {"index_pq_rerank": 0},
        {"index_pq_rerank": 10**6},
        {"index_compress_threshold": -1},
        {"index_memory_budget_mb": -5},
    ],
)
def test_compressed_index_settings_refuse_bad_values(bad):
    from pydantic import ValidationError

    from service.config import Settings

    with pytest.raises(ValidationError) as exc:
        Settings(**bad)
    assert next(iter(bad)) in str(exc.value)
