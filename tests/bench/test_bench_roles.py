"""The roles bench runs end to end on the mini taxonomy, beside its reference, and its table rows
carry the figures with their reference."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlmodel import Session

from models.tables import Credential, Occupation
from service.bench.report import rows


def test_roles_bench_reports_latency_beside_one_gap_per_occupation(settings, runtime):
    from service.bench.roles import run_roles_bench

    with Session(runtime.engine) as s:
        n_occ = s.execute(select(func.count()).select_from(Occupation)).scalar_one()
        n_cred = s.execute(select(func.count()).select_from(Credential)).scalar_one()
    out = run_roles_bench(settings, n_learners=6, n_reference=4, runtime=runtime)
    assert out["occupations"] == n_occ and out["learners"] == 6 and out["limit"] == 10
    assert 0 < out["p50_ms"] <= out["p99_ms"] and out["cpu_p50_ms"] > 0
    assert set(out["stage_p50_ms"]) == {"learner", "rank", "page"}
    # both rounded: the one gap to 0.01 ms (then scaled), the product to 0.1 ms
    one_gap, tolerance = out["reference_one_gap_p50_ms"], n_occ * 0.005 + 0.05 + 1e-9
    assert out["reference_gap_per_occupation_ms"] == pytest.approx(one_gap * n_occ, abs=tolerance)
    assert out["speedup_vs_reference_p50"] > 0
    assert 0 < out["top_coverage_p50"] <= 1  # a learner declares part of a real occupation
    with Session(runtime.engine) as s:  # nothing written
        assert s.execute(select(func.count()).select_from(Credential)).scalar_one() == n_cred
    got = {(r[0], r[1]): r[2:] for r in rows({"roles": out})}
    p99 = got[("roles", f"{n_occ:,} occupations p99 ms")]
    assert p99[1].startswith("POST /v1/gap per occupation ") and p99[2].endswith("x")


def test_roles_rows_put_the_figure_beside_its_reference():
    report = {"roles": {"occupations": 3007, "p50_ms": 40.0, "p99_ms": 80.0,
                        "reference_gap_per_occupation_ms": 24056.0}}  # fmt: skip
    got = {(r[0], r[1]): r[2:] for r in rows(report)}
    assert got[("roles", "3,007 occupations p50 ms")] == (
        "40",
        "POST /v1/gap per occupation 24,056",
        "0.00166x",
    )
    assert got[("roles", "3,007 occupations p99 ms")][0] == "80"
