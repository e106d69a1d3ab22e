"""Domain errors, raised in the core and mapped to HTTP answers in one place (api/errors.py)."""

from __future__ import annotations


class DomainError(Exception):
    status_code = 400

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class NotFound(DomainError):
    status_code = 404


class InvalidInput(DomainError):
    status_code = 422


class Conflict(DomainError):
    """The request does not fit the resource's current state (e.g. removing what is not there)."""

    status_code = 409


class TooLarge(DomainError):
    status_code = 413


class NotReady(DomainError):
    status_code = 503


class Unauthorized(DomainError):
    """No key, or a key this service does not know (401)."""

    status_code = 401


class Forbidden(DomainError):
    """A known key without the scope the action needs (403)."""

    status_code = 403
