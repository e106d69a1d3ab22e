"""The embedded views of every skill: its labels (preferred, alternative, hidden; rows grouped
by skill, preferred first) and one "preferred label: description" text, with their vectors,
the dense score of query vectors against them, and the fingerprint of the embedded texts."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence

import numpy as np

from indexing.aliases import AliasMatcher, alt_labels, hidden_labels
from indexing.encoder import Encoder, normalize_rows
from indexing.types import Check, SkillEntry, unchecked

KINDS = ("preferred", "alternative", "hidden", "description")


class SkillViews:
    """Label and description texts of `skills` and, once built or set, their vectors."""

    def __init__(self, skills: Sequence[SkillEntry], *, use_hidden_labels: bool) -> None:
        self.n_skills = len(skills)
        texts, owner, kinds = [], [], []
        for row, s in enumerate(skills):
            seen: set[str] = set()
            views = [("preferred", s.preferred_label)] + [("alternative", a) for a in alt_labels(s)]
            if use_hidden_labels:
                views += [("hidden", h) for h in hidden_labels(s)]
            for kind, label in views:
                label = label.strip()
                if not label or label.lower() in seen:
                    continue
                seen.add(label.lower())
                texts.append(label)
                owner.append(row)
                kinds.append(KINDS.index(kind))  # 0..2; 3 = description
        self.label_texts = texts
        self.label_owner = np.asarray(owner, dtype=np.int64)
        self.label_kind = np.asarray(kinds, dtype=np.int8)
        self.label_starts = np.r_[0, np.flatnonzero(np.diff(self.label_owner)) + 1].astype(np.int64)
        if len(self.label_starts) != len(skills):  # every skill has a preferred label
            raise ValueError("every skill needs a non-empty preferred label")
        self.desc_texts = [
            f"{s.preferred_label}: {s.description}" if s.description else s.preferred_label
            for s in skills
        ]
        self.label_vecs: np.ndarray | None = None
        self.desc_vecs: np.ndarray | None = None

    @property
    def n_labels(self) -> int:
        return len(self.label_texts)

    @property
    def is_built(self) -> bool:
        return self.label_vecs is not None and self.desc_vecs is not None

    def build(
        self, encoder: Encoder, progress: Callable[[int], None] | None, batch_size: int
    ) -> None:
        """Embed every label and every label+description; `progress(n)` after each batch."""
        self.label_vecs = encoder.encode_documents(
            self.label_texts, batch_size=batch_size, progress=progress
        )
        self.desc_vecs = encoder.encode_documents(
            self.desc_texts, batch_size=max(8, batch_size // 4), progress=progress
        )

    def set_vectors(
        self, label_vecs: np.ndarray, desc_vecs: np.ndarray, dim: int, *, normalize: bool = True
    ) -> None:
        """Use vectors computed elsewhere (rows in `label_texts` / skill order); `normalize`
        False for vectors that are normalised already (a saved index's)."""
        if normalize:
            label_vecs, desc_vecs = normalize_rows(label_vecs), normalize_rows(desc_vecs)
        if label_vecs.shape != (self.n_labels, dim):
            raise ValueError(f"label vectors {label_vecs.shape} != ({self.n_labels}, dim)")
        if desc_vecs.shape != (self.n_skills, dim):
            raise ValueError(f"description vectors {desc_vecs.shape} != ({self.n_skills}, dim)")
        self.label_vecs, self.desc_vecs = label_vecs, desc_vecs

    def fingerprint(self) -> str:
        """Hash of everything the vectors depend on besides the model: the embedded texts."""
        h = hashlib.sha256()
        for t in self.label_texts:
            h.update(t.encode())
            h.update(b"\x00")
        h.update(b"\x01")
        for t in self.desc_texts:
            h.update(t.encode())
            h.update(b"\x00")
        return h.hexdigest()

    def dense(
        self,
        queries: np.ndarray,
        description_weight: float,
        chunk: int = 64,
        check: Check = unchecked,
    ) -> np.ndarray:
        """(n_queries, n_skills): max over each skill's labels + description_weight x desc."""
        out = np.empty((len(queries), self.n_skills), dtype=np.float32)
        w = description_weight
        for a in range(0, len(queries), chunk):
            check()
            q = queries[a : a + chunk]
            sims = q @ self.label_vecs.T
            out[a : a + chunk] = np.maximum.reduceat(sims, self.label_starts, axis=1)
            if w:
                out[a : a + chunk] += w * (q @ self.desc_vecs.T)
        return out

    def dense_rows(
        self, queries: np.ndarray, rows: np.ndarray, description_weight: float
    ) -> np.ndarray:
        """`dense` of the skills `rows` alone: (n_queries, len(rows)), the same values."""
        rows = np.asarray(rows, dtype=np.int64)
        if not len(rows):
            return np.zeros((len(queries), 0), dtype=np.float32)
        ends = np.r_[self.label_starts[1:], self.n_labels]
        starts, lens = self.label_starts[rows], ends[rows] - self.label_starts[rows]
        cols = np.repeat(starts - np.r_[0, np.cumsum(lens)[:-1]], lens) + np.arange(lens.sum())
        sims = queries @ self.label_vecs[cols].T
        out = np.maximum.reduceat(sims, np.r_[0, np.cumsum(lens)[:-1]], axis=1)
        if description_weight:
            out += description_weight * (queries @ self.desc_vecs[rows].T)
        return out.astype(np.float32, copy=False)

    def closest(self, row: int, q: np.ndarray, description: str) -> tuple[str, str]:
        """(text, kind) of skill `row`'s view closest to the query vector `q`: one of its labels,
        or `description` (kind "description") when the description vector is closer."""
        a = int(self.label_starts[row])
        b = int(self.label_starts[row + 1]) if row + 1 < self.n_skills else self.n_labels
        sims = self.label_vecs[a:b] @ q
        best = a + int(np.argmax(sims))
        matched, kind = self.label_texts[best], KINDS[int(self.label_kind[best])]
        if float(self.desc_vecs[row] @ q) > float(sims.max()):
            matched, kind = description, "description"
        return matched, kind

    def labels_by_key(self, matcher: AliasMatcher) -> dict[tuple[str, ...], list[int]]:
        """`span_key` -> rows of the embedded labels with that key, one per skill (from the alias
        table: the same tokens, the same labels; a label shorter than min_alias_chars has none)."""
        owners = self.label_owner.tolist()
        row_of = {
            (owner, text.lower()): i
            for i, (owner, text) in enumerate(zip(owners, self.label_texts, strict=True))
        }
        table: dict[tuple[str, ...], list[int]] = {}
        for key, per_skill in matcher.table.items():
            rows = [
                i
                for skill, (alias, _kind, _case) in per_skill.items()
                if (i := row_of.get((skill, alias.lower()))) is not None
            ]
            if rows:
                table[key] = rows
        return table
