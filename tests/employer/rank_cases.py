"""Rank the candidates of tests/fixtures/employer_rankings.json for their openings, as an
employer would (POST /v1/postings, /v1/candidates, /v1/openings/{id}/candidates), on the real
model and the data of `skillmatch init` (var/), and say which case puts the expected candidate
first (docs/quality.md, "An employer's words, a third round"). The opening and the candidates
are deleted after each case.

    PYTHONPATH=$PWD python -m tests.employer.rank_cases [--split dev|heldout] [--skills]
"""

from __future__ import annotations

import argparse
import json
import os
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CASES = ROOT / "tests" / "fixtures" / "employer_rankings.json"


def load_cases(split: str | None = None) -> list[dict]:
    cases = json.loads(CASES.read_text())["cases"]
    return [c for c in cases if split in (None, c["split"])]


def rank_case(client, case: dict) -> dict:
    """The case's ranking: names in order with coverage, the opening's skills, and each
    candidate's skills; everything it made is deleted."""
    made: list[str] = []
    try:
        r = client.post(
            "/v1/postings",
            json={
                "external_id": f"{case['id']}-{uuid.uuid4().hex[:6]}",
                "title": case["title"],
                "description": case["description"],
            },
        )
        r.raise_for_status()
        opening = r.json()["items"][0]["id"]
        made.append(f"/v1/postings/{opening}")
        wanted = [s["preferred_label"] for s in client.get(f"/v1/postings/{opening}/skills").json()]
        held = {}
        for name, text in case["candidates"].items():
            r = client.post("/v1/candidates", json={"name": name, "text": text})
            r.raise_for_status()
            made.append(f"/v1/candidates/{r.json()['id']}")
            held[name] = [s.get("preferred_label") or s.get("label") for s in r.json()["skills"]]
        r = client.post(f"/v1/openings/{opening}/candidates", json={"limit": 10, "plan": False})
        r.raise_for_status()
        order = [(it["candidate"]["name"], it["coverage"]) for it in r.json()["items"]]
    finally:
        for path in made:
            client.delete(path)
    return {"id": case["id"], "split": case["split"], "first": case["first"], "order": order,
            "right": _first(order, case["first"]), "opening": wanted,
            "candidates": held}  # fmt: skip


def _first(order: list[tuple[str, float]], name: str) -> bool:
    """Whether `name` comes first, strictly ahead of the second (a tie is no ranking)."""
    return bool(order) and order[0][0] == name and (len(order) < 2 or order[0][1] > order[1][1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", choices=["dev", "heldout"])
    ap.add_argument("--round", help="only the cases of this round (third, sparse)")
    ap.add_argument("--skills", action="store_true", help="print the skills read")
    args = ap.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from fastapi.testclient import TestClient
    from sqlmodel import Session

    from service.api.app import create_app
    from service.cli.main import init_runtime
    from service.config import Settings
    from service.employer.tenants import create_key, create_tenant

    var = ROOT / "var"
    settings = Settings(
        database_url=f"sqlite:///{var / 'skillmatch.db'}", index_dir=var / "indexes", progress=False
    )
    rt = init_runtime(settings)
    with Session(rt.engine) as s:
        tenant = create_tenant(s, f"rank-cases-{uuid.uuid4().hex[:8]}")
        _row, key = create_key(s, tenant.id, ["write"])
    app = create_app(settings, runtime=rt)
    right = 0
    cases = [c for c in load_cases(args.split) if args.round in (None, c.get("round"))]
    with TestClient(app, headers={"Authorization": f"Bearer {key}"}) as c:
        for case in cases:
            res = rank_case(c, case)
            right += res["right"]
            order = ", ".join(f"{n} {cov:.2f}" for n, cov in res["order"])
            mark = "RIGHT" if res["right"] else "wrong"
            print(f"{res['split']:7} {res['id']:24} {mark}  {order}")
            if args.skills:
                print("   opening:", "; ".join(res["opening"]))
                for name, skills in res["candidates"].items():
                    print(f"   {name}:", "; ".join(map(str, skills)))
    print(f"first right: {right} of {len(cases)}")


if __name__ == "__main__":
    main()
