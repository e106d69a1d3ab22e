"""The employer ranking bench runs end to end on the mini taxonomy and cleans up after itself."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlmodel import Session

from models.tables import Candidate, Tenant


def test_employer_bench_reports_latency_and_cleans_up(settings, runtime):
    from service.bench.employer import run_employer_bench

    with Session(runtime.engine) as s:
        tenants_before = s.execute(select(func.count()).select_from(Tenant)).scalar_one()
    out = run_employer_bench(settings, n_candidates=300, n_requests=5, runtime=runtime)
    assert out["candidates"] == 300 and out["opening_skills"] >= 15
    assert 0 < out["p50_ms"] <= out["p99_ms"]
    assert out["reference_per_candidate_gap_ms"] > 0 and out["top_coverage"] > 0
    with Session(runtime.engine) as s:
        assert s.execute(select(func.count()).select_from(Tenant)).scalar_one() == tenants_before
        names = s.execute(select(Candidate.name).where(Candidate.name == "c0")).all()
        assert names == []
