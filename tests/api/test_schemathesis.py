"""Property-based API tests: Schemathesis against the app's own /openapi.json with every default
check (server errors; documented status codes, content types, response schemas and headers;
schema-valid requests accepted and schema-violating ones rejected; missing headers; undeclared
methods answered 405 with a true `Allow`; stateful: a created resource is found, a deleted one
is gone), through the examples, coverage, fuzzing and stateful phases. 0 failures expected.

The run is in process (ASGI) on an app of its own: the mini taxonomy, the hashing encoder and a
fresh database that the runs may fill and empty (they delete what they find). Each database runs
several seeds: 1 and 4242 (fixed, so a failure repeats) and one drawn fresh per test session
(printed, and in the test id's failure message; `SKILLMATCH_FUZZ_SEED=<n>` replays it), each
with an admin key, so the authenticated routes are reached, and once more without a key (seed
4242), so the 401s are what the schema says. Examples are bounded explicitly (MAX_EXAMPLES per
operation in the fuzzing phase; coverage and stateful come on top) and the examples database is
off. A 413 (a body over the size limit) counts as a rejection, and two known false positives are
dropped, narrowly: an ST201 whose request, as sent, is valid (the pinned Schemathesis), and an
ST202 of a request without a key refused for passing a limit declared for such callers
(`x-anonymous-maxItems`, which the generator does not read) (`_not_a_false_positive`). On
failure every failure is printed with a curl line to reproduce it. About 10-25 s a run, 4 runs:
about a minute per database on 2 cores.
The same checks against a live server:

    skillmatch tenants create fuzz --scopes admin     # prints the key
    skillmatch serve --init --port 8911 &
    st run http://127.0.0.1:8911/openapi.json --checks all -H "Authorization: Bearer <key>" \\
        --max-examples 30 --workers 1 --seed 4242
"""

from __future__ import annotations

import os
import random
import re
import time
from collections import Counter
from urllib.parse import parse_qs, urlsplit

import pytest
import schemathesis

FRESH_SEED = int(os.environ.get("SKILLMATCH_FUZZ_SEED") or random.SystemRandom().randrange(2**31))
# (seed, with the admin key); ids stay stable, the fresh seed is printed by the test
RUNS = [
    pytest.param(1, True, id="seed-1"),
    pytest.param(4242, True, id="seed-4242"),
    pytest.param(FRESH_SEED, True, id="seed-fresh"),
    pytest.param(4242, False, id="seed-4242-no-key"),
]
PHASES = ("examples", "coverage", "fuzzing", "stateful")  # all of them, stated
# Schemathesis' default statuses of a rejected schema-violating request, and 413: a body over
# SKILLMATCH_MAX_BODY_BYTES (declared on every /v1 route) is refused before it is read
REJECTIONS = [
    "400", "401", "403", "404", "405", "406", "409", "413", "415", "422", "428", "429", "5xx",
]  # fmt: skip
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
    from service.employer.tenants import create_key, create_tenant
    from service.runtime import build_runtime

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


def _run(app, key: str | None, seed: int) -> tuple[list[str], list[str], Counter]:
    """Failures (one text each, with how to reproduce), engine errors, and the cases run by
    phase."""
    from schemathesis.config import SchemathesisConfig
    from schemathesis.engine import events, from_schema

    config = SchemathesisConfig.from_dict(
        {
            "seed": seed,
            "headers": {"Authorization": f"Bearer {key}"} if key else {},
            "workers": 1,
            "generation": {"max-examples": MAX_EXAMPLES, "database": "none"},
            "phases": {name: {"enabled": True} for name in PHASES},
            "checks": {"negative_data_rejection": {"expected-statuses": REJECTIONS}},
        }
    )
    schema = schemathesis.openapi.from_asgi("/openapi.json", app, config=config)
    schema.hook("filter_failure")(_not_a_false_positive)
    failures: list[str] = []
    errors: list[str] = []
    seen: set[tuple[str, str, str]] = set()
    cases: Counter = Counter()
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
        cases[str(getattr(event, "phase", "fuzzing"))] += len(recorder.cases)
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


def _not_a_false_positive(_context, failure, case, response) -> bool:
    """Keep every failure but one kind: ST201 (a schema-violating request accepted) for a case
    whose request, as sent, is valid. Schemathesis 4.32 negates a query parameter that is an array
    of strings to null or an object, which goes on the wire as text: `?language=null` is the
    one-item list ["null"], a valid request the API rightly answers 200. (Its own guard re-reads
    strings as sent, not arrays of them.) Anything else negated stays a failure."""
    from schemathesis.core.parameters import ParameterLocation as At

    if _over_an_anonymous_limit(failure, response):
        return False
    if failure.code != "ST201" or case.meta is None:
        return True
    negated = [where for where in At if case.meta.is_negative_at(where)]
    if negated != [At.QUERY]:
        return True
    return not _query_valid_as_sent(case, response)


def _over_an_anonymous_limit(failure, response) -> bool:
    """ST202 (a schema-valid request refused) for a request without a key refused with 422 for
    going over a limit of callers without an API key: the schema declares those limits as
    x-anonymous-maxItems / x-anonymous-maxLength, which Schemathesis does not read."""
    import json

    if failure.code != "ST202" or response.status_code != 422:
        return False
    if "authorization" in {k.lower() for k in response.request.headers}:
        return False
    try:
        message = json.loads(response.content)["detail"]
    except (ValueError, KeyError, TypeError):
        return False
    return isinstance(message, str) and "without an API key" in message


def _query_valid_as_sent(case, response) -> bool:
    """Whether the query string as sent, read as the API reads it (arrays: every value; other
    parameters: their one value as the declared type), satisfies the operation's parameters."""
    import jsonschema_rs

    operation = case.operation.schema.raw_schema["paths"][case.operation.path]
    declared = operation[case.method.lower()].get("parameters", [])
    params = {p["name"]: p for p in declared if p["in"] == "query"}
    sent = parse_qs(urlsplit(response.request.url).query, keep_blank_values=True)
    if set(sent) - set(params):
        return False
    value = {name: _as_read(texts, params[name]["schema"]) for name, texts in sent.items()}
    schema = {
        "type": "object",
        "properties": {name: p["schema"] for name, p in params.items()},
        "required": [name for name, p in params.items() if p.get("required")],
    }
    return jsonschema_rs.validator_for(schema).is_valid(value)


def _as_read(texts: list[str], schema: dict) -> object:
    types = {schema.get("type")} | {branch.get("type") for branch in schema.get("anyOf", [])}
    if "array" in types:
        return texts
    if len(texts) != 1:
        return texts  # a scalar given twice: invalid as it stands
    text = texts[0]
    if "integer" in types and re.fullmatch(r"-?[0-9]+", text):
        return int(text)
    if "number" in types and re.fullmatch(r"-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?", text):
        return float(text)
    if "boolean" in types and text in ("true", "false"):
        return text == "true"
    return text


@pytest.mark.parametrize(("seed", "with_key"), RUNS)
def test_every_default_check_passes_on_every_operation(fuzz_target, seed, with_key):
    app, key = fuzz_target
    t0 = time.perf_counter()
    failures, errors, cases = _run(app, key if with_key else None, seed)
    took = time.perf_counter() - t0
    who = "admin key" if with_key else "no key"
    print(f"schemathesis seed {seed} ({who}): {dict(cases)} cases in {took:.0f} s")
    report = "\n\n".join(failures + errors)
    assert not failures and not errors, (
        f"{len(failures)} failures, {len(errors)} errors (seed {seed}, {who}; replay with "
        f"SKILLMATCH_FUZZ_SEED={seed}):\n\n{report}"
    )
    assert sum(cases.values()) > 1000  # every operation was exercised, not skipped
    assert cases["stateful"] > 0  # the stateful phase ran: links were followed


def test_the_false_positive_filter_drops_only_requests_valid_as_sent(app):
    """`?language=null` is valid as sent (a one-item list); `?limit=0` or an undeclared
    parameter is not, and a negated body is never excused."""
    from types import SimpleNamespace

    from schemathesis.core.parameters import ParameterLocation as At

    def case(*negated):
        meta = SimpleNamespace(is_negative_at=lambda where: where in negated)
        operation = SimpleNamespace(schema=SimpleNamespace(raw_schema=app.openapi()))
        operation.path = "/v1/credentials"  # its language= is a list
        return SimpleNamespace(meta=meta, operation=operation, method="GET")

    def sent(query: str):
        return SimpleNamespace(
            status_code=200,
            request=SimpleNamespace(url=f"http://testserver/v1/credentials?{query}", headers={}),
        )

    st201 = SimpleNamespace(code="ST201")
    assert not _not_a_false_positive(None, st201, case(At.QUERY), sent("language=null&q=x"))
    assert _not_a_false_positive(None, st201, case(At.QUERY), sent("limit=0"))
    assert _not_a_false_positive(None, st201, case(At.QUERY), sent("nonsense=1"))
    assert _not_a_false_positive(None, st201, case(At.QUERY, At.BODY), sent("language=null"))
    other = SimpleNamespace(code="ST202")
    assert _not_a_false_positive(None, other, case(At.QUERY), sent("language=null"))
    # a request without a key over an anonymous limit (x-anonymous-maxItems) is excused, only that
    over = b'{"detail": "learner.badges has 9 items; the limit is 5 without an API key'

    def refused(status=422, content=over + b' (50 with one)"}', headers=None):
        request = SimpleNamespace(headers=headers or {}, url="http://testserver/v1/gap")
        return SimpleNamespace(status_code=status, content=content, request=request)

    assert not _not_a_false_positive(None, other, case(At.BODY), refused())
    assert _not_a_false_positive(None, st201, case(At.BODY), refused())
    assert _not_a_false_positive(None, other, case(At.BODY), refused(status=400))
    assert _not_a_false_positive(None, other, case(At.BODY), refused(content=b"{}"))
    assert _not_a_false_positive(None, other, case(At.BODY), refused(content=b"not json"))
    keyed = refused(headers={"Authorization": "Bearer sm_x"})
    assert _not_a_false_positive(None, other, case(At.BODY), keyed)
