from __future__ import annotations

import numpy as np
import pytest

from indexing.encoder import (
    Encoder,
    FakeEncoder,
    SentenceTransformerEncoder,
    chunk_spans,
    normalize_rows,
)


def test_fake_encoder_is_deterministic_normalised_and_counts_work():
    enc = FakeEncoder(dim=32)
    assert isinstance(enc, Encoder)
    a = enc.encode_documents(["python programming", "cooking pasta"])
    b = FakeEncoder(dim=32).encode_documents(["python programming", "cooking pasta"])
    np.testing.assert_array_equal(a, b)
    assert a.dtype == np.float32 and a.shape == (2, 32)
    np.testing.assert_allclose(np.linalg.norm(a, axis=1), 1.0, rtol=1e-6)
    assert enc.calls == 1 and enc.texts_encoded == 2
    q = enc.encode_queries(["python"])
    assert (q @ a.T)[0, 0] > (q @ a.T)[0, 1]


@pytest.mark.slow
def test_packaged_model_loads_offline_and_ranks_sensibly(monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    enc = SentenceTransformerEncoder()
    assert enc.dim == 384 and enc.model_id == "sentence-transformers/all-MiniLM-L6-v2"
    docs = enc.encode_documents(["Python programming", "baking bread", "nursing care"])
    q = enc.encode_queries(["writing software in Python"])
    assert docs.dtype == np.float32 and np.allclose(np.linalg.norm(docs, axis=1), 1, atol=1e-5)
    assert int(np.argmax(q @ docs.T)) == 0
    # batching and the length sort must not change the result or the order
    again = enc.encode_documents(["nursing care", "Python programming"], batch_size=1)
    np.testing.assert_allclose(again[1], docs[0], atol=1e-5)


def test_chunk_spans_cover_every_token_with_overlap():
    offsets = [(i * 3, i * 3 + 2) for i in range(10)]  # ten 2-char tokens
    spans = chunk_spans(offsets, window=4, overlap=1)
    assert spans == [(0, 11, 4), (9, 20, 4), (18, 29, 4)]
    assert chunk_spans(offsets[:3], window=4, overlap=1) == [(0, 8, 3)]
    assert chunk_spans([], window=4, overlap=1) == []


def _long_doc():
    head = " ".join(f"cooking{i % 5} pasta" for i in range(30))  # 60 tokens
    return head + " then python programming with sql databases"


def test_long_documents_are_chunked_and_pooled_not_truncated():
    enc = FakeEncoder(dim=256, max_tokens=16)
    doc = _long_doc()
    chunked = enc.encode_documents([doc])
    truncated = enc.encode_queries([doc])  # queries are cut at the window, like the model does
    tail = enc.encode_queries(["python programming with sql databases"])
    assert (tail @ chunked.T)[0, 0] > 0.1 > (tail @ truncated.T)[0, 0]
    # the pooled vector is the token-weighted mean of the windows' vectors, renormalised
    spans = chunk_spans(enc.token_offsets(doc), 16, enc.chunk_overlap)
    pieces = enc.encode_queries([doc[s:e] for s, e, _n in spans])
    weights = np.array([n for _s, _e, n in spans], np.float32)[:, None]
    np.testing.assert_allclose(chunked[0], normalize_rows((pieces * weights).sum(0)[None])[0],
                               atol=1e-6)  # fmt: skip


def test_chunking_keeps_short_texts_order_and_counts_progress_in_texts():
    enc = FakeEncoder(dim=64, max_tokens=16)
    texts = ["python programming", _long_doc(), "cooking pasta", _long_doc() + " rust"]
    seen = []
    out = enc.encode_documents(texts, progress=seen.append)
    assert out.shape == (4, 64) and sum(seen) == 4
    np.testing.assert_allclose(
        out[0], FakeEncoder(dim=64).encode_documents(texts[:1])[0], atol=1e-6
    )
    np.testing.assert_allclose(
        out[2], FakeEncoder(dim=64).encode_documents(texts[2:3])[0], atol=1e-6
    )
    np.testing.assert_allclose(np.linalg.norm(out, axis=1), 1.0, rtol=1e-6)


def _tiny_static_model(tmp_path):
    """A model2vec model with random vectors over the packaged MiniLM tokenizer (no distilling)."""
    model2vec = pytest.importorskip("model2vec")
    from tokenizers import Tokenizer

    from indexing.encoder import packaged_model_path

    tok = Tokenizer.from_file(f"{packaged_model_path()}/tokenizer.json")
    vecs = np.random.default_rng(0).normal(size=(tok.get_vocab_size(), 16)).astype(np.float32)
    model2vec.StaticModel(vecs, tok, normalize=True).save_pretrained(str(tmp_path / "m2v"))
    return tmp_path / "m2v"


def test_model2vec_encoder_over_a_local_static_model(tmp_path):
    from indexing.static_model import Model2VecEncoder

    enc = Model2VecEncoder(_tiny_static_model(tmp_path))
    assert isinstance(enc, Encoder) and enc.dim == 16
    assert enc.model_id.startswith("model2vec/m2v-")
    words = "python sql docker kubernetes cooking baking nursing care ".split()
    long_text = " ".join(words[i % len(words)] for i in range(2000))  # far past any window
    out = enc.encode_documents(["python programming", long_text, ""])
    assert out.dtype == np.float32 and out.shape == (3, 16)
    np.testing.assert_allclose(np.linalg.norm(out[:2], axis=1), 1.0, rtol=1e-5)
    cut = enc.encode_documents([" ".join(long_text.split()[:200])])
    assert not np.allclose(out[1], cut[0])  # the whole text counts: nothing truncated
    np.testing.assert_array_equal(out[:1], enc.encode_queries(["python programming"]))
    with pytest.raises(FileNotFoundError):
        Model2VecEncoder(tmp_path / "nothing")


@pytest.mark.slow
def test_real_model_chunks_long_documents(monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    enc = SentenceTransformerEncoder()
    assert enc.window == 254
    cooking = " ".join(
        "Prepare fresh pasta dough, knead it, rest it and roll it thin for the evening service."
        for _ in range(25)
    )
    doc = cooking + " Finally, the role asks for Python programming and SQL database design."
    assert len(enc.token_offsets(doc)) > 2 * enc.window  # tokenized whole, not cut at 128/256
    chunked = enc.encode_documents([doc])
    truncated = enc.encode_queries([doc])
    tail = enc.encode_queries(["Python programming and SQL database design"])
    assert (tail @ chunked.T)[0, 0] > (tail @ truncated.T)[0, 0] + 0.02
    short = enc.encode_documents(["Python programming"])
    np.testing.assert_allclose(short, enc.encode_queries(["Python programming"]), atol=1e-5)
