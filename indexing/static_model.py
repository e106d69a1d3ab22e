"""A static embedding model (model2vec) distilled locally from the default model: a fast path
for bulk ingest. A text's vector is the mean of its tokens' stored vectors: no transformer at
encode time, so no window either (long texts are pooled whole, never cut or chunked).

Distilling needs torch, transformers and `skeletoken` (model2vec's distill extra pins an older
transformers; the distill function itself runs with the pinned stack); encoding needs only
`model2vec`. Both import lazily.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from indexing.encoder import PACKAGED_MODEL, ProgressFn, normalize_rows, packaged_model_path

PREFIX = "model2vec:"


def distill_static_model(
    out: str | os.PathLike, *, source: str = PACKAGED_MODEL, pca_dims: int | None = 256
) -> Path:
    """Distill `source` (a sentence-transformers folder; default the packaged MiniLM) into a
    model2vec static model saved in `out`. Runs offline: the source is a local folder."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    from model2vec.distill import distill

    path = packaged_model_path() if source == PACKAGED_MODEL else source
    model = distill(model_name=path, pca_dims=pca_dims)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(str(out))
    return out


def _model_digest(folder: Path) -> str:
    h = hashlib.sha256()
    for name in ("model.safetensors", "tokenizer.json", "config.json"):
        f = folder / name
        if f.exists():
            h.update(f.read_bytes())
    return h.hexdigest()[:10]


class Model2VecEncoder:
    """Encoder over a local model2vec folder (e.g. made by `skillmatch distill`).

    The model id names the folder and a digest of its files, so vectors and indexes made by
    one distillation are never mixed with another's (indexes live per model id).
    """

    def __init__(self, path: str | os.PathLike) -> None:
        self.path = Path(path)
        if not (self.path / "config.json").exists():
            raise FileNotFoundError(
                f"no model2vec model in {self.path}: make one with `skillmatch distill --out`"
            )
        self._model_id = f"model2vec/{self.path.name}-{_model_digest(self.path)}"
        self._model = None
        self._lock = threading.Lock()

    def _load(self):
        with self._lock:
            if self._model is None:
                from model2vec import StaticModel

                self._model = StaticModel.from_pretrained(str(self.path))
            return self._model

    def preload(self) -> threading.Thread:
        thread = threading.Thread(target=self._load, name="model-preload", daemon=True)
        thread.start()
        return thread

    @property
    def model_id(self) -> str:
        return self._model_id

    @property
    def dim(self) -> int:
        return int(self._load().dim)

    def _encode(
        self, texts: Sequence[str], batch_size: int, progress: ProgressFn | None
    ) -> np.ndarray:
        model = self._load()
        texts = list(texts)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        step = max(batch_size, 1024)  # cheap per text: large batches, progress per batch
        out = []
        for start in range(0, len(texts), step):
            batch = texts[start : start + step]
            out.append(
                model.encode(
                    batch,
                    batch_size=step,
                    max_length=None,  # mean over every token: nothing to cut
                    use_multiprocessing=False,
                    show_progress_bar=False,
                )
            )
            if progress:
                progress(len(batch))
        return normalize_rows(np.vstack(out))

    def encode_queries(self, texts, *, batch_size=64, progress=None) -> np.ndarray:
        return self._encode(texts, batch_size, progress)

    def encode_documents(self, texts, *, batch_size=64, progress=None) -> np.ndarray:
        return self._encode(texts, batch_size, progress)
