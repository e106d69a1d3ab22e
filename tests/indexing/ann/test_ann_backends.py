"""Backend behaviour beyond the contract: HNSW tombstones and compaction, IVF ids after
removals, recall of filtered searches through FAISS, and the bitmap lookup of large filters."""

from __future__ import annotations

import json

import numpy as np
import pytest

from indexing.ann.factory import load_index, new_index
from indexing.encoder import normalize_rows


def _data(n=500, d=32, seed=0):
    rng = np.random.default_rng(seed)
    return normalize_rows(rng.normal(size=(n, d))), rng.choice(10**12, size=n, replace=False)


def _brute(vecs, ids, q, k):
    sims = q @ vecs.T
    order = np.argsort(-sims, axis=1, kind="stable")[:, :k]
    return np.take_along_axis(sims, order, 1), ids[order]


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


def _recall(got, ref):
    return np.mean([len(set(a) & set(b) - {-1}) / len(b) for a, b in zip(got, ref, strict=True)])


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
