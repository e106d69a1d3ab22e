"""schema.org JobPosting JSON-LD (a JobPosting node, or JobPosting nodes of an @graph).

Mapping: title; description with HTML stripped, then "Responsibilities:", "Qualifications:",
"Education:" and "Experience:" sections (same stripping) -> description; skills (a string split at
commas, semicolons and line breaks, a list, or DefinedTerms: an ESCO/O*NET URI in url, @id or
termCode -> uri, else name -> label; relation left None, schema.org does not say essential or
optional); occupationalCategory and relevantOccupation (an Occupation, its occupationalCategory):
an ESCO occupation URI -> occupation_uri; an ISCO-08 code ("2511", a CategoryCode codeValue) or
an O*NET-SOC code ("15-1252.00 Software Developers") -> occupation_code ("isco:2511",
"onet:15-1252.00"; ingest chooses the occupation by code); a name -> occupation_label;
hiringOrganization name -> employer; jobLocation (Place / PostalAddress -> "city, region,
country", several joined with "; ") -> location; jobLocationType TELECOMMUTE -> remote=True
(None otherwise: an office address does not say that remote work is ruled out); datePosted ->
date_posted; validThrough -> valid_through (a date alone closes at the end of that day, UTC);
employmentType -> employment_type; baseSalary (MonetaryAmount) -> salary.
external_id: identifier (a PropertyValue gives "name:value"), else url, else @id, else a hash.
Not mapped: educationRequirements as a structured credential. `original` is the whole document.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from models.records import JobPostingRecord, SkillRef
from service.ingest.parsers._common import (
    ParseError,
    TextBuilder,
    as_dict,
    as_list,
    build,
    opt_str,
    req_str,
    skill_uri,
    stable_id,
    types_of,
)
from service.ingest.parsers.html_text import html_to_text
from service.ingest.parsers.kinds import local_name
from service.ingest.parsers.posting_values import (
    closing_time,
    employment_types,
    occupation,
    salary,
)

_SECTIONS = (
    ("responsibilities", "Responsibilities"),
    ("qualifications", "Qualifications"),
    ("educationRequirements", "Education"),
    ("experienceRequirements", "Experience"),
)


def is_job_posting(node: Any) -> bool:
    return isinstance(node, dict) and "JobPosting" in {local_name(t) for t in types_of(node)}


def parse_schema_org(doc: dict) -> list[JobPostingRecord]:
    if "@graph" in doc:
        graph = doc["@graph"]
        if not isinstance(graph, list):
            raise ParseError("@graph", "expected a list of nodes")
        out = [_posting(n, f"@graph[{i}]", doc) for i, n in enumerate(graph) if is_job_posting(n)]
        if not out:
            raise ParseError("@graph", "holds no JobPosting")
        return out
    if not is_job_posting(doc):
        shown = ", ".join(types_of(doc)) or "none"
        raise ParseError("@type", f"{shown} is not a schema.org JobPosting")
    return [_posting(doc, "", doc)]


def _posting(node: dict, path: str, original: Any) -> JobPostingRecord:
    def p(key: str) -> str:
        return f"{path}.{key}" if path else key

    title = html_to_text(req_str(node, "title", path))
    text = TextBuilder(html_to_text(opt_str(node, "description", path) or ""))
    for key, heading in _SECTIONS:
        text.add(html_to_text(_texts(node.get(key), p(key))), heading)
    occ_uri, occ_label, occ_code = occupation(node, path)
    telecommute = any(
        isinstance(t, str) and t.upper() == "TELECOMMUTE"
        for t in as_list(node.get("jobLocationType"))
    )
    data = {
        "external_id": _identifier(node, path),
        "title": title,
        "description": text.text,
        "employer": _name(node.get("hiringOrganization"), p("hiringOrganization")),
        "location": _location(node.get("jobLocation"), p("jobLocation")),
        "remote": True if telecommute else None,
        "date_posted": _date(node.get("datePosted"), p("datePosted")),
        "occupation_uri": occ_uri,
        "occupation_label": occ_label,
        "occupation_code": occ_code,
        "valid_through": closing_time(node.get("validThrough"), p("validThrough")),
        "employment_type": employment_types(node.get("employmentType"), p("employmentType")),
        "salary": salary(node.get("baseSalary"), p("baseSalary")),
        "skills": _skills(node.get("skills"), p("skills")),
        "source_format": "schema_org",
        "original": original,
    }
    paths = {"external_id": p("identifier"), "title": p("title"), "description": p("description")}
    paths |= {"salary": p("baseSalary"), "valid_through": p("validThrough")}
    return build(JobPostingRecord, data, paths)


def _identifier(node: dict, path: str) -> str:
    ident = node.get("identifier")
    if isinstance(ident, list):
        ident = ident[0] if ident else None
    if isinstance(ident, (str, int)) and str(ident).strip():
        return str(ident).strip()
    if isinstance(ident, dict):
        value = ident.get("value", ident.get("@id"))
        if isinstance(value, (str, int)) and str(value).strip():
            name = ident.get("name") or ident.get("propertyID")
            return f"{name}:{value}" if isinstance(name, str) and name else str(value)
    return opt_str(node, "url", path) or opt_str(node, "@id", path) or stable_id(node)


def _texts(value: Any, path: str) -> str:
    parts = []
    for i, item in enumerate(as_list(value)):
        if isinstance(item, str):
            parts.append(item)
        elif isinstance(item, dict):
            for key in ("description", "name", "credentialCategory"):
                if isinstance(item.get(key), str):
                    parts.append(item[key])
                    break
            else:
                months = item.get("monthsOfExperience")
                if isinstance(months, (int, float)):
                    parts.append(f"{months:g} months of experience")
        else:
            raise ParseError(f"{path}[{i}]", "expected a string or an object")
    return "\n".join(parts)


def _skills(value: Any, path: str) -> list[SkillRef]:
    out, seen = [], set()
    many = isinstance(value, list)
    for i, item in enumerate(as_list(value)):
        ip = f"{path}[{i}]" if many else path
        if isinstance(item, str):
            refs = [(None, part) for part in re.split(r"[\n;,•]+", html_to_text(item))]
        elif isinstance(item, dict):
            term_set = item.get("inDefinedTermSet") or ""
            if not isinstance(term_set, str):
                term_set = str(as_dict(term_set, f"{ip}.inDefinedTermSet").get("name", ""))
            uri = skill_uri(opt_str(item, "url", ip)) or skill_uri(opt_str(item, "@id", ip))
            uri = uri or skill_uri(opt_str(item, "termCode", ip), term_set)
            refs = [(uri, opt_str(item, "name", ip))]
        else:
            raise ParseError(ip, "expected a string or a DefinedTerm")
        for uri, label in refs:
            label = (label or "").strip(" -*\t") or None
            key = uri or (label or "").lower()
            if (uri or label) and key not in seen:
                seen.add(key)
                out.append(SkillRef(uri=uri, label=label))
    return out


def _name(value: Any, path: str) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if value is None or isinstance(value, str):
        return (value or "").strip() or None
    return opt_str(as_dict(value, path), "name", path)


def _location(value: Any, path: str) -> str | None:
    places = []
    for i, item in enumerate(as_list(value)):
        ip = f"{path}[{i}]" if isinstance(value, list) else path
        if isinstance(item, str):
            places.append(item.strip())
            continue
        address = as_dict(item, ip).get("address", item)
        if isinstance(address, str):
            places.append(address.strip())
            continue
        addr = as_dict(address, f"{ip}.address")
        parts = [_name(addr.get(k), f"{ip}.address.{k}") for k in
                 ("addressLocality", "addressRegion", "addressCountry")]  # fmt: skip
        text = ", ".join(x for x in parts if x) or _name(item, ip)
        if text and text not in places:
            places.append(text)
    return "; ".join(x for x in places if x) or None


def _date(value: Any, path: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ParseError(path, f"expected an ISO 8601 date, got {type(value).__name__}")
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        raise ParseError(path, f"not an ISO 8601 date: {value!r}") from None
