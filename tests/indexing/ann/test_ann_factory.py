"""The factory: the index type `auto` picks by size, and options routed to each backend."""

from __future__ import annotations

import pytest

from indexing.ann.factory import INDEX_TYPES, new_index, resolve_index_type


def test_resolve_index_type_by_size_with_hysteresis():
    assert resolve_index_type("auto", 10, threshold=100) == "flat"
    assert resolve_index_type("auto", 100, threshold=100) == "ivf"
    assert resolve_index_type("auto", 60, threshold=100, current="ivf") == "ivf"
    assert resolve_index_type("auto", 49, threshold=100, current="ivf") == "flat"
    assert resolve_index_type("auto", 99, threshold=100, current="flat") == "flat"
    assert resolve_index_type("hnsw", 1, threshold=100) == "hnsw"
    with pytest.raises(ValueError):
        resolve_index_type("pq", 1, threshold=100)


def test_options_reach_their_backend_and_unknown_ones_are_refused():
    opts = {"nprobe": 7, "nlist": 4, "ef_search": 99, "hnsw_m": 8, "exact_filter_max": 5}
    ivf = new_index(16, model_id="m", index_type="ivf", **opts)
    assert ivf.nprobe == 7 and ivf.exact_filter_max == 5
    hnsw = new_index(16, model_id="m", index_type="hnsw", **opts)
    assert (hnsw.hnsw_m, hnsw.ef_search, hnsw.exact_filter_max) == (8, 99, 5)
    assert new_index(16, model_id="m", index_type="flat", **opts).exact_filter_max == 5
    with pytest.raises(TypeError, match="nprobes"):
        new_index(16, model_id="m", nprobes=3)
    with pytest.raises(ValueError, match="index_type"):
        new_index(16, model_id="m", index_type="pq")
    assert INDEX_TYPES == ("flat", "ivf", "hnsw")
