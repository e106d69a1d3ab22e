"""A stored record's reading is redone when the reading rules change (service/ingest/
reading_version.py): the content hash and the default data's fingerprint hold a digest of the
code that reads records, so an upgrade never leaves records read by older rules."""

from __future__ import annotations

import gzip
import json
import shutil

import pytest
from sqlmodel import Session

from indexing.encoder import FakeEncoder
from models.tables import Meta
from service.config import Settings
from service.defaults import CATALOG, load_default_data
from service.ingest import reading_version as rv
from service.runtime import build_runtime


def test_the_digest_follows_the_code_of_the_folders_only(tmp_path):
    (tmp_path / "a" / "sub").mkdir(parents=True)
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "x.py").write_text("RULE = 1\n")
    (tmp_path / "a" / "sub" / "y.py").write_text("OTHER = 2\n")
    (tmp_path / "b" / "z.py").write_text("NOT_READING = 3\n")
    first = rv.code_digest(tmp_path, ("a",))
    assert first == rv.code_digest(tmp_path, ("a",))  # stable
    (tmp_path / "b" / "z.py").write_text("NOT_READING = 4\n")
    assert rv.code_digest(tmp_path, ("a",)) == first  # another folder: no matter
    (tmp_path / "a" / "sub" / "y.py").write_text("OTHER = 5\n")
    changed = rv.code_digest(tmp_path, ("a",))
    assert changed != first
    (tmp_path / "a" / "sub" / "y.py").rename(tmp_path / "a" / "y2.py")  # a move counts too
    assert rv.code_digest(tmp_path, ("a",)) not in (first, changed)
    (tmp_path / "a" / "notes.txt").write_text("not code")
    assert len(rv.code_digest(tmp_path, ("a",))) == 16


def test_this_codes_version_is_its_reading_codes_digest():
    assert rv.reading_version() == rv.code_digest(rv.ROOT, rv.READING_CODE)
    assert rv.reader_id("m").startswith("m\nreading:")
    assert {"indexing", "service/ingest", "service/titles"} <= set(rv.READING_CODE)


def test_a_file_counts_as_a_folder_of_one(tmp_path):
    (tmp_path / "config.py").write_text("THRESHOLD = 0.8\n")
    first = rv.code_digest(tmp_path, ("config.py",))
    (tmp_path / "config.py").write_text("THRESHOLD = 0.9\n")
    assert rv.code_digest(tmp_path, ("config.py",)) != first
    assert rv.code_digest(tmp_path, ("missing.py",)) == rv.code_digest(tmp_path, ())


def test_a_record_sent_again_is_read_again_after_the_rules_change(client, monkeypatch):
    doc = {"external_id": "reread-1", "title": "Forklift driver",
           "description": "Operate a forklift and load trailers."}  # fmt: skip
    first = client.post("/v1/postings", json=doc).json()["items"][0]
    assert first["status"] in ("created", "updated")
    again = client.post("/v1/postings", json=doc).json()["items"][0]
    assert again["status"] == "unchanged"
    monkeypatch.setattr(rv, "reading_version", lambda: "0123456789abcdef")
    reread = client.post("/v1/postings", json=doc).json()["items"][0]
    assert reread["status"] == "updated" and reread["id"] == first["id"]
    assert client.post("/v1/postings", json=doc).json()["items"][0]["status"] == "unchanged"


@pytest.fixture
def defaults_runtime(mini_data_dir, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(mini_data_dir, data)
    (data / CATALOG).parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(data / CATALOG, "wt") as fh:
        fh.write(json.dumps({"external_id": "c:1", "title": "SQL course", "kind": "course",
                             "description": "Use SQL."}))  # fmt: skip
    settings = Settings(
        database_url=f"sqlite:///{tmp_path / 'd.db'}",
        data_dir=data,
        index_dir=tmp_path / "indexes",
        progress=False,
    )
    rt = build_runtime(settings, encoder=FakeEncoder(dim=64))
    yield rt
    rt.engine.dispose()


def test_the_default_data_is_read_again_after_an_upgrade(defaults_runtime, monkeypatch):
    rt = defaults_runtime
    assert load_default_data(rt)["credentials"]["created"] == 1
    assert load_default_data(rt) == {}  # the same files, model and rules: skipped
    with Session(rt.engine) as s:
        before = s.get(Meta, "default_data_fingerprint").value
    monkeypatch.setattr(rv, "reading_version", lambda: "fedcba9876543210")
    summary = load_default_data(rt)
    assert summary["credentials"]["updated"] == 1  # read again, not created twice
    assert summary["credentials"]["created"] == 0
    with Session(rt.engine) as s:
        assert s.get(Meta, "default_data_fingerprint").value != before
    assert load_default_data(rt) == {}
    assert load_default_data(rt, force=True)["credentials"]["updated"] == 1  # init --reread
