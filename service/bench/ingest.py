"""`make bench`: ingest throughput beside the raw encoder on the same texts, in the same run.

For each record kind the pipeline ingests N records into a fresh database (the taxonomy indexes
are reused from the main index folder). A recording wrapper notes every text the pipeline sends
to the encoder. In the same process the bare encoder encodes

(a) exactly the texts the pipeline encoded: the record texts, the stated skill names that are not
    taxonomy labels (normalising them to ESCO needs their vectors) and posting titles. This is
    the goal's reference (`REFERENCE`): the raw encoder on the same texts, so the ratio is what
    the pipeline's own work (parsing, linking, scoring, database, index) costs beyond encoding;
(b) one text per record (title + description: what a naive embed-and-index pipeline encodes,
    without normalising skills), reported beside it.

Each raw run is timed twice, on both sides of pipeline work, because the machine may be shared;
ratios use the mean. `goal_met` is ratio (a) >= GOAL_RATIO.
"""

from __future__ import annotations

import os
import platform
import shutil
import tempfile
import time
from pathlib import Path

from indexing.encoder import Encoder
from service.config import Settings


class RecordingEncoder:
    """Passes calls through and records what was encoded and how long it took."""

    def __init__(self, inner: Encoder) -> None:
        self.inner = inner
        self.texts: list[str] = []
        self.seconds = 0.0

    @property
    def dim(self) -> int:
        return self.inner.dim

    @property
    def model_id(self) -> str:
        return self.inner.model_id

    def _timed(self, fn, texts, **kw):
        t0 = time.perf_counter()
        out = fn(texts, **kw)
        self.seconds += time.perf_counter() - t0
        self.texts.extend(texts)
        return out

    def encode_queries(self, texts, **kw):
        return self._timed(self.inner.encode_queries, list(texts), **kw)

    def encode_documents(self, texts, **kw):
        return self._timed(self.inner.encode_documents, list(texts), **kw)


REFERENCE = (
    "raw encoder on the same texts: the bare encoder on exactly the texts the pipeline encoded"
    " (record texts, stated skill names that are not taxonomy labels, posting titles), timed"
    " twice in the same process around pipeline work; one text per record (title + description)"
    " is reported beside it"
)
GOAL_RATIO = 0.8  # pipeline records/s >= this x the raw encoder's


def _bench_kind(runtime, recorder: RecordingEncoder, kind: str, docs: list, fmt) -> dict:
    from service.ingest.pipeline import Ingestor
    from service.vectors.record_index import record_text

    ingestor = Ingestor(runtime, kind)
    parsed = [r for _p, r in ingestor.parse(docs, fmt) if not isinstance(r, list)]
    record_texts = [record_text(r.title, r.description) for r in parsed]
    bs = runtime.settings.encode_batch_size
    inner = recorder.inner

    def raw(texts: list[str]) -> float:
        t0 = time.perf_counter()
        inner.encode_documents(texts, batch_size=bs)
        return time.perf_counter() - t0

    # the machine may be shared: time the reference on both sides of the pipeline
    raw_before_s = raw(record_texts)
    recorder.texts.clear()
    recorder.seconds = 0.0
    t0 = time.perf_counter()
    result = ingestor.ingest(docs, fmt)
    pipeline_s = time.perf_counter() - t0
    encoded = list(recorder.texts)
    encoder_s_inside = recorder.seconds
    same_1 = raw(encoded)
    raw_after_s = raw(record_texts)
    raw_records_s = (raw_before_s + raw_after_s) / 2
    t0 = time.perf_counter()
    again = ingestor.ingest(docs, fmt)
    unchanged_s = time.perf_counter() - t0
    same_2 = raw(encoded)
    raw_same_s = (same_1 + same_2) / 2
    n = len(docs)
    ratio = raw_same_s / pipeline_s
    return {
        "records": n,
        "stored": result.count("created") + result.count("updated"),
        "errors": result.count("error"),
        "pipeline_seconds": round(pipeline_s, 3),
        "pipeline_records_per_s": round(n / pipeline_s, 2),
        "encoder_seconds_inside_pipeline": round(encoder_s_inside, 3),
        "texts_encoded_by_pipeline": len(encoded),
        "raw_encoder_one_text_per_record_seconds_before_after": [
            round(raw_before_s, 3),
            round(raw_after_s, 3),
        ],
        "raw_encoder_one_text_per_record_records_per_s": round(n / raw_records_s, 2),
        "raw_encoder_same_texts_records_per_s": round(n / raw_same_s, 2),
        "raw_encoder_same_texts_seconds_twice": [round(same_1, 3), round(same_2, 3)],
        "ratio_vs_raw_one_text_per_record": round(raw_records_s / pipeline_s, 3),
        "ratio_vs_raw_same_texts": round(ratio, 3),
        "goal_met": ratio >= GOAL_RATIO,
        "reingest_unchanged_seconds": round(unchanged_s, 3),
        "reingest_unchanged_status": again.summary,
    }


def run_bench(settings: Settings, *, n_credentials: int = 300, n_postings: int = 60) -> dict:
    from service.defaults import CATALOG, POSTINGS, read_jsonl_gz, skillspan_posting
    from service.runtime import build_runtime, make_encoder, model_index_dir

    encoder = make_encoder(settings)
    recorder = RecordingEncoder(encoder)
    main_idir = model_index_dir(settings, encoder)
    with tempfile.TemporaryDirectory(prefix="skillmatch-bench-") as tmp:
        tmp = Path(tmp)
        bench_idir = tmp / "indexes"
        # taxonomy indexes: reuse the built ones (built by `make run`/`init` if absent here)
        bench_settings = settings.model_copy(
            update={
                "database_url": f"sqlite:///{tmp / 'bench.db'}",
                "index_dir": bench_idir,
                "load_default_data": False,
            }
        )
        sub = model_index_dir(bench_settings, encoder)
        sub.mkdir(parents=True)
        for name in ("skills", "occupations.faiss", "occupations.faiss.manifest.json"):
            if (main_idir / name).exists():
                os.symlink(main_idir / name, sub / name)
        t0 = time.perf_counter()
        runtime = build_runtime(bench_settings, encoder=recorder)
        startup_s = time.perf_counter() - t0
        encoder.encode_documents(["warm-up: the first forward pass allocates"] * 8)
        data = Path(settings.data_dir)
        creds = read_jsonl_gz(data / CATALOG)[:n_credentials]
        posts = [skillspan_posting(d) for d in read_jsonl_gz(data / POSTINGS)[:n_postings]]
        report = {
            "machine": {
                "cpus": os.cpu_count(),
                "python": platform.python_version(),
                "torch_threads": _torch_threads(),
            },
            "model": encoder.model_id,
            "runtime_startup_seconds": round(startup_s, 2),
            "credentials": _bench_kind(runtime, recorder, "credential", creds, "native"),
            "postings": _bench_kind(runtime, recorder, "posting", posts, None),
        }
        runtime.engine.dispose()
        shutil.rmtree(bench_idir, ignore_errors=True)
    report["summary"] = {
        kind: {
            k: report[kind][k]
            for k in (
                "pipeline_records_per_s",
                "raw_encoder_one_text_per_record_records_per_s",
                "ratio_vs_raw_one_text_per_record",
                "raw_encoder_same_texts_records_per_s",
                "ratio_vs_raw_same_texts",
                "texts_encoded_by_pipeline",
                "goal_met",
            )
        }
        for kind in ("credentials", "postings")
    }
    report["reference"] = REFERENCE
    report["goal"] = f"pipeline >= {GOAL_RATIO}x the raw encoder rate on the same texts"
    return report


def _torch_threads() -> int | None:
    try:
        import torch

        return torch.get_num_threads()
    except ImportError:
        return None
