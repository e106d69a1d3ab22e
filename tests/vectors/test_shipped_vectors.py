"""A first run with shipped vectors (`<data_dir>/vectors`, written by `skillmatch vectors`): the
taxonomy's indexes and the default records take the shipped rows, the encoder sees a check
sample and the texts the file does not hold; a changed text is encoded, never served stale."""

from __future__ import annotations

import gzip
import json
import shutil
from collections import Counter

import numpy as np
import pytest

from indexing.encoder import FakeEncoder
from indexing.vector_pack import FIRST_SAMPLE, LATER_SAMPLE
from service.cli.vectors import shipped_texts, write_shipped
from service.config import Settings
from service.defaults import CATALOG, load_default_data
from service.encoder_hooks import observe_encoder
from service.runtime import build_runtime
from service.vectors.shipped import vectors_dir


def _settings(tmp_path, data, name: str, **kw) -> Settings:
    return Settings(
        database_url=f"sqlite:///{tmp_path / name}.db",
        data_dir=data,
        index_dir=tmp_path / f"{name}-indexes",
        progress=False,
        **kw,
    )


def _documents_counter(encoder) -> Counter:
    seen: Counter = Counter()

    def count(kind: str, n: int, _seconds: float) -> None:
        seen[kind] += n

    observe_encoder(encoder, count)
    return seen


@pytest.fixture(scope="module")
def shipped(mini_data_dir, tmp_path_factory):
    """A data folder with a demo catalog and the vectors a first runtime wrote for it."""
    tmp = tmp_path_factory.mktemp("shipped")
    data = tmp / "data"
    shutil.copytree(mini_data_dir, data)
    (data / CATALOG).parent.mkdir(parents=True, exist_ok=True)
    creds = [
        {"external_id": f"c:{i}", "title": f"Database course {i}", "kind": "course",
         "description": f"Use PostgreSQL and SQL in project {i}."}
        for i in range(120)
    ]  # fmt: skip
    with gzip.open(data / CATALOG, "wt") as fh:
        fh.write("\n".join(json.dumps(c) for c in creds))
    rt = build_runtime(_settings(tmp, data, "writer"), encoder=FakeEncoder(dim=64))
    load_default_data(rt)
    meta = write_shipped(rt, vectors_dir(rt.settings), encode_records=True)
    texts = shipped_texts(rt)
    rt.engine.dispose()
    return data, meta, texts


def test_a_first_run_takes_the_shipped_vectors(shipped, tmp_path):
    data, meta, texts = shipped
    total = sum(len(t) for t in texts.values())
    assert meta["count"] <= total and meta["sources"]["credentials"] == 120
    enc = FakeEncoder(dim=64)
    seen = _documents_counter(enc)
    rt = build_runtime(_settings(tmp_path, data, "fresh"), encoder=enc)
    built = seen["documents"]
    load_default_data(rt)
    # builds: 3 of the taxonomy's sources checked at most 16 each after the first's 64
    assert built <= FIRST_SAMPLE + 4 * LATER_SAMPLE < total - len(texts["credentials"])
    assert seen["documents"] - built <= LATER_SAMPLE  # the catalog: one batch, one check
    assert rt.documents.used >= total - seen["documents"] - 200  # the rest came from the file
    ref = FakeEncoder(dim=64)
    labels, _desc = rt.linker.vectors()
    live = ref.encode_documents(rt.linker.label_texts)
    assert np.allclose(labels, live, atol=0.01)  # int8, dequantised
    assert rt.documents.refused is None
    rt.engine.dispose()


def test_a_changed_text_is_encoded_and_the_rest_still_shipped(shipped, tmp_path):
    data, _meta, texts = shipped
    changed = tmp_path / "data"
    shutil.copytree(data, changed)
    creds = [
        {"external_id": f"c:{i}", "title": f"Database course {i}", "kind": "course",
         "description": f"Use PostgreSQL and SQL in project {i}." + (" New." if i < 5 else "")}
        for i in range(120)
    ]  # fmt: skip
    with gzip.open(changed / CATALOG, "wt") as fh:
        fh.write("\n".join(json.dumps(c) for c in creds))
    enc = FakeEncoder(dim=64)
    seen = _documents_counter(enc)
    rt = build_runtime(_settings(tmp_path, changed, "changed"), encoder=enc)
    built = seen["documents"]
    load_default_data(rt)
    assert 5 <= seen["documents"] - built <= 5 + LATER_SAMPLE  # the 5 changed texts, a check
    rt.engine.dispose()


def test_shipped_vectors_off_encodes_everything(shipped, tmp_path):
    data, _meta, texts = shipped
    enc = FakeEncoder(dim=64)
    seen = _documents_counter(enc)
    rt = build_runtime(
        _settings(tmp_path, data, "off", shipped_vectors=False, load_default_data=False),
        encoder=enc,
    )
    n = sum(len(texts[s]) for s in texts if s not in ("credentials", "postings"))
    assert seen["documents"] == n
    rt.engine.dispose()


def test_the_vectors_command_writes_the_same_pack_either_way(
    mini_data_dir, tmp_path, monkeypatch, capsys
):
    from service.cli.main import main

    env = {
        "SKILLMATCH_DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}",
        "SKILLMATCH_DATA_DIR": str(mini_data_dir),
        "SKILLMATCH_INDEX_DIR": str(tmp_path / "indexes"),
        "SKILLMATCH_MODEL": "fake:64",
        "SKILLMATCH_PROGRESS": "false",
    }
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    metas = []
    for how, extra in (("scratch", []), ("reuse", ["--reuse-indexes"])):
        out = tmp_path / how
        assert main(["vectors", "--no-catalog", "--out", str(out), *extra]) == 0
        metas.append(json.loads(capsys.readouterr().out))
        assert (out / "fake_hashing-64.npz").exists()
        assert (tmp_path / "indexes").exists() is (how == "reuse")  # scratch: built elsewhere
    scratch, reuse = metas
    assert scratch["keys_sha256"] == reuse["keys_sha256"] and scratch["count"] == reuse["count"]
    assert scratch["sources"]["skill_labels"] > 0 and "credentials" not in scratch["sources"]
