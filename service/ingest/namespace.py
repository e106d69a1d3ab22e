"""External ids and tenants: a tenant's private openings are stored as `tenant:<id>:<its id>`.

The service alone writes that namespace: an id a caller gives (in any format: `external_id`,
an `id`, `@id` or `identifier`) may not begin with the reserved prefix, in any case or Unicode
form, whoever writes it. So no caller can name a record of another tenant, and the answer to a
write ("created", "updated") never depends on another tenant's ids.
"""

from __future__ import annotations

import re
import unicodedata

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
