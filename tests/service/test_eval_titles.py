from __future__ import annotations

from service.eval_titles import OCC_PREFIX, evaluate_titles, read_melo


def test_read_melo_keeps_occupation_gold_and_drops_isco(tmp_path):
    (tmp_path / "queries.tsv").write_text("Q1\tData Scientists\nQ2\tArmy Officers\n")
    (tmp_path / "concept_mapping.tsv").write_text(
        f"C1_en_000\t{OCC_PREFIX}ds\nC1_en_001\t{OCC_PREFIX}ds\n"
        "C2_en_000\thttp://data.europa.eu/esco/isco/C01\n"
    )
    (tmp_path / "annotations.tsv").write_text(
        "Q1\t0\tC1_en_000\t1\nQ1\t0\tC1_en_001\t1\nQ2\t0\tC2_en_000\t1\n"
    )
    assert read_melo(tmp_path) == [("Data Scientists", {f"{OCC_PREFIX}ds"})]


def test_title_metrics_by_hand():
    examples = [("a", {"x"}), ("b", {"y", "z"})]
    ranked = {"a": ["w", "x"], "b": ["y"] + [f"n{i}" for i in range(20)] + ["z"]}
    out = evaluate_titles(examples, lambda t: ranked[t])
    assert out == {"mrr": 75.0, "recall@10": 75.0, "n": 2}  # (1/2 + 1)/2 ; (1 + 1/2)/2
