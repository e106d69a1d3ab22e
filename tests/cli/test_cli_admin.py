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
    made = capsys.readouterr()
    first = json.loads(made.out)  # the whole of stdout is JSON (jq reads it)
    assert "Store the key" in made.err
    assert main(["keys", "create", "initech", "--scopes", "admin"]) == 0
    second = json.loads(capsys.readouterr().out)
    engine = make_engine(url)
    with Session(engine) as s:
        p = authenticate(s, first["key"]["key"])
        assert p is not None and p.tenant_name == "initech" and not p.can("admin")
        assert authenticate(s, second["key"]).can("admin")
        hashes = s.execute(select(ApiKey.key_hash)).scalars().all()
        assert first["key"]["key"] not in hashes and len(hashes) == 2
    assert main(["tenants", "list"]) == 0
    (listed,) = json.loads(capsys.readouterr().out)
    assert listed["name"] == "initech" and len(listed["keys"]) == 2
    assert all(first["key"]["key"] not in json.dumps(k) for k in listed["keys"])  # prefixes only
    assert main(["keys", "revoke", str(second["id"])]) == 0
    assert json.loads(capsys.readouterr().out) == {"id": second["id"], "revoked": True}
    with Session(engine) as s:
        assert authenticate(s, second["key"]) is None
    engine.dispose()
