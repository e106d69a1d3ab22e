"""Shared pieces of the parsers: the error type, typed getters that report field paths,
stable ids, language tags, taxonomy URIs, and building a record with paths mapped back."""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from models.records import Span
from service.repo.identity import RESERVED_MESSAGE, is_reserved

R = TypeVar("R", bound=BaseModel)

ESCO_SKILL_PREFIX = "http://data.europa.eu/esco/skill/"
ESCO_OCCUPATION_PREFIX = "http://data.europa.eu/esco/occupation/"
ONET_SKILL_PREFIX = "urn:onet:"  # the taxonomy's O*NET technology skills: urn:onet:technology:...
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.I)


class ParseError(ValueError):
    """A document (or one field of it) that cannot become a record.

    `path` names the field in the source document ("alignment[2].targetUrl", "badge.name",
    "@graph[1].ceterms:name"); "$" is the whole document. `message` says what is wrong.
    """

    def __init__(self, path: str, message: str) -> None:
        self.path = path or "$"
        self.message = message
        super().__init__(f"{self.path}: {message}")

    def __reduce__(self) -> tuple[type[ParseError], tuple[str, str]]:
        return (type(self), (self.path, self.message))

    def under(self, prefix: str) -> ParseError:
        """The same error with its path nested under `prefix` ("badge", "[3]", "@graph[1]")."""
        return ParseError(join_path(prefix, self.path), self.message)


def join_path(prefix: str, path: str) -> str:
    if not prefix or prefix == "$":
        return path or "$"
    if not path or path == "$":
        return prefix
    return prefix + path if path.startswith("[") else f"{prefix}.{path}"


def stable_id(value: Any) -> str:
    """A fallback external id: sha256 of the canonical JSON (sorted keys, no spaces)."""
    canon = json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(canon.encode("utf-8")).hexdigest()


def as_list(value: Any) -> list[Any]:
    """JSON-LD style: a missing value is [], a single value is [value]."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def opt_str(doc: dict, key: str, path: str = "") -> str | None:
    """doc[key] as a stripped string, None when absent or empty; ParseError when not a string."""
    value = doc.get(key)
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise ParseError(join_path(path, key), f"expected a string, got {type(value).__name__}")
    return value.strip() or None


def req_str(doc: dict, key: str, path: str = "") -> str:
    value = opt_str(doc, key, path)
    if value is None:
        raise ParseError(join_path(path, key), "is required")
    return value


def opt_number(doc: dict, key: str, path: str = "") -> float | None:
    value = doc.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ParseError(join_path(path, key), "expected a number, got a boolean")
    try:
        return float(value)
    except (TypeError, ValueError):
        raise ParseError(join_path(path, key), f"expected a number, got {value!r}") from None


def as_dict(value: Any, path: str) -> dict:
    if not isinstance(value, dict):
        raise ParseError(path, f"expected an object, got {type(value).__name__}")
    return value


def types_of(doc: dict) -> list[str]:
    """The `type` / `@type` values of a JSON-LD node, as a list of strings."""
    return [t for t in as_list(doc.get("type", doc.get("@type"))) if isinstance(t, str)]


def language_tag(value: Any) -> str | None:
    """A BCP 47 tag reduced to its lowercase primary subtag: "en-US" -> "en"."""
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str) and v.strip()), None)
    if not isinstance(value, str) or not value.strip():
        return None
    return value.strip().replace("_", "-").split("-")[0].lower() or None


def skill_uri(value: str | None, framework: str | None = None) -> str | None:
    """A taxonomy skill URI from a URL or code: ESCO skill URIs (http or https; an ESCO UUID
    when the framework names ESCO) and the taxonomy's O*NET URNs. None for anything else."""
    if not value:
        return None
    v = value.strip()
    low = v.lower()
    if low.startswith(("http://data.europa.eu/esco/skill/", "https://data.europa.eu/esco/skill/")):
        return ESCO_SKILL_PREFIX + v.split("/esco/skill/", 1)[1].strip("/")
    if low.startswith(ONET_SKILL_PREFIX):
        return v
    if framework and "esco" in framework.lower() and _UUID.match(v):
        return ESCO_SKILL_PREFIX + v.lower()
    return None


def occupation_uri(value: str | None) -> str | None:
    """An ESCO occupation URI (http or https) normalised to http; None otherwise."""
    v = (value or "").strip()
    if v.lower().startswith(("http://data.europa.eu/", "https://data.europa.eu/")):
        if "/esco/occupation/" in v:
            return ESCO_OCCUPATION_PREFIX + v.split("/esco/occupation/", 1)[1].strip("/")
    return None


_ONET_SOC = re.compile(r"\b(\d{2}-\d{4}(?:\.\d{2})?)\b")
_ISCO = re.compile(r"^(?:isco(?:-08)?[: ]*)?c?(\d{4})$", re.I)


def occupation_code_ref(value: str | None, framework: str | None = None) -> str | None:
    """An occupation reference from a URI or code: an ESCO occupation URI as is; an O*NET-SOC
    code ("15-1252.00", alone, with its title, or in an O*NET OnLine URL) -> "onet:15-1252.00"
    (".00" added to a bare SOC code); a 4-digit ISCO-08 unit group ("2511", "C2511") ->
    "isco:2511". None for anything else (a name is no code)."""
    v = (value or "").strip()
    if not v:
        return None
    uri = occupation_uri(v)
    if uri:
        return uri
    fw = (framework or "").lower()
    m = _ONET_SOC.search(v)
    if m and (v.startswith(m.group(1)) or "onet" in v.lower() or "o*net" in fw or "soc" in fw):
        code = m.group(1)
        return "onet:" + (code if "." in code else code + ".00")
    m = _ISCO.match(v.replace("http://data.europa.eu/esco/isco/", ""))
    if m and ("isco" in fw or "isco" in v.lower() or not fw.strip()):
        return "isco:" + m.group(1)
    return None


def http_url(value: Any) -> str | None:
    return value if isinstance(value, str) and value.startswith(("http://", "https://")) else None


class TextBuilder:
    """The text used for linking: the description, then appended sections. `add` returns the
    Span of the appended text so explicit skills can point at their context."""

    def __init__(self, base: str | None) -> None:
        self.text = (base or "").strip()

    def add(self, text: str | None, heading: str = "") -> Span | None:
        body = (text or "").strip()
        if not body:
            return None
        lead = f"{heading}: " if heading else ""
        self.text += ("\n\n" if self.text else "") + lead
        start = len(self.text)
        self.text += body
        return Span(field="description", start=start, end=len(self.text), text=body)


def build(model: type[R], data: dict[str, Any], paths: dict[str, str] | None = None) -> R:
    """Validate `data` into `model`; a validation error becomes a ParseError whose path is the
    source field (through `paths`: record field -> document path) rather than the record field.
    An external id in the namespace the service reserves for tenants is refused at its field."""
    ext = data.get("external_id")
    if isinstance(ext, str) and is_reserved(ext):
        raise ParseError((paths or {}).get("external_id", "external_id"), RESERVED_MESSAGE)
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise validation_error(exc, paths or {}) from None


def validation_error(exc: ValidationError, paths: dict[str, str]) -> ParseError:
    errors = exc.errors()
    first = errors[0]
    loc = [str(p) for p in first["loc"]]
    head = paths.get(loc[0], loc[0]) if loc else "$"
    path = head
    for part in loc[1:]:
        path += f"[{part}]" if part.isdigit() else f".{part}"
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    return ParseError(path, first["msg"] + more)
