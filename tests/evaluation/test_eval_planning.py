"""The planning evaluation on the mini taxonomy with a catalog made from its occupations."""

from __future__ import annotations

from service.evaluation.planning import run_planning_eval


def test_planning_eval_reports_sane_figures(occupation_catalog):
    out = run_planning_eval(occupation_catalog, n_roles=5, seed=3)
    assert set(out) >= {
        "coverage",
        "hours_ratio_vs_optimum",
        "baseline_coverage",
        "baseline_hours_ratio",
        "n_roles",
    }
    assert 1 <= out["n_roles"] <= 5
    assert 0.0 <= out["baseline_coverage"] <= 1.0
    assert out["coverage"] >= 0.95  # every gap skill is taught by some module
    assert out["optimum_coverage"] >= out["coverage"] - 1e-6
    assert out["hours_ratio_vs_optimum"] >= 1.0 - 1e-6  # the optimum is never beaten
    assert out["hours_ratio_vs_optimum"] <= 1.5
