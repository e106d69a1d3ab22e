"""CTDL value shapes: language maps, CredentialAlignmentObject terms, DurationProfile -> hours,
CostProfile -> (price, currency).

- Language maps ({"en-US": "..."} or {"en": ["a", "b"]}): English first (en, en-*), else the
  first language given; lists are joined with "; ".
- estimatedDuration: the first DurationProfile with a duration; exactDuration, else the midpoint of
  minimumDuration and maximumDuration (or whichever is given), converted with `durations`.
  A profile with only a description gives no hours.
- estimatedCost: a profile whose directCostType is costType:AggregateCost wins; else the prices of
  all profiles are summed when they share a currency, else the first price is taken. Currency
  names ("US Dollar", "Euro") and symbols become ISO 4217 codes; an unknown currency is left None.
- deliveryType: online / in person / blended (online + in person counts as blended).
- audienceLevelType: BeginnerLevel / IntermediateLevel / AdvancedLevel -> level.
- estimatedDuration with weekly hours in its description ("five to ten hours ... per week"):
  weekly hours x calendar weeks (durations.part_time_hours), not full-time study.
- lifeCycleStatusType: lifeCycle:Active / Ceased / Suspended / UnderDevelopment.
- creditValue: the first ValueProfile's value (else the midpoint of minValue and maxValue) and
  its creditUnitType (creditUnit:DegreeCredit -> "DegreeCredit").
- occupationType: ESCO occupation URIs (targetNode), O*NET-SOC codes (codedNotation, or an
  O*NET OnLine URL) -> "onet:<code>", ISCO-08 codes -> "isco:<code>"; a name alone stays in
  `original` (no code to map it by).
"""

from __future__ import annotations

from typing import Any

from models.records import DeliveryMode, Level
from service.ingest.parsers._common import (
    ParseError,
    as_dict,
    as_list,
    occupation_code_ref,
    opt_number,
    opt_str,
)
from service.ingest.parsers.durations import duration_hours, part_time_hours

_CURRENCIES = {
    "us dollar": "USD", "us dollars": "USD", "dollar": "USD", "$": "USD", "euro": "EUR",
    "euros": "EUR", "€": "EUR", "pound sterling": "GBP", "british pound": "GBP", "£": "GBP",
    "canadian dollar": "CAD", "australian dollar": "AUD", "new zealand dollar": "NZD",
    "swiss franc": "CHF", "japanese yen": "JPY", "indian rupee": "INR", "swedish krona": "SEK",
    "norwegian krone": "NOK", "danish krone": "DKK", "polish zloty": "PLN", "mexican peso": "MXN",
}  # fmt: skip


def lang_text(value: Any, path: str) -> str | None:
    """A plain string, a language map or a list of either, as one string (None when empty)."""
    if value is None:
        return None
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, list):
        parts = [lang_text(v, f"{path}[{i}]") for i, v in enumerate(value)]
        return "; ".join(p for p in parts if p) or None
    if isinstance(value, dict):
        if "@value" in value:
            return lang_text(value["@value"], f"{path}.@value")
        keys = sorted(value, key=lambda k: (k.lower() != "en", not k.lower().startswith("en")))
        for key in keys:
            text = lang_text(value[key], f"{path}.{key}")
            if text:
                return text
        return None
    raise ParseError(path, f"expected a string or a language map, got {type(value).__name__}")


def term_nodes(value: Any, path: str) -> list[str]:
    """targetNode values ("deliveryType:OnlineOnly") of CredentialAlignmentObjects or plain IRIs."""
    out = []
    for i, item in enumerate(as_list(value)):
        if isinstance(item, str):
            out.append(item)
        else:
            node = as_dict(item, f"{path}[{i}]").get("ceterms:targetNode")
            if isinstance(node, str):
                out.append(node)
    return out


def delivery_mode(value: Any, path: str) -> DeliveryMode | None:
    modes = set()
    for node in term_nodes(value, path):
        low = node.lower()
        if "blended" in low or "hybrid" in low:
            modes.add("blended")
        elif "online" in low:
            modes.add("online")
        elif "inperson" in low:
            modes.add("in_person")
    if "blended" in modes or {"online", "in_person"} <= modes:
        return "blended"
    return "online" if "online" in modes else ("in_person" if modes else None)


def audience_level(value: Any, path: str) -> Level | None:
    for node in term_nodes(value, path):
        local = node.rsplit(":", 1)[-1].lower()
        for level in ("beginner", "intermediate", "advanced"):
            if local == f"{level}level":
                return level
    return None


def duration_profile_hours(value: Any, path: str) -> float | None:
    for i, item in enumerate(as_list(value)):
        p = f"{path}[{i}]"
        prof = as_dict(item, p)
        said = lang_text(prof.get("ceterms:description"), f"{p}.ceterms:description")
        if prof.get("ceterms:exactDuration"):
            return _profile_hours(prof, "ceterms:exactDuration", said, p)
        bounds = [
            _profile_hours(prof, k, said, p)
            for k in ("ceterms:minimumDuration", "ceterms:maximumDuration")
            if prof.get(k)
        ]
        if bounds:
            return round(sum(bounds) / len(bounds), 2)
    return None


def _profile_hours(prof: dict, key: str, said: str | None, path: str) -> float:
    """A duration's hours: weekly hours x weeks when the profile's text states weekly hours,
    else full-time study."""
    at = f"{path}.{key}"
    weekly = part_time_hours(prof[key], said, at)
    return duration_hours(prof[key], at) if weekly is None else weekly


def currency_code(value: str | None) -> str | None:
    if not value or not value.strip():
        return None
    v = value.strip()
    if len(v) == 3 and v.isalpha():
        return v.upper()
    return _CURRENCIES.get(v.lower())


def cost_profiles(value: Any, path: str) -> tuple[float | None, str | None]:
    prices: list[tuple[float, str | None, bool]] = []
    for i, item in enumerate(as_list(value)):
        p = f"{path}[{i}]"
        prof = as_dict(item, p)
        price = opt_number(prof, "ceterms:price", p)
        if price is None:
            continue
        cur = prof.get("ceterms:currency")
        if cur is not None and not isinstance(cur, str):
            raise ParseError(f"{p}.ceterms:currency", "expected a string")
        kinds = " ".join(term_nodes(prof.get("ceterms:directCostType"), p)).lower()
        prices.append((price, currency_code(cur), "aggregatecost" in kinds))
    if not prices:
        return None, None
    for price, cur, aggregate in prices:
        if aggregate:
            return price, cur
    if len({cur for _, cur, _ in prices}) == 1:
        return round(sum(price for price, _, _ in prices), 2), prices[0][1]
    return prices[0][0], prices[0][1]


_LIFE_CYCLE = {
    "active": "active",
    "ceased": "ceased",
    "suspended": "suspended",
    "underdevelopment": "under_development",
}


def life_cycle(value: Any, path: str) -> str | None:
    for node in term_nodes(value, path):
        found = _LIFE_CYCLE.get(node.rsplit(":", 1)[-1].lower())
        if found:
            return found
    return None


def credit_value(value: Any, path: str) -> tuple[float | None, str | None]:
    for i, item in enumerate(as_list(value)):
        p = f"{path}[{i}]"
        prof = as_dict(item, p)
        amount = opt_number(prof, "ceterms:value", p)
        if amount is None:
            bounds = [opt_number(prof, k, p) for k in ("ceterms:minValue", "ceterms:maxValue")]
            known = [b for b in bounds if b is not None]
            amount = sum(known) / len(known) if known else None
        if amount is None:
            continue
        units = term_nodes(prof.get("ceterms:creditUnitType"), f"{p}.ceterms:creditUnitType")
        return amount, (units[0].rsplit(":", 1)[-1] if units else None)
    return None, None


def occupation_types(value: Any, path: str) -> list[str]:
    out: list[str] = []
    for i, item in enumerate(as_list(value)):
        p = f"{path}[{i}]"
        obj = {"ceterms:targetNode": item} if isinstance(item, str) else as_dict(item, p)
        framework = lang_text(obj.get("ceterms:frameworkName"), f"{p}.ceterms:frameworkName")
        framework = (framework or "") + " " + (opt_str(obj, "ceterms:framework", p) or "")
        for key in ("ceterms:targetNode", "ceterms:codedNotation"):
            ref = occupation_code_ref(opt_str(obj, key, p), framework)
            if ref and ref not in out:
                out.append(ref)
                break
    return out
