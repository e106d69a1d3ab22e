"""The configured limits in the OpenAPI schema: a field marked `limited_by(...)` in the request
models (models/) gets the values of its settings, so the schema states what the routes
enforce (422 beyond them).

- `maxLength` (a string) or `maxItems` (a list): the limit for a caller with an API key;
- `x-anonymous-maxLength` / `x-anonymous-maxItems`, and a sentence in the description: the
  smaller limit for a caller without one (service/caller_limits.py).
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI

from models.common import ANONYMOUS_LIMIT_SETTING, LIMIT_SETTING
from service.config import Settings

KEYWORD = {"string": "maxLength", "array": "maxItems"}
UNIT = {"string": "characters", "array": "items"}


def declare_limits(app: FastAPI, settings: Settings) -> None:
    """Fill the configured limits into the app's OpenAPI schema when it is first generated."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            fill_limits(generate(), settings)  # generate() caches the schema on the app
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def _branches(node: dict[str, Any]) -> list[dict[str, Any]]:
    return [b for b in node.get("anyOf") or [node] if b.get("type") in KEYWORD]


def fill_limits(node: Any, settings: Settings) -> None:
    if isinstance(node, dict):
        setting = node.pop(LIMIT_SETTING, None)
        if setting is not None:
            value = int(getattr(settings, setting))
            for branch in _branches(node):
                branch[KEYWORD[branch["type"]]] = value
        anonymous = node.pop(ANONYMOUS_LIMIT_SETTING, None)
        if anonymous is not None:
            value = int(getattr(settings, anonymous))
            units = set()
            for branch in _branches(node):
                branch["x-anonymous-" + KEYWORD[branch["type"]]] = value
                units.add(UNIT[branch["type"]])
            said = f"Without an API key at most {value} {' or '.join(sorted(units))}."
            known = node.get("description", "").rstrip(".")
            node["description"] = f"{known}. {said}" if known else said
        for child in node.values():
            fill_limits(child, settings)
    elif isinstance(node, list):
        for child in node:
            fill_limits(child, settings)
