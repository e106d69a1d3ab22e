"""Trust weights: how much each kind of evidence that a person holds a skill weighs in the
trust-weighted coverage. The settings (SKILLMATCH_TRUST_*) give the defaults; a request may set
its own (`learner.trust`), each within [TRUST_MIN, TRUST_MAX] (models.matching). Whatever the
weight, a skill with direct evidence is held (service.matching.gap): the weight never makes it
missing."""

from __future__ import annotations

from collections.abc import Mapping

from models.matching import EvidenceTrustIn
from service.config import Settings

# evidence kind -> the setting that holds its default weight
TRUST_SETTINGS: dict[str, str] = {
    "credential": "trust_catalog",
    "verified_badge": "trust_badge_verified",
    "unverified_badge": "trust_badge_unverified",
    "declared": "trust_declared",
    "text": "trust_text",
}


Overrides = EvidenceTrustIn | Mapping[str, float] | None


def trust_weights(settings: Settings, overrides: Overrides = None) -> dict[str, float]:
    """Evidence kind -> weight: the request's where it sets one, else the setting's."""
    if isinstance(overrides, EvidenceTrustIn):
        overrides = overrides.model_dump()
    given = dict(overrides or {})
    unknown = set(given) - set(TRUST_SETTINGS)
    if unknown:
        raise ValueError(f"unknown evidence kinds: {sorted(unknown)}")
    out = {}
    for kind, setting in TRUST_SETTINGS.items():
        value = given.get(kind)
        out[kind] = float(getattr(settings, setting) if value is None else value)
    return out
