"""Issue 19, item 4: the JSON-LD contexts operators import (`skillmatch contexts import DIR`,
or `SKILLMATCH_JSONLD_CONTEXTS` at init) are stored in the database and make eddsa-rdfc-2022 /
ecdsa-rdfc-2019 proofs verify through the API; bad import folders are refused whole."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from sqlmodel import Session

from service.cli.main import main
from service.config import Settings
from service.profiles.contexts import import_folder
from service.repo.contexts import all_contexts, delete_context
from tests.verify.badges import LEARNER_DID
from tests.verify.test_data_integrity import TEST_CONTEXT, TEST_CONTEXT_DOC, signed

pytest.importorskip("pyld", reason="PyLD is needed for the rdfc cryptosuites")


def write_folder(folder: Path, index: dict, files: dict[str, object]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "index.json").write_text(json.dumps(index))
    for name, doc in files.items():
        (folder / name).write_text(doc if isinstance(doc, str) else json.dumps(doc))
    return folder


def _badge_status(client, badge) -> str:
    r = client.post(
        "/v1/candidates", json={"name": "Rdfc", "identifiers": [LEARNER_DID], "badges": [badge]}
    )
    assert r.status_code == 201, r.text
    body = r.json()
    client.delete(f"/v1/candidates/{body['id']}")
    (outcome,) = body["badges"]
    return outcome["status"]


def _status_within(client, badge, wanted: str, seconds: float = 10) -> bool:
    """Whether the badge's status becomes `wanted` (a running worker re-reads the contexts
    within sync_interval_s of a change)."""
    deadline = time.monotonic() + seconds
    while (status := _badge_status(client, badge)) != wanted and time.monotonic() < deadline:
        time.sleep(0.3)
    return status == wanted


@pytest.fixture()
def forget_contexts(runtime):
    yield
    with Session(runtime.engine) as s:
        delete_context(s, url=TEST_CONTEXT)
        s.commit()


@pytest.mark.parametrize(
    ("suite", "key"), [("eddsa-rdfc-2022", "ed_key"), ("ecdsa-rdfc-2019", "p256_key")]
)
def test_rdfc_proofs_verify_once_the_contexts_are_imported(
    client, runtime, database_url, tmp_path, monkeypatch, forget_contexts, suite, key, request
):
    badge = signed(request.getfixturevalue(key), suite)
    assert _status_within(client, badge, "unverified")  # no context yet: cannot be checked
    folder = write_folder(
        tmp_path / "ctx", {TEST_CONTEXT: "badge-v1.json"}, {"badge-v1.json": TEST_CONTEXT_DOC}
    )
    monkeypatch.setenv("SKILLMATCH_DATABASE_URL", database_url)
    assert main(["contexts", "import", str(folder)]) == 0
    assert _status_within(client, badge, "verified")
    tampered = json.loads(json.dumps(badge))
    tampered["credentialSubject"]["achievement"]["name"] = "Brain surgery"
    assert _badge_status(client, tampered) == "failed"


def test_import_reports_created_updated_unchanged(runtime, tmp_path, forget_contexts):
    folder = write_folder(tmp_path / "a", {TEST_CONTEXT: "c.json"}, {"c.json": TEST_CONTEXT_DOC})
    assert import_folder(runtime.engine, folder)["created"] == [TEST_CONTEXT]
    assert import_folder(runtime.engine, folder)["unchanged"] == [TEST_CONTEXT]
    changed = {"@context": {**TEST_CONTEXT_DOC["@context"], "extra": "https://x.test/extra"}}
    write_folder(folder, {TEST_CONTEXT: "c.json"}, {"c.json": changed})
    assert import_folder(runtime.engine, folder)["updated"] == [TEST_CONTEXT]
    with Session(runtime.engine) as s:
        assert all_contexts(s)[TEST_CONTEXT] == changed


def test_the_setting_names_a_folder_init_imports(tmp_path, monkeypatch):
    folder = tmp_path / "ctx"
    monkeypatch.setenv("SKILLMATCH_JSONLD_CONTEXTS", str(folder))
    assert Settings().jsonld_contexts == folder
    monkeypatch.delenv("SKILLMATCH_JSONLD_CONTEXTS")
    assert Settings().jsonld_contexts is None


GOOD = {"c.json": TEST_CONTEXT_DOC}


@pytest.mark.parametrize(
    ("index", "files", "says"),
    [
        ({TEST_CONTEXT: "../outside.json"}, GOOD, "no such file"),  # out of the folder
        ({TEST_CONTEXT: "/etc/passwd"}, GOOD, "no such file"),
        ({TEST_CONTEXT: "missing.json"}, GOOD, "no such file"),
        ({"file:///etc/passwd": "c.json"}, GOOD, "not an http(s) URL"),
        ({"https://x.test/a b": "c.json"}, GOOD, "not a plain URL"),
        ({TEST_CONTEXT: "c.json"}, {"c.json": "{not json"}, "not JSON"),
        ({TEST_CONTEXT: "c.json"}, {"c.json": {"no": "context"}}, "no @context"),
        ({TEST_CONTEXT: "c.json"}, {"c.json": [1, 2]}, "no @context"),
        ({TEST_CONTEXT: 7}, GOOD, "no such file"),
        ([TEST_CONTEXT], GOOD, "must map"),
        ({}, GOOD, "must map"),
    ],
)
def test_a_bad_import_folder_is_refused_whole(
    runtime, tmp_path, index, files, says, capsys, monkeypatch, database_url
):
    (tmp_path / "outside.json").write_text(json.dumps(TEST_CONTEXT_DOC))
    good_url = "https://contexts.skillmatch.test/good/v1"
    if isinstance(index, dict) and index:
        index = {good_url: "c.json", **index} if "c.json" not in index.values() else index
    folder = write_folder(tmp_path / "ctx", index, files)
    if "c.json" not in files:
        (folder / "c.json").write_text(json.dumps(TEST_CONTEXT_DOC))
    monkeypatch.setenv("SKILLMATCH_DATABASE_URL", database_url)
    assert main(["contexts", "import", str(folder)]) == 2
    captured = capsys.readouterr()
    assert says in captured.err and captured.out == ""
    with Session(runtime.engine) as s:
        stored = all_contexts(s)
    assert good_url not in stored and TEST_CONTEXT not in stored


def test_contexts_list_and_delete_print_json(runtime, tmp_path, capsys, monkeypatch, database_url):
    monkeypatch.setenv("SKILLMATCH_DATABASE_URL", database_url)
    folder = write_folder(tmp_path / "ctx", {TEST_CONTEXT: "c.json"}, GOOD)
    assert main(["contexts", "import", str(folder)]) == 0
    assert json.loads(capsys.readouterr().out)["created"] == [TEST_CONTEXT]
    assert main(["contexts", "list"]) == 0
    assert TEST_CONTEXT in {row["url"] for row in json.loads(capsys.readouterr().out)}
    assert main(["contexts", "delete", TEST_CONTEXT]) == 0
    assert json.loads(capsys.readouterr().out) == {"url": TEST_CONTEXT, "deleted": True}
    assert main(["contexts", "delete", TEST_CONTEXT]) == 1
