"""The compressed backend beyond the shared contract: codes in memory and full vectors mapped
from disk, its own RAM accounting, approximate search re-ranked exactly, erasure in the store
and the saved file, and a saved file that is torn or of another kind refused."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from indexing.ann.factory import load_index, new_index
from indexing.ann.ivfpq import HEADER, MAGIC, IvfPqIndex
from indexing.ann.manifest import IndexMismatchError, manifest_path
from indexing.encoder import normalize_rows

DIM = 64


def _clustered(n, seed=0, centers=50):
    """Unit vectors around a few centres (as real embeddings are), not uniform noise."""
    rng = np.random.default_rng(seed)
    c = normalize_rows(rng.normal(size=(centers, DIM)))
    x = c[rng.integers(0, centers, n)] + rng.normal(0, 0.05, (n, DIM))
    return normalize_rows(x).astype(np.float32)


def _index(tmp_path, **kw) -> IvfPqIndex:
    opts = {"train_min": 1000, "pq_m": 8, "spill_dir": str(tmp_path / "spill")} | kw
    return new_index(DIM, model_id="m", index_type="ivfpq", **opts)


def _truth(vecs, q, k=10):
    return np.argsort(-(q @ vecs.T), axis=1, kind="stable")[:, :k]


def _recall(got, ref):
    return float(np.mean([len(set(a) & set(b)) / len(b) for a, b in zip(got, ref, strict=True)]))


def test_below_train_min_it_is_exact_and_trains_once_it_is_reached(tmp_path):
    vecs = _clustered(1500)
    idx = _index(tmp_path)
    idx.add(np.arange(900), vecs[:900])
    assert not idx.trained and idx.ram_bytes() == 900 * 16  # the id map alone
    q = _clustered(20, seed=1)
    np.testing.assert_array_equal(idx.search(q, 10)[1], _truth(vecs[:900], q))
    idx.add(np.arange(900, 1500), vecs[900:])
    assert idx.trained and idx.nlist >= 1 and len(idx) == 1500


def test_codes_in_memory_full_vectors_re_rank_exactly(tmp_path):
    both = _clustered(3050)  # queries from the same centres, not added
    vecs, q = both[:3000], both[3000:]
    idx = _index(tmp_path, nprobe=16, rerank=50)
    idx.add(np.arange(3000), vecs)
    scores, got = idx.search(q, 10)
    assert _recall(got, _truth(vecs, q)) >= 0.9
    np.testing.assert_allclose(scores, np.take_along_axis(q @ vecs.T, got, 1), atol=1e-5)
    # in memory a vector is its 8-byte code, its list id and the id map, not 64 x 4 bytes
    per_vector = idx.ram_bytes() / len(idx)
    assert 8 + 8 + 16 <= per_vector < 8 + 8 + 16 + 20 < DIM * 4


def test_saved_rows_are_mapped_not_read_into_memory(tmp_path):
    vecs = _clustered(3000)
    idx = _index(tmp_path)
    idx.add(np.arange(3000) * 7, vecs)
    path = tmp_path / "p.faiss"
    idx.save(path)
    assert isinstance(idx._store._base, np.memmap)  # serving from the file just written
    loaded = load_index(path, model_id="m", dim=DIM, train_min=1000)
    assert isinstance(loaded, IvfPqIndex) and isinstance(loaded._store._base, np.memmap)
    assert Path(loaded._store._base.filename) == path.resolve()
    q = _clustered(10, seed=3)
    np.testing.assert_array_equal(loaded.search(q, 10)[1], idx.search(q, 10)[1])
    np.testing.assert_allclose(loaded.reconstruct(14), vecs[2], atol=1e-6)


def test_removal_erases_the_row_at_once_and_from_the_next_save(tmp_path):
    vecs = _clustered(2000)
    idx = _index(tmp_path)
    idx.add(np.arange(2000), vecs)
    path = tmp_path / "p.faiss"
    idx.save(path)
    slot = int(idx._slots[np.searchsorted(idx._keys, 5)])
    stored = idx.reconstruct(5).tobytes()  # (normalised on the way in)
    assert idx.remove([5]) == 1
    assert not idx._store.rows(np.array([slot])).any()  # zeroed in memory at once
    assert 5 not in idx.search(vecs[5], 10)[1]
    # copy-on-write: the zero is private until the next save, which no longer holds the row
    assert stored in path.read_bytes()
    idx.save(path)
    assert stored not in path.read_bytes() and len(idx) == 1999


def test_a_torn_or_foreign_file_is_refused(tmp_path):
    idx = _index(tmp_path)
    idx.add(np.arange(1200), _clustered(1200))
    path = tmp_path / "p.faiss"
    idx.save(path)
    data = bytearray(path.read_bytes())
    data[HEADER + 10] ^= 0xFF  # one flipped byte: the checksum no longer fits
    path.write_bytes(bytes(data))
    with pytest.raises(IndexMismatchError, match="checksum"):
        load_index(path, model_id="m", dim=DIM)
    # a file of the right checksum but not this format (no magic): refused, not misread
    other = tmp_path / "o.faiss"
    new_index(DIM, model_id="m", index_type="flat").save(other)
    m = manifest_path(other)
    m.write_text(m.read_text().replace('"flat"', '"ivfpq"'))
    assert not other.read_bytes().startswith(MAGIC)
    with pytest.raises(IndexMismatchError, match="not a 'ivfpq' file"):
        load_index(other, model_id="m", dim=DIM)


def test_filters_within_the_compressed_path(tmp_path):
    both = _clustered(3020)
    vecs, q = both[:3000], both[3000:]
    idx = _index(tmp_path, exact_filter_max=0, nprobe=16, rerank=50)
    idx.add(np.arange(3000), vecs)
    keep = np.arange(0, 3000, 3)
    _, got = idx.search(q, 10, allowed=keep)
    assert set(got.ravel().tolist()) <= set(keep.tolist())
    ref = keep[_truth(vecs[keep], q)]
    assert _recall(got, ref) >= 0.9
