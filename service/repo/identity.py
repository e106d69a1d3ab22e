"""How a stored record is known: its external id (and the tenant namespace), the hashes that say
whether it or its vector text changed, and the confidence a linker score is stored as.

External ids and tenants: a tenant's private openings are stored as `tenant:<id>:<its id>`.

The service alone writes that namespace: an id a caller gives (in any format: `external_id`,
an `id`, `@id` or `identifier`) may not begin with the reserved prefix, in any case or Unicode
form, whoever writes it. So no caller can name a record of another tenant, and the answer to a
write ("created", "updated") never depends on another tenant's ids.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import unicodedata
from typing import TYPE_CHECKING

from models.records import record_json

if TYPE_CHECKING:
    from models.records import CredentialRecord, JobPostingRecord

RESERVED_PREFIX = "tenant:"
RESERVED_MESSAGE = (
    f"external ids beginning with {RESERVED_PREFIX!r} are reserved: the service keeps each "
    "tenant's private openings under it"
)
_TENANT_NS = re.compile(r"^tenant:[0-9]+:")


def is_reserved(external_id: str) -> bool:
    """Whether a caller's external id falls in the reserved namespace (NFKC, any case, spaces
    around ignored: `TENANT:1:x` and fullwidth forms are refused as well)."""
    folded = unicodedata.normalize("NFKC", external_id).strip().casefold()
    return folded.startswith(RESERVED_PREFIX)


def tenant_external_id(tenant_id: int, external_id: str) -> str:
    return f"{RESERVED_PREFIX}{tenant_id}:{external_id}"


def shown_external_id(external_id: str | None) -> str | None:
    """The external id as its owner gave it (without the tenant namespace)."""
    return _TENANT_NS.sub("", external_id) if external_id else external_id


def content_hash(record: CredentialRecord | JobPostingRecord, model_id: str) -> str:
    """Whether a record changed: its normalised fields (not the original document) and the model
    its skills were linked with."""
    body = record_json(record)
    blob = json.dumps(body, sort_keys=True, ensure_ascii=False) + "\n" + model_id
    return hashlib.sha256(blob.encode()).hexdigest()


def closing_text(when: dt.datetime | None) -> str | None:
    """A closing time as stored: UTC, "YYYY-MM-DDTHH:MM:SSZ" (text order is time order)."""
    if when is None:
        return None
    aware = when if when.tzinfo else when.replace(tzinfo=dt.UTC)
    return aware.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def now_text() -> str:
    """Now, in the form closing times are stored."""
    return closing_text(dt.datetime.now(dt.UTC)) or ""


def text_hash(text: str, model_id: str) -> str:
    """Whether a record's stored vector is still that of its text under this model."""
    return hashlib.sha256(f"{model_id}\n{text}".encode()).hexdigest()


def score_confidence(score: float) -> float:
    """Linker scores run ~0.5-1.5 (not cosines; extraction keeps >= 0.75): map to 0..1."""
    return round(min(1.0, max(0.0, float(score) / 1.3)), 4)
