import csv

import pytest

from service.evaluation.linking import (
    evaluate_linking,
    r_precision_at_k,
    read_linking_csv,
    reciprocal_rank,
)


def _write(path, rows):
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["sentence", "span", "sub_span", "label"])
        w.writerows(rows)


def test_read_groups_per_sentence_and_drops_specials(tmp_path):
    path = tmp_path / "a.csv"
    _write(
        path,
        [
            ("s1", "java", "", "Java (computer programming)"),
            ("s1", "reactjs", "", "LABEL NOT PRESENT"),
            ("s1", "java", "", "Java (computer programming)"),  # second annotator
            ("s2", "BS degree", "", "LABEL NOT PRESENT"),  # no real label left: dropped
            ("s3", "design", "", "UNDERSPECIFIED"),
            ("s3", "SQL", "", "SQL"),
            ("s1", "js", "", "JavaScript"),
        ],
    )
    assert read_linking_csv(path) == [
        ("s1", {"Java (computer programming)", "JavaScript"}),
        ("s3", {"SQL"}),
    ]


def test_rp_at_k_divides_by_min_k_and_gold():
    gold = {"a", "b", "c"}
    assert r_precision_at_k(["a", "x", "b", "y", "z"], gold, 5) == pytest.approx(2 / 3)
    assert r_precision_at_k(["x", "a"], gold, 1) == 0.0
    assert r_precision_at_k(["a", "x"], gold, 2) == pytest.approx(1 / 2)
    many = {str(i) for i in range(8)}
    assert r_precision_at_k([str(i) for i in range(5)], many, 5) == 1.0
    with pytest.raises(ValueError):
        r_precision_at_k(["a"], set(), 5)


def test_reciprocal_rank():
    assert reciprocal_rank(["x", "y", "b", "a"], {"a", "b"}) == pytest.approx(1 / 3)
    assert reciprocal_rank(["x"], {"a"}) == 0.0


def test_evaluate_linking_hand_computed():
    examples = [("s1", {"a", "b"}), ("s2", {"c"}), ("s3", {"d"})]
    ranked = {
        "s1": ["a", "x", "x2", "x3", "x4", "b"],  # rp5 1/2, rp10 2/2, rr 1
        "s2": ["x", "c"],  # rp5 1, rp10 1, rr 1/2
        "s3": ["x"] * 10 + ["d"],  # 0, 0, rr 1/11
    }
    seen = []

    def rank_fn(sentences):
        seen.append(list(sentences))
        return [ranked[s] for s in sentences]

    res = evaluate_linking(examples, rank_fn)
    assert seen == [["s1", "s2", "s3"]]  # one batched call
    assert res["n"] == 3
    assert res["rp5"] == pytest.approx(100 * (0.5 + 1 + 0) / 3)
    assert res["rp10"] == pytest.approx(100 * (1 + 1 + 0) / 3)
    assert res["mrr"] == pytest.approx(100 * (1 + 0.5 + 1 / 11) / 3)


def test_evaluate_linking_custom_ks_and_errors():
    res = evaluate_linking([("s", {"a"})], lambda ss: [["x", "a"]], ks=(1, 2))
    assert res["rp1"] == 0.0 and res["rp2"] == 100.0 and "rp5" not in res
    with pytest.raises(ValueError):
        evaluate_linking([("s", {"a"})], lambda ss: [])
    with pytest.raises(ValueError):
        evaluate_linking([], lambda ss: [])
