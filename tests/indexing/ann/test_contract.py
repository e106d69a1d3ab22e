"""The search contract (indexing.ann.contract), run against every backend the factory knows and
checked against a brute-force numpy reference: search, filters, remove, replace, vectors, save
and load with their manifest, empty indexes and k beyond the count."""

from __future__ import annotations

import json

import numpy as np
import pytest

from indexing.ann.contract import VectorIndex
from indexing.ann.factory import BACKENDS, INDEX_TYPES, load_index, new_index
from indexing.ann.manifest import IndexMismatchError, manifest_path, read_manifest
from indexing.encoder import normalize_rows

# search settings under which an approximate backend looks at (nearly) everything
# (ivfpq: codes trained from 300 vectors on, so the compressed path is what is tested)
EXHAUSTIVE = {
    "flat": {},
    "ivf": {"nprobe": 10_000},
    "hnsw": {"ef_search": 400},
    "ivfpq": {"nprobe": 10_000, "rerank": 50, "train_min": 300},
}
MIN_RECALL = {"flat": 1.0, "ivf": 1.0, "hnsw": 0.98, "ivfpq": 0.98}

pytestmark = pytest.mark.parametrize("index_type", INDEX_TYPES)


def _data(n=600, d=32, seed=0):
    rng = np.random.default_rng(seed)
    return normalize_rows(rng.normal(size=(n, d))), rng.choice(10**12, size=n, replace=False)


def _brute(vecs, ids, q, k):
    sims = q @ vecs.T
    order = np.argsort(-sims, axis=1, kind="stable")[:, :k]
    return np.take_along_axis(sims, order, 1), ids[order]


def _recall(got, ref):
    return np.mean([len(set(a) & set(b) - {-1}) / len(b) for a, b in zip(got, ref, strict=True)])


def _index(index_type, dim=32, **kw) -> VectorIndex:
    return new_index(dim, model_id="m", index_type=index_type, **(EXHAUSTIVE[index_type] | kw))


def _filled(index_type, n=600, **kw):
    vecs, ids = _data(n)
    idx = _index(index_type, **kw)
    idx.add(ids, vecs)
    return idx, vecs, ids


def _assert_like_brute(index_type, got_scores, got_ids, ref_scores, ref_ids, vecs, ids, q):
    """Recall against the reference, and every returned score the true one of its id."""
    if MIN_RECALL[index_type] == 1.0:
        np.testing.assert_array_equal(got_ids, ref_ids)
        np.testing.assert_allclose(got_scores, ref_scores, rtol=1e-5, atol=1e-5)
        return
    assert _recall(got_ids, ref_ids) >= MIN_RECALL[index_type]
    row_of = {int(i): r for r, i in enumerate(ids)}
    for qi, (srow, irow) in enumerate(zip(got_scores, got_ids, strict=True)):
        for s, i in zip(srow, irow, strict=True):
            assert i >= 0 and s == pytest.approx(float(q[qi] @ vecs[row_of[int(i)]]), abs=1e-5)


def test_backend_is_the_contract(index_type):
    idx = _index(index_type)
    assert isinstance(idx, VectorIndex) and type(idx) is BACKENDS[index_type]
    assert idx.index_type == index_type and len(idx) == 0


def test_search_matches_brute_force(index_type):
    idx, vecs, ids = _filled(index_type)
    q = _data(30, seed=1)[0]
    scores, got = idx.search(q, k=10)
    assert scores.shape == got.shape == (30, 10) and got.dtype == np.int64
    ref_scores, ref_ids = _brute(vecs, ids, q, 10)
    _assert_like_brute(index_type, scores, got, ref_scores, ref_ids, vecs, ids, q)
    assert (np.diff(scores, axis=1) <= 1e-6).all(), "best first"


def test_one_query_as_a_vector(index_type):
    idx, vecs, ids = _filled(index_type, n=50)
    scores, got = idx.search(vecs[7], k=1)
    assert got.tolist() == [[ids[7]]] and scores[0, 0] == pytest.approx(1.0, abs=1e-5)


def test_remove_and_replace_match_brute_force(index_type):
    idx, vecs, ids = _filled(index_type)
    assert len(idx) == 600 and set(idx.ids.tolist()) == set(ids.tolist())
    assert idx.remove(ids[:50]) == 50 and idx.remove(ids[:60]) == 10
    assert idx.remove([]) == 0 and idx.remove([10**13]) == 0  # nothing, or ids it never held
    new = _data(1, seed=5)[0]
    idx.add(ids[60:61], new)  # replace under the same id
    np.testing.assert_allclose(idx.reconstruct(int(ids[60])), new[0], atol=1e-6)
    ref_vecs, ref_ids = np.vstack([new, vecs[61:]]), ids[60:]
    assert len(idx) == len(ref_ids) and set(idx.ids.tolist()) == set(ref_ids.tolist())
    q = _data(30, seed=2)[0]
    scores, got = idx.search(q, k=10)
    assert not set(got.ravel().tolist()) & set(ids[:60].tolist())
    ref_scores, ref = _brute(ref_vecs, ref_ids, q, 10)
    _assert_like_brute(index_type, scores, got, ref_scores, ref, ref_vecs, ref_ids, q)
    with pytest.raises(KeyError):
        idx.reconstruct(int(ids[0]))


def test_vectors_returns_every_id_with_its_vector(index_type):
    idx, vecs, ids = _filled(index_type, n=50)
    idx.remove(ids[:5])
    got_ids, got = idx.vectors()
    order = np.argsort(got_ids)
    ref = np.argsort(ids[5:])
    np.testing.assert_array_equal(got_ids[order], ids[5:][ref])
    np.testing.assert_allclose(got[order], vecs[5:][ref], atol=1e-6)


def test_empty_index(index_type):
    idx = _index(index_type)
    scores, got = idx.search(np.ones((2, 32)), k=3)
    assert got.tolist() == [[-1] * 3] * 2 and np.isneginf(scores).all()
    assert len(idx.ids) == 0 and idx.remove([1, 2]) == 0
    ids, vecs = idx.vectors()
    assert ids.shape == (0,) and vecs.shape == (0, 32)
    with pytest.raises(KeyError):
        idx.reconstruct(1)


def test_k_beyond_the_count_pads_and_k_zero_is_empty(index_type):
    idx, vecs, ids = _filled(index_type, n=3)
    scores, got = idx.search(vecs[:1], k=5)
    assert sorted(got[0, :3].tolist()) == sorted(ids.tolist()) and got[0, 3:].tolist() == [-1, -1]
    assert np.isfinite(scores[0, :3]).all() and np.isneginf(scores[0, 3:]).all()
    assert idx.search(vecs[:2], k=0)[1].shape == (2, 0)


def test_rejects_bad_shapes_duplicates_and_negative_ids(index_type):
    idx = _index(index_type, dim=8)
    with pytest.raises(ValueError, match="shape"):
        idx.add([1], np.ones((1, 7)))
    with pytest.raises(ValueError, match="ids"):
        idx.add([1, 2], np.ones((1, 8)))
    with pytest.raises(ValueError, match="duplicate"):
        idx.add([1, 1], np.ones((2, 8)))
    with pytest.raises(ValueError, match="non-negative"):
        idx.add([-3], np.ones((1, 8)))
    with pytest.raises(ValueError, match="shape"):
        idx.search(np.ones((1, 7)), k=1)


@pytest.mark.parametrize("exact_filter_max", [2_000, 0])
def test_search_within_allowed_ids_matches_brute_force(index_type, exact_filter_max):
    """A small allowed set is scored exactly (approximate backends) or by FAISS's exact
    IDSelector (flat); with exact_filter_max 0 every backend filters inside FAISS."""
    idx, vecs, ids = _filled(index_type, n=1000, exact_filter_max=exact_filter_max)
    keep = np.sort(ids[::7])
    mask = np.isin(ids, keep)
    q = _data(10, seed=6)[0]
    scores, got = idx.search(q, k=5, allowed=keep)
    assert set(got.ravel().tolist()) <= set(keep.tolist())
    ref_scores, ref = _brute(vecs[mask], ids[mask], q, 5)
    if exact_filter_max or index_type == "flat":
        np.testing.assert_array_equal(got, ref)
    else:
        _assert_like_brute(index_type, scores, got, ref_scores, ref, vecs, ids, q)
    assert idx.search(q, k=5, allowed=[])[1].max() == -1
    assert idx.search(q, k=5, allowed=[10**13])[1].max() == -1  # ids the index does not hold
    few = idx.search(q, k=5, allowed=ids[:2])[1]  # fewer allowed than k: padded
    assert (few[:, 2:] == -1).all() and set(few[:, :2].ravel().tolist()) == set(ids[:2].tolist())


def test_save_load_round_trip_with_manifest(tmp_path, index_type):
    idx, vecs, ids = _filled(index_type, n=300)
    idx.remove(ids[:10])
    idx.change_id = 42
    path = tmp_path / "x.faiss"
    m = idx.save(path)
    on_disk = json.loads(manifest_path(path).read_text())
    assert on_disk["model_id"] == "m" and on_disk["count"] == 290 and on_disk["dim"] == 32
    assert on_disk["normalized"] is True and on_disk["index_type"] == index_type
    assert on_disk["change_id"] == 42 and on_disk["version"] == 1 and on_disk["sha256"]
    assert on_disk["faiss_version"] and read_manifest(path) == m
    loaded = load_index(path, model_id="m", dim=32, count=290, **EXHAUSTIVE[index_type])
    assert type(loaded) is type(idx) and loaded.change_id == 42 and len(loaded) == 290
    q = _data(5, seed=9)[0]
    np.testing.assert_array_equal(loaded.search(q, 5)[1], idx.search(q, 5)[1])
    assert loaded.save(path).version == 2  # the version carries on from the manifest
    assert not list(tmp_path.glob(".x.faiss.*")), "temporary files left behind"


def test_empty_index_saves_and_loads(tmp_path, index_type):
    _index(index_type).save(tmp_path / "e.faiss")
    loaded = load_index(tmp_path / "e.faiss", model_id="m", dim=32, index_type=index_type)
    assert len(loaded) == 0 and loaded.search(np.ones((1, 32)), k=3)[1].tolist() == [[-1] * 3]
    vecs, ids = _data(100)
    loaded.add(ids, vecs)  # ivf: trains on its first data
    assert len(loaded) == 100


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"model_id": "model-b", "dim": 32}, "model"),
        ({"model_id": "m", "dim": 64}, "dim"),
        ({"model_id": "m", "dim": 32, "count": 299}, "count"),
        ({"model_id": "m", "dim": 32, "index_type": "other"}, "index type"),
    ],
)
def test_load_refuses_a_manifest_that_does_not_fit(tmp_path, index_type, kwargs, message):
    idx, _, _ = _filled(index_type, n=300)
    idx.save(tmp_path / "x.faiss")
    with pytest.raises(IndexMismatchError, match=message):
        load_index(tmp_path / "x.faiss", **kwargs)


def test_load_refuses_unnormalised_or_unknown_types(tmp_path, index_type):
    idx, _, _ = _filled(index_type, n=20)
    idx.save(tmp_path / "x.faiss")
    m = manifest_path(tmp_path / "x.faiss")
    saved = json.loads(m.read_text())
    for change, message in (({"normalized": False}, "normalised"), ({"index_type": "pq"}, "pq")):
        m.write_text(json.dumps(saved | change))
        with pytest.raises(IndexMismatchError, match=message):
            load_index(tmp_path / "x.faiss", model_id="m", dim=32)
