"""Roles that fit a learner, judged as a careers adviser would: learners in plain words
(tests/fixtures/role_learners.json: a CV line and the skills they would type) with the ESCO
occupations an adviser accepts among the first five suggestions and those that must not be there.

Each learner goes through the service's own path (the learner of POST /v1/roles/suggest, then
its ranking of every occupation). Reported: hit@5 (a learner whose top five holds an accepted
occupation), MRR (1 / the rank of the first accepted occupation in the whole ranking, 0 when
none is ranked), the must-not occupations found in a top five, and each learner's top five.
Run on the configured runtime: `python -m service.evaluation.roles [fixture] [--json]`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlmodel import Session

from models.roles import SuggestLearnerIn
from service.recommend.gap import learner_of
from service.roles.suggest import ranking

if TYPE_CHECKING:
    from service.runtime import Runtime

FIXTURE = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "role_learners.json"
TOP = 5


def read_role_learners(path: str | Path = FIXTURE) -> list[dict[str, Any]]:
    """The fixture's learners: each {"id", "learner", "accept", "must_not"}."""
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    if not isinstance(data, dict) or not isinstance(data.get("learners"), list):
        raise ValueError(f"{path}: expected a JSON object with 'learners'")
    return data["learners"]


def judge(ranked: list[str], accept: list[str], must_not: list[str], k: int = TOP) -> dict:
    """One learner's ranking (occupation labels, best first) against the adviser's lists."""
    first = next((i for i, label in enumerate(ranked, start=1) if label in set(accept)), None)
    return {
        "top": ranked[:k],
        "first_accepted": first,
        "hit": first is not None and first <= k,
        "rr": 1.0 / first if first else 0.0,
        "must_not_found": [label for label in ranked[:k] if label in set(must_not)],
    }


def summarise(judged: list[dict], k: int = TOP) -> dict[str, Any]:
    """hit@k, MRR and the must-not occupations found, over the judged learners."""
    n = len(judged)
    return {
        "learners": n,
        f"hit@{k}": round(100 * sum(j["hit"] for j in judged) / n, 1) if n else 0.0,
        "mrr": round(100 * sum(j["rr"] for j in judged) / n, 1) if n else 0.0,
        f"must_not_in_top{k}": sum(len(j["must_not_found"]) for j in judged),
    }


def ranked_labels(runtime: Runtime, session: Session, learner: dict) -> list[str]:
    """The occupations the service ranks for a learner (a POST /v1/roles/suggest learner)."""
    lr = SuggestLearnerIn.model_validate(learner)
    learner = learner_of(runtime, session, lr, limits=None)
    matrix, _pairs, _scores, order = ranking(runtime, session, learner.profile, jobs=learner.jobs)
    return [matrix.labels[r] for r in order.tolist()]


def evaluate_roles(runtime: Runtime, learners: list[dict], k: int = TOP) -> dict[str, Any]:
    """The summary (hit@k, MRR in percent, must-not found) and each learner's judgement."""
    judged = []
    with Session(runtime.engine) as session:
        for entry in learners:
            ranked = ranked_labels(runtime, session, entry["learner"])
            judged.append(
                {"id": entry["id"]} | judge(ranked, entry["accept"], entry["must_not"], k)
            )
    return summarise(judged, k) | {"per_learner": judged}


def main(argv: list[str] | None = None) -> int:
    from service.config import Settings
    from service.runtime import build_runtime

    args = sys.argv[1:] if argv is None else argv
    path = next((a for a in args if not a.startswith("--")), FIXTURE)
    result = evaluate_roles(build_runtime(Settings()), read_role_learners(path))
    if "--json" in args:
        print(json.dumps(result))
        return 0
    for j in result["per_learner"]:
        mark = "hit " if j["hit"] else "MISS"
        bad = f"  must-not: {j['must_not_found']}" if j["must_not_found"] else ""
        print(f"{mark} {j['id']:18s} first accepted: {j['first_accepted']}  {j['top']}{bad}")
    summary = {k: v for k, v in result.items() if k != "per_learner"}
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
