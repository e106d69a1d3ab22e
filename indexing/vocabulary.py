"""The taxonomy's label words with their query vectors, kept beside the label vectors so that
extraction does not encode them again and again (docs/quality.md, "Extraction at encoder speed").

Most one-word n-grams of a job posting ("python", "customer", "safety") are words of some skill
label: about 80% of them on SkillSpan postings. Each distinct word of the labels (1-grams as
`indexing.text.ngrams` cuts them, keyed as the encoder reads them: `indexing.encoder.query_key`)
is encoded once, by the linker's own encoder as a query, when the indexes are built, and saved
with its words next to the linker's vectors as `vocabulary-<fingerprint of the labels>-<keying>`
(`.faiss`, `.words.json`); a file made for other labels, another model or dimension is never
used (its name or manifest differs), the words are encoded again.
The vectors go into the linker's query cache as a fixed part (`QueryCache.set_vocabulary`): the
same vectors a call would encode, so scores do not change.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from indexing.ann.factory import load_index, new_index
from indexing.ann.manifest import IndexMismatchError
from indexing.encoder import query_key
from indexing.text import ngrams

if TYPE_CHECKING:
    from indexing.linker import SkillLinker

log = logging.getLogger(__name__)


def label_words(linker: SkillLinker) -> list[str]:
    """The distinct keys of the one-word n-grams of the linker's labels that have a letter,
    sorted."""
    enc = linker.encoder
    out = {
        query_key(enc, g.text)
        for text in linker.views.label_texts
        for g in ngrams(text, max_n=1)
        if any(ch.isalpha() for ch in g.text)
    }
    return sorted(out)


def load_or_build_vocabulary(
    linker: SkillLinker, directory: str | os.PathLike, *, batch_size: int = 256
) -> int:
    """Put the label words' vectors into `linker`'s query cache: loaded from `directory` when
    saved for these labels by this model, else encoded and saved. Returns the word count."""
    enc = linker.encoder
    # the file is named by the labels (the linker's fingerprint) and how texts are keyed, and
    # holds its words (`.words.json`): a start reads them instead of cutting 100k labels again
    keyed = "uncased" if query_key(enc, "A  a") == "a a" else "exact"
    name = f"vocabulary-{linker.fingerprint()[:16]}-{keyed}"
    path, words_path = Path(directory) / f"{name}.faiss", Path(directory) / f"{name}.words.json"
    try:
        words = json.loads(words_path.read_text())
        index = load_index(path, model_id=enc.model_id, dim=enc.dim, count=len(words))
        ids, vecs = index.vectors()
        out = np.empty((len(words), enc.dim), np.float32)
        out[np.asarray(ids)] = vecs
    except (FileNotFoundError, ValueError, IndexMismatchError) as exc:
        words = label_words(linker)
        log.info("encoding %d label words (%s)", len(words), exc)
        out = enc.encode_queries(words, batch_size=batch_size)
        index = new_index(enc.dim, model_id=enc.model_id, index_type="flat")
        index.add(np.arange(len(words), dtype=np.int64), np.asarray(out, np.float32))
        index.save(path)
        tmp = words_path.with_suffix(".tmp")
        tmp.write_text(json.dumps(words))
        os.replace(tmp, words_path)
    linker.set_vocabulary(words, out)
    return len(words)
