"""VectorIndex against a brute-force numpy reference; manifests; atomic saves."""

from __future__ import annotations

import json

import numpy as np
import pytest

from indexing.ann.factory import INDEX_TYPES, load_index, new_index, resolve_index_type
from indexing.ann.manifest import IndexMismatchError, manifest_path, read_manifest
from indexing.encoder import normalize_rows


def _data(n=500, d=32, seed=0):
    rng = np.random.default_rng(seed)
    return normalize_rows(rng.normal(size=(n, d))), rng.choice(10**12, size=n, replace=False)


def _brute(vecs, ids, q, k):
    sims = q @ vecs.T
    order = np.argsort(-sims, axis=1, kind="stable")[:, :k]
    return np.take_along_axis(sims, order, 1), ids[order]


def test_flat_matches_brute_force():
    vecs, ids = _data()
    idx = new_index(32, model_id="m")
    idx.add(ids, vecs)
    q = _data(20, seed=1)[0]
    scores, got = idx.search(q, k=10)
    ref_scores, ref_ids = _brute(vecs, ids, q, 10)
    np.testing.assert_array_equal(got, ref_ids)
    np.testing.assert_allclose(scores, ref_scores, rtol=1e-5, atol=1e-5)


def test_remove_and_replace_match_brute_force():
    vecs, ids = _data()
    idx = new_index(32, model_id="m")
    idx.add(ids, vecs)
    gone = ids[:100]
    assert idx.remove(gone) == 100
    assert idx.remove(gone) == 0
    new = _data(1, seed=5)[0]
    idx.add(ids[100:101], new)  # replace one vector under the same id
    ref_vecs = np.vstack([new, vecs[101:]])
    q = _data(10, seed=2)[0]
    _, got = idx.search(q, k=5)
    np.testing.assert_array_equal(got, _brute(ref_vecs, ids[100:], q, 5)[1])
    assert len(idx) == 400


def test_search_pads_when_fewer_than_k():
    idx = new_index(4, model_id="m")
    idx.add([7], np.eye(4, dtype=np.float32)[:1])
    scores, ids = idx.search(np.eye(4, dtype=np.float32)[:1], k=3)
    assert ids.tolist() == [[7, -1, -1]] and np.isneginf(scores[0, 1:]).all()
    empty = new_index(4, model_id="m")
    assert empty.search(np.ones((2, 4)), k=2)[1].tolist() == [[-1, -1], [-1, -1]]


def test_rejects_bad_shapes_and_duplicates():
    idx = new_index(8, model_id="m")
    with pytest.raises(ValueError, match="shape"):
        idx.add([1], np.ones((1, 7)))
    with pytest.raises(ValueError, match="ids"):
        idx.add([1, 2], np.ones((1, 8)))
    with pytest.raises(ValueError, match="duplicate"):
        idx.add([1, 1], np.ones((2, 8)))


def test_hnsw_recall_against_brute_force_and_removal():
    vecs, ids = _data(2000, 32)
    idx = new_index(32, model_id="m", index_type="hnsw")
    idx.add(ids, vecs)
    q = _data(50, 32, seed=3)[0]
    _, got = idx.search(q, k=10)
    ref = _brute(vecs, ids, q, 10)[1]
    recall = np.mean([len(set(a) & set(b)) / 10 for a, b in zip(got, ref, strict=True)])
    assert recall >= 0.9
    idx.remove(ids[:1000])
    _, got = idx.search(q, k=10)
    assert not set(got.ravel().tolist()) & set(ids[:1000].tolist())


@pytest.mark.parametrize("index_type", INDEX_TYPES)
def test_save_load_round_trip_with_manifest(tmp_path, index_type):
    vecs, ids = _data(300)
    idx = new_index(32, model_id="model-a", index_type=index_type)
    idx.add(ids, vecs)
    path = tmp_path / "x.faiss"
    m = idx.save(path)
    on_disk = json.loads(manifest_path(path).read_text())
    assert on_disk["model_id"] == "model-a" and on_disk["count"] == 300 and on_disk["dim"] == 32
    assert on_disk["normalized"] is True and on_disk["index_type"] == index_type
    assert on_disk["faiss_version"] and read_manifest(path) == m
    loaded = load_index(path, model_id="model-a", dim=32, count=300)
    assert loaded.index_type == index_type
    q = _data(5, seed=9)[0]
    np.testing.assert_array_equal(loaded.search(q, 5)[1], idx.search(q, 5)[1])
    assert not list(tmp_path.glob(".x.faiss.*")), "temporary files left behind"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"model_id": "model-b", "dim": 32}, "model"),
        ({"model_id": "model-a", "dim": 64}, "dim"),
        ({"model_id": "model-a", "dim": 32, "count": 299}, "count"),
        ({"model_id": "model-a", "dim": 32, "index_type": "ivf"}, "index type"),
    ],
)
def test_load_refuses_mismatched_manifest(tmp_path, kwargs, message):
    vecs, ids = _data(300)
    idx = new_index(32, model_id="model-a")
    idx.add(ids, vecs)
    idx.save(tmp_path / "x.faiss")
    with pytest.raises(IndexMismatchError, match=message):
        load_index(tmp_path / "x.faiss", **kwargs)


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


@pytest.mark.parametrize("index_type", INDEX_TYPES)
def test_search_restricted_to_allowed_ids_matches_brute_force(index_type):
    vecs, ids = _data(1000)
    idx = new_index(32, model_id="m", index_type=index_type)
    idx.add(ids, vecs)
    keep = np.sort(ids[::7])
    mask = np.isin(ids, keep)
    q = _data(10, seed=6)[0]
    _, got = idx.search(q, k=5, allowed=keep)
    ref = _brute(vecs[mask], ids[mask], q, 5)[1]
    assert set(got.ravel().tolist()) <= set(keep.tolist())
    # a small allowed set is scored exactly by every type (flat: FAISS's IDSelector is exact)
    np.testing.assert_array_equal(got, ref)
    assert idx.search(q, k=5, allowed=[])[1].max() == -1
    assert idx.search(q, k=5, allowed=[10**13])[1].max() == -1  # ids the index does not hold


@pytest.mark.parametrize("index_type", INDEX_TYPES)
def test_vectors_returns_every_id_with_its_vector(index_type):
    vecs, ids = _data(50)
    idx = new_index(32, model_id="m", index_type=index_type)
    idx.add(ids, vecs)
    idx.remove(ids[:5])
    got_ids, got = idx.vectors()
    order = np.argsort(got_ids)
    ref = np.argsort(ids[5:])
    np.testing.assert_array_equal(got_ids[order], ids[5:][ref])
    np.testing.assert_allclose(got[order], vecs[5:][ref], atol=1e-6)


def _recall(got, ref):
    return np.mean([len(set(a) & set(b) - {-1}) / len(b) for a, b in zip(got, ref, strict=True)])


def _exactish(index_type, dim=32, **kw):
    """An index whose search is exhaustive enough to compare with brute force."""
    opts = {"ivf": {"nprobe": 10_000}, "hnsw": {"ef_search": 400}}.get(index_type, {})
    return new_index(dim, model_id="m", index_type=index_type, **(opts | kw))


@pytest.mark.parametrize("index_type", INDEX_TYPES)
def test_contract_add_remove_replace_against_brute_force(index_type):
    """One contract run against every type: add, remove (some twice), replace, search."""
    vecs, ids = _data(600)
    idx = _exactish(index_type)
    idx.add(ids, vecs)
    assert len(idx) == 600 and set(idx.ids.tolist()) == set(ids.tolist())
    assert idx.remove(ids[:50]) == 50 and idx.remove(ids[:60]) == 10
    new = _data(1, seed=5)[0]
    idx.add(ids[60:61], new)  # replace under the same id
    np.testing.assert_allclose(idx.reconstruct(int(ids[60])), new[0], atol=1e-6)
    ref_vecs, ref_ids = np.vstack([new, vecs[61:]]), ids[60:]
    assert len(idx) == len(ref_ids) and set(idx.ids.tolist()) == set(ref_ids.tolist())
    q = _data(30, seed=2)[0]
    _, got = idx.search(q, k=10)
    assert not set(got.ravel().tolist()) & set(ids[:60].tolist())
    assert _recall(got, _brute(ref_vecs, ref_ids, q, 10)[1]) >= 0.98
    with pytest.raises(KeyError):
        idx.reconstruct(int(ids[0]))


def test_ivf_keeps_ids_right_after_removals():
    """IDMap2 around IVF returns wrong ids after remove_ids; the IVF here holds its own ids."""
    vecs, ids = _data(3000)
    idx = new_index(32, model_id="m", index_type="ivf", nprobe=4)
    idx.add(ids, vecs)
    assert idx.nlist > 1
    idx.remove(ids[:500])
    _, got = idx.search(vecs[500:700], k=1)
    np.testing.assert_array_equal(got[:, 0], ids[500:700])  # each vector finds itself


def _clustered(n, d=32, seed=0, centers=50):
    """Vectors around a few centres, as embeddings are; queries drawn the same way."""
    rng = np.random.default_rng(seed)
    c = normalize_rows(rng.normal(size=(centers, d)))
    x = normalize_rows(c[rng.integers(0, centers, n)] + 0.35 * rng.normal(size=(n, d)) / d**0.5)
    return x, rng.choice(10**12, size=n, replace=False)


@pytest.mark.parametrize("index_type", ["ivf", "hnsw"])
@pytest.mark.parametrize("share", [0.5, 0.15])
def test_filtered_search_through_faiss_keeps_recall(index_type, share):
    vecs, ids = _clustered(6000)
    idx = new_index(32, model_id="m", index_type=index_type, nprobe=6, exact_filter_max=0)
    idx.add(ids, vecs)
    q = _clustered(40, seed=1)[0][:40]
    _, got = idx.search(q, k=10)
    unfiltered = _recall(got, _brute(vecs, ids, q, 10)[1])
    keep = np.random.default_rng(3).choice(ids, int(share * len(ids)), replace=False)
    mask = np.isin(ids, keep)
    _, got = idx.search(q, k=10, allowed=keep)
    assert set(got.ravel().tolist()) - {-1} <= set(keep.tolist())
    filtered = _recall(got, _brute(vecs[mask], ids[mask], q, 10)[1])
    assert filtered >= min(0.9, unfiltered - 0.03), (unfiltered, filtered)


def test_hnsw_removal_erases_vector_bytes_and_survives_save(tmp_path):
    vecs, ids = _data(1000)
    idx = new_index(32, model_id="m", index_type="hnsw")
    idx.add(ids, vecs)
    gone = ids[:100]  # 10%: tombstones, no rebuild yet
    assert idx.remove(gone) == 100
    assert idx.slots == 1000 and len(idx) == 900  # graph nodes stay until compaction
    stored = idx.stored_vectors()
    assert not (np.abs(stored @ vecs[:100].T) > 0.999).any(), "a removed vector is still stored"
    q = vecs[:100]  # querying with the removed vectors themselves
    _, got = idx.search(q, k=10)
    assert not set(got.ravel().tolist()) & set(gone.tolist())
    idx.save(tmp_path / "h.faiss")
    raw = (tmp_path / "h.faiss").read_bytes()
    assert vecs[0].tobytes() not in raw  # erased on disk too
    loaded = load_index(tmp_path / "h.faiss", model_id="m", dim=32, count=900)
    assert len(loaded) == 900 and not set(loaded.search(q, k=10)[1].ravel().tolist()) & set(
        gone.tolist()
    )
    loaded.remove(ids[100:200])  # past HNSW_COMPACT_SHARE: rebuilt without tombstones
    assert loaded.slots == len(loaded) == 800


def test_hnsw_loads_an_older_save_that_held_a_flat_twin(tmp_path):
    vecs, ids = _data(200)
    flat = new_index(32, model_id="m")
    flat.add(ids, vecs)
    flat.save(tmp_path / "h.faiss")
    m = tmp_path / "h.faiss.manifest.json"
    m.write_text(json.dumps(json.loads(m.read_text()) | {"index_type": "hnsw"}))
    loaded = load_index(tmp_path / "h.faiss", model_id="m", dim=32, index_type="hnsw")
    assert loaded.index_type == "hnsw" and len(loaded) == 200
    assert loaded.search(vecs[:3], k=1)[1][:, 0].tolist() == ids[:3].tolist()


def test_empty_ivf_saves_and_loads(tmp_path):
    idx = new_index(32, model_id="m", index_type="ivf")
    idx.save(tmp_path / "e.faiss")
    loaded = load_index(tmp_path / "e.faiss", model_id="m", dim=32, index_type="ivf")
    assert len(loaded) == 0 and loaded.search(np.ones((1, 32)), k=3)[1].tolist() == [[-1] * 3]
    vecs, ids = _data(100)
    loaded.add(ids, vecs)  # trains on its first data
    assert len(loaded) == 100


def test_ids_must_be_non_negative():
    with pytest.raises(ValueError, match="non-negative"):
        new_index(4, model_id="m").add([-3], np.ones((1, 4)))


def test_resolve_index_type_by_size_with_hysteresis():
    assert resolve_index_type("auto", 10, threshold=100) == "flat"
    assert resolve_index_type("auto", 100, threshold=100) == "ivf"
    assert resolve_index_type("auto", 60, threshold=100, current="ivf") == "ivf"
    assert resolve_index_type("auto", 49, threshold=100, current="ivf") == "flat"
    assert resolve_index_type("auto", 99, threshold=100, current="flat") == "flat"
    assert resolve_index_type("hnsw", 1, threshold=100) == "hnsw"
    with pytest.raises(ValueError):
        resolve_index_type("pq", 1, threshold=100)


@pytest.mark.parametrize("index_type", ["ivf", "hnsw"])
def test_large_allowed_sets_are_matched_by_bitmap_as_by_binary_search(index_type):
    vecs, _ = _clustered(5000)
    ids = np.arange(0, 10000, 2, dtype=np.int64)  # bounded ids with gaps, as record ids are
    idx = new_index(32, model_id="m", index_type=index_type, nprobe=8, exact_filter_max=100)
    idx.add(ids, vecs)
    idx.remove(ids[:300])  # hnsw: tombstones (below the compaction share); ivf: gone
    rng = np.random.default_rng(5)
    allowed = np.concatenate([
        rng.choice(ids, 2500, replace=False),  # some of them removed above
        np.arange(1, 3001, 2),  # odd ids: never in the index
        [20_000, 20_001],  # past every id the index holds
    ])  # fmt: skip
    rng.shuffle(allowed)
    present, slots = idx._present_among(allowed)
    want, want_slots = idx._present(allowed)
    np.testing.assert_array_equal(present, want)
    if index_type == "hnsw":
        np.testing.assert_array_equal(slots, want_slots)
    assert len(present) > idx.exact_filter_max  # the bitmap path, not the small-set fallback
    q = _clustered(20, seed=2)[0]
    _, got = idx.search(q, k=10, allowed=allowed)
    assert set(got.ravel().tolist()) - {-1} <= set(present.tolist())
