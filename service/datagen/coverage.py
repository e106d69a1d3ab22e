"""How much of each ESCO occupation a catalog file teaches, and how its credentials are sized.

Read from the files themselves (the gzipped JSON lines catalog and the ESCO relations), so the
README and the test on the shipped data check what ships, not what the generator meant to make.
"""

from __future__ import annotations

import gzip
import json
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from service.datagen.esco import occupation_skills

MIN_ESSENTIAL = 6  # occupations with at least this many essential skills are counted
BINS = (("100%", 1.0), ("90-99%", 0.9), ("80-89%", 0.8), ("50-79%", 0.5), ("<50%", 0.0))


@dataclass
class Coverage:
    n_credentials: int
    n_occupations: int  # with >= MIN_ESSENTIAL essential skills
    bins: dict[str, int]  # BINS label -> occupations whose share of essentials taught falls in it
    at_least_80: float  # share of those occupations with >= 80% of their essentials taught
    skills_per_credential: dict[str, float]  # min, p25, median, p75, max (programmes excluded)
    hours_per_kind: dict[str, dict[str, float]]  # kind -> n, min, median, max


def read_catalog(path: Path) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def bin_of(share: float) -> str:
    return next(label for label, floor in BINS if share >= floor)


def occupation_shares(taught: set[str], esco_dir: Path) -> list[float]:
    """Per occupation with enough essential skills: the share of them the catalog teaches."""
    shares = []
    for _, (essential, _) in sorted(occupation_skills(esco_dir).items()):
        if len(essential) >= MIN_ESSENTIAL:
            shares.append(len(essential & taught) / len(essential))
    return shares


def _quantiles(values: list[float]) -> dict[str, float]:
    q = statistics.quantiles(values, n=4, method="inclusive")
    return {
        "min": min(values),
        "p25": q[0],
        "median": statistics.median(values),
        "p75": q[2],
        "max": max(values),
    }


def coverage(catalog_path: Path, esco_dir: Path) -> Coverage:
    docs = read_catalog(catalog_path)
    taught = {s["uri"] for d in docs for s in d["skills"] if s.get("uri")}
    shares = occupation_shares(taught, esco_dir)
    bins = Counter(bin_of(s) for s in shares)
    sizes = [len(d["skills"]) for d in docs if d["kind"] != "stackable_program"]
    hours: dict[str, list[float]] = defaultdict(list)
    for d in docs:
        hours[d["kind"]].append(d["hours"])
    return Coverage(
        n_credentials=len(docs),
        n_occupations=len(shares),
        bins={label: bins[label] for label, _ in BINS},
        at_least_80=sum(s >= 0.8 for s in shares) / max(1, len(shares)),
        skills_per_credential=_quantiles([float(n) for n in sizes]),
        hours_per_kind={
            k: {"n": len(v), "min": min(v), "median": statistics.median(v), "max": max(v)}
            for k, v in sorted(hours.items())
        },
    )
