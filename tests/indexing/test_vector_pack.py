"""Shipped vectors (indexing/vector_pack.py): a good pack answers its texts without encoding them
all; a stale row, a pack of another model, a damaged file, and a pack the live encoder does not
reproduce are never used, and the right texts are encoded instead."""

from __future__ import annotations

import json
import shutil

import numpy as np
import pytest

from indexing.encoder import FakeEncoder
from indexing.vector_pack import (
    FIRST_SAMPLE,
    SAMPLE_CHARS,
    VectorPack,
    dequantize,
    pack_parts,
    pack_stem,
    quantize,
    write_pack,
)

N = 400


def texts(n: int = N) -> list[str]:
    return [f"skill {i} with words w{i % 17} x{i % 29} y{i}" for i in range(n)]


@pytest.fixture
def pack_dir(tmp_path):
    enc = FakeEncoder(dim=64)
    write_pack(tmp_path, enc, texts(), enc.encode_documents(texts()), sources={"t": N})
    return tmp_path


def live(items) -> np.ndarray:
    return FakeEncoder(dim=64).encode_documents(items)


def cosines(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return np.einsum("ij,ij->i", a, b)


def test_int8_keeps_the_vectors():
    vecs = np.random.default_rng(0).normal(size=(200, 384)).astype(np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    q, scale = quantize(vecs)
    assert q.dtype == np.int8 and scale.dtype == np.float32
    assert cosines(dequantize(q, scale), vecs).min() > 0.999


def test_a_good_pack_is_used_without_encoding_everything(pack_dir):
    enc = FakeEncoder(dim=64)
    pack = VectorPack(pack_dir, enc, seed=1)
    out = pack.encode_documents(texts())
    assert enc.texts_encoded == FIRST_SAMPLE  # only the sample re-encoded to check the file
    assert (pack.used, pack.encoded, pack.refused) == (N - FIRST_SAMPLE, FIRST_SAMPLE, None)
    assert cosines(out, live(texts())).min() > 0.99
    enc.texts_encoded = 0
    pack.encode_documents(texts()[:100])  # a later call, once checked: a smaller sample
    assert enc.texts_encoded == 2


def test_the_check_of_long_texts_is_bounded_by_characters(tmp_path):
    enc = FakeEncoder(dim=64)
    long = [f"posting {i} " + "word " * 400 for i in range(100)]  # about 2,000 characters each
    write_pack(tmp_path, enc, long, enc.encode_documents(long))
    enc.texts_encoded = 0
    pack = VectorPack(tmp_path, enc, seed=2)
    pack.encode_documents(long)
    assert enc.texts_encoded == SAMPLE_CHARS // len(long[0]) and pack.refused is None


def test_a_stale_row_is_encoded_alone(pack_dir):
    items = texts()
    items[7] = "a changed text"
    enc = FakeEncoder(dim=64)
    pack = VectorPack(pack_dir, enc, seed=1)
    out = pack.encode_documents(items)
    assert pack.encoded == FIRST_SAMPLE + 1 and enc.texts_encoded == FIRST_SAMPLE + 1
    assert np.allclose(out[7], live(["a changed text"])[0])


def test_a_pack_of_another_model_is_never_used(pack_dir):
    other = FakeEncoder(dim=64, model_id="fake/other-model")
    for suffix in (".npz", ".json"):  # the files under the other model's name
        src = pack_dir / f"{pack_stem('fake/hashing-64')}{suffix}"
        shutil.copy(src, pack_dir / f"{pack_stem(other.model_id)}{suffix}")
    pack = VectorPack(pack_dir, other)
    pack.encode_documents(texts())
    assert pack.used == 0 and other.texts_encoded == N
    assert "model_id" in pack.refused
    absent = VectorPack(pack_dir, FakeEncoder(dim=64, model_id="fake/no-file"))
    absent.encode_documents(texts()[:5])
    assert absent.used == 0 and "no shipped vectors" in absent.refused


def test_a_pack_of_another_dimension_is_never_used(pack_dir, tmp_path):
    enc = FakeEncoder(dim=32)  # same model id, other dim
    pack = VectorPack(pack_dir, enc)
    pack.encode_documents(texts())
    assert pack.used == 0 and enc.texts_encoded == N and "dim" in pack.refused


@pytest.mark.parametrize("damage", ["truncated", "flipped", "sidecar", "rehashed"])
def test_a_damaged_pack_is_never_used(pack_dir, damage):
    npz = pack_dir / f"{pack_stem('fake/hashing-64')}.npz"
    sidecar = npz.with_suffix(".json")
    data = npz.read_bytes()
    if damage == "truncated":
        npz.write_bytes(data[: len(data) // 2])
    elif damage == "flipped":
        npz.write_bytes(data[:1000] + bytes([data[1000] ^ 0xFF]) + data[1001:])
    elif damage == "sidecar":
        sidecar.write_text("{not json")
    else:  # truncated, and the sidecar's file hash made to fit: the npz itself is unreadable
        import hashlib

        npz.write_bytes(data[: len(data) // 2])
        meta = json.loads(sidecar.read_text())
        meta["file_sha256"] = hashlib.sha256(npz.read_bytes()).hexdigest()
        sidecar.write_text(json.dumps(meta))
    enc = FakeEncoder(dim=64)
    pack = VectorPack(pack_dir, enc)
    out = pack.encode_documents(texts())
    assert pack.used == 0 and enc.texts_encoded == N and pack.refused
    assert np.allclose(out, live(texts()))


def test_a_pack_the_encoder_does_not_reproduce_is_refused(tmp_path, caplog):
    enc = FakeEncoder(dim=64)
    wrong = np.random.default_rng(3).normal(size=(N, 64)).astype(np.float32)
    write_pack(tmp_path, enc, texts(), wrong)  # same model id and texts, other vectors
    pack = VectorPack(tmp_path, enc, seed=5)
    with caplog.at_level("WARNING", logger="skillmatch"):
        out = pack.encode_documents(texts())
    assert "disagree with the live encoder" in pack.refused
    assert "not using shipped vectors" in caplog.text
    assert pack.used == 0 and enc.texts_encoded == N  # the sample and then every other text
    assert np.allclose(out, live(texts()))
    pack.encode_documents(texts()[:10])  # refused for the rest of the process
    assert pack.used == 0


def test_queries_never_come_from_the_pack(pack_dir):
    enc = FakeEncoder(dim=64)
    pack = VectorPack(pack_dir, enc)
    pack.encode_queries(texts()[:10])
    assert enc.texts_encoded == 10 and pack.used == 0


def _extra(n: int = 100) -> list[str]:
    return [f"a remade catalog text {i} about z{i % 7}" for i in range(n)]


def test_a_part_beside_the_pack_answers_the_texts_added_later(pack_dir):
    enc = FakeEncoder(dim=64)
    meta = write_pack(pack_dir, enc, _extra(), enc.encode_documents(_extra()), part="catalog")
    assert (pack_dir / f"{pack_stem('fake/hashing-64')}.catalog.npz").exists()
    assert meta["count"] == 100
    assert pack_parts(pack_dir, "fake/hashing-64") == ["catalog"]
    enc = FakeEncoder(dim=64)
    pack = VectorPack(pack_dir, enc, seed=2)
    both = texts() + _extra()
    out = pack.encode_documents(both)
    assert pack.refused is None and enc.texts_encoded == FIRST_SAMPLE  # the sample only
    assert cosines(out, live(both)).min() > 0.99
    # a part alone (no main file) is used too
    (pack_dir / f"{pack_stem('fake/hashing-64')}.npz").unlink()
    (pack_dir / f"{pack_stem('fake/hashing-64')}.json").unlink()
    pack = VectorPack(pack_dir, FakeEncoder(dim=64), seed=2)
    pack.encode_documents(_extra())
    assert pack.refused is None and pack.used == 100 - FIRST_SAMPLE


@pytest.mark.parametrize("damage", ["flipped", "foreign"])
def test_a_damaged_or_foreign_part_refuses_the_whole_pack(pack_dir, damage):
    enc = FakeEncoder(dim=64)
    if damage == "foreign":  # a part made by another encoder (dimension 32), named as ours
        other = FakeEncoder(dim=32)
        write_pack(pack_dir, other, _extra(), other.encode_documents(_extra()), part="catalog")
        for suffix in (".npz", ".json"):
            src = pack_dir / f"{pack_stem(other.model_id, 'catalog')}{suffix}"
            src.rename(pack_dir / f"{pack_stem('fake/hashing-64', 'catalog')}{suffix}")
    else:
        write_pack(pack_dir, enc, _extra(), enc.encode_documents(_extra()), part="catalog")
        npz = pack_dir / f"{pack_stem('fake/hashing-64', 'catalog')}.npz"
        data = npz.read_bytes()
        npz.write_bytes(data[:500] + bytes([data[500] ^ 0xFF]) + data[501:])
    enc = FakeEncoder(dim=64)
    pack = VectorPack(pack_dir, enc)
    out = pack.encode_documents(texts())
    assert pack.used == 0 and enc.texts_encoded == N and pack.refused
    assert "catalog" in pack.refused
    assert np.allclose(out, live(texts()))


def test_a_part_name_is_letters_and_digits():
    assert pack_stem("m/x", "catalog2") == "m_x.catalog2"
    for bad in ("../up", "a.b", "", "x y"):
        with pytest.raises(ValueError):
            pack_stem("m/x", bad)
