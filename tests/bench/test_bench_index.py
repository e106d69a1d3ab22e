"""The index bench on tiny sizes: structure, truths from Flat, and where its vectors come from."""

from __future__ import annotations

import argparse

import numpy as np
import pytest

from indexing.encoder import normalize_rows
from service.bench.index import (
    label_vectors,
    run_index_bench,
    stored_record_vectors,
    summary,
    synth_vectors,
)


def _bases(n=300, d=32, seed=0):
    return normalize_rows(np.random.default_rng(seed).normal(size=(n, d)))


def test_synth_vectors_are_unit_seeded_and_near_their_bases():
    bases = _bases()
    a = synth_vectors(bases, 2000, seed=3, chunk=700)
    b = synth_vectors(bases, 2000, seed=3, chunk=700)
    np.testing.assert_array_equal(a, b)
    assert a.dtype == np.float32 and a.shape == (2000, 32)
    np.testing.assert_allclose(np.linalg.norm(a, axis=1), 1.0, rtol=1e-5)
    nearest = (a @ bases.T).max(axis=1)
    assert np.median(nearest) > 0.8  # each vector sits near a base, not uniformly at random


def test_index_bench_on_tiny_sizes():
    bases = _bases()
    queries = normalize_rows(bases[:40] + 0.1 * _bases(40, seed=9))
    rep = run_index_bench(
        sizes=(500, 3000),
        n_queries=30,
        filter_shares=(0.5, 0.01),
        bases=bases,
        queries=queries,
        options={"ivf": {"nprobe": 8}, "hnsw": {"ef_search": 64}},
    )
    assert rep["queries"] == 30 and set(rep["sizes"]) == {"500", "3000"}
    for size, types in rep["sizes"].items():
        assert list(types) == ["flat", "ivf", "hnsw"]
        flat = types["flat"]
        assert flat["recall_at_10"] == 1.0 and flat["p99_vs_flat"] == 1.0
        assert flat["serialized_bytes"] >= int(size) * 32 * 4
        for row in types.values():
            assert 0 < row["p50_ms"] <= row["p99_ms"] and row["build_s"] >= 0
            assert row["recall_at_10"] >= 0.7
            small = row["filtered"]["0.01"]
            assert small["recall_at_10"] == 1.0  # exact over a small allowed set
            assert small["path"] == ("faiss" if row is flat else "exact")
        assert types["ivf"]["nlist"] >= 1 and types["hnsw"]["M"] == 32
    s = summary(rep)
    assert s["3000"]["ivf"].keys() >= {"recall_at_10", "p99_vs_flat", "bytes_per_vector"}


def test_bench_reads_label_and_record_vectors(settings, runtime):
    from service.ingest.pipeline import Ingestor
    from service.runtime import model_index_dir

    doc = {"external_id": "bench-index:1", "kind": "course", "title": "SQL basics",
           "description": "Write SQL queries.", "hours": 3}  # fmt: skip
    Ingestor(runtime, "credential").ingest([doc], "native")

    idir = model_index_dir(settings, runtime.encoder)
    labels = label_vectors(idir)
    assert labels.shape == (runtime.linker.n_labels, runtime.encoder.dim)
    recs = stored_record_vectors(settings.database_url, runtime.encoder.model_id)
    assert recs.shape[1] == runtime.encoder.dim
    with pytest.raises(LookupError):
        stored_record_vectors(settings.database_url, "no/such-model")
    with pytest.raises(FileNotFoundError):
        label_vectors(idir / "nowhere")


def test_bench_command_has_the_index_and_encoder_flags():
    from service.cli.data import add_data_commands

    parser = argparse.ArgumentParser()
    add_data_commands(parser.add_subparsers())
    args = parser.parse_args(["bench", "--index-sizes", "", "--no-encoders"])
    assert args.index_sizes == "" and args.encoders is False
    args = parser.parse_args(["bench"])
    assert args.index_sizes == "10000,100000,1000000" and args.index_types == "flat,ivf,hnsw"
    args = parser.parse_args(["distill", "--out", "x"])
    assert args.out == "x" and args.pca_dims == 256
