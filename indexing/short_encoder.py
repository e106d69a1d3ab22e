"""A cheaper encoder for extraction's short spans (phrases and n-grams): the same model, its
matrix products in bfloat16 (docs/quality.md, "A cheaper encoder for short spans").

`extract` encodes a posting's sentences once and then thousands of phrases and 1-2-word
n-grams, each alone; those dominate its time. Run under CPU autocast to bfloat16, the packaged
MiniLM's Linear layers (most of its work on short texts) use the CPU's bfloat16 dot products
(AVX512_BF16 / AMX) while layer norms, softmax and pooling stay float32: on SkillSpan n-grams
about 2x faster than float32, cosine to the float32 vectors 0.9999 on average. Measured and not
used: torch's dynamic int8 quantization of the Linear layers (1.8-2.5x, but cosine 0.91-0.96).

Only extraction's phrases and n-grams (and its one-word n-grams outside the label-word
vocabulary) are encoded so: sentences, every stored and index vector, and ranking
(`SkillLinker.score_texts`, `link`, `scores`) keep the float32 encoder. The short vectors have a
query cache of their own, so a bfloat16 vector is never served to ranking.

`extract_short_precision` (LinkerConfig; `SKILLMATCH_LINKER_SHORT_PRECISION`): "auto" uses
bfloat16 where the CPU has bfloat16 dot products and the encoder is a sentence-transformers
model on the CPU, else float32; "bf16" always (for a measurement: emulated bfloat16 is slower);
"fp32" never. Nothing here imports torch until a linker asks for its short encoder. oneDNN's
per-shape kernel caches are bounded before torch loads (`indexing.kernel_caches`): unbounded,
they grew a serving worker 11-13% under load with bfloat16 short spans.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

import numpy as np

from indexing.encoder import ProgressFn, SentenceTransformerEncoder
from indexing.query_cache import QueryCache
from indexing.types import Check, unchecked

MODES = ("auto", "bf16", "fp32")


def cpu_has_bf16() -> bool:
    """Whether this CPU multiplies bfloat16 natively (AVX512_BF16 or AMX); False without
    torch or where torch cannot tell."""
    try:
        import torch
    except ImportError:
        return False
    cpu = getattr(torch, "cpu", None)
    for probe in ("_is_avx512_bf16_supported", "_is_amx_tile_supported"):
        fn = getattr(cpu, probe, None)
        try:
            if fn is not None and fn():
                return True
        except Exception:  # noqa: BLE001, S112 (a probe that fails says nothing)
            continue
    return False


class Bf16QueryEncoder:
    """`base`'s query vectors computed under CPU autocast to bfloat16 (module docstring).
    Same dim and keying as `base`; a model id of its own, so nothing stores its vectors as
    `base`'s."""

    precision = "bf16"

    def __init__(self, base: SentenceTransformerEncoder) -> None:
        self.base = base

    @property
    def dim(self) -> int:
        return self.base.dim

    @property
    def model_id(self) -> str:
        return f"{self.base.model_id}#bf16"

    @property
    def uncased(self) -> bool:
        return self.base.uncased

    def encode_queries(
        self, texts: Sequence[str], *, batch_size: int = 64, progress: ProgressFn | None = None
    ) -> np.ndarray:
        import torch

        with torch.autocast("cpu", dtype=torch.bfloat16):
            return self.base.encode_queries(texts, batch_size=batch_size, progress=progress)

    def encode_documents(self, texts, *, batch_size=64, progress=None) -> np.ndarray:
        raise TypeError("the bfloat16 encoder is for extraction's short spans only")


def short_encoder(encoder, mode: str):
    """The encoder for extraction's short spans under `mode` (module docstring), or None
    where they keep `encoder` itself."""
    if mode not in MODES:
        raise ValueError(f"extract_short_precision must be one of {MODES}, got {mode!r}")
    if mode == "fp32" or not isinstance(encoder, SentenceTransformerEncoder):
        return None
    if getattr(encoder, "_device", "cpu") != "cpu":
        return None
    if mode == "auto" and not cpu_has_bf16():
        return None
    try:
        import torch

        torch.autocast("cpu", dtype=torch.bfloat16)
    except Exception:  # noqa: BLE001 (no torch, or no CPU autocast: the float32 path)
        return None
    return Bf16QueryEncoder(encoder)


class ShortQueries:
    """Query vectors of extraction's short spans for a linker, by mode: through a query cache
    of the short encoder's own (the linker's label-word vocabulary served from the linker's
    cache), or through the linker's cache where the mode or the machine gives no short
    encoder. A mode's encoder is chosen at its first call (no torch import before)."""

    def __init__(self, main: QueryCache) -> None:
        self.main = main
        self._caches: dict[str, QueryCache] = {}
        self._lock = threading.Lock()

    def cache(self, mode: str) -> QueryCache:
        """The cache short spans go through under `mode` (resolved once per mode)."""
        found = self._caches.get(mode)
        if found is None:
            with self._lock:
                found = self._caches.get(mode)
                if found is None:
                    enc = short_encoder(self.main.encoder, mode)
                    found = self.main
                    if enc is not None:
                        found = QueryCache(enc, self.main.size, vocabulary_of=self.main)
                    self._caches[mode] = found
        return found

    def precision(self, mode: str) -> str:
        """ "bf16" where `mode` gives short spans the bfloat16 encoder, else "fp32"."""
        return getattr(self.cache(mode).encoder, "precision", "fp32")

    def vectors(self, texts: list[str], mode: str, check: Check = unchecked) -> np.ndarray:
        return self.cache(mode).vectors(texts, check=check)

    def clear(self) -> None:
        """Forget the short spans' recent vectors (the linker's own cache is cleared apart)."""
        for cache in list(self._caches.values()):
            if cache is not self.main:
                cache.clear()
