"""The load scenario runs end to end: a real 2-worker server, concurrent clients, memory read
from /proc (on the mini taxonomy with the hashing encoder, for a few seconds)."""

from __future__ import annotations

import os

import pytest

from indexing.encoder import FakeEncoder

pytestmark = pytest.mark.slow


def test_tree_rss_counts_this_process():
    from service.bench.load import tree_rss_mb

    assert tree_rss_mb(os.getpid()) > 10


def test_load_bench_runs_two_workers_without_errors(tmp_path, mini_data_dir):
    from service.bench.load import run_load_bench
    from service.config import Settings
    from service.ingest.pipeline import Ingestor
    from service.runtime import build_runtime

    settings = Settings(
        database_url=f"sqlite:///{tmp_path / 'load.db'}",
        data_dir=mini_data_dir,
        index_dir=tmp_path / "idx",
        model="fake:64",
        progress=False,
        load_default_data=False,
    )
    rt = build_runtime(settings, encoder=FakeEncoder(dim=64))
    docs = [
        {"external_id": f"l{i}", "title": f"Course {i} in data analysis", "kind": "course",
         "hours": 5 + i, "description": "Statistics and Python programming."}
        for i in range(6)
    ]  # fmt: skip
    assert Ingestor(rt, "credential").ingest(docs).count("created") == 6
    rt.engine.dispose()
    out = run_load_bench(settings, seconds=3, clients=2, workers=2)
    assert out["load"]["requests"] > 10 and out["load"]["errors"] == 0, out["load"]
    assert set(out["load"]["by_kind"]) == {"search", "extract", "recommend"}
    assert out["rss_start_mb"] > 50 and out["rss_end_mb"] > 50
    assert out["reference_one_client"]["requests"] > 0


def test_extraction_requests_are_real_varied_posting_sentences(tmp_path):
    from pathlib import Path

    from service.bench.load import TEXTS, extract_texts

    data = Path(__file__).resolve().parents[2] / "data"
    texts = extract_texts(data, n=300)
    assert texts == extract_texts(data, n=300)  # seeded
    assert len(texts) == len(set(texts)) == 300
    assert all(6 <= len(t.split()) <= 40 for t in texts)
    assert extract_texts(tmp_path) == TEXTS  # no postings there: the fixed texts


def test_tune_malloc_applies_on_glibc():
    import platform

    from service.runtime import tune_malloc

    if platform.libc_ver()[0] != "glibc":
        pytest.skip("mallopt is glibc's")
    assert tune_malloc() is True
