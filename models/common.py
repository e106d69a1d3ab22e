"""What every route shares: the limits and input types of request bodies, the error answer, a
warning, and the service's own description (GET /v1)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
)

from models.safe_values import NO_CONTROLS, finite_document

# ---------------------------------------------------------------------------------------------
# limits every request model and route shares (all of them are declared in the OpenAPI schema)

# The largest id accepted: ids are INTEGER columns (32-bit in PostgreSQL, where a larger value
# in a query is an error, not a miss).
MAX_ID = 2**31 - 1
# A text with a character that is not ASCII white space (what `blank()` strips). Spelled out, not
# `\S`: JSON Schema (ECMA-262), pydantic (Rust) and Python disagree on what else `\s` matches.
ASCII_SPACE = " \t\n\r\f\v"
NOT_BLANK = r"[^ \t\n\r\f\v]"
# what `next_cursor` holds: where the next page starts, in digits; any such cursor names a page
CURSOR_PATTERN = r"^[0-9]{1,10}$"
MAX_CURSOR = 10
# a cursor in a request body (the lists' `next_cursor`)
BodyCursor = Annotated[
    str | None,
    Field(
        pattern=CURSOR_PATTERN,
        max_length=MAX_CURSOR,
        description="`next_cursor` of the previous page",
    ),
]
LIMIT_SETTING = "x-limit-setting"  # service/api/schema_limits.py fills in the configured limit
ANONYMOUS_LIMIT_SETTING = "x-anonymous-limit-setting"  # the same, for callers without a key


def blank(text: str) -> bool:
    """Whether a text is empty or ASCII white space only: what NOT_BLANK refuses."""
    return not text.strip(ASCII_SPACE)


# Request bodies are strict: a JSON value of another type than the schema's is refused (no
# `false` for a number, no `"1"` for an integer), as the schema says.
STRICT = ConfigDict(strict=True)


def limited_by(setting: str | None, anonymous: str | None = None) -> dict[str, str]:
    """`json_schema_extra` of a field whose length limit is a setting (`Settings.<setting>`):
    the route checks it (422) and the app's OpenAPI schema declares it as maxLength /
    maxItems with the configured value. `anonymous`: the setting of a smaller limit for callers
    without an API key, declared as x-anonymous-maxLength / x-anonymous-maxItems. (setting None:
    the field's own max_length is the keyed limit.)"""
    out = {LIMIT_SETTING: setting} if setting else {}
    return out | ({ANONYMOUS_LIMIT_SETTING: anonymous} if anonymous else {})


SkillSource = Literal["esco", "onet"]


def _integral(value: object) -> object:
    """JSON Schema counts 1.0 as an integer; strict pydantic would not."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def integer(ge: int, le: int) -> Any:
    """A JSON integer in [ge, le] for a STRICT model: 1.0 counts, true and "1" do not. (The
    bounds sit on the inner type, so the JSON schema states them as minimum / maximum.)"""
    return Annotated[Annotated[int, Field(ge=ge, le=le)], BeforeValidator(_integral)]


# input types of the request bodies
Id = integer(1, MAX_ID)
PageSize = integer(1, 100)
EqfLevel = integer(1, 8)
Label = Annotated[str, StringConstraints(min_length=1, max_length=300)]  # a skill label or URI
Identifier = Annotated[  # email, URL, DID: no control characters
    str, StringConstraints(min_length=1, max_length=320, pattern=NO_CONTROLS)
]
# a record's external id as ingested (its document's id, @id, identifier, or its native one)
ExternalId = Annotated[str, StringConstraints(min_length=1, max_length=512, pattern=NO_CONTROLS)]
Word = Annotated[str, StringConstraints(min_length=1, max_length=64)]  # a code: language, level
IssuerName = Annotated[str, StringConstraints(min_length=1, max_length=300)]
# at most 200 top-level members, and finite numbers only (no NaN, no Infinity)
JsonDocument = Annotated[dict[str, Any], Field(max_length=200), AfterValidator(finite_document)]
# a badge: a JSON document (also an OB 2.0 bundle {assertion, badgeClass, issuer}), a compact
# JWS / JWT, or a baked PNG or SVG as a data: URL (data:image/png;base64,...)
BADGE_TEXT_CHARS = 2_000_000
Badge = JsonDocument | Annotated[str, StringConstraints(min_length=1, max_length=BADGE_TEXT_CHARS)]


# ---------------------------------------------------------------------------------------------
# errors and warnings


class ValidationErrorItem(BaseModel):
    field: str
    message: str
    type: str | None = None


class ErrorOut(BaseModel):
    """Every error answer: an RFC 9457 problem detail (`application/problem+json`)."""

    type: str = Field(
        description="the problem's type, `urn:skillmatch:problem:<code>`",
        examples=["urn:skillmatch:problem:not_found"],
    )
    title: str = Field(description="the status's reason phrase", examples=["Not Found"])
    status: int = Field(description="the HTTP status again", examples=[404])
    detail: str = Field(description="what went wrong, in words a person can act on")
    instance: str | None = Field(default=None, description="the request's path")
    code: str = Field(
        description="stable machine-readable name of the problem (docs/api.md lists them)",
        examples=["not_found"],
    )
    field: str | None = Field(
        default=None, description="the input at fault, e.g. `query.limit`, `body.text`"
    )
    errors: list[ValidationErrorItem] | None = Field(
        default=None, description="422 for a request the schema rejects: every fault"
    )


class WarningOut(BaseModel):
    field: str | None = None
    message: str


class About(BaseModel):
    name: str
    version: str
    model: str
    dim: int
    taxonomy: str
    counts: dict[str, int]
    index_sizes: dict[str, int] = Field(
        default_factory=dict, description="vectors in this worker's record indexes"
    )
    attribution: list[str]
