"""Extraction's units scored against every skill through torch, labels-major
(`indexing.dense_torch`): the values of `SkillViews.dense`, in chunks of any size, and the same
extraction (docs/quality.md, "Extraction at encoder speed")."""

from __future__ import annotations

import sys

import numpy as np
import pytest

import indexing.unit_scores as unit_scores
from indexing.dense_torch import dense
from tests.indexing.test_extract_fast import TEXTS, _found, _linker

pytest.importorskip("torch")


@pytest.mark.parametrize("n", [1, 2, 5, 64, 65, 129])
def test_dense_equals_the_numpy_dense_in_every_chunk(n):
    lk = _linker()
    words = "Python SQL Docker pasta budgets meetings Java Postgres Excel Git".split()
    texts = [f"{words[i % 10]} and {words[(3 * i + 1) % 10]} {i}" for i in range(n)]
    q = lk.encoder.encode_queries(texts)
    w = lk.config.description_weight
    want = lk.views.dense(q, w, 64)
    got = dense(lk.views, q, w, 64)
    assert got.shape == want.shape == (n, len(lk.skills)) and got.dtype == np.float32
    np.testing.assert_allclose(got, want, rtol=0, atol=1e-6)
    if n % 64 == 1:  # a chunk of one query: numpy's own product, bit for bit
        np.testing.assert_array_equal(got[-1], want[-1])
    np.testing.assert_allclose(dense(lk.views, q, 0.0), lk.views.dense(q, 0.0), rtol=0, atol=1e-6)


def test_extraction_keeps_what_the_numpy_dense_keeps(monkeypatch):
    fast = _linker()
    found = [_found(fast, t) for t in TEXTS]
    monkeypatch.setattr(
        unit_scores, "dense", lambda views, q, w, chunk=64, check=None: views.dense(q, w, chunk)
    )
    assert [_found(fast, t) for t in TEXTS] == found
    assert all(found)


def test_without_torch_the_numpy_dense(monkeypatch):
    lk = _linker()
    q = lk.encoder.encode_queries(["Python and SQL", "cook pasta", "Docker"])
    monkeypatch.setitem(sys.modules, "torch", None)  # `import torch` raises ImportError
    np.testing.assert_array_equal(dense(lk.views, q, 0.3), lk.views.dense(q, 0.3))


def test_check_runs_per_chunk():
    lk = _linker()
    q = lk.encoder.encode_queries([f"text {i}" for i in range(130)])
    calls = []
    dense(lk.views, q, 0.3, 64, check=lambda: calls.append(1))
    assert len(calls) == 3
