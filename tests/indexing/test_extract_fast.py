"""Extraction at encoder speed, on the hashing encoder: span vectors pooled from one pass of
the sentence (indexing.span_vectors), units scored on candidate skills (indexing.unit_scores)
keep what scoring every skill keeps, and each sentence is encoded once. The real model's
agreement is checked in tests/indexing/test_fixtures_real.py and measured by the bench."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from indexing.encoder import FakeEncoder, TokenVectors
from indexing.extract import score_pairs, units
from indexing.linker import SkillLinker
from indexing.span_vectors import pool, sentence_pieces
from tests.indexing.test_linker import SKILLS

TEXTS = [
    "You know PostgreSQL and Docker, write Python, and mentor junior developers.",
    "Stack: Docker, Git, SQL, PostgreSQL, Python, JavaScript and Microsoft Excel",
    "Team player who can cook pasta; you manage budgets and go to meetings.\nJava is a plus.",
    "Requirements\nGood knowledge of Structured Query Language (SQL) and Postgres databases.",
]


def _linker(**cfg) -> SkillLinker:
    lk = SkillLinker(SKILLS, FakeEncoder(dim=256))
    lk.build()
    lk.config = dataclasses.replace(lk.config, **cfg)
    return lk


def _found(lk: SkillLinker, text: str) -> list[tuple]:
    return [(x.skill_id, round(x.score, 5), x.evidence, x.matched_label) for x in lk.extract(text)]


@pytest.mark.parametrize("vectors", ["pooled", "encoded"])
def test_candidate_scoring_keeps_what_scoring_every_skill_keeps(vectors):
    exact = _linker(extract_span_vectors=vectors, extract_candidates=0)
    fast = _linker(extract_span_vectors=vectors, extract_candidates=4)
    for text in TEXTS:
        assert _found(fast, text) == _found(exact, text), text
        assert _found(fast, text)  # something is found


def test_candidate_scores_are_exact_on_candidates_and_minus_inf_elsewhere():
    exact = _linker(extract_candidates=0)
    fast = _linker(extract_candidates=2)
    text = TEXTS[0]
    pairs = units(text)
    lex = [exact.lexical(p.text) for _, p in pairs]
    for a, b in zip(score_pairs(exact, pairs, lex), score_pairs(fast, pairs, lex), strict=True):
        cand = np.isfinite(b.score)
        assert 2 <= cand.sum() < len(SKILLS)  # the best 2 and the aliases of the unit
        np.testing.assert_allclose(b.score[cand], a.score[cand], rtol=1e-5, atol=1e-6)
        assert set(np.flatnonzero(cand)) >= set(a.lexical)
        for row in np.flatnonzero(cand):
            assert b.best_span(int(row)) == a.best_span(int(row))


def test_pooled_extraction_encodes_each_sentence_once_in_one_call():
    lk = _linker(extract_span_vectors="pooled")
    enc = lk.encoder
    calls, texts = enc.calls, enc.texts_encoded
    lk.extract(TEXTS[2])
    n_sentences = len({s.start for s, _ in units(TEXTS[2])})
    assert (enc.calls - calls, enc.texts_encoded - texts) == (1, n_sentences)


def test_encoded_extraction_encodes_every_phrase_and_ngram():
    lk = _linker(extract_span_vectors="encoded")
    before = lk.encoder.texts_encoded
    lk.extract(TEXTS[0])
    assert lk.encoder.texts_encoded - before > 3 * len(units(TEXTS[0]))


def test_the_sentence_vector_is_the_encoders_and_pieces_pool_their_tokens():
    enc = FakeEncoder(dim=64)
    sentence = "write Python and SQL"
    ((sent_vec, pieces),) = sentence_pieces(enc, [sentence], [[(6, 12), (17, 20), (6, 20)]])
    np.testing.assert_allclose(sent_vec, enc.encode_queries([sentence])[0], atol=1e-6)
    np.testing.assert_allclose(pieces[0], enc.encode_queries(["Python"])[0], atol=1e-6)
    np.testing.assert_allclose(pieces[1], enc.encode_queries(["SQL"])[0], atol=1e-6)
    np.testing.assert_allclose(pieces[2], enc.encode_queries(["Python and SQL"])[0], atol=1e-6)


def test_a_piece_no_token_covers_is_reported_and_encoded_alone():
    tv = TokenVectors(
        sentence=np.ones(4, np.float32) / 2,
        tokens=np.eye(4, dtype=np.float32)[:2],
        offsets=np.asarray([[0, 3], [4, 7]]),
    )
    vecs, empty = pool(tv, [(0, 3), (0, 7), (8, 12), (3, 4)])
    assert empty == [2, 3]  # past the last token; only the space between two tokens
    np.testing.assert_allclose(vecs[1], np.asarray([1, 1, 0, 0]) / np.sqrt(2), atol=1e-6)
    assert not vecs[2].any()
    assert pool(tv, [])[0].shape == (0, 4)
    enc = FakeEncoder(dim=16, max_tokens=2)  # a window of 2 tokens: "SQL" is past it
    text = "Python Java SQL"
    ((_s, pieces),) = sentence_pieces(enc, [text], [[(12, 15)]])
    np.testing.assert_allclose(pieces[0], enc.encode_queries(["SQL"])[0], atol=1e-6)


def test_dense_rows_equals_the_columns_of_dense():
    lk = _linker()
    q = lk.encoder.encode_queries(["Python and SQL", "cook pasta", "Docker"])
    rows = np.asarray([0, 3, 5, 13])
    full = lk.views.dense(q, lk.config.description_weight)
    part = lk.views.dense_rows(q, rows, lk.config.description_weight)
    np.testing.assert_allclose(part, full[:, rows], rtol=1e-5, atol=1e-6)
    assert lk.views.dense_rows(q, np.zeros(0, np.int64), 0.3).shape == (3, 0)


def test_empty_and_blank_texts_extract_nothing_on_the_fast_path():
    lk = _linker()
    for text in ("", "   ", "\n\n", "Requirements\n", "<ORGANIZATION>"):
        assert lk.extract(text) == []
