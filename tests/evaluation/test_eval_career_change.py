"""`skillmatch eval planning --set career-change` on the mini taxonomy: the pairs, the figures'
keys and counts, determinism, and the scores computed by hand on a tiny case."""

from __future__ import annotations

import json

import numpy as np
import pytest
from sqlmodel import Session

from service.cli.main import build_parser
from service.evaluation.career_change import (
    BUDGET_RANGES,
    Occ,
    isco_pairs,
    occupations,
    sample_pairs,
)
from service.evaluation.career_planning import format_career_change, run_career_change_eval
from service.evaluation.plan_scores import (
    Columns,
    hours_ratio,
    relevant_steps,
    score_plan,
    summarise,
)

FIGURES = {
    "essential_coverage",
    "hours_ratio_vs_optimum",
    "relevance",
    "median_steps",
    "reach_80",
    "n_pairs",
}
MOVES = {  # O*NET code -> the mini occupation it stands for; related: (code, related code)
    "15-1252.00": "software developer",
    "15-1254.00": "web developer",
    "15-2051.00": "data scientist",
    "15-1242.00": "database administrator",
    "35-2014.00": "cook",
}
RELATED = [
    ("15-1252.00", "15-1254.00"),
    ("15-1252.00", "15-2051.00"),
    ("15-2051.00", "15-1242.00"),
    ("15-1254.00", "15-1252.00"),
    ("15-1242.00", "15-2051.00"),
    ("35-2014.00", "15-1252.00"),
]


@pytest.fixture
def data_dir(tmp_path, runtime):
    """A DATA_DIR with a small `Related Occupations.txt` and crosswalk over the mini taxonomy."""
    with Session(runtime.engine) as s:
        uri_of = {o.label: uri for uri, o in occupations(s).items()}
    onet = tmp_path / "onet-29.2"
    onet.mkdir()
    lines = ["O*NET-SOC Code\tRelated O*NET-SOC Code\tRelatedness Tier\tIndex"]
    lines += [f"{a}\t{b}\tPrimary-Short\t{i}" for i, (a, b) in enumerate(RELATED, 1)]
    (onet / "Related Occupations.txt").write_text("\n".join(lines) + "\n")
    walk = {code: {"matches": {uri_of[label]: "exactMatch"}} for code, label in MOVES.items()}
    walk["11-1011.00"] = {"matches": {uri_of["accountant"]: "broadMatch"}}  # not used
    (tmp_path / "melo").mkdir()
    (tmp_path / "melo" / "onet_to_esco_crosswalk_usa_en.json").write_text(json.dumps(walk))
    return tmp_path


def _moves(runtime, data_dir, seed):
    with Session(runtime.engine) as s:
        return [
            (p.source.label, p.target.label, p.via, p.budget_hours)
            for p in sample_pairs(s, data_dir, seed=seed)
        ]


def test_pairs_come_from_related_occupations_with_budgets(runtime, data_dir):
    moves = _moves(runtime, data_dir, seed=5)
    related = {(MOVES[a], MOVES[b]) for a, b in RELATED}
    assert moves and {(a, b) for a, b, _, _ in moves} <= related
    assert len(moves) == len({(a, b) for a, b, _, _ in moves})  # each pair once
    assert all(via == "onet:Primary-Short" for _, _, via, _ in moves)
    lo, hi = min(r[1] for r in BUDGET_RANGES), max(r[2] for r in BUDGET_RANGES)
    assert all(lo <= h <= hi and h % 10 == 0 for *_, h in moves)
    assert moves == _moves(runtime, data_dir, seed=5)  # seeded: the same order and budgets


def test_isco_pairs_are_unit_groups_with_a_gap():
    def occ(uri, isco, skills):
        return Occ(hash(uri), uri, uri, isco, frozenset(skills))

    occs = {
        "a": occ("a", "2511", range(8)),
        "b": occ("b", "2511", range(3, 11)),
        "c": occ("c", "2511", range(3)),  # too few essential skills to be a target
        "d": occ("d", "2512", range(8)),
    }
    pairs = isco_pairs(occs)
    assert set(pairs) == {("a", "b"), ("b", "a"), ("c", "a"), ("c", "b")}
    assert set(pairs.values()) == {"isco:2511"}


def test_career_change_eval_keys_counts_and_determinism(occupation_catalog, data_dir):
    rows: list = []
    out = run_career_change_eval(occupation_catalog, data_dir, n_pairs=3, seed=7, details=rows)
    assert FIGURES <= set(out)
    for other in ("baseline", "optimum", "without_optional"):
        assert FIGURES <= set(out[other])
    assert out["n_pairs"] == len(rows) == 3 == out["baseline"]["n_pairs"]
    assert sum(out["pairs_by_source"].values()) == 3
    assert all(len(r["pair"].target.essentials) >= 6 for r in rows)
    assert 0.9 <= out["essential_coverage"] <= 1.0 + 1e-9  # every gap skill has a module
    halves = out["halves"]
    assert halves["dev"]["n_pairs"] + halves["test"]["n_pairs"] == 3
    assert all(r["pair"].half in ("dev", "test") for r in rows)
    assert out["optimum"]["hours_ratio_vs_optimum"] == 1.0
    assert 0.0 <= out["relevance"] <= 1.0 and 0.0 <= out["baseline"]["relevance"] <= 1.0
    for part in (out, out["optimum"], out["baseline"]):  # a plan's hours-weighted focus
        assert 0.0 <= part["focus"] <= 1.0
    for r in rows:
        assert set(r["focus"]) == {"greedy", "optimum", "baseline", "reach"}
    assert "focus" in format_career_change(out)
    again = run_career_change_eval(occupation_catalog, data_dir, n_pairs=3, seed=7)

    def stable(d):
        return {k: v for k, v in d.items() if k not in ("seconds", "greedy_ms_mean")}

    assert stable(again) == stable(out)
    assert "greedy" in format_career_change(out)
    json.dumps(out)


def test_scores_by_hand():
    # open skills: 0 (essential, credit 0), 1 (essential, credit 0.5 from a neighbour),
    # 2 (optional, weight 0.5); the role has 4 essential skills, 2 held
    cols = Columns(
        residual=np.array([1.0, 0.5, 1.0]),
        weights=np.array([1.0, 1.0, 0.5]),
        essential=np.array([True, True, False]),
        essential_total=4.0,
        essential_before=2.5,
    )
    rows = np.array(
        [
            [1.0, 0.0, 0.0],  # A, 10 h: opens skill 0
            [0.0, 0.0, 1.0],  # B, 30 h: the optional skill only
            [1.0, 0.8, 0.0],  # C, 20 h: raises skill 1 (to its residual 0.5)
            [0.5, 0.3, 0.0],  # D, 5 h: nothing new
        ]
    )
    assert relevant_steps(rows, cols) == [True, False, True, False]
    assert relevant_steps(rows[[2, 0]], cols) == [True, False]  # in the plan's order
    s = score_plan(rows, [10, 30, 20, 5], cols, reachable=2.0)
    assert s.essential_credit == pytest.approx(1.5)  # 1 + min(0.8, 0.5)
    assert s.essential_coverage == pytest.approx(0.75)
    assert s.relevance == pytest.approx(30 / 65)
    assert s.essential_after == pytest.approx(1.0) and s.reach_80
    assert s.steps == 4 and s.hours == 65
    short = score_plan(rows[[1]], [30], cols, reachable=2.0)
    assert short.relevance == 0.0 and short.essential_coverage == 0.0
    assert short.essential_after == pytest.approx(2.5 / 4) and not short.reach_80
    empty = score_plan(np.zeros((0, 3)), [], cols, reachable=2.0)
    assert empty.relevance is None and empty.steps == 0
    assert hours_ratio(65, 50) == 1.3 and hours_ratio(0, 0) == 1.0 and hours_ratio(5, 0) is None
    fig = summarise([s, short, empty], [1.3, 1.0, None])
    assert fig["n_pairs"] == 3 and fig["median_steps"] == 1
    assert fig["relevance"] == pytest.approx(round((30 / 65) / 2, 4))  # empty plan left out
    assert fig["hours_ratio_vs_optimum"] == pytest.approx(1.15)
    assert fig["reach_80"] == pytest.approx(round(1 / 3, 4))


def test_cli_takes_the_set_and_the_data_folder():
    args = build_parser().parse_args(
        ["eval", "planning", "--set", "career-change", "--json", "/data", "--pairs", "40"]
    )
    assert (args.set, args.data, args.pairs, args.json) == ("career-change", "/data", 40, True)
    assert build_parser().parse_args(["eval", "planning"]).set == "synthetic"
