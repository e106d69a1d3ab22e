"""A plan as a portal stores it: CSV (one row per step) or JSON-LD (a schema.org ItemList of the
credentials in order, with the target role), from the answer of POST /v1/recommendations."""

from __future__ import annotations

import csv
import io
from typing import Any

CSV_COLUMNS = (
    "order", "external_id", "title", "kind", "hours", "cost", "currency", "issuer", "covers",
    "reason", "explanation",
)  # fmt: skip
_FORMULA_LEAD = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> str:
    """A CSV cell a spreadsheet shows as text: a leading formula character is escaped with '."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_LEAD) and not _number(text) else text


def _number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def plan_csv(answer: dict) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for step in answer.get("plan", {}).get("steps", []):
        cred = step["credential"]
        covers = "; ".join(c["label"] for c in step.get("covers", []))
        row = [step["order"], cred["external_id"], cred["title"], cred["kind"], cred["hours"]]
        row += [cred["cost"], cred.get("currency"), cred.get("issuer"), covers]
        row += [step.get("reason"), step.get("explanation")]
        writer.writerow([_cell(v) for v in row])
    return out.getvalue()


def plan_jsonld(answer: dict) -> dict[str, Any]:
    plan = answer.get("plan", {})
    role = answer.get("role", {})
    items = []
    for step in plan.get("steps", []):
        cred = step["credential"]
        item: dict[str, Any] = {
            "@type": "EducationalOccupationalCredential",
            "@id": cred["external_id"],
            "identifier": cred["external_id"],
            "name": cred["title"],
            "credentialCategory": cred["kind"],
            "teaches": [c["label"] for c in step.get("covers", [])],
            "description": step.get("explanation", ""),
        }
        if cred.get("hours") is not None:
            item["timeRequired"] = f"PT{cred['hours']:g}H"
        if cred.get("currency") and cred.get("cost") is not None:
            item["offers"] = {
                "@type": "Offer", "price": cred["cost"], "priceCurrency": cred["currency"]
            }  # fmt: skip
        items.append({"@type": "ListItem", "position": step["order"], "item": item})
    return {
        "@context": "https://schema.org",
        "@type": "ItemList",
        "name": f"Learning plan: {role.get('title', '')}".strip(),
        "about": {
            "@type": "Occupation",
            "name": role.get("title"),
            "identifier": role.get("source"),
        },
        "numberOfItems": len(items),
        "itemListOrder": "https://schema.org/ItemListOrderAscending",
        "itemListElement": items,
        "additionalProperty": [
            {"@type": "PropertyValue", "name": k, "value": plan.get(k)}
            for k in ("total_hours", "total_cost", "currency", "coverage_before", "coverage_after")
            if plan.get(k) is not None
        ],
    }
