"""`skillmatch eval titles DIR`: job-title resolution on the MELO benchmark (English, O*NET titles
-> ESCO occupations). Gold is the set of ESCO occupations of a query's relevant surface forms
(ISCO groups dropped; queries left without an occupation dropped). Reports MRR and recall@10 over
the resolver's ranked occupations, in percent."""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path

OCC_PREFIX = "http://data.europa.eu/esco/occupation/"


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
    rr, rec = 0.0, 0.0
    for title, gold in examples:
        ranked = rank(title)
        first = next((i for i, u in enumerate(ranked, 1) if u in gold), None)
        rr += 1.0 / first if first else 0.0
        rec += len(gold & set(ranked[:k])) / len(gold)
    n = len(examples)
    return {"mrr": round(100 * rr / n, 2), f"recall@{k}": round(100 * rec / n, 2), "n": n}


def run_title_eval(runtime, folder: str | Path, *, depth: int = 100) -> dict:
    from sqlalchemy import select
    from sqlmodel import Session

    from models.tables import Occupation

    with Session(runtime.engine) as s:
        uri_of = dict(s.execute(select(Occupation.id, Occupation.uri)).all())

    def rank(title: str) -> list[str]:
        return [uri_of[h.entity_id] for h in runtime.occupations.search(title, k=depth)]

    return evaluate_titles(read_melo(folder), rank)
