"""Domain errors, raised in the core and mapped to HTTP answers in one place (api/errors.py)."""

from __future__ import annotations


class DomainError(Exception):
    """`code`: the stable name of the problem in the error answer (service/api/problem.py)."""

    status_code = 400
    code = "bad_request"

    def __init__(self, message: str, *, field: str | None = None, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
        if code is not None:
            self.code = code


class NotFound(DomainError):
    status_code = 404
    code = "not_found"


class InvalidInput(DomainError):
    status_code = 422
    code = "invalid_input"


class Conflict(DomainError):
    """The request is valid but clashes with what is stored (a name in use, a revoked key,
    removing what is not there)."""

    status_code = 409
    code = "conflict"


class TooLarge(DomainError):
    status_code = 413
    code = "body_too_large"


class NotReady(DomainError):
    status_code = 503
    code = "not_ready"


class Unauthorized(DomainError):
    """No key, or a key this service does not know (401)."""

    status_code = 401
    code = "unauthorized"


class Forbidden(DomainError):
    """A known key without the scope the action needs (403)."""

    status_code = 403
    code = "forbidden"
