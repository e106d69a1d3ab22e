"""The linker's cooperative checks: `check` runs between units of work (encoder batches, score
chunks, texts, sentences) and an exception it raises stops the work there."""

from __future__ import annotations

import numpy as np
import pytest

from indexing.encoder import FakeEncoder
from indexing.linker import LinkerConfig, SkillLinker
from tests.indexing.test_linker import SKILLS


class Stop(Exception):
    pass


class Checks:
    """A check that counts its calls and raises Stop on call number `stop_at` (if given)."""

    def __init__(self, stop_at: int | None = None) -> None:
        self.calls = 0
        self.stop_at = stop_at

    def __call__(self) -> None:
        self.calls += 1
        if self.stop_at is not None and self.calls >= self.stop_at:
            raise Stop


class BatchingEncoder(FakeEncoder):
    """Encodes in batches and reports each, as the sentence-transformers encoder does."""

    def __init__(self) -> None:
        super().__init__(dim=256)
        self.batches = 0

    def encode_queries(self, texts, *, batch_size=64, progress=None):
        parts = []
        for a in range(0, len(texts), batch_size):
            self.batches += 1
            parts.append(super().encode_queries(texts[a : a + batch_size]))
            if progress:
                progress(len(parts[-1]))
        return np.concatenate(parts) if parts else super().encode_queries([])


@pytest.fixture()
def linker():
    lk = SkillLinker(SKILLS, BatchingEncoder(), LinkerConfig(span_cache_size=0))
    lk.build()
    return lk


TEXT = " ".join(
    f"Task {i}: write Python, query PostgreSQL and ship with Docker." for i in range(200)
)


def test_a_check_that_never_stops_changes_nothing_and_runs_often(linker):
    plain = linker.extract(TEXT)
    checks = Checks()
    assert linker.extract(TEXT, check=checks) == plain
    assert checks.calls >= 200 * 2  # at least per sentence, twice (scoring and extraction)
    spans = Checks()
    assert linker.link_many(["Python", "PostgreSQL"], check=spans) == linker.link_many(
        ["Python", "PostgreSQL"]
    )
    assert spans.calls >= 2


@pytest.mark.parametrize("stop_at", [1, 2, 5, 300])
def test_extraction_stops_at_the_check_that_raises(linker, stop_at):
    checks = Checks(stop_at)
    with pytest.raises(Stop):
        linker.extract(TEXT, check=checks)
    assert checks.calls == stop_at  # nothing was checked (nor done) after it


def test_encoding_stops_between_the_encoders_batches(linker):
    texts = [f"text number {i} about SQL" for i in range(64 * 10)]
    linker.encoder.batches = 0
    checks = Checks(stop_at=3)  # before encoding, after batch 1, after batch 2: stop
    with pytest.raises(Stop):
        linker.link_many(texts, check=checks)
    assert linker.encoder.batches == 2  # of the ten or more batches the texts need
