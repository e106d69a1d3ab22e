"""`make bench`'s printed table: every figure of the report beside its reference, with the ratio.

The references are measured in the same run as the figure (see each part's module): the raw
encoder for ingest, sentence-transformers for other encoders, the Flat index (FAISS exact) for the
approximate indexes, one FAISS search for recommendations, the per-candidate gap analysis for
employer ranking, one POST /v1/gap per occupation for the roles, one client for the load test.
A part absent from the report is left out.
"""

from __future__ import annotations

from collections.abc import Iterator

Row = tuple[str, str, str, str, str]  # part, figure, value, reference, ratio
HEADER: Row = ("part", "figure", "value", "reference", "ratio")


def _n(x, unit: str = "") -> str:
    """A figure as read: 3 significant digits below 100, whole and grouped from 100 on."""
    if x is None:
        return "-"
    if not isinstance(x, int | float):
        return f"{x}{unit}"
    return f"{x:.3g}{unit}" if abs(x) < 100 else f"{x:,.0f}{unit}"


def _ratio(x) -> str:
    return "-" if x is None else f"{x:.3g}x"


def _div(a, b) -> float | None:
    return None if a is None or not b else a / b


def _row(part: str, figure: str, value, ref_name: str | None, ref_value, ratio=None) -> Row:
    """One line: the figure, its reference (name and value) and figure / reference (or the
    ratio the report computed)."""
    if ref_name is None:  # the figure is itself the reference of its part
        return (part, figure, _n(value), "(reference)", "-")
    if ratio is None:
        ratio = _div(value, ref_value)
    return (part, figure, _n(value), f"{ref_name} {_n(ref_value)}", _ratio(ratio))


def _ingest(report: dict) -> Iterator[Row]:
    refs = (("", "one_text_per_record"), (" (same texts)", "same_texts"))
    for kind in ("credentials", "postings"):
        part = report.get(kind)
        for label, ref in refs if part else ():
            yield _row("ingest", f"{kind} records/s{label}", part["pipeline_records_per_s"],
                       "raw encoder", part[f"raw_encoder_{ref}_records_per_s"],
                       part[f"ratio_vs_raw_{ref}"])  # fmt: skip


def _encoders(report: dict) -> Iterator[Row]:
    enc = report.get("encoders") or {}
    ref = enc.get("sentence_transformers")
    for name, row in enc.items():
        if not isinstance(row, dict) or "short" not in row:
            continue
        for length in ("short", "long"):
            base = ref[length]["texts_per_s"] if ref and row is not ref else None
            yield _row("encoder", f"{name} {length} texts/s", row[length]["texts_per_s"],
                       "sentence-transformers" if base else None, base)  # fmt: skip


def _index(report: dict) -> Iterator[Row]:
    for size, types in (report.get("index") or {}).get("sizes", {}).items():
        flat = types.get("flat", {})
        for name, row in types.items():
            label = f"{name} n={int(size):,}"
            ref = None if name == "flat" else "flat"
            for q in ("p50", "p99"):
                yield _row("faiss", f"{label} {q} ms", row[f"{q}_ms"], ref, flat.get(f"{q}_ms"),
                           row.get(f"{q}_vs_flat"))  # fmt: skip
            if ref:
                yield _row("faiss", f"{label} recall@10", row["recall_at_10"], ref, 1.0)
            yield _row("faiss", f"{label} build s", row["build_s"], ref, flat.get("build_s"))
            yield _row("faiss", f"{label} bytes a vector", row["bytes_per_vector"], ref,
                       flat.get("bytes_per_vector"))  # fmt: skip


def _index_large(report: dict) -> Iterator[Row]:
    """ivfpq beside ivf at each large size (the reference), with the goal figures."""
    for size, types in (report.get("index_large") or {}).get("sizes", {}).items():
        ivf = types.get("ivf", {})
        for name in ("ivf", "ivfpq"):
            row = types.get(name)
            if not row:
                continue
            label = f"{name} n={int(size):,}"
            ref = "ivf" if name != "ivf" and ivf else None
            for key, what in (("bytes_per_vector", "RAM bytes a vector"),
                              ("recall_at_10", "recall@10 vs exact"), ("p50_ms", "p50 ms"),
                              ("p99_ms", "p99 ms"), ("build_s", "build s")):  # fmt: skip
                yield _row("faiss large", f"{label} {what}", row[key], ref,
                           ivf.get(key) if ref else None)  # fmt: skip


def _recommendations(report: dict) -> Iterator[Row]:
    for size, row in (report.get("recommendations") or {}).get("sizes", {}).items():
        for q in ("p50", "p99"):
            yield _row("recommend", f"{int(size):,} credentials {q} ms", row[f"{q}_ms"],
                       "FAISS alone", row.get(f"faiss_alone_{q}_ms"),
                       row.get(f"{q}_vs_faiss_alone"))  # fmt: skip


def _employer(report: dict) -> Iterator[Row]:
    row = report.get("employer_ranking")
    for q in ("p50", "p99") if row else ():
        yield _row("employer", f"{row['candidates']:,} candidates {q} ms", row[f"{q}_ms"],
                   "per-candidate gap", row.get("reference_per_candidate_gap_ms"))  # fmt: skip


def _roles(report: dict) -> Iterator[Row]:
    row = report.get("roles")
    for q in ("p50", "p99") if row else ():
        ref = row["reference_gap_per_occupation_ms"]
        yield _row("roles", f"{row['occupations']:,} occupations {q} ms", row[f"{q}_ms"],
                   "POST /v1/gap per occupation", ref)  # fmt: skip


def _extract(report: dict) -> Iterator[Row]:
    part = report.get("extract")
    for q in ("p50", "p99") if part else ():
        yield _row("extract", f"{part['postings']} postings {q} ms", part["extract"][f"{q}_ms"],
                   "raw encoder, sentences", part["raw_encoder_sentences"][f"{q}_ms"],
                   part[f"ratio_{q}"])  # fmt: skip
    exact = (part or {}).get("exact_path")
    if exact:
        yield _row("extract", f"exact path, {exact['postings']} postings p50 ms", exact["p50_ms"],
                   "fast path (all postings)", part["extract"]["p50_ms"],
                   exact["speedup_p50"])  # fmt: skip


def _load(report: dict) -> Iterator[Row]:
    part = report.get("load")
    if not part:
        return
    load = part["load"]
    one = part.get("reference_one_client", {})
    yield _row("load", f"{part['workers']} workers, {load['clients']} clients req/s",
               load["throughput_rps"], "1 client", one.get("throughput_rps"),
               part.get("throughput_vs_one_client"))  # fmt: skip
    for q in ("p50", "p99"):
        yield _row("load", f"latency {q} ms ({load['errors']} errors)", load[f"{q}_ms"],
                   "1 client", one.get(f"{q}_ms"))  # fmt: skip
    yield _row("load", "server RSS MB, end", part["rss_end_mb"], "start", part["rss_start_mb"])


def rows(report: dict) -> list[Row]:
    out: list[Row] = []
    parts = (
        _ingest, _encoders, _index, _index_large, _recommendations, _employer, _roles, _extract,
        _load,
    )  # fmt: skip
    for part in parts:
        out.extend(part(report))
    return out


def table(report: dict) -> str:
    """The report as a fixed-width text table, one figure a line."""
    body = [HEADER, *rows(report)]
    widths = [max(len(r[i]) for r in body) for i in range(len(HEADER))]
    lines = []
    for i, r in enumerate(body):
        pairs = enumerate(zip(r, widths, strict=True))
        cells = [c.ljust(w) if j < 2 else c.rjust(w) for j, (c, w) in pairs]
        lines.append("  ".join(cells).rstrip())
        if i == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)
