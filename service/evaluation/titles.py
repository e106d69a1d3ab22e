"""`skillmatch eval titles`: job-title resolution, measured on two sets.

- MELO (English, official O*NET titles -> ESCO occupations). Gold is the set of ESCO occupations
  of a query's relevant surface forms (ISCO groups dropped; queries left without one dropped).
- The noisy set: titles people type, from O*NET 29.2 `Alternate Titles.txt` and `Sample of
  Reported Titles.txt`, each mapped to the ESCO occupations that the ESCO-O*NET crosswalk calls an
  `exactMatch` of its O*NET-SOC code (titles of several codes take the union). A title whose code
  has no exact match is dropped. A stable hash of the title splits it into a development part
  (80%: tuning, and the resolver's memory of known titles) and a test part (20%, reported, never
  tuned on, never in the memory): service/titles/memory.py.

Reports MRR, acc@1 and recall@5/10 over the resolver's ranked occupations, in percent, for the
resolver the service uses and, beside it, the plain label search it replaced.
"""

from __future__ import annotations

import csv
import hashlib
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path

from service.titles.memory import read_noisy, title_split

OCC_PREFIX = "http://data.europa.eu/esco/occupation/"
__all__ = [
    "OCC_PREFIX",
    "evaluate_titles",
    "read_melo",
    "read_noisy",
    "run_title_eval",
    "title_split",
]


def _tsv(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return [row for row in csv.reader(fh, delimiter="\t") if row]


def read_melo(folder: str | Path) -> list[tuple[str, set[str]]]:
    folder = Path(folder)
    queries = dict(_tsv(folder / "queries.tsv"))
    concept = dict(_tsv(folder / "concept_mapping.tsv"))
    gold: dict[str, set[str]] = defaultdict(set)
    for qid, _zero, element, rel in _tsv(folder / "annotations.tsv"):
        uri = concept.get(element, "")
        if rel != "0" and uri.startswith(OCC_PREFIX):
            gold[qid].add(uri)
    return [(queries[q], g) for q, g in gold.items() if q in queries]


def evaluate_titles(
    examples: Sequence[tuple[str, set[str]]], rank: Callable[[str], list[str]], k: int = 10
) -> dict:
    rr, rec, rec5, acc = 0.0, 0.0, 0.0, 0.0
    for title, gold in examples:
        ranked = rank(title)
        first = next((i for i, u in enumerate(ranked, 1) if u in gold), None)
        rr += 1.0 / first if first else 0.0
        acc += first == 1
        rec += len(gold & set(ranked[:k])) / len(gold)
        rec5 += len(gold & set(ranked[:5])) / len(gold)
    n = max(1, len(examples))
    return {
        "mrr": round(100 * rr / n, 2),
        "acc@1": round(100 * acc / n, 2),
        "recall@5": round(100 * rec5 / n, 2),
        f"recall@{k}": round(100 * rec / n, 2),
        "n": len(examples),
    }


def _rankers(runtime, depth: int) -> dict[str, Callable[[str], list[str]]]:
    from sqlalchemy import select
    from sqlmodel import Session

    from models.tables import Occupation

    with Session(runtime.engine) as s:
        uri_of = dict(s.execute(select(Occupation.id, Occupation.uri)).all())

    def resolver(title: str) -> list[str]:
        found = runtime.titles.resolve(title, k=depth).candidates
        return [uri_of[c.occupation_id] for c in found]

    def labels_only(title: str) -> list[str]:
        return [uri_of[h.entity_id] for h in runtime.occupations.search(title, k=depth)]

    return {"resolver": resolver, "label_search": labels_only}


def run_title_eval(
    runtime,
    *,
    melo: str | Path | None = None,
    onet: str | Path | None = None,
    crosswalk: str | Path | None = None,
    split: str = "dev",
    limit: int | None = None,
    depth: int = 100,
) -> dict:
    """{set name: {ranker name: metrics}} for MELO and/or the noisy set's `split`
    (`limit`: the first N of a stable shuffle, for quick looks)."""
    sets: dict[str, list[tuple[str, set[str]]]] = {}
    if melo:
        sets["melo"] = read_melo(melo)
    if onet and crosswalk:
        rows = read_noisy(onet, crosswalk, split)
        if limit:
            rows = sorted(rows, key=lambda r: hashlib.sha256(r[0].encode()).digest())[:limit]
        sets[f"noisy_{split}"] = rows
    rankers = _rankers(runtime, depth)
    return {
        name: {rname: evaluate_titles(rows, rank) for rname, rank in rankers.items()}
        for name, rows in sets.items()
    }
