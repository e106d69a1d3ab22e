"""The bfloat16 first pass that picks extraction's candidates (indexing.first_pass): its values
are within the stated bound of the float32 ones, it picks the same candidates with the same
exact scores, and it is used only where asked and possible. The real model's agreement on
postings is measured by the bench part `extract` and docs/quality.md."""

from __future__ import annotations

import sys

import numpy as np
import pytest

from indexing import first_pass
from indexing.extract import score_pairs, units
from tests.indexing.test_extract_fast import TEXTS, _found, _linker

pytest.importorskip("torch")


def _queries(n: int, dim: int, seed: int, scale: float = 1.0) -> np.ndarray:
    q = np.random.default_rng(seed).standard_normal((n, dim)).astype(np.float32)
    return scale * q / np.linalg.norm(q, axis=1, keepdims=True)


@pytest.mark.parametrize("scale", [1.0, 0.5, 3.0])
def test_the_values_are_within_the_bound(scale):
    lk = _linker()
    w = lk.config.description_weight
    q = np.vstack([_queries(40, 256, 1, scale), scale * lk.views.label_vecs[:30]])
    approx, bounds = first_pass.approx_dense(lk.views, q, w, chunk=16)
    exact = lk.views.dense(q, w)
    assert approx.shape == exact.shape and approx.dtype == np.float32
    err = np.abs(approx - exact).max(axis=1)
    assert (err <= bounds).all(), (err.max(), bounds.min())
    assert (err > 0).any()  # bfloat16 rounds: the bound is not vacuous
    assert bounds[:40].min() >= first_pass.bound(w) * max(1.0, scale) * 0.999


def test_the_bound_grows_with_the_description_weight_and_the_norms():
    assert first_pass.bound(0.3) == pytest.approx(first_pass.COSINE_ERROR * 1.3)
    assert first_pass.bound(0.0, 2.0) == pytest.approx(2 * first_pass.COSINE_ERROR)
    assert first_pass.bound(0.0, 0.5) == pytest.approx(first_pass.COSINE_ERROR)


@pytest.mark.parametrize("k", [1, 2, 3, 5])
def test_the_first_pass_keeps_the_candidates_and_scores_of_the_exact_pass(k):
    exact = _linker(extract_candidates=k, extract_first_pass="exact")
    fast = _linker(extract_candidates=k, extract_first_pass="bf16")
    assert len(fast.skills) > k
    w, tw = exact.config.description_weight, exact.config.text_weight
    for text in TEXTS:
        pairs = units(text)
        lex = [{} for _ in pairs]
        scored = zip(score_pairs(exact, pairs, lex), score_pairs(fast, pairs, lex), strict=True)
        for (_, unit), (a, b) in zip(pairs, scored, strict=True):
            base = tw * exact.views.dense(exact.query_vectors([unit.text]), w)[0] + exact._prior
            kth = np.sort(base)[-k]  # the hashing encoder ties many skills at the k-th score
            assert len(b.columns) == len(a.columns) == k
            assert set(np.flatnonzero(base > kth + 1e-6)) <= set(b.columns.tolist())
            assert (base[b.columns] >= kth - 1e-6).all()
            same = np.intersect1d(a.columns, b.columns)
            np.testing.assert_allclose(b.score[same], a.score[same], rtol=0, atol=1e-6)
            assert np.isneginf(np.delete(b.score, b.columns)).all()
        assert _found(fast, text) == _found(exact, text), text


def test_the_first_pass_runs_only_when_fewer_candidates_than_skills(monkeypatch):
    calls = []
    real = first_pass.approx_dense
    monkeypatch.setattr(
        first_pass, "approx_dense", lambda *a, **k: calls.append(1) or real(*a, **k)
    )
    every = _linker(extract_first_pass="bf16", extract_candidates=0)
    every.extract(TEXTS[0])
    assert not calls
    _linker(extract_first_pass="bf16", extract_candidates=2).extract(TEXTS[0])
    assert calls
    calls.clear()
    _linker(extract_first_pass="exact", extract_candidates=2).extract(TEXTS[0])
    assert not calls


def test_new_vectors_get_new_copies():
    lk = _linker()
    q = _queries(3, 256, 2)
    w = lk.config.description_weight
    before, _ = first_pass.approx_dense(lk.views, q, w)
    lk.views.set_vectors(-lk.views.label_vecs, lk.views.desc_vecs, 256)
    after, bounds = first_pass.approx_dense(lk.views, q, w)
    assert not np.allclose(before, after)
    assert (np.abs(after - lk.views.dense(q, w)).max(axis=1) <= bounds).all()


def test_copies_follow_the_arrays_not_their_addresses():
    lk = _linker()
    w = lk.config.description_weight
    q = _queries(3, 256, 3)
    first_pass.approx_dense(lk.views, q, w)
    held = lk.views._bf16_copies
    assert held.source[0] is lk.views.label_vecs  # the arrays are held: no address reused
    lk.views.set_vectors(lk.views.label_vecs[::-1].copy(), lk.views.desc_vecs.copy(), 256)
    after, bounds = first_pass.approx_dense(lk.views, q, w)
    assert lk.views._bf16_copies is not held
    assert (np.abs(after - lk.views.dense(q, w)).max(axis=1) <= bounds).all()


def test_modes():
    assert not first_pass.enabled("exact")
    assert first_pass.enabled("bf16")
    with pytest.raises(ValueError, match="extract_first_pass"):
        first_pass.enabled("fp16")


def test_without_torch_no_first_pass(monkeypatch):
    monkeypatch.setitem(sys.modules, "torch", None)  # `import torch` raises ImportError
    assert not first_pass.enabled("bf16") and not first_pass.enabled("auto")
