"""The extract bench part runs end to end on the mini taxonomy beside its reference (the raw
encoder on the same sentences), and its table rows carry the figures with their reference."""

from __future__ import annotations

from pathlib import Path

from service.bench.report import rows

REPO_DATA = Path(__file__).resolve().parents[2] / "data"  # the SkillSpan postings


def test_extract_bench_reports_latency_beside_the_raw_encoder(settings, runtime):
    from service.bench.extract import run_extract_bench

    before = runtime.linker.config
    settings = settings.model_copy(update={"data_dir": REPO_DATA})
    out = run_extract_bench(settings, n_postings=5, n_exact=2, runtime=runtime)
    assert runtime.linker.config == before  # the exact path's config is put back
    assert out["postings"] == 5 and out["median_chars"] > 500
    for part in ("extract", "raw_encoder_sentences"):
        assert 0 < out[part]["p50_ms"] <= out[part]["p99_ms"]
    assert 0 < out["ratio_p50"] <= out["ratio_p99"] and out["ratio_of_totals"] > 0
    assert out["goal_met"] == (out["ratio_p50"] <= 2.0)
    exact = out["exact_path"]
    assert exact["postings"] == 2 and exact["p50_ms"] > 0
    assert 0 <= exact["skills_jaccard_mean"] <= 1
    got = {(r[0], r[1]): r[2:] for r in rows({"extract": out})}
    p99 = got[("extract", "5 postings p99 ms")]
    assert p99[1].startswith("raw encoder, sentences ") and p99[2] == f"{out['ratio_p99']:.3g}x"
    assert ("extract", "exact path, 2 postings p50 ms") in got


def test_the_extract_part_is_left_out_of_the_table_when_absent():
    assert not [r for r in rows({}) if r[0] == "extract"]
