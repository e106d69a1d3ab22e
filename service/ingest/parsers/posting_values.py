"""schema.org JobPosting value shapes: the occupation (by URI, by code, by name), the closing
date, employment types and the salary, each as the posting states it (nothing inferred)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from service.ingest.parsers._common import (
    ParseError,
    as_dict,
    as_list,
    occupation_code_ref,
    opt_number,
    opt_str,
)
from service.ingest.parsers.ctdl_values import currency_code

__all__ = ["closing_time", "employment_types", "occupation", "salary"]


def occupation(node: dict, path: str) -> tuple[str | None, str | None, str | None]:
    """(ESCO occupation URI, name, code) from occupationalCategory, then relevantOccupation
    (an Occupation: its occupationalCategory, name, @id)."""
    uri = label = code = None
    p = f"{path}.occupationalCategory" if path else "occupationalCategory"
    items = [
        (item, f"{p}[{i}]") for i, item in enumerate(as_list(node.get("occupationalCategory")))
    ]
    rp = f"{path}.relevantOccupation" if path else "relevantOccupation"
    for i, occ in enumerate(as_list(node.get("relevantOccupation"))):
        op = f"{rp}[{i}]"
        if isinstance(occ, str):
            items.append((occ, op))
            continue
        occ = as_dict(occ, op)
        items += [
            (c, f"{op}.occupationalCategory") for c in as_list(occ.get("occupationalCategory"))
        ]
        items += [({"@id": occ.get("@id"), "name": occ.get("name")}, op)]
    for item, ip in items:
        u, n, c = _category(item, ip)
        uri, label, code = uri or u, label or n, code or c
    return uri, label, code


def _category(item: Any, path: str) -> tuple[str | None, str | None, str | None]:
    """One occupationalCategory: a string (a URI, a code, a code and a title, a title) or a
    CategoryCode {codeValue, inCodeSet, name, @id, url}."""
    if isinstance(item, str):
        ref = occupation_code_ref(item)
        uri = ref if ref and ref.startswith("http") else None
        code = ref if ref and not uri else None
        name = None if uri else _title_after_code(item, code)
        return uri, name, code
    obj = as_dict(item, path)
    code_set = obj.get("inCodeSet")
    if isinstance(code_set, dict):
        code_set = code_set.get("name") or code_set.get("@id") or code_set.get("url")
    code_set = code_set if isinstance(code_set, str) else ""
    refs = [
        occupation_code_ref(opt_str(obj, k, path), code_set)
        for k in ("@id", "url", "codeValue", "termCode")
        if isinstance(obj.get(k), (str, int))
    ]
    uri = next((r for r in refs if r and r.startswith("http")), None)
    code = next((r for r in refs if r and not r.startswith("http")), None)
    name = obj.get("name") if isinstance(obj.get("name"), str) else None
    if not name and not code and not uri:
        name = opt_str(obj, "codeValue", path)
    return uri, (name or "").strip() or None, code


def _title_after_code(text: str, code: str | None) -> str | None:
    """ "15-1252.00 Software Developers" -> "Software Developers"; a bare code -> None."""
    words = text.strip()
    if code:
        words = " ".join(w for w in words.split() if not any(ch.isdigit() for ch in w))
    return words or None


def closing_time(value: Any, path: str) -> dt.datetime | None:
    """validThrough as an aware UTC datetime; a date alone closes at the end of that day."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ParseError(
            path, f"expected an ISO 8601 date or date-time, got {type(value).__name__}"
        )
    text = value.strip()
    try:
        if len(text) == 10:
            day = dt.date.fromisoformat(text)
            return dt.datetime.combine(day, dt.time(23, 59, 59), tzinfo=dt.UTC)
        when = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise ParseError(path, f"not an ISO 8601 date or date-time: {value!r}") from None
    when = when if when.tzinfo else when.replace(tzinfo=dt.UTC)
    return when.astimezone(dt.UTC).replace(microsecond=0)


def employment_types(value: Any, path: str) -> list[str]:
    out = []
    for i, item in enumerate(as_list(value)):
        if not isinstance(item, str):
            raise ParseError(f"{path}[{i}]", "expected a string such as FULL_TIME")
        for part in item.split(","):
            if part.strip() and part.strip().upper() not in out:
                out.append(part.strip().upper())
    return out


def salary(value: Any, path: str) -> dict | None:
    """A MonetaryAmount {currency, value: number | QuantitativeValue {value, minValue,
    maxValue, unitText}} as stated; None when absent or without any amount."""
    if value is None:
        return None
    if isinstance(value, list):
        value = value[0] if value else None
        if value is None:
            return None
    obj = as_dict(value, path)
    inner = obj.get("value")
    out: dict[str, Any] = {"currency": currency_code(opt_str(obj, "currency", path))}
    if isinstance(inner, dict):
        vp = f"{path}.value"
        out["value"] = opt_number(inner, "value", vp)
        out["min_value"] = opt_number(inner, "minValue", vp)
        out["max_value"] = opt_number(inner, "maxValue", vp)
        out["unit"] = opt_str(inner, "unitText", vp)
    else:
        out["value"] = opt_number(obj, "value", path)
    if all(out.get(k) is None for k in ("value", "min_value", "max_value")):
        return None
    return {k: v for k, v in out.items() if v is not None}
