"""`skillmatch bench` end to end on the mini taxonomy with the hashing encoder: the report file,
its ingest figures beside the raw encoder, and the printed table built from the same figures."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from service.bench.report import HEADER, rows, table
from service.defaults import CATALOG, POSTINGS

REPO_DATA = Path(__file__).resolve().parents[2] / "data"


@pytest.fixture()
def bench_settings(settings, runtime, mini_data_dir, tmp_path):
    if not settings.database_url.startswith("sqlite"):
        pytest.skip("the bench makes its own SQLite database; one run is enough")
    data = tmp_path / "data"
    data.mkdir()
    for sub in ("esco", "melo", "onet"):
        (data / sub).symlink_to(mini_data_dir / sub, target_is_directory=True)
    for rel in (CATALOG, POSTINGS):
        (data / rel).parent.mkdir(parents=True, exist_ok=True)
        (data / rel).symlink_to(REPO_DATA / rel)
    # the runtime fixture built the taxonomy indexes for fake/hashing-64 under index_dir
    return settings.model_copy(update={"model": "fake:64", "data_dir": data})


def _args(out: Path) -> argparse.Namespace:
    from service.cli.data import add_data_commands

    parser = argparse.ArgumentParser()
    add_data_commands(parser.add_subparsers())
    return parser.parse_args(
        ["bench", "--out", str(out), "--credentials", "6", "--postings", "3", "--sizes", "",
         "--candidates", "0", "--role-learners", "0", "--load-seconds", "0", "--index-sizes", "",
         "--no-encoders", "--extract-postings", "3", "--extract-exact", "1"]
    )  # fmt: skip


def test_bench_writes_the_report_and_prints_the_table(bench_settings, tmp_path, capsys):
    from service.cli.data import cmd_bench

    out = tmp_path / "bench" / "report.json"
    assert cmd_bench(_args(out), bench_settings) == 0
    report = json.loads(out.read_text())
    printed = capsys.readouterr().out
    for kind, n in (("credentials", 6), ("postings", 3)):
        part = report[kind]
        assert part["records"] == n and part["stored"] == n and part["errors"] == 0
        assert part["reingest_unchanged_status"]["unchanged"] == n
        raw_rate = part["raw_encoder_one_text_per_record_records_per_s"]
        assert part["ratio_vs_raw_one_text_per_record"] == pytest.approx(
            part["pipeline_records_per_s"] / raw_rate, rel=0.05, abs=0.002
        )
        assert len(part["raw_encoder_same_texts_seconds_twice"]) == 2
        assert part["goal_met"] == (part["ratio_vs_raw_same_texts"] >= 0.8)
        assert part["texts_encoded_by_pipeline"] >= n  # at least one text a record
        line = next(
            ln for ln in printed.splitlines() if ln.split()[:3] == ["ingest", kind, "records/s"]
        )
        assert line.endswith(f"{part['ratio_vs_raw_one_text_per_record']:.3g}x")
    assert report["extract"]["postings"] == 3 and report["summary"]["extract"]["postings"] == 3
    assert any(
        ln.split()[:5] == ["extract", "3", "postings", "p50", "ms"] for ln in printed.splitlines()
    )
    assert printed.splitlines()[0].split() == list(HEADER)
    assert f"written: {out}" in printed


def test_table_puts_each_figure_beside_its_reference():
    report = {
        "index": {"sizes": {"1000": {
            "flat": {"p50_ms": 2.0, "p99_ms": 4.0, "p50_vs_flat": 1.0, "p99_vs_flat": 1.0,
                     "recall_at_10": 1.0, "build_s": 0.5, "bytes_per_vector": 1544.0},
            "ivf": {"p50_ms": 0.5, "p99_ms": 1.0, "p50_vs_flat": 0.25, "p99_vs_flat": 0.25,
                    "recall_at_10": 0.97, "build_s": 1.0, "bytes_per_vector": 1560.0},
        }}},
        "recommendations": {"sizes": {"1000": {
            "p50_ms": 30.0, "p99_ms": 60.0, "faiss_alone_p50_ms": 0.3, "faiss_alone_p99_ms": 0.6,
            "p50_vs_faiss_alone": 100.0, "p99_vs_faiss_alone": 100.0}}},
    }  # fmt: skip
    got = {(r[0], r[1]): r[2:] for r in rows(report)}
    assert got[("faiss", "ivf n=1,000 p99 ms")] == ("1", "flat 4", "0.25x")
    assert got[("faiss", "ivf n=1,000 recall@10")][0] == "0.97"
    assert got[("faiss", "ivf n=1,000 build s")] == ("1", "flat 0.5", "2x")
    assert got[("faiss", "ivf n=1,000 recall@10")][1:] == ("flat 1", "0.97x")
    assert got[("recommend", "1,000 credentials p50 ms")] == ("30", "FAISS alone 0.3", "100x")
    assert got[("faiss", "flat n=1,000 p99 ms")] == ("4", "(reference)", "-")
    assert ("faiss", "flat n=1,000 recall@10") not in got
    lines = table(report).splitlines()
    assert len(lines) == 2 + len(got) and set(lines[1]) <= {"-", " "}
    assert table({}).splitlines()[0].split() == list(HEADER)  # no parts: just the header
