"""The shipped catalog's credentials are about one thing: their skills' labels are close."""

from __future__ import annotations

import gzip
import json

import numpy as np

from service.datagen.semantic import LabelVectors
from tests.datagen.shipped import SHIPPED


def test_label_vectors_cover_esco_and_rank_meaning():
    lv = LabelVectors({"a": "plan menus", "b": "set prices of menu items", "c": "weld metal"})
    assert lv.missing == 0
    assert lv.cos("a", "b") > lv.cos("a", "c")
    assert np.allclose(np.diag(lv.matrix(["a", "b", "c"])), 1.0, atol=1e-3)


def test_shipped_credentials_are_coherent():
    recs = [json.loads(line) for line in gzip.decompress(SHIPPED.read_bytes()).splitlines()]
    recs = [r for r in recs if r["kind"] not in ("stackable_program", "nano_degree")]
    labels = {s["uri"]: s["label"] for r in recs for s in r["skills"]}
    lv = LabelVectors(labels)
    assert lv.missing == 0
    means = []
    for r in recs:
        m = lv.matrix([s["uri"] for s in r["skills"]])
        n = len(m)
        means.append((m.sum() - np.trace(m)) / (n * (n - 1)))
    # the co-occurrence-only bundles of 2026-12-06: mean 0.33, 27% under 0.25
    assert np.mean(means) >= 0.42
    assert np.mean(np.array(means) < 0.25) <= 0.05
