"""Trust weights: how much each kind of evidence that a person holds a skill weighs in the
trust-weighted coverage. The settings (SKILLMATCH_TRUST_*) give the defaults; a request may set
its own (`learner.trust`), each within [TRUST_MIN, TRUST_MAX]. Whatever the weight, a skill with
direct evidence is held (service.matching.gap): the weight never makes it missing."""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import BaseModel, ConfigDict, Field

from service.config import Settings

TRUST_MIN = 0.1
TRUST_MAX = 1.0

# evidence kind -> the setting that holds its default weight
TRUST_SETTINGS: dict[str, str] = {
    "credential": "trust_catalog",
    "verified_badge": "trust_badge_verified",
    "unverified_badge": "trust_badge_unverified",
    "declared": "trust_declared",
    "text": "trust_text",
}


def _weight(description: str):
    return Field(default=None, ge=TRUST_MIN, le=TRUST_MAX, description=description)


class EvidenceTrustIn(BaseModel):
    """Trust weights of this request, per kind of evidence, each in [0.1, 1.0]; a kind left out
    weighs what the settings say. They weigh the trust-weighted `coverage` only: a skill with any
    evidence is held (covered) whatever its weight."""

    model_config = ConfigDict(strict=True, extra="forbid")

    credential: float | None = _weight(
        "a held catalog credential; default SKILLMATCH_TRUST_CATALOG"
    )
    verified_badge: float | None = _weight(
        "a badge that verifies; default SKILLMATCH_TRUST_BADGE_VERIFIED"
    )
    unverified_badge: float | None = _weight(
        "a badge that does not verify, or a badge's description; default "
        "SKILLMATCH_TRUST_BADGE_UNVERIFIED"
    )
    declared: float | None = _weight("a declared skill; default SKILLMATCH_TRUST_DECLARED")
    text: float | None = _weight("a skill found in the text; default SKILLMATCH_TRUST_TEXT")


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
