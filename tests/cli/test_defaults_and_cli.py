"""The default data conversions and the ingest CLI."""

from __future__ import annotations

import json

from service.defaults import POSTINGS, load_default_data, read_jsonl_gz, skillspan_posting
from tests.utils.mini_data import DATA


def test_skillspan_postings_convert_with_spans_as_evidence():
    docs = read_jsonl_gz(DATA / POSTINGS)
    assert len(docs) == 263
    recs = [skillspan_posting(d) for d in docs]
    assert len({r.external_id for r in recs}) == 263
    first = recs[0]
    assert first.title.startswith("Senior QA Engineer") and "<ORGANIZATION>" not in first.title
    assert str(first.date_posted) == "2021-07-14" and first.remote is True
    labels = {s.label for s in first.skills}
    assert {"docker", "selenium", "Kotlin"} <= labels
    for s in first.skills:
        for ev in s.evidence:
            assert first.description[ev.start : ev.end] == ev.text == s.label
    assert sum(len(r.skills) for r in recs) > 3000


def test_load_default_data_uses_the_pipeline_and_skips_a_second_time(runtime, tmp_path):
    import gzip
    import shutil

    data = tmp_path / "data"
    shutil.copytree(runtime.settings.data_dir, data)
    (data / "catalog").mkdir()
    creds = [
        {
            "external_id": f"dd:{i}",
            "title": f"Database course {i}",
            "kind": "course",
            "description": "Use PostgreSQL.",
        }
        for i in range(3)
    ]
    with gzip.open(data / "catalog/credentials.jsonl.gz", "wt") as fh:
        fh.write("\n".join(json.dumps(c) for c in creds))
    (data / "skillspan").mkdir()
    with gzip.open(data / POSTINGS, "wt") as fh:
        fh.write(json.dumps(read_jsonl_gz(DATA / POSTINGS)[0]))
    rt = runtime
    old = rt.settings
    rt.settings = old.model_copy(update={"data_dir": data})
    try:
        first = load_default_data(rt)
        assert first["credentials"]["created"] + first["credentials"]["unchanged"] == 3
        assert first["postings"]["total"] == 1 and first["postings"]["error"] == 0
        assert load_default_data(rt) == {}  # fingerprint unchanged: no work at all
    finally:
        rt.settings = old


def test_cli_ingest_reports_a_summary_and_errors(settings, runtime, tmp_path, capsys, monkeypatch):
    from service.cli import data as cli_data

    path = tmp_path / "creds.jsonl"
    path.write_text(
        json.dumps({"external_id": "cli:1", "title": "Git basics"})
        + "\n"
        + json.dumps({"external_id": "cli:2"})
        + "\n"
    )
    monkeypatch.setattr("service.runtime.build_runtime", lambda *_a, **_k: runtime)

    class Args:
        kind = "credentials"
        files = [str(path), str(tmp_path / "missing.json")]
        format = None

    rc = cli_data.cmd_ingest(Args, settings)
    out, err = capsys.readouterr()
    assert rc == 1
    assert "created 1" in out and "error 1" in out
    assert "record 1: title" in err and "missing.json: cannot read" in err


def test_sqlite_database_runs_in_wal_mode(tmp_path):
    from sqlalchemy import text

    from service.db import make_engine

    engine = make_engine(f"sqlite:///{tmp_path / 'w.db'}")
    with engine.connect() as c:
        assert c.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert c.execute(text("PRAGMA foreign_keys")).scalar() == 1
    engine.dispose()


def test_settings_come_from_prefixed_environment(monkeypatch):
    from service.config import Settings

    monkeypatch.setenv("SKILLMATCH_DATABASE_URL", "postgresql+psycopg://u@h/db")
    monkeypatch.setenv("SKILLMATCH_MAX_TEXT_CHARS", "123")
    s = Settings()
    assert s.database_url == "postgresql+psycopg://u@h/db" and s.max_text_chars == 123
