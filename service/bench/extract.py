"""`make bench` part `extract`: skill extraction from a job posting beside the raw encoder
(issue goal: extraction costs at most 2x encoding the posting's sentences once).

For each of N SkillSpan postings (their full text, as `POST /v1/skills/extract` gets it) the
same process times, one after the other:

- the reference: the bare encoder (`encode_queries`, one call, the linker's batch size) on the
  sentences extraction reads (`indexing.extract.units`: headings and lines without a content
  word left out), and
- `SkillLinker.extract(text)` at the service's defaults (the linker's query cache emptied first,
  so each posting is extracted cold: no vector of an earlier posting is reused; the vectors of
  the taxonomy's label words, `indexing.vocabulary`, stay, as they are index data built with
  the label vectors, like those).

A posting's ratio is extraction / reference. The report gives p50 and p99 of both times and of
the ratios, and the ratio of the totals. For the first `n_exact` postings the exact path
(`extract_span_vectors="encoded"`, `extract_candidates=0`: every phrase and n-gram encoded alone,
scored against every skill; the defaults before this part existed) is timed too, with the
agreement of the two (the Jaccard overlap of the skills kept).
"""

from __future__ import annotations

import dataclasses
import os
import statistics
import time
from pathlib import Path

from service.config import Settings

GOAL_RATIO = 2.0
EXACT = {"extract_span_vectors": "encoded", "extract_candidates": 0}


def _pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def _jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a | b else 1.0


def _timed(fn):
    t0 = time.perf_counter()
    out = fn()
    return time.perf_counter() - t0, out


def _summary(ms: list[float]) -> dict:
    return {"p50_ms": round(_pct(ms, 0.5), 1), "p99_ms": round(_pct(ms, 0.99), 1)}


def measure(linker, texts: list[str], *, n_exact: int = 10) -> dict:
    """The part's figures for these texts (module docstring)."""
    from indexing.extract import units

    batch = linker.config.span_batch_size
    linker.encoder.encode_queries(["warm-up: the first forward pass allocates"] * 8)
    raw_ms, ext_ms, ratios, exact_ms, agree = [], [], [], [], []
    fast_cfg = linker.config
    for i, text in enumerate(texts):
        sentences = list(dict.fromkeys(s.text for s, u in units(text) if s == u))
        raw_s, _ = _timed(lambda s=sentences: linker.encoder.encode_queries(s, batch_size=batch))
        linker.clear_query_cache()
        ext_s, found = _timed(lambda t=text: linker.extract(t))
        raw_ms.append(1000 * raw_s)
        ext_ms.append(1000 * ext_s)
        ratios.append(ext_s / raw_s if raw_s else 0.0)
        if i < n_exact:
            linker.config = dataclasses.replace(fast_cfg, **EXACT)
            try:
                linker.clear_query_cache()
                exact_s, exact = _timed(lambda t=text: linker.extract(t))
            finally:
                linker.config = fast_cfg
            exact_ms.append(1000 * exact_s)
            agree.append(_jaccard({x.skill_id for x in found}, {x.skill_id for x in exact}))
    out = {
        "postings": len(texts),
        "median_chars": int(statistics.median(len(t) for t in texts)) if texts else 0,
        "extract": _summary(ext_ms),
        "raw_encoder_sentences": _summary(raw_ms),
        "ratio_p50": round(_pct(ratios, 0.5), 2),
        "ratio_p99": round(_pct(ratios, 0.99), 2),
        "ratio_of_totals": round(sum(ext_ms) / sum(raw_ms), 2) if sum(raw_ms) else None,
        "goal_ratio": GOAL_RATIO,
        "goal_met": _pct(ratios, 0.5) <= GOAL_RATIO,
        "span_vectors": fast_cfg.extract_span_vectors,
        "candidates": fast_cfg.extract_candidates,
        "short_precision": linker._short.precision(fast_cfg.extract_short_precision),
        "vocabulary_words": linker._cache.vocabulary_size,
    }
    if exact_ms:
        out["exact_path"] = {
            "postings": len(exact_ms),
            **_summary(exact_ms),
            "speedup_p50": round(_pct(exact_ms, 0.5) / _pct(ext_ms[: len(exact_ms)], 0.5), 2),
            "skills_jaccard_mean": round(statistics.mean(agree), 3),
        }
    return out


def run_extract_bench(
    settings: Settings, *, n_postings: int = 60, n_exact: int = 10, runtime=None
) -> dict:
    """The part on the first `n_postings` SkillSpan postings, with the built indexes (or
    `runtime`'s)."""
    from service.defaults import POSTINGS, read_jsonl_gz
    from service.runtime import build_runtime

    own = runtime is None
    runtime = runtime or build_runtime(settings)
    docs = read_jsonl_gz(Path(settings.data_dir) / POSTINGS)[:n_postings]
    out = measure(runtime.linker, [d["text"] for d in docs], n_exact=n_exact)
    out["cpus"] = os.cpu_count()
    out["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    if own:
        runtime.engine.dispose()
    return out
