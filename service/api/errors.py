"""Domain errors mapped to HTTP answers, in one place."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from service.errors import DomainError, InvalidInput, NotFound, NotReady, TooLarge

__all__ = ["DomainError", "InvalidInput", "NotFound", "NotReady", "TooLarge"]


def _field(loc: tuple | list) -> str:
    return ".".join(str(p) for p in loc)


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(DomainError)
    async def _domain(_req: Request, exc: DomainError) -> JSONResponse:
        body = {"error": {"message": exc.message, "field": exc.field}, "detail": exc.message}
        return JSONResponse(body, status_code=exc.status_code)

    @app.exception_handler(RequestValidationError)
    async def _validation(_req: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [
            {"field": _field(e.get("loc", ())), "message": e.get("msg", ""), "type": e.get("type")}
            for e in exc.errors()
        ]
        first = errors[0] if errors else {"field": None, "message": "invalid request"}
        body = {
            "error": {"message": f"{first['field']}: {first['message']}", "field": first["field"]},
            "errors": errors,
        }
        return JSONResponse(body, status_code=422)
