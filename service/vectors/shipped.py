"""The vectors shipped in `<data_dir>/vectors/`, opened for a build: the builders of a first run
encode their documents through it, and it answers the texts it holds (the file format and its
checks: indexing/vector_pack.py; writing it: `skillmatch vectors`, service/cli/vectors.py)."""

from __future__ import annotations

import logging
from pathlib import Path

from indexing.encoder import Encoder
from indexing.vector_pack import VectorPack
from service.config import Settings

log = logging.getLogger("skillmatch")
VECTORS_DIR = Path("vectors")


def vectors_dir(settings: Settings) -> Path:
    return Path(settings.data_dir) / VECTORS_DIR


def open_pack(settings: Settings, encoder: Encoder) -> Encoder:
    """What builds encode documents with: a VectorPack over the shipped vectors (read on first
    use), or the encoder itself when `shipped_vectors` is off."""
    if not settings.shipped_vectors:
        return encoder
    return VectorPack(vectors_dir(settings), encoder)


def report_pack(bulk: Encoder) -> None:
    """Log what the shipped vectors answered, and drop their arrays."""
    if isinstance(bulk, VectorPack):
        if bulk.used or bulk.encoded:
            log.info("texts embedded: %d from shipped vectors, %d encoded", bulk.used, bulk.encoded)
        bulk.release()
