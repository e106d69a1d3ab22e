"""Extraction's short spans (phrases, n-grams) through a cheaper encoder with a cache of its
own; sentences, stored vectors and ranking keep the linker's encoder
(`indexing.short_encoder`; docs/quality.md, "A cheaper encoder for short spans")."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

import indexing.short_encoder as short_mod
from indexing.encoder import FakeEncoder, SentenceTransformerEncoder, query_key
from indexing.extract import units
from indexing.linker import SkillLinker
from indexing.short_encoder import ShortQueries, short_encoder
from indexing.vocabulary import label_words
from tests.indexing.test_linker import SKILLS
from tests.indexing.test_query_vocabulary import TEXT, Recording


class Shifted(Recording):
    """Another encoder for the short spans: the linker's vectors plus a fixed offset, so a
    vector shows which encoder made it."""

    precision = "test"

    def encode_queries(self, texts, *, batch_size=64, progress=None):
        vecs = super().encode_queries(texts, batch_size=batch_size, progress=progress)
        return vecs + 0.01


def _linker(monkeypatch, mode: str = "bf16") -> tuple[SkillLinker, Shifted]:
    lk = SkillLinker(SKILLS, Recording(dim=256))
    lk.build()
    lk.config = dataclasses.replace(lk.config, extract_short_precision=mode)
    cheap = Shifted(dim=256)
    monkeypatch.setattr(
        short_mod, "short_encoder", lambda enc, m: cheap if m in ("bf16", "auto") else None
    )
    lk.encoder.seen.clear()
    return lk, cheap


def test_modes_and_fallbacks(monkeypatch):
    assert short_mod.cpu_has_bf16() in (True, False)
    with pytest.raises(ValueError):
        short_encoder(FakeEncoder(), "int4")
    assert short_encoder(FakeEncoder(), "bf16") is None  # not a transformer: its own vectors
    st = SentenceTransformerEncoder()  # not loaded: choosing loads nothing
    assert st._model is None
    assert short_encoder(st, "fp32") is None
    monkeypatch.setattr(short_mod, "cpu_has_bf16", lambda: False)
    assert short_encoder(st, "auto") is None  # no native bfloat16: float32
    assert isinstance(short_encoder(st, "bf16"), short_mod.Bf16QueryEncoder)
    monkeypatch.setattr(short_mod, "cpu_has_bf16", lambda: True)
    cheap = short_encoder(st, "auto")
    assert cheap.model_id.endswith("#bf16") and cheap.base is st and st._model is None


def test_sentences_keep_the_linker_encoder_and_short_spans_take_the_cheap_one(monkeypatch):
    lk, cheap = _linker(monkeypatch)
    lk.extract(TEXT)
    sentences = {s.text for s, u in units(TEXT) if s == u}
    assert sentences and set(lk.encoder.seen) == sentences
    assert cheap.seen and not set(cheap.seen) & sentences
    assert "Microsoft Excel" in cheap.seen  # a two-word n-gram
    # ranking reads none of the cheap vectors: a short span of the extraction is encoded anew
    lk.encoder.seen.clear()
    span = cheap.seen[0]
    got = lk.score_texts([span])[0].vecs[0]
    assert lk.encoder.seen == [span]
    np.testing.assert_array_equal(got, lk.encoder.encode_queries([span])[0])
    # clearing forgets both caches' recent texts
    lk.clear_query_cache()
    cheap.seen.clear()
    lk.extract(TEXT)
    assert cheap.seen


def test_setting_off_is_the_old_path(monkeypatch):
    on, cheap = _linker(monkeypatch, "bf16")
    found = {"on": on.extract(TEXT)}
    off, unused = _linker(monkeypatch, "fp32")
    plain = SkillLinker(SKILLS, Recording(dim=256))  # the code before: one cache, one encoder
    plain.build()
    plain.config = dataclasses.replace(plain.config, extract_short_precision="fp32")
    found["off"] = off.extract(TEXT)
    assert unused.seen == [] and off._short.precision("fp32") == "fp32"
    assert on._short.precision("bf16") == "test" and cheap.seen
    assert found["off"] == plain.extract(TEXT)
    assert [x.score for x in found["on"]] != [x.score for x in found["off"]]  # cheap vectors used


def test_label_words_come_from_the_linker_vocabulary_not_the_cheap_encoder(monkeypatch):
    lk, cheap = _linker(monkeypatch)
    words = label_words(lk)
    lk.set_vocabulary(words, lk.encoder.encode_queries(words))
    lk.encoder.seen.clear()
    lk.extract(TEXT)
    vocab = set(words)
    assert cheap.seen and not {query_key(cheap, t) for t in cheap.seen} & vocab
    cache = lk._short.cache("bf16")
    assert cache is not lk._cache and cache.vocabulary_size == len(vocab)
    np.testing.assert_array_equal(cache.vectors([words[0]]), lk._cache.vectors([words[0]]))


def test_short_queries_resolve_each_mode_once(monkeypatch):
    calls = []
    cache = SkillLinker(SKILLS, FakeEncoder(dim=64))._cache

    def spy(enc, mode):
        calls.append(mode)
        return None

    monkeypatch.setattr(short_mod, "short_encoder", spy)
    sq = ShortQueries(cache)
    assert sq.cache("auto") is cache and sq.cache("auto") is cache and calls == ["auto"]
    sq.clear()  # the linker's cache is not the short spans' to clear
    assert sq.precision("auto") == "fp32"


@pytest.mark.slow
def test_bf16_vectors_agree_with_float32(monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    enc = SentenceTransformerEncoder()
    cheap = short_mod.Bf16QueryEncoder(enc)
    texts = [
        "Python",
        "data analysis",
        "food hygiene certificate",
        "grill and sauce station",
        "manage a team",
        "forklift licence",
        "customer service",
        "Kubernetes clusters",
    ]
    a, b = enc.encode_queries(texts), cheap.encode_queries(texts)
    assert b.dtype == np.float32 and b.shape == a.shape
    cos = (a * b).sum(axis=1)
    assert cos.min() >= 0.999, cos
    assert not np.array_equal(a, b)  # bfloat16 was used: the vectors differ a little
    # the same nearest text for each: a cheap vector ranks texts as the float32 one does
    assert ((b @ a.T).argmax(axis=1) == np.arange(len(texts))).all()
