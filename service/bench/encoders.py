"""`skillmatch bench --encoders`: texts/s of each encoder backend on short and long texts.

Short texts: ESCO skill preferred labels (2-5 words). Long texts: SkillSpan postings (title +
text, ~250-600 words: past MiniLM's 256-token window, so sentence-transformers chunks them
and mean-pools, see indexing/encoder.py). Both backends encode the same texts in one run.
"""

from __future__ import annotations

import csv
import gzip
import time
from pathlib import Path

from indexing.encoder import Encoder


def short_texts(data_dir: Path, n: int) -> list[str]:
    with gzip.open(Path(data_dir) / "esco" / "skills_en.csv.gz", "rt", encoding="utf-8") as fh:
        labels = [row["preferredLabel"] for row in csv.DictReader(fh)]
    return labels[:n]


def long_texts(data_dir: Path, n: int) -> list[str]:
    from service.defaults import POSTINGS, read_jsonl_gz
    from service.vectors.record_index import record_text

    docs = read_jsonl_gz(Path(data_dir) / POSTINGS)[:n]
    return [record_text(d.get("title_guess", ""), d["text"]) for d in docs]


def _rate(encoder: Encoder, texts: list[str], batch_size: int) -> dict:
    encoder.encode_documents(texts[:8], batch_size=batch_size)  # warm-up (lazy load)
    t0 = time.perf_counter()
    encoder.encode_documents(texts, batch_size=batch_size)
    s = time.perf_counter() - t0
    return {"texts": len(texts), "seconds": round(s, 3), "texts_per_s": round(len(texts) / s, 1)}


def run_encoder_bench(
    settings, *, model2vec_path: str | None = None, n_short: int = 2000, n_long: int = 100
) -> dict:
    """texts/s per backend: the configured sentence-transformers model and, when a distilled
    model2vec folder exists at `model2vec_path`, the static model."""
    from indexing.encoder import SentenceTransformerEncoder

    data = Path(settings.data_dir)
    shorts, longs = short_texts(data, n_short), long_texts(data, n_long)
    bs = settings.encode_batch_size
    st = SentenceTransformerEncoder(
        settings.model if not settings.model.startswith(("fake:", "model2vec:")) else
        "packaged:all-MiniLM-L6-v2", max_seq_length=settings.model_max_seq_length
    )  # fmt: skip
    window = st.window
    chunked = sum(len(st.token_offsets(t)) > window for t in longs)
    report = {
        "short_texts": "ESCO preferred labels",
        "long_texts": f"SkillSpan postings ({chunked} of {len(longs)} past {window} tokens)",
        "sentence_transformers": {
            "model": st.model_id,
            "short": _rate(st, shorts, bs),
            "long": _rate(st, longs, bs),
        },
    }
    if model2vec_path and (Path(model2vec_path) / "config.json").exists():
        from indexing.static_model import Model2VecEncoder

        m2v = Model2VecEncoder(model2vec_path)
        report["model2vec"] = {
            "model": m2v.model_id,
            "short": _rate(m2v, shorts, bs),
            "long": _rate(m2v, longs, bs),
        }
        for kind in ("short", "long"):
            report["model2vec"][f"{kind}_speedup"] = round(
                report["model2vec"][kind]["texts_per_s"]
                / report["sentence_transformers"][kind]["texts_per_s"],
                1,
            )
    else:
        report["model2vec"] = {"skipped": f"no model at {model2vec_path}: `skillmatch distill`"}
    return report
