from __future__ import annotations

import json

from service.evaluation.titles import (
    OCC_PREFIX,
    evaluate_titles,
    read_melo,
    read_noisy,
    title_split,
)


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
    # MRR (1/2 + 1)/2; acc@1 (0 + 1)/2; recall@5 (1 + 1/2)/2; recall@10 (1 + 1/2)/2
    assert out == {"mrr": 75.0, "acc@1": 50.0, "recall@5": 75.0, "recall@10": 75.0, "n": 2}


def _onet(tmp_path):
    onet = tmp_path / "onet"
    onet.mkdir()
    (onet / "Alternate Titles.txt").write_text(
        "O*NET-SOC Code\tAlternate Title\tShort Title\tSource(s)\n"
        "15-2051.00\tData Mining Scientist\tn/a\t08\n"
        "15-2051.00\tDATA MINING SCIENTIST\tn/a\t08\n"  # the same title twice: one row
        "11-1011.00\tAgency Owner\tn/a\t10\n"  # a code without an exact match: dropped
        "15-1252.00\tCoder\tn/a\t10\n"
    )
    (onet / "Sample of Reported Titles.txt").write_text(
        "O*NET-SOC Code\tReported Job Title\tShown in My Next Move\n"
        "15-1252.00\tData Mining Scientist\tN\n"  # a title of two codes: the union
    )
    walk = tmp_path / "crosswalk.json"
    walk.write_text(
        json.dumps(
            {
                "15-2051.00": {"matches": {"u:ds": "exactMatch", "u:stat": "broadMatch"}},
                "11-1011.00": {"matches": {"u:ceo": "closeMatch"}},
                "15-1252.00": {"matches": {"u:dev": "exactMatch"}},
            }
        )
    )
    return onet, walk


def test_noisy_titles_take_the_exact_matches_of_their_codes(tmp_path):
    onet, walk = _onet(tmp_path)
    rows = read_noisy(onet, walk)
    assert rows == [("Coder", {"u:dev"}), ("Data Mining Scientist", {"u:ds", "u:dev"})]
    parts = read_noisy(onet, walk, "dev") + read_noisy(onet, walk, "test")
    assert sorted(parts) == sorted(rows)  # the two parts split the set


def test_the_split_is_stable_and_about_a_fifth_test():
    titles = [f"title {i}" for i in range(2000)]
    share = sum(title_split(t) == "test" for t in titles) / len(titles)
    assert 0.17 < share < 0.23
    assert title_split("Nurse") == title_split(" nurse ")
