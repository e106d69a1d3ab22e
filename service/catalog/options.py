"""A stored credential as a planner option (matching.Option): its hours and cost as stated
(None where not), its cost in the wanted currency where exchange rates allow, its prerequisites
and the programs it belongs to by external id."""

from __future__ import annotations

from models.records import MAX_COST, MAX_HOURS
from models.tables import Credential
from service.catalog.effort import hours_note
from service.matching import Option
from service.repo.stored_values import stored_number


def to_option(
    r: Credential,
    skills: dict[int, float],
    evidence: dict[int, str],
    rates: dict[str, float] | None,
    currency: str,
    audience: tuple[str, ...] = (),
) -> Option:
    """A stored credential as a planner candidate, its cost in `currency` where rates allow;
    audience: the ISCO groups it is aimed at (service.catalog.audience)."""
    cost, cur = convert(stored_number(r, "cost", MAX_COST), r.currency, rates, currency)
    hours = stored_number(r, "hours", MAX_HOURS)
    return Option(
        id=r.id,
        external_id=r.external_id,
        title=r.title,
        kind=r.kind,
        hours=hours,  # None: not stated (unknown, not 0)
        hours_note=hours_note(r.source_format, hours),
        cost=cost,
        currency=cur,
        language=r.language,
        level=r.level,
        eqf_level=r.eqf_level,
        delivery_mode=r.delivery_mode,
        issuer=r.issuer_name,
        skills=skills,
        evidence=evidence,
        prerequisites=[
            p["ref"]
            for p in r.prerequisites
            if p.get("kind") == "credential" and p.get("required", True)
        ],
        is_part_of=list(r.is_part_of),
        has_part=list(r.has_part),
        audience=audience,
    )


def convert(
    cost: float | None, cur: str | None, rates: dict[str, float] | None, target: str
) -> tuple[float | None, str]:
    """A cost in `target` where `rates` (units of target per unit of the other) know its
    currency; else as it is."""
    cur = (cur or target).upper()
    if cost is None or cur == target.upper() or not rates or cur not in rates:
        return cost, cur
    return round(cost * rates[cur], 2), target.upper()
