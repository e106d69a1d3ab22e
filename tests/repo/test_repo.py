"""The repository layer (service/repo/): every query function takes the session first and the
rest keyword-only and typed, and the queries answer what they say, on the mini taxonomy."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest
from sqlmodel import Session, select

import service.repo
from models.tables import Occupation, Skill
from service.errors import NotFound
from service.repo import records, taxonomy
from service.repo.records import Filters


def query_functions():
    for info in pkgutil.iter_modules(service.repo.__path__):
        module = importlib.import_module(f"service.repo.{info.name}")
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            if fn.__module__ != module.__name__ or name.startswith("_"):
                continue
            params = list(inspect.signature(fn).parameters.values())
            if params and params[0].name == "session":
                yield f"{info.name}.{name}", fn


QUERIES = dict(query_functions())


def test_there_are_query_functions_to_check():
    assert len(QUERIES) > 20


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_a_query_takes_the_session_then_typed_keyword_only_arguments(name):
    sig = inspect.signature(QUERIES[name])
    rest = list(sig.parameters.values())[1:]
    positional = [p.name for p in rest if p.kind is not inspect.Parameter.KEYWORD_ONLY]
    untyped = [p.name for p in rest if p.annotation is inspect.Parameter.empty]
    assert not positional, f"{name}: {positional} should be keyword-only (after `*`)"
    assert not untyped, f"{name}: {untyped} have no type"
    assert sig.return_annotation is not inspect.Signature.empty, f"{name} has no return type"


def test_occupation_and_skill_lookups_by_uri(runtime):
    with Session(runtime.engine) as s:
        occ = s.exec(select(Occupation)).first()
        skills = s.exec(select(Skill).limit(3)).all()
        assert taxonomy.occupation_id_by_uri(s, uri=occ.uri) == occ.id
        assert taxonomy.occupation_id_by_uri(s, uri="http://example.org/no-such") is None
        got = taxonomy.skill_ids_by_uri(s, uris=[k.uri for k in skills] + ["urn:none"])
        assert got == {k.uri: k.id for k in skills}
        assert taxonomy.skill_labels(s, ids=[skills[0].id]) == {
            skills[0].id: skills[0].preferred_label
        }


def test_rows_after_pages_by_id_and_get_row_refuses_unknown_ids(runtime):
    with Session(runtime.engine) as s:
        everything = Filters()
        first = records.rows_after(s, kind="credential", after=0, limit=2, filters=everything)
        if len(first) < 2:
            pytest.skip("the session's catalog holds fewer than two credentials yet")
        assert first[0].id < first[1].id
        more = records.rows_after(
            s, kind="credential", after=first[1].id, limit=1, filters=everything
        )
        assert all(r.id > first[1].id for r in more)
        by_id = records.rows_by_id(s, kind="credential", ids=[r.id for r in first])
        assert set(by_id) == {r.id for r in first}
        with pytest.raises(NotFound) as err:
            records.get_row(s, kind="credential", record_id=2**31 - 1)
        assert err.value.field == "credential_id"
