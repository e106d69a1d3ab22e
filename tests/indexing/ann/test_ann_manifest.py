"""Saved index files and their manifests: checksums, torn writes, atomic saves, absent files."""

from __future__ import annotations

import json

import numpy as np
import pytest

from indexing.ann.factory import load_index, new_index
from indexing.ann.manifest import IndexMismatchError
from indexing.encoder import normalize_rows


def _data(n=500, d=32, seed=0):
    rng = np.random.default_rng(seed)
    return normalize_rows(rng.normal(size=(n, d))), rng.choice(10**12, size=n, replace=False)


def test_load_refuses_file_that_disagrees_with_manifest(tmp_path):
    vecs, ids = _data(10)
    a = new_index(32, model_id="m")
    a.add(ids, vecs)
    a.save(tmp_path / "a.faiss")
    b = new_index(32, model_id="m")
    b.add(ids[:5], vecs[:5])
    b.save(tmp_path / "b.faiss")
    (tmp_path / "a.faiss").write_bytes((tmp_path / "b.faiss").read_bytes())  # manifest says 10
    with pytest.raises(IndexMismatchError, match="checksum"):
        load_index(tmp_path / "a.faiss", model_id="m", dim=32)
    # a manifest from before checksums: the count check still refuses the pair
    m = tmp_path / "a.faiss.manifest.json"
    m.write_text(json.dumps(json.loads(m.read_text()) | {"sha256": ""}))
    with pytest.raises(IndexMismatchError, match="file holds"):
        load_index(tmp_path / "a.faiss", model_id="m", dim=32)


def test_torn_index_file_is_never_loaded(tmp_path):
    vecs, ids = _data(10)
    a = new_index(32, model_id="m")
    a.add(ids, vecs)
    a.save(tmp_path / "a.faiss")
    data = (tmp_path / "a.faiss").read_bytes()
    (tmp_path / "a.faiss").write_bytes(data[: len(data) // 2])  # a write cut short
    with pytest.raises(IndexMismatchError, match="checksum"):
        load_index(tmp_path / "a.faiss", model_id="m", dim=32)
    flipped = bytearray(data)
    flipped[-5] ^= 0xFF  # same length, one byte changed
    (tmp_path / "a.faiss").write_bytes(bytes(flipped))
    with pytest.raises(IndexMismatchError, match="checksum"):
        load_index(tmp_path / "a.faiss", model_id="m", dim=32)


def test_save_is_atomic_when_write_fails(tmp_path, monkeypatch):
    vecs, ids = _data(10)
    idx = new_index(32, model_id="m")
    idx.add(ids, vecs)
    path = tmp_path / "x.faiss"
    idx.save(path)
    before = path.read_bytes()
    idx.add(_data(5, seed=4)[1] + 10**13, _data(5, seed=4)[0])

    def boom(*_a, **_k):
        raise OSError("disk full")

    monkeypatch.setattr("indexing.ann.manifest.os.replace", boom)
    with pytest.raises(OSError):
        idx.save(path)
    assert path.read_bytes() == before
    assert not list(tmp_path.glob(".x.faiss.*"))


def test_missing_index_is_file_not_found(tmp_path):
    with pytest.raises(FileNotFoundError):
        load_index(tmp_path / "nope.faiss", model_id="m", dim=4)
