"""Shipped vectors: the vectors a model gave a list of texts, stored with the data so a first run
need not embed the taxonomy again, and used only where they are provably still right.

A pack is two files in a folder (`data/vectors/`), named after the model id:
`<model>.npz` (per row: the text's 64-bit key, the vector as int8 and its scale) and
`<model>.json` (model id, dimension, encoder window, counts, and the SHA-256 of the npz file and
of its keys). A row answers a text only when the pack was made by this model id, dimension and
window, the file's hash holds, and the row's key is the hash of that exact text; any other text
is encoded. Before answering, each call re-encodes a random sample of the rows it would use
with the live encoder: one below `MIN_COSINE` and the whole file is refused for the process
(logged), and every text is encoded. `VectorPack` keeps the Encoder protocol, so a builder
given one instead of the encoder needs no other change.

A pack may have *parts* beside it, `<model>.<part>.npz` and `.json` (same format and checks):
texts added later (a remade demo catalog) ship as a small part instead of a new copy of the
whole file. Every part is read; any part refused refuses them all.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from indexing.encoder import Encoder, ProgressFn, normalize_rows

log = logging.getLogger("skillmatch")

FORMAT = 1
MIN_COSINE = 0.99  # a sampled row that the live encoder does not reproduce this well: refused
FIRST_SAMPLE = 64  # rows re-encoded by the first call that uses the file
LATER_SAMPLE = 16  # at most, by a later call of the process (one in 64 of its rows, 2 at least)
SAMPLE_CHARS = 16_000  # and rows only while their characters fit this (2 at least): long postings


class PackRefused(Exception):
    """The pack cannot be used (absent, for another model, damaged): everything is encoded."""

    def __init__(self, reason: str, *, absent: bool = False) -> None:
        super().__init__(reason)
        self.absent = absent  # no file at all: normal for another model or a test's data


def text_keys(texts: Sequence[str]) -> np.ndarray:
    """The 64-bit key of each text: the first 8 bytes of the SHA-256 of its UTF-8."""
    out = np.empty(len(texts), dtype=np.uint64)
    for i, t in enumerate(texts):
        out[i] = int.from_bytes(hashlib.sha256(t.encode("utf-8")).digest()[:8], "little")
    return out


def find_rows(keys: np.ndarray, texts: Sequence[str]) -> np.ndarray:
    """The row of each text in a pack's sorted `keys`, -1 where it has none."""
    want = text_keys(texts)
    if not len(keys):
        return np.full(len(want), -1, np.int64)
    pos = np.minimum(np.searchsorted(keys, want), len(keys) - 1)
    return np.where(keys[pos] == want, pos, -1).astype(np.int64)


def quantize(vecs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """int8 rows and a float32 scale per row (the row's largest magnitude / 127)."""
    vecs = np.asarray(vecs, np.float32)
    scale = np.abs(vecs).max(axis=1) / 127.0 if len(vecs) else np.zeros(0, np.float32)
    scale = np.where(scale > 0, scale, 1.0).astype(np.float32)
    q = np.clip(np.rint(vecs / scale[:, None]), -127, 127).astype(np.int8)
    return q, scale


def dequantize(q: np.ndarray, scale: np.ndarray) -> np.ndarray:
    """Unit float32 rows back from `quantize`."""
    return normalize_rows(q.astype(np.float32) * scale[:, None])


def pack_stem(model_id: str, part: str | None = None) -> str:
    stem = "".join(c if c.isalnum() or c in "-._" else "_" for c in model_id)
    if part is not None:
        if not part.isalnum():
            raise ValueError(f"a pack part is a name of letters and digits, not {part!r}")
        stem += f".{part}"
    return stem


def pack_parts(directory: str | os.PathLike, model_id: str) -> list[str]:
    """The names of the parts beside the pack of `model_id` in `directory`, sorted."""
    stem = pack_stem(model_id)
    out = []
    for sidecar in Path(directory).glob(f"{stem}.*.json"):
        part = sidecar.name[len(stem) + 1 : -len(".json")]
        if part.isalnum():
            out.append(part)
    return sorted(out)


def encoder_window(encoder: Encoder) -> int | None:
    """Tokens one pass of the encoder sees (a document longer is chunked): part of the key."""
    window = getattr(encoder, "window", None) or getattr(encoder, "max_tokens", None)
    return int(window) if window else None


def _sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def write_pack(
    directory: str | os.PathLike,
    encoder: Encoder,
    texts: Sequence[str],
    vecs: np.ndarray,
    *,
    sources: dict[str, int] | None = None,
    part: str | None = None,
) -> dict:
    """Write the pack of `texts` and their `vecs` (made by `encoder`), or one part of it;
    duplicates kept once. Returns the sidecar written."""
    d = Path(directory)
    d.mkdir(parents=True, exist_ok=True)
    keys = text_keys(texts)
    keys, first = np.unique(keys, return_index=True)  # sorted, one row per text
    q, scale = quantize(np.asarray(vecs, np.float32)[first])
    stem = pack_stem(encoder.model_id, part)
    npz = d / f"{stem}.npz"
    with open(npz.with_suffix(".tmp"), "wb") as fh:
        np.savez_compressed(fh, keys=keys, q=q, scale=scale)
    os.replace(npz.with_suffix(".tmp"), npz)
    meta = {
        "format": FORMAT,
        "model_id": encoder.model_id,
        "dim": int(encoder.dim),
        "window": encoder_window(encoder),
        "count": int(len(keys)),
        "keys_sha256": hashlib.sha256(keys.tobytes()).hexdigest(),
        "file_sha256": _sha256_file(npz),
        "sources": dict(sources or {}),
        "remake": "skillmatch vectors (docs/operations.md)",
    }
    (d / f"{stem}.json").write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n")
    return meta


def read_packs(
    directory: str | os.PathLike, encoder: Encoder
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The pack for `encoder` with every part beside it, as one (sorted keys, int8 rows,
    scales); PackRefused as `read_pack` for the first part refused (absent: no pack at all)."""
    names = [None] if (Path(directory) / f"{pack_stem(encoder.model_id)}.json").exists() else []
    names += pack_parts(directory, encoder.model_id)
    if not names:
        raise PackRefused(f"no shipped vectors for {encoder.model_id} in {directory}", absent=True)
    got = [read_pack(directory, encoder, part) for part in names]
    if len(got) == 1:
        return got[0]
    keys = np.concatenate([g[0] for g in got])
    keys, first = np.unique(keys, return_index=True)  # a text in two parts: its first row
    q = np.concatenate([g[1] for g in got])[first]
    scale = np.concatenate([g[2] for g in got])[first]
    return keys, q, scale


def read_pack(
    directory: str | os.PathLike, encoder: Encoder, part: str | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(sorted keys, int8 rows, scales) of the pack (or its `part`) for `encoder`; PackRefused
    with the reason when there is none for its model, or it was made another way, or its files
    are damaged."""
    stem = pack_stem(encoder.model_id, part)
    npz, sidecar = Path(directory) / f"{stem}.npz", Path(directory) / f"{stem}.json"
    if not npz.exists() or not sidecar.exists():
        raise PackRefused(f"no shipped vectors for {encoder.model_id} in {directory}", absent=True)
    try:
        meta = json.loads(sidecar.read_text())
    except (OSError, ValueError) as exc:
        raise PackRefused(f"{sidecar}: unreadable ({exc})") from exc
    want = {
        "format": FORMAT,
        "model_id": encoder.model_id,
        "dim": int(encoder.dim),
        "window": encoder_window(encoder),
    }
    wrong = [f"{k} {meta.get(k)!r} != {v!r}" for k, v in want.items() if meta.get(k) != v]
    if wrong:
        raise PackRefused(f"{sidecar} was made another way: " + "; ".join(wrong))
    if _sha256_file(npz) != meta.get("file_sha256"):
        raise PackRefused(f"{npz}: the file's SHA-256 differs from its sidecar (damaged)")
    try:
        with np.load(npz, allow_pickle=False) as z:
            keys, q, scale = z["keys"], z["q"], z["scale"]
    except Exception as exc:  # noqa: BLE001 (zip, pickle, shape: any failure refuses the file)
        raise PackRefused(f"{npz}: unreadable ({exc!r})") from exc
    n = int(meta.get("count", -1))
    if keys.shape != (n,) or q.shape != (n, want["dim"]) or scale.shape != (n,):
        raise PackRefused(f"{npz}: shapes do not match the sidecar's count and dimension")
    if hashlib.sha256(keys.tobytes()).hexdigest() != meta.get("keys_sha256"):
        raise PackRefused(f"{npz}: the keys' SHA-256 differs from the sidecar")
    return keys, q, scale


class VectorPack:
    """An encoder that answers `encode_documents` from a pack where it can, checking a sample of
    those rows against `encoder`, and encodes the rest; queries go to `encoder` unchanged.

    Loaded on first use; `release()` drops the arrays (the verdict on the file stays).
    `used` and `encoded` count the texts answered from the file and by the encoder."""

    def __init__(
        self, directory: str | os.PathLike, encoder: Encoder, *, seed: int | None = None
    ) -> None:
        self.directory = Path(directory)
        self.encoder = encoder
        self.rng = np.random.default_rng(seed)
        self.refused: str | None = None
        self.checked = False  # a sample of this file passed in this process
        self.used = 0
        self.encoded = 0
        self._arrays: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None

    @property
    def dim(self) -> int:
        return self.encoder.dim

    @property
    def model_id(self) -> str:
        return self.encoder.model_id

    def encode_queries(self, texts, *, batch_size=64, progress=None) -> np.ndarray:
        return self.encoder.encode_queries(texts, batch_size=batch_size, progress=progress)

    def release(self) -> None:
        self._arrays = None

    def _refuse(self, reason: str) -> None:
        self.refused = reason
        self._arrays = None
        log.warning("not using shipped vectors: %s; encoding instead", reason)

    def _load(self) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
        if self.refused is None and self._arrays is None:
            try:
                self._arrays = read_packs(self.directory, self.encoder)
            except PackRefused as exc:
                self.refused = str(exc)
                (log.info if exc.absent else log.warning)("%s; encoding instead", exc)
        return self._arrays

    def rows(self, texts: Sequence[str]) -> np.ndarray:
        """The pack row of each text, -1 where the pack has none (or is refused)."""
        arrays = self._load()
        if arrays is None or not len(texts):
            return np.full(len(texts), -1, np.int64)
        return find_rows(arrays[0], texts)

    def _check(self, texts: Sequence[str], hits: np.ndarray, vecs: np.ndarray, batch_size: int):
        """Re-encode a sample of the hit rows; refuse the file when one disagrees. Returns the
        sampled positions and their live vectors (used as they are)."""
        k = FIRST_SAMPLE if not self.checked else max(2, min(LATER_SAMPLE, len(hits) // 64))
        drawn = self.rng.choice(hits, size=min(len(hits), k), replace=False)
        chars = np.cumsum([len(texts[i]) for i in drawn])
        k = max(min(2, len(drawn)), int(np.searchsorted(chars, SAMPLE_CHARS, side="right")))
        pick = np.sort(drawn[:k])
        live = self.encoder.encode_documents([texts[i] for i in pick], batch_size=batch_size)
        cos = np.einsum("ij,ij->i", live, vecs[pick])
        zero = (np.abs(live).max(axis=1) == 0) & (np.abs(vecs[pick]).max(axis=1) == 0)
        bad = ~zero & (cos < MIN_COSINE)  # (a text both give no vector agrees)
        if bad.any():
            self._refuse(
                f"{int(bad.sum())} of {k} sampled rows disagree with the live encoder "
                f"(lowest cosine {float(cos[bad].min()):.3f} < {MIN_COSINE})"
            )
        else:
            self.checked = True
        return pick, live

    def encode_documents(
        self, texts: Sequence[str], *, batch_size: int = 64, progress: ProgressFn | None = None
    ) -> np.ndarray:
        texts = list(texts)
        rows = self.rows(texts)
        hits = np.flatnonzero(rows >= 0)
        out = np.zeros((len(texts), self.dim), np.float32)
        done = hits  # positions answered: from the file, or by the sample's live vectors
        if len(hits):
            _keys, q, scale = self._arrays
            out[hits] = dequantize(q[rows[hits]], scale[rows[hits]])
            pick, live = self._check(texts, hits, out, batch_size)
            out[pick] = live
            done = hits if self.refused is None else pick
            self.used += len(done) - len(pick)
            self.encoded += len(pick)
            if progress:
                progress(len(done))
        todo = np.setdiff1d(np.arange(len(texts)), done)
        if len(todo):
            out[todo] = self.encoder.encode_documents(
                [texts[i] for i in todo], batch_size=batch_size, progress=progress
            )
        self.encoded += len(todo)
        return out
