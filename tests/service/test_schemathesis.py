"""Property-based API tests: Schemathesis against the app's own /openapi.json with every default
check (server errors; documented status codes, content types, response schemas and headers;
schema-valid requests accepted and schema-violating ones rejected; missing headers; undeclared
methods answered 405 with a true `Allow`; stateful: a created resource is found, a deleted one
is gone), through the examples, coverage, fuzzing and stateful phases. 0 failures expected.

The run is in process (ASGI) on an app of its own: the mini taxonomy, the hashing encoder and a
fresh database that the run may fill and empty (it deletes what it finds), with an admin key. The
seed is fixed and the examples database is off, so a run repeats. On failure every failure is
printed with a curl line to reproduce it. The same checks against a live server:

    skillmatch tenants create fuzz --scopes admin     # prints the key
    skillmatch serve --init --port 8911 &
    st run http://127.0.0.1:8911/openapi.json --checks all -H "Authorization: Bearer <key>" \\
        --max-examples 30 --workers 1 --seed 1
"""

from __future__ import annotations

import pytest
import schemathesis

SEED = 1
MAX_EXAMPLES = 10  # per operation in the fuzzing phase; coverage and stateful come on top


def _fuzz_database(kind: str, tmp_path_factory):
    if kind == "sqlite":
        yield f"sqlite:///{tmp_path_factory.mktemp('fuzz-db') / 'fuzz.db'}"
        return
    from tests.conftest import PG_URL, _postgres_database

    if not PG_URL:
        pytest.skip("PostgreSQL tests need SKILLMATCH_TEST_POSTGRES_URL (set by .ci/run)")
    yield from _postgres_database()  # a database of its own: the run writes and deletes


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def fuzz_target(request, mini_data_dir, tmp_path_factory):
    """(app, admin key) on a database of their own: never the session's shared one."""
    from sqlmodel import Session

    from indexing.encoder import FakeEncoder
    from service.api.app import create_app
    from service.config import Settings
    from service.runtime import build_runtime
    from service.tenants import create_key, create_tenant

    for url in _fuzz_database(request.param, tmp_path_factory):
        settings = Settings(
            database_url=url,
            data_dir=mini_data_dir,
            index_dir=tmp_path_factory.mktemp("fuzz-indexes"),
            progress=False,
            load_default_data=False,
            rate_limit_per_minute=0,
        )
        runtime = build_runtime(settings, encoder=FakeEncoder(dim=64))
        with Session(runtime.engine) as s:
            tenant = create_tenant(s, "fuzz")
            _row, key = create_key(s, tenant.id, ["admin"], name="schemathesis")
        try:
            yield create_app(settings, runtime=runtime), key
        finally:
            runtime.engine.dispose()


def _run(app, key: str) -> tuple[list[str], list[str], int]:
    """Failures (one text each, with how to reproduce), engine errors, and the cases run."""
    from schemathesis.config import SchemathesisConfig
    from schemathesis.engine import events, from_schema

    config = SchemathesisConfig.from_dict(
        {
            "seed": SEED,
            "headers": {"Authorization": f"Bearer {key}"},
            "workers": 1,
            "generation": {"max-examples": MAX_EXAMPLES, "database": "none"},
        }
    )
    schema = schemathesis.openapi.from_asgi("/openapi.json", app, config=config)
    failures: list[str] = []
    errors: list[str] = []
    seen: set[tuple[str, str, str]] = set()
    cases = 0
    for event in from_schema(schema).execute():
        if isinstance(event, events.NonFatalError):
            errors.append(f"error in {event.label}: {event.info}")
            continue
        if isinstance(event, events.FatalError):
            errors.append(f"fatal error: {event.exception!r}")
            continue
        if isinstance(event, events.EngineFinished):
            failures += [f"{f.code} {f.title} ({f.operation}): {f.message}" for f in event.failures]
            continue
        recorder = getattr(event, "recorder", None)
        if recorder is None or not isinstance(
            event, (events.ScenarioFinished, events.FuzzScenarioFinished)
        ):
            continue
        cases += len(recorder.cases)
        for checks in recorder.checks.values():
            for check in checks:
                info = check.failure_info
                if info is None:
                    continue
                failure = info.failure
                key_ = (recorder.label, failure.code, failure.title)
                if key_ in seen:
                    continue
                seen.add(key_)
                failures.append(
                    f"{failure.code} {failure.title} in {recorder.label} ({check.name})\n"
                    f"{failure.message}\n{info.code_sample}"
                )
    return failures, errors, cases


def test_every_default_check_passes_on_every_operation(fuzz_target):
    app, key = fuzz_target
    failures, errors, cases = _run(app, key)
    report = "\n\n".join(failures + errors)
    assert not failures and not errors, (
        f"{len(failures)} failures, {len(errors)} errors (seed {SEED}):\n\n{report}"
    )
    print(f"schemathesis: {cases} cases, seed {SEED}, 0 failures")
    assert cases > 1000  # every operation was exercised, not skipped
