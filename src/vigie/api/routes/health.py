"""Liveness and readiness: no key needed."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from vigie.api.context import Ctx
from vigie.errors import VigieError

router = APIRouter(tags=["health"])


@router.get("/healthz")
def healthz() -> dict[str, str]:
    """The process answers."""
    return {"status": "ok"}


@router.get("/readyz", response_model=None)
def readyz(*, ctx: Ctx) -> Any:
    """The store answers (and the pipeline is loaded): 200, else 503 with the reason."""
    try:
        head = ctx.store.audit_head()
    except VigieError as exc:
        return JSONResponse({"status": "unavailable", "store": exc.message}, status_code=503)
    return {"status": "ready", "store": "ok", "audit_seq": head["seq"], "pipeline_loaded": ctx.pipeline_ready}
