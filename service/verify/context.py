"""What one verification works with: the caller's inputs, and what has been learnt so far.

`Draft` is filled in as the checks go, so that a badge that fails half-way still reports the
issuer, id and document found before the failure (a caller may want to show them, marked failed).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from service.verify.canonical import ContextStore
from service.verify.dates import Window
from service.verify.keys import TrustedKey
from service.verify.result import JsonDict


@dataclass(frozen=True)
class Inputs:
    """The caller's material, normalised once: keys decoded, lists filtered to JSON objects."""

    now: datetime
    recipient_ids: Sequence[str]
    keys: Sequence[TrustedKey]
    revocations: Sequence[JsonDict]
    contexts: ContextStore


@dataclass
class Draft:
    """The findings so far; the dispatcher turns them into a VerificationResult."""

    format: str
    document: JsonDict | None = None
    issuer: str | None = None
    credential_id: str | None = None
    window: Window = field(default_factory=Window)
    key_source: str | None = None
    warnings: list[str] = field(default_factory=list)
