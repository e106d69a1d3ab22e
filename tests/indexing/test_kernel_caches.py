"""oneDNN's per-shape kernel caches bounded before torch loads (`indexing.kernel_caches`;
docs/quality.md, "A cheaper encoder for short spans")."""

from __future__ import annotations

import sys
import types

import pytest

import service.threads as threads_mod
from indexing.encoder import SentenceTransformerEncoder
from indexing.kernel_caches import DEFAULT_CAPACITY, ENV, bound_kernel_caches


@pytest.fixture
def no_torch_yet(monkeypatch):
    """As in a fresh process: torch not imported, neither variable set."""
    monkeypatch.delitem(sys.modules, "torch", raising=False)
    for name in ENV:
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_sets_both_before_torch_and_keeps_an_operators_value(no_torch_yet):
    import os

    no_torch_yet.setenv("LRU_CACHE_CAPACITY", "4")
    assert bound_kernel_caches() is True
    assert os.environ["LRU_CACHE_CAPACITY"] == "4"
    assert os.environ["ONEDNN_PRIMITIVE_CACHE_CAPACITY"] == str(DEFAULT_CAPACITY)


def test_too_late_once_torch_is_imported(monkeypatch):
    import os

    for name in ENV:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setitem(sys.modules, "torch", types.ModuleType("torch"))
    assert bound_kernel_caches() is False
    assert not {name for name in ENV if name in os.environ}


def test_the_model_load_sets_them_before_importing_the_model(no_torch_yet):
    import os

    seen = {}

    class Model:
        max_seq_length = 512

        def __init__(self, path, device):
            seen.update({name: os.environ.get(name) for name in ENV})

    no_torch_yet.setitem(
        sys.modules, "sentence_transformers", types.SimpleNamespace(SentenceTransformer=Model)
    )
    SentenceTransformerEncoder("some/model")._load()
    assert seen == dict.fromkeys(ENV, str(DEFAULT_CAPACITY))


def test_a_serving_process_sets_them_before_its_torch_threads(monkeypatch):
    import torch

    calls = []
    monkeypatch.setattr(threads_mod, "bound_kernel_caches", lambda: calls.append(1))
    assert threads_mod.apply_torch_threads(torch.get_num_threads()) is True
    assert calls == [1]
    assert threads_mod.apply_torch_threads(0) is False and calls == [1]
