"""The large-index bench part: ivfpq beside ivf with RAM, recall against exact, latency and the
goal flags, saved after each index, and its lines in the printed table."""

from __future__ import annotations

import numpy as np

from indexing.encoder import normalize_rows
from service.bench.index_large import run_large_index_bench, summary
from service.bench.report import table


def test_large_bench_reports_ivfpq_beside_ivf(tmp_path):
    rng = np.random.default_rng(0)
    bases = normalize_rows(rng.normal(size=(200, 32))).astype(np.float32)
    queries = normalize_rows(bases[:40] + rng.normal(0, 0.05, (40, 32))).astype(np.float32)
    seen = []
    opts = {"ivfpq": {"train_min": 500, "pq_m": 8, "nprobe": 64}, "ivf": {"nprobe": 64}}
    report = run_large_index_bench(
        sizes=(4000,), bases=bases, queries=queries, options=opts, folder=tmp_path,
        on_row=lambda r: seen.append(sorted(k for k in r["sizes"]["4000"] if k != "exact_truth_s")),
    )  # fmt: skip
    assert seen == [["ivfpq"], ["ivf", "ivfpq"]]  # saved after each index
    pq, ivf = report["sizes"]["4000"]["ivfpq"], report["sizes"]["4000"]["ivf"]
    for row in (pq, ivf):
        assert 0.0 <= row["recall_at_10"] <= 1.0 and row["p99_ms"] >= row["p50_ms"] > 0
        assert set(row["meets_goal"]) == {"bytes_per_vector", "recall_at_10", "p99_ms"}
    assert pq["recall_at_10"] >= 0.9 and pq["pq_m"] == 8 and pq["disk_bytes"] > 4000 * 32 * 4
    assert pq["own_ram_bytes_per_vector"] < 32 * 4  # codes, not the vectors
    assert [s["rerank"] for s in pq["settings"]] == [100, 50, 200, 100, 200]
    assert not list(tmp_path.glob("*.faiss*")), "the saved bench index is removed"
    text = table({"index_large": report, "summary": {"index_large": summary(report)}})
    line = next(x for x in text.splitlines() if "ivfpq n=4,000 RAM bytes a vector" in x)
    assert line.split()[-3] == "ivf"  # the reference of each ivfpq figure is ivf's
