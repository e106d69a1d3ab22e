"""Vectors of a sentence's pieces (its phrases, its word n-grams) from one forward pass of the
sentence: the mean of the last layer's vectors of the tokens a piece covers, normalised.

The sentence vector itself is the model's own (mean of all its tokens, [CLS] and [SEP]
included), so it equals `encode_queries` of the sentence. A piece is read in the context of its
sentence rather than alone: `extract` uses this to link a posting at the cost of encoding its
sentences once (docs/quality.md, "Extraction at encoder speed", for what it does to quality).
A piece with no token (past the model's window) is encoded on its own.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from indexing.encoder import Encoder, TokenVectors, normalize_rows
from indexing.types import Check, unchecked

Piece = tuple[int, int]  # [start, end) characters in its sentence


def pool(tv: TokenVectors, pieces: Sequence[Piece]) -> tuple[np.ndarray, list[int]]:
    """(len(pieces), dim) normalised mean token vectors of each piece, and the indexes of the
    pieces no token covers (their rows are zero)."""
    dim = tv.sentence.shape[0]
    out = np.zeros((len(pieces), dim), dtype=np.float32)
    if not len(pieces):
        return out, []
    csum = np.vstack([np.zeros((1, dim), np.float32), np.cumsum(tv.tokens, axis=0)])
    ends, starts = tv.offsets[:, 1], tv.offsets[:, 0]
    a = np.asarray([p[0] for p in pieces])
    b = np.asarray([p[1] for p in pieces])
    first = np.searchsorted(ends, a, side="right")  # first token ending after the start
    stop = np.searchsorted(starts, b, side="left")  # first token starting at or after the end
    n = stop - first
    ok = n > 0
    out[ok] = (csum[stop[ok]] - csum[first[ok]]) / n[ok, None]
    return normalize_rows(out), np.flatnonzero(~ok).tolist()


def sentence_pieces(
    encoder: Encoder,
    sentences: Sequence[str],
    pieces: Sequence[Sequence[Piece]],
    *,
    batch_size: int = 64,
    check: Check = unchecked,
) -> list[tuple[np.ndarray, np.ndarray]]:
    """For each sentence: its vector and (len(its pieces), dim) vectors of its pieces, with one
    forward pass per sentence (the encoder's `encode_tokens`)."""
    check()
    encoded = []
    for a in range(0, len(sentences), batch_size):
        encoded += encoder.encode_tokens(sentences[a : a + batch_size], batch_size=batch_size)
        check()
    out, missing = [], []
    for i, (tv, ps) in enumerate(zip(encoded, pieces, strict=True)):
        vecs, empty = pool(tv, ps)
        out.append((tv.sentence, vecs))
        missing += [(i, j) for j in empty]
    if missing:  # past the window: encoded alone
        texts = [sentences[i][pieces[i][j][0] : pieces[i][j][1]] for i, j in missing]
        for (i, j), v in zip(missing, encoder.encode_queries(texts), strict=True):
            out[i][1][j] = v
    return out
