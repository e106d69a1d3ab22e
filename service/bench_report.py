"""`make bench`'s printed table: every figure of the report beside its reference, with the ratio.

The references are measured in the same run as the figure (see each part's module): the raw
encoder for ingest, sentence-transformers for other encoders, the Flat index (FAISS exact) for the
approximate indexes, one FAISS search for recommendations, the per-candidate gap analysis for
employer ranking, one client for the load test. A part absent from the report is left out.
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


def _ingest(report: dict) -> Iterator[Row]:
    for kind in ("credentials", "postings"):
        part = report.get(kind)
        if not part:
            continue
        yield (
            "ingest",
            f"{kind} records/s",
            _n(part["pipeline_records_per_s"]),
            f"raw encoder {_n(part['raw_encoder_one_text_per_record_records_per_s'])}",
            _ratio(part["ratio_vs_raw_one_text_per_record"]),
        )
        yield (
            "ingest",
            f"{kind} records/s (same texts)",
            _n(part["pipeline_records_per_s"]),
            f"raw encoder {_n(part['raw_encoder_same_texts_records_per_s'])}",
            _ratio(part["ratio_vs_raw_same_texts"]),
        )


def _encoders(report: dict) -> Iterator[Row]:
    enc = report.get("encoders") or {}
    ref = enc.get("sentence_transformers")
    for name, row in enc.items():
        if not isinstance(row, dict) or "short" not in row:
            continue
        for length in ("short", "long"):
            value = row[length]["texts_per_s"]
            base = ref[length]["texts_per_s"] if ref else None
            yield (
                "encoder",
                f"{name} {length} texts/s",
                _n(value),
                f"sentence-transformers {_n(base)}",
                _ratio(_div(value, base)),
            )


def _index(report: dict) -> Iterator[Row]:
    for size, types in (report.get("index") or {}).get("sizes", {}).items():
        flat = types.get("flat", {})
        for name, row in types.items():
            label = f"{name} n={int(size):,}"
            for q in ("p50", "p99"):
                yield (
                    "faiss",
                    f"{label} {q} ms",
                    _n(row[f"{q}_ms"]),
                    f"flat {_n(flat.get(f'{q}_ms'))}",
                    _ratio(row.get(f"{q}_vs_flat")),
                )
            yield ("faiss", f"{label} recall@10", _n(row["recall_at_10"]), "flat 1.0", "-")
            yield (
                "faiss",
                f"{label} build s / bytes a vector",
                f"{_n(row['build_s'])} / {_n(row['bytes_per_vector'])}",
                f"flat {_n(flat.get('build_s'))} / {_n(flat.get('bytes_per_vector'))}",
                _ratio(_div(row["build_s"], flat.get("build_s"))),
            )


def _recommendations(report: dict) -> Iterator[Row]:
    for size, row in (report.get("recommendations") or {}).get("sizes", {}).items():
        for q in ("p50", "p99"):
            ref = row.get(f"faiss_alone_{q}_ms")
            yield (
                "recommend",
                f"{int(size):,} credentials {q} ms",
                _n(row[f"{q}_ms"]),
                f"FAISS alone {_n(ref)}",
                _ratio(row.get(f"{q}_vs_faiss_alone")),
            )


def _employer(report: dict) -> Iterator[Row]:
    row = report.get("employer_ranking")
    if not row:
        return
    ref = row.get("reference_per_candidate_gap_ms")
    for q in ("p50", "p99"):
        yield (
            "employer",
            f"{row['candidates']:,} candidates {q} ms",
            _n(row[f"{q}_ms"]),
            f"per-candidate gap {_n(ref)}",
            _ratio(_div(row[f"{q}_ms"], ref)),
        )


def _load(report: dict) -> Iterator[Row]:
    part = report.get("load")
    if not part:
        return
    load = part["load"]
    one = part.get("reference_one_client", {})
    yield (
        "load",
        f"{part['workers']} workers, {load['clients']} clients req/s",
        _n(load["throughput_rps"]),
        f"1 client {_n(one.get('throughput_rps'))}",
        _ratio(part.get("throughput_vs_one_client")),
    )
    for q in ("p50", "p99"):
        yield (
            "load",
            f"latency {q} ms ({load['errors']} errors)",
            _n(load[f"{q}_ms"]),
            f"1 client {_n(one.get(f'{q}_ms'))}",
            _ratio(_div(load[f"{q}_ms"], one.get(f"{q}_ms"))),
        )
    yield (
        "load",
        "server RSS MB, end",
        _n(part["rss_end_mb"]),
        f"start {_n(part['rss_start_mb'])}",
        _ratio(_div(part["rss_end_mb"], part["rss_start_mb"])),
    )


def rows(report: dict) -> list[Row]:
    out: list[Row] = []
    for part in (_ingest, _encoders, _index, _recommendations, _employer, _load):
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
