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
    assert INDEX_TYPES == ("flat", "ivf", "hnsw", "ivfpq")
    pq = new_index(384, model_id="m", index_type="ivfpq", pq_m=48, rerank=7, **opts)
    assert (pq.pq_m, pq.rerank, pq.nprobe) == (48, 7, 7)
    assert new_index(32, model_id="m", index_type="ivfpq", pq_m=64).pq_m == 32  # a divisor


def test_auto_compresses_by_size_and_by_memory_budget():
    rule = {"threshold": 100, "compress_threshold": 1000}
    assert resolve_index_type("auto", 999, **rule) == "ivf"
    assert resolve_index_type("auto", 1000, **rule) == "ivfpq"
    assert resolve_index_type("auto", 600, **rule, current="ivfpq") == "ivfpq"  # hysteresis
    assert resolve_index_type("auto", 499, **rule, current="ivfpq") == "ivf"
    assert resolve_index_type("auto", 10, **rule, current="ivfpq") == "flat"
    assert resolve_index_type("auto", 10**9, threshold=100) == "ivf"  # 0: never by size
    # a budget: 384-d vectors held whole take 1,544 bytes each, so 1 MiB holds 679 of them
    budget = {"threshold": 100, "memory_budget": 2**20, "dim": 384}
    assert resolve_index_type("auto", 679, **budget) == "ivf"
    assert resolve_index_type("auto", 680, **budget) == "ivfpq"
    assert resolve_index_type("auto", 50, **budget) == "flat"
    assert resolve_index_type("auto", 400, **budget, current="ivfpq") == "ivfpq"
    assert resolve_index_type("auto", 300, **budget, current="ivfpq") == "ivf"
    assert resolve_index_type("flat", 10**9, **budget) == "flat"  # a set type is kept
