"""Full-precision vectors kept on disk and memory-mapped, addressed by slot: the exact
re-ranking store of the compressed backend (ivfpq.py).

Two parts, both file-backed so the rows are page cache (reclaimable, shared between processes
mapping the same file), not the process's own memory: the rows of a saved index file, mapped
copy-on-write (a write lands in a private page, never in the file), and the rows added since,
in a growable memory map over an unlinked temporary file (in `spill_dir`, or the system's
temporary folder). Erasing a slot overwrites its row with zeros at once.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import numpy as np


class RowStore:
    def __init__(self, dim: int, *, spill_dir: str | Path | None = None) -> None:
        self.dim = dim
        self.spill_dir = spill_dir
        self._base = np.zeros((0, dim), np.float32)  # a saved file's rows (copy-on-write)
        self._extra: np.ndarray | None = None  # rows added since, over an unlinked temp file
        self._file = None
        self._n_extra = 0

    def __len__(self) -> int:
        return len(self._base) + self._n_extra

    def _grow(self, need: int) -> None:
        cap = 0 if self._extra is None else len(self._extra)
        if need <= cap:
            return
        cap = max(need, 2 * cap, 1024)
        if self._file is None:
            where = None
            if self.spill_dir is not None:
                Path(self.spill_dir).mkdir(parents=True, exist_ok=True)
                where = str(self.spill_dir)
            self._file = tempfile.TemporaryFile(prefix="rows-", dir=where)  # unlinked at once
        self._file.truncate(cap * self.dim * 4)
        self._extra = np.memmap(self._file, np.float32, mode="r+", shape=(cap, self.dim))

    def append(self, vectors: np.ndarray) -> np.ndarray:
        """Store rows; returns their slots."""
        m = len(vectors)
        self._grow(self._n_extra + m)
        self._extra[self._n_extra : self._n_extra + m] = vectors
        slots = np.arange(len(self), len(self) + m, dtype=np.int64)
        self._n_extra += m
        return slots

    def rows(self, slots: np.ndarray) -> np.ndarray:
        """A copy of the rows at `slots` (any order)."""
        slots = np.asarray(slots, np.int64)
        nb = len(self._base)
        if not self._n_extra:
            return np.asarray(self._base[slots], np.float32)
        if not nb:
            return np.asarray(self._extra[slots], np.float32)
        out = np.empty((len(slots), self.dim), np.float32)
        low = slots < nb
        out[low] = self._base[slots[low]]
        out[~low] = self._extra[slots[~low] - nb]
        return out

    def erase(self, slots: np.ndarray) -> None:
        """Overwrite rows with zeros (a removed vector leaves the store at once)."""
        slots = np.asarray(slots, np.int64)
        nb = len(self._base)
        low = slots < nb
        if low.any():
            self._base[slots[low]] = 0.0
        if (~low).any():
            self._extra[slots[~low] - nb] = 0.0

    def blocks(self, slots: np.ndarray, block: int = 65_536) -> Iterator[bytes]:
        """The rows at `slots` as bytes, a block at a time (for a save)."""
        for start in range(0, len(slots), block):
            yield self.rows(slots[start : start + block]).tobytes()

    def adopt_file(self, path: str | Path, offset: int, n: int) -> None:
        """Serve rows 0..n-1 from a saved file (float32 rows from `offset`), copy-on-write;
        the rows added before are dropped with their temporary file."""
        if n:
            self._base = np.memmap(path, np.float32, mode="c", offset=offset, shape=(n, self.dim))
        else:
            self._base = np.zeros((0, self.dim), np.float32)
        self._extra, self._n_extra = None, 0
        if self._file is not None:
            self._file.close()
            self._file = None
