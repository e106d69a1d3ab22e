from __future__ import annotations

import numpy as np
import pytest

from indexing.encoder import Encoder, FakeEncoder, SentenceTransformerEncoder


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
