"""The one mapping from errors to HTTP answers.

Every error body has the shape ``{"error": {"code": str, "message": str, "details"?: ...}}``:

* :class:`~vigie.errors.VigieError` → its class's ``http_status`` and ``code`` (the table in
  :mod:`vigie.errors`; nothing here re-decides it);
* a request that fails validation → 422 ``input.validation`` with one entry per bad field
  (``details.fields``: location, message, type) — never a 500;
* Starlette's own HTTP errors (unknown route 404, wrong method 405, 401/403 from auth, 413
  from the body limit) → their status with ``http.<status>`` codes;
* anything else → 500 ``internal`` with no internals leaked (logged with its traceback).
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from vigie.errors import VigieError

__all__ = ["error_body", "install_error_handlers"]

log = logging.getLogger("vigie.api")

_CODES = {
    400: "http.bad_request",
    401: "auth.unauthenticated",
    403: "auth.forbidden",
    404: "not_found.route",
    405: "http.method_not_allowed",
    413: "input.too_large",
}


def error_body(code: str, message: str, details: Any = None) -> dict[str, Any]:
    err: dict[str, Any] = {"code": code, "message": message}
    if details:
        err["details"] = details
    return {"error": err}


def _vigie(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, VigieError)
    details = jsonable_encoder(exc.details) if exc.details else None
    return JSONResponse(error_body(exc.code, exc.message, details), status_code=exc.http_status)


def _validation(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    fields = [
        {
            "loc": [str(p) for p in e.get("loc", ())],
            "msg": str(e.get("msg", "")),
            "type": str(e.get("type", "")),
        }
        for e in exc.errors()
    ]
    first = fields[0] if fields else {"loc": [], "msg": "invalid request"}
    where = ".".join(first["loc"][1:]) or "body"
    message = f"invalid request: {where}: {first['msg']}"
    if len(fields) > 1:
        message += f" (and {len(fields) - 1} more)"
    return JSONResponse(error_body("input.validation", message, {"fields": fields}), status_code=422)


def _http(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    code = _CODES.get(exc.status_code, f"http.{exc.status_code}")
    return JSONResponse(
        error_body(code, str(exc.detail)), status_code=exc.status_code, headers=getattr(exc, "headers", None)
    )


def _internal(request: Request, exc: Exception) -> JSONResponse:
    log.exception("internal error on %s %s", request.method, request.url.path, exc_info=exc)
    return JSONResponse(error_body("internal", "internal error; see the server log"), status_code=500)


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(VigieError, _vigie)
    app.add_exception_handler(RequestValidationError, _validation)
    app.add_exception_handler(StarletteHTTPException, _http)
    app.add_exception_handler(Exception, _internal)
