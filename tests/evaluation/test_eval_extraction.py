"""Extraction as a set (service/evaluation/extraction.py) and the behaviour fixtures
(service/evaluation/fixtures.py): hand-computed scores, and the fixture files' shape."""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from service.evaluation.extraction import (
    evaluate_extraction,
    read_sentences,
    read_spans,
    set_scores,
    span_scores,
)
from service.evaluation.fixtures import format_fixture, read_fixture, score_cv_lines

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _write(path, rows):
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["sentence", "span", "sub_span", "label"])
        w.writerows(rows)


ROWS = [
    ("s1", "java", "", "Java (computer programming)"),
    ("s1", "reactjs", "", "LABEL NOT PRESENT"),
    ("s1", "java", "", "Java (computer programming)"),  # a second annotator
    ("s2", "BS degree", "", "LABEL NOT PRESENT"),
    ("s3", "design", "", "UNDERSPECIFIED"),
    ("s3", "SQL", "", "SQL"),
    ("s3", "SQL", "", "SQL Server"),  # annotators disagree: both count
    ("s3", "", "", "SQL"),  # no span: not a span example
]


def test_sentences_keep_those_without_gold_and_spans_group_annotators(tmp_path):
    path = tmp_path / "b.csv"
    _write(path, ROWS)
    assert read_sentences(path) == [
        ("s1", frozenset({"Java (computer programming)"})),
        ("s2", frozenset()),
        ("s3", frozenset({"SQL", "SQL Server"})),
    ]
    spans = {(x.sentence, x.span): x.gold for x in read_spans(path)}
    assert spans == {
        ("s1", "java"): {"Java (computer programming)"},
        ("s1", "reactjs"): frozenset(),
        ("s2", "BS degree"): frozenset(),
        ("s3", "design"): frozenset(),
        ("s3", "SQL"): {"SQL", "SQL Server"},
    }


def test_set_scores_are_micro_averaged():
    got = set_scores([({"a", "b"}, {"a"}), ({"c"}, set()), (set(), {"d", "e"})])
    assert (got["tp"], got["fp"], got["fn"]) == (1, 2, 2)
    assert got["precision"] == pytest.approx(100 / 3, abs=0.01)
    assert got["recall"] == pytest.approx(100 / 3, abs=0.01)
    assert got["f1"] == pytest.approx(100 / 3, abs=0.01)
    assert set_scores([])["f1"] == 0.0


def test_span_scores_count_doubtful_links_as_links_and_credit_unlinked_without_gold(tmp_path):
    path = tmp_path / "b.csv"
    _write(path, ROWS)
    spans = read_spans(path)  # java, reactjs, BS degree, design, SQL
    decisions = [
        ("linked", "Java (computer programming)"),  # right, sure
        ("unlinked", None),  # right: no gold
        ("doubtful", "education"),  # wrong link
        ("unlinked", None),  # right: no gold
        ("doubtful", "SQL Server"),  # right, doubtful
    ]
    got = span_scores(spans, decisions)
    assert got["links"] == 3 and got["precision"] == pytest.approx(200 / 3, abs=0.01)
    assert got["recall"] == 100.0 and got["sure_links"] == 1 and got["sure_precision"] == 100.0
    assert got["sure_recall"] == 50.0 and got["accuracy"] == 80.0
    assert (got["n"], got["n_gold"]) == (5, 2)
    with pytest.raises(ValueError):
        span_scores(spans, decisions[:2])


def test_evaluate_extraction_passes_sentences_and_spans_to_the_rankers(tmp_path):
    path = tmp_path / "b.csv"
    _write(path, ROWS)
    got = evaluate_extraction(
        path,
        lambda sentences: [{"SQL"} if s == "s3" else set() for s in sentences],
        lambda spans: [("unlinked", None)] * len(spans),
    )
    assert got["sentences"]["n"] == 3 and got["sentences"]["recall"] == pytest.approx(100 / 3, 0.01)
    assert got["sentences"]["precision"] == 100.0
    assert got["spans"]["links"] == 0 and got["spans"]["accuracy"] == 60.0
    with pytest.raises(ValueError):
        evaluate_extraction(path, lambda s: [], lambda s: [])


@dataclass
class _Found:
    preferred_label: str


class _Extractor:
    """What score_cv_lines needs of a linker: extract(text) -> objects with preferred_label."""

    def __init__(self, found: dict[str, list[str]]):
        self.found = found

    def extract(self, text):
        return [_Found(label) for label in self.found[text]]


def test_cv_lines_scores_count_any_of_a_group_and_forbidden_skills():
    lines = [
        {"text": "a", "must": [["x", "y"], "z"], "must_not": ["bad"]},
        {"text": "b", "must": ["w"], "must_not": []},
    ]
    got = score_cv_lines(_Extractor({"a": ["y", "bad", "other"], "b": ["w"]}), lines)
    assert got["must"] == 3 and got["recall"] == pytest.approx(200 / 3, abs=0.01)
    assert got["must_not_found"] == 1 and got["precision"] == pytest.approx(200 / 3, abs=0.01)
    assert got["lines_right"] == 1
    assert got["failures"] == [{"text": "a", "missed": ["z"], "must_not_found": ["bad"]}]


def test_cv_lines_marked_with_a_split_are_also_scored_per_split():
    lines = [
        {"text": "a", "must": ["x"], "must_not": []},
        {"text": "b", "must": ["w"], "must_not": [], "split": "dev"},
        {"text": "c", "must": ["z"], "must_not": ["bad"], "split": "heldout"},
    ]
    got = score_cv_lines(_Extractor({"a": ["x"], "b": ["w"], "c": ["bad"]}), lines)
    assert got["lines"] == 3 and got["lines_right"] == 2
    assert got["splits"]["dev"] == {
        "lines": 1,
        "must": 1,
        "recall": 100.0,
        "must_not_found": 0,
        "precision": 100.0,
        "lines_right": 1,
    }
    assert got["splits"]["heldout"]["must_not_found"] == 1
    assert "split heldout: 1 lines" in format_fixture({"cv_lines": got})
    assert "splits" not in score_cv_lines(_Extractor({"a": ["x"]}), lines[:1])


def test_cv_lines_of_a_kind_are_also_scored_per_kind_and_split():
    lines = [
        {"text": "a", "must": ["x"], "must_not": [], "split": "dev"},
        {"text": "b", "must": ["w"], "must_not": [], "split": "dev", "kind": "posting"},
        {"text": "c", "must": ["z"], "must_not": [], "split": "heldout", "kind": "posting"},
    ]
    got = score_cv_lines(_Extractor({"a": ["x"], "b": [], "c": ["z"]}), lines)["splits"]
    assert set(got) == {"dev", "heldout", "posting dev", "posting heldout"}
    assert got["dev"]["lines"] == 2 and got["dev"]["lines_right"] == 1
    assert got["posting dev"]["lines"] == 1 and got["posting dev"]["lines_right"] == 0
    assert got["posting heldout"]["lines_right"] == 1


def test_cv_lines_of_a_round_are_also_scored_per_round_and_split():
    lines = [
        {"text": "a", "must": ["x"], "must_not": [], "split": "dev", "round": "r2"},
        {"text": "b", "must": ["w"], "must_not": [], "split": "heldout", "round": "r2"},
        {"text": "c", "must": ["z"], "must_not": [], "split": "dev"},
    ]
    got = score_cv_lines(_Extractor({"a": ["x"], "b": [], "c": ["z"]}), lines)["splits"]
    assert set(got) == {"dev", "heldout", "r2 dev", "r2 heldout"}
    assert got["r2 dev"]["lines"] == 1 and got["r2 dev"]["lines_right"] == 1
    assert got["r2 heldout"]["lines_right"] == 0 and got["dev"]["lines"] == 2


def test_the_fixtures_are_large_varied_and_well_formed():
    cv = read_fixture(FIXTURES / "cv_lines.json")["lines"]
    assert len(cv) >= 40
    sectors = {line["sector"] for line in cv}
    assert {"care", "trades", "hospitality", "logistics", "office", "IT", "retail",
            "teaching"} <= sectors  # fmt: skip
    # a line names a skill an adviser expects, or (round jobs-18) the job it says alone
    assert all(
        (line["must"] or line.get("jobs")) and isinstance(line["must_not"], list) for line in cv
    )
    # a sixth round's 30 lines ... split alternately; postings-3's by their opening (12 / 14)
    by_opening = [line["split"] for line in cv if line.get("round") == "postings-3"]
    assert by_opening.count("dev") == 12 and by_opening.count("heldout") == 14
    # words-19's 25 by position, three dev to two held out (15 / 10)
    by_position = [line["split"] for line in cv if line.get("round") == "words-19"]
    assert by_position.count("dev") == 15 and by_position.count("heldout") == 10
    uneven = ("postings-3", "words-19")
    splits = [line["split"] for line in cv if "split" in line and line.get("round") not in uneven]
    assert set(splits) == {"dev", "heldout"} and splits.count("dev") == splits.count("heldout")
    postings = [line["split"] for line in cv if line.get("kind") == "posting"]  # a ninth's 30
    assert len(postings) == 80 and postings.count("dev") == 39  # postings-2's 24, -3's 26
    names = read_fixture(FIXTURES / "stated_names.json")["names"]
    assert len(names) >= 60
    issue = {"DAX", "pandas", "Pivot tables", "Order of draw", "user account management",
             "help desk ticketing", "matplotlib", "personal care", "dementia care"}  # fmt: skip
    assert issue <= {n["name"] for n in names}
    assert any(n["expect"] is None for n in names) and all("expect" in n for n in names)


def test_a_file_that_is_no_fixture_is_refused(tmp_path):
    path = tmp_path / "other.json"
    path.write_text(json.dumps({"rows": []}))
    with pytest.raises(ValueError, match="'lines' or 'names'"):
        read_fixture(path)


def test_cli_eval_extraction_on_a_benchmark_file_and_on_a_fixture(
    tmp_path, mini_data_dir, monkeypatch, capsys
):
    from service.cli.main import main

    monkeypatch.setenv("SKILLMATCH_MODEL", "fake:64")
    monkeypatch.setenv("SKILLMATCH_DATA_DIR", str(mini_data_dir))
    monkeypatch.setenv("SKILLMATCH_DATABASE_URL", f"sqlite:///{tmp_path / 'cli.db'}")
    monkeypatch.setenv("SKILLMATCH_INDEX_DIR", str(tmp_path / "indexes"))
    monkeypatch.setenv("SKILLMATCH_PROGRESS", "false")
    path = tmp_path / "b.csv"
    _write(path, ROWS)
    assert main(["eval", "extraction", str(path), "--json"]) == 0
    got = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert got["sentences"]["n"] == 3 and got["spans"]["n"] == 5
    assert {"precision", "recall", "f1"} <= set(got["sentences"]) and "seconds" in got
    assert main(["eval", "extraction", str(FIXTURES / "stated_names.json")]) == 0
    out = capsys.readouterr().out
    assert "stated names: accuracy" in out
