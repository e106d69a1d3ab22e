"""The planning evaluation on the mini taxonomy with a catalog made from its occupations."""

from __future__ import annotations

from sqlalchemy import select
from sqlmodel import Session

from models.tables import Occupation, OccupationSkill, Skill
from service.evaluation.planning import run_planning_eval
from service.ingest.pipeline import Ingestor


def test_planning_eval_reports_sane_figures(runtime):
    with Session(runtime.engine) as s:
        rows = s.execute(
            select(Occupation.id, Skill.uri)
            .join(OccupationSkill, OccupationSkill.occupation_id == Occupation.id)
            .join(Skill, Skill.id == OccupationSkill.skill_id)
            .where(OccupationSkill.relation == "essential", OccupationSkill.source == "esco")
            .order_by(Occupation.id, Skill.uri)
        ).all()
    by_occ: dict[int, list[str]] = {}
    for oid, uri in rows:
        by_occ.setdefault(oid, []).append(uri)
    docs = []
    for oid, uris in by_occ.items():
        for j in range(0, len(uris), 3):
            docs.append(
                {
                    "external_id": f"evp:{oid}:{j}",
                    "title": f"Module {oid}-{j}",
                    "kind": "course",
                    "hours": 5 + j,
                    "cost": 10,
                    "skills": [{"uri": u} for u in uris[j : j + 3]],
                }
            )
        docs.append(
            {
                "external_id": f"evp:{oid}:all",
                "title": f"Full programme {oid}",
                "kind": "certificate",
                "hours": 400,
                "skills": [{"uri": u} for u in uris],
            }
        )
    res = Ingestor(runtime, "credential").ingest(docs)
    assert res.count("error") == 0
    out = run_planning_eval(runtime, n_roles=5, seed=3)
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
