"""Typed dependencies gathered once; routes read like sentences."""

from __future__ import annotations

import types
import typing
import weakref
from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import Depends, Query, Request
from sqlmodel import Session

from models.common import CURSOR_PATTERN, MAX_CURSOR
from service.api.errors import InvalidInput, NotReady
from service.deadline import DEADLINE_SCOPE_KEY, Deadline
from service.runtime import Runtime


def get_runtime(request: Request) -> Runtime:
    runtime = getattr(request.app.state, "runtime", None)
    if runtime is None:
        raise NotReady("the service is still loading its model and indexes")
    runtime.sync()  # throttled: what other workers committed becomes visible within seconds
    return runtime


RuntimeDep = Annotated[Runtime, Depends(get_runtime)]
# `?cursor=` of the paginated listings
CursorQuery = Annotated[
    str | None,
    Query(
        pattern=CURSOR_PATTERN,
        max_length=MAX_CURSOR,
        description="`next_cursor` of the previous page",
    ),
]


def get_session(runtime: RuntimeDep) -> Iterator[Session]:
    with Session(runtime.engine) as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]


def get_deadline(request: Request) -> Deadline:
    """The request's deadline, cancelled by the timeout middleware when it answers 503 (one
    without a limit where no middleware set one)."""
    deadline = request.scope.get(DEADLINE_SCOPE_KEY)
    return deadline if isinstance(deadline, Deadline) else Deadline()


DeadlineDep = Annotated[Deadline, Depends(get_deadline)]


def _is_list(annotation: Any) -> bool:
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        return any(_is_list(a) for a in typing.get_args(annotation))
    return origin in (list, set, frozenset, tuple) or annotation in (list, set, frozenset, tuple)


def _query_fields(dependant: Any) -> Iterator[Any]:
    yield from dependant.query_params
    for sub in dependant.dependencies:
        yield from _query_fields(sub)


# route (by identity: routes are not hashable) -> (the names of all its query parameters, those
# of its single-valued ones); an entry goes when its route is collected, before its id can be
# reused
_NAMES: dict[int, tuple[frozenset[str], frozenset[str]]] = {}


def _query_names(route: Any, dependant: Any) -> tuple[frozenset[str], frozenset[str]]:
    """Every query parameter of the route, and those that are not lists, computed once."""
    key = id(route)
    names = _NAMES.get(key)
    if names is None:
        fields = list(_query_fields(dependant))
        names = (
            frozenset(f.alias for f in fields),
            frozenset(f.alias for f in fields if not _is_list(f.field_info.annotation)),
        )
        _NAMES[key] = names
        weakref.finalize(route, _NAMES.pop, key, None)
    return names


def single_valued_query(request: Request) -> None:
    """The query names only parameters the route has (a filter it does not have, `issuer=` say,
    is refused rather than silently ignored), and one that is not a list at most once: FastAPI
    would keep the last of several values, silently, where the schema allows one (routers
    depend on this)."""
    route = request.scope.get("route")
    dependant = getattr(route, "dependant", None)
    if dependant is None:
        return
    known, singles = _query_names(route, dependant)
    seen: set[str] = set()
    for key, _value in request.query_params.multi_items():
        if key not in known:
            takes = ", ".join(sorted(known)) or "none"
            raise InvalidInput(
                f"query.{key}: this route has no such parameter (it takes: {takes})",
                field=f"query.{key}",
                code="unknown_parameter",
            )
        if key in singles:
            if key in seen:
                raise InvalidInput(
                    f"query.{key}: one value expected, several given", field=f"query.{key}"
                )
            seen.add(key)


SingleValuedQuery = Depends(single_valued_query)
