"""`skillmatch tenants` / `skillmatch keys`: a key printed once works, and only its hash is kept."""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlmodel import Session

from models.tables import ApiKey
from service.cli.main import main
from service.db import make_engine
from service.employer.tenants import authenticate


def test_cli_creates_tenants_and_keys_that_authenticate(tmp_path, monkeypatch, capsys):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("SKILLMATCH_DATABASE_URL", url)
    assert main(["tenants", "create", "initech", "--scopes", "read,write"]) == 0
    first = json.loads(capsys.readouterr().out.split("\nStore")[0])
    assert main(["keys", "create", "initech", "--scopes", "admin"]) == 0
    second = json.loads(capsys.readouterr().out.splitlines()[0])
    engine = make_engine(url)
    with Session(engine) as s:
        p = authenticate(s, first["key"]["key"])
        assert p is not None and p.tenant_name == "initech" and not p.can("admin")
        assert authenticate(s, second["key"]).can("admin")
        hashes = s.execute(select(ApiKey.key_hash)).scalars().all()
        assert first["key"]["key"] not in hashes and len(hashes) == 2
    assert main(["keys", "revoke", str(second["id"])]) == 0
    with Session(engine) as s:
        assert authenticate(s, second["key"]) is None
    engine.dispose()
