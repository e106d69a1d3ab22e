"""What a caller's text and numbers may hold: identifiers and names without control characters,
free text without NUL, and JSON documents without non-finite numbers (NaN, Infinity, 1e999),
which no JSON answer can carry back."""

from __future__ import annotations

import math
import re
from typing import Annotated, Any

from pydantic import AfterValidator
from pydantic_core import PydanticCustomError

# as patterns too: request fields state them in the OpenAPI schema
NO_CONTROLS = r"^[^\x00-\x1f\x7f-\x9f]*$"  # identifiers: no C0, DEL or C1 control
ONE_LINE = r"^[^\x00-\x1f\x7f]*$"  # names: C1 occurs in real text (cp1252 quotes read as Latin-1)
_ID_BAD = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_NAME_BAD = re.compile(r"[\x00-\x1f\x7f]")


def _refuse(value: str, bad: re.Pattern[str]) -> str:
    found = bad.search(value)
    if found is not None:
        raise PydanticCustomError(
            "control_character",
            "must not contain control characters (U+{code})",
            {"code": f"{ord(found.group()):04X}"},
        )
    return value


def no_controls(value: str) -> str:
    """An identifier (external id, URI, URL, code): no control character at all."""
    return _refuse(value, _ID_BAD)


def one_line(value: str) -> str:
    """A name or title: no C0 control (NUL, tab, line breaks, escape) and no DEL."""
    return _refuse(value, _NAME_BAD)


def no_nul(value: str) -> str:
    """Free text: line breaks and tabs are text, NUL (U+0000) never is."""
    if "\x00" in value:
        raise PydanticCustomError("nul_character", "must not contain NUL (U+0000)")
    return value


def finite_document(value: Any) -> Any:
    """A JSON value whose numbers are all finite."""
    path = non_finite_path(value)
    if path is not None:
        raise PydanticCustomError(
            "non_finite_number", "{path}: numbers must be finite", {"path": path}
        )
    return value


Ident = Annotated[str, AfterValidator(no_controls)]
OneLine = Annotated[str, AfterValidator(one_line)]
FreeText = Annotated[str, AfterValidator(no_nul)]


def non_finite_path(value: Any) -> str | None:
    """The path ("cost", "skills[0].weight", "$") of the first NaN or infinite number in a JSON
    value, else None. Iterative: a document nested as deep as the JSON parser allows is fine."""
    stack: list[tuple[str, Any]] = [("", value)]
    while stack:
        path, item = stack.pop()
        if isinstance(item, float) and not math.isfinite(item):
            return path or "$"
        if isinstance(item, dict):
            children = [(_member(path, str(k)), v) for k, v in item.items()]
        elif isinstance(item, list):
            children = [(f"{path}[{i}]", v) for i, v in enumerate(item)]
        else:
            continue
        stack.extend(reversed(children))  # depth first, in document order
    return None


def _member(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key
