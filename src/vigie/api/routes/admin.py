"""Keys, webhook endpoints, the outbox, the audit chain and accounts."""

from __future__ import annotations

from dataclasses import asdict
from datetime import timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query
from fastapi.responses import JSONResponse

from vigie.actions.outbox import OutboxStatus
from vigie.api.auth import ApiKey, Role, requires
from vigie.api.context import Ctx
from vigie.api.schemas import NO_NUL, KeyIn, WebhookIn
from vigie.store.columns import utcnow
from vigie.store.keys import ApiKey as StoredKey
from vigie.store.outbox import OutboxItem

router = APIRouter(prefix="/v1", tags=["admin"])

READERS = (Role.ADMIN, Role.AUDITOR)


def _key_json(k: StoredKey) -> dict[str, Any]:
    return asdict(k) | {"active": k.active(utcnow())}


def _item_json(i: OutboxItem) -> dict[str, Any]:
    return asdict(i)


@router.get("/keys")
def list_keys(*, ctx: Ctx, key: Annotated[ApiKey, requires(Role.ADMIN)]) -> dict[str, Any]:
    """Every key (never its token)."""
    return {"items": [_key_json(k) for k in ctx.keys.list_keys()]}


@router.post("/keys", status_code=201)
def create_key(*, body: KeyIn, ctx: Ctx, key: Annotated[ApiKey, requires(Role.ADMIN)]) -> dict[str, Any]:
    """Create a key; its token is in this answer and nowhere else."""
    expires = timedelta(days=body.expires_days) if body.expires_days else None
    new = ctx.keys.create(role=body.role, name=body.name, source=body.source, expires_in=expires)
    return {"key": _key_json(new.key), "token": new.token}


@router.delete("/keys/{key_id}")
def revoke_key(
    *,
    key_id: Annotated[str, Path(min_length=1, max_length=32, pattern=NO_NUL)],
    ctx: Ctx,
    key: Annotated[ApiKey, requires(Role.ADMIN)],
) -> dict[str, Any]:
    return _key_json(ctx.keys.revoke(key_id))


@router.get("/webhooks")
def list_webhooks(*, ctx: Ctx, key: Annotated[ApiKey, requires(Role.ADMIN)]) -> dict[str, Any]:
    """Endpoints, without their secrets."""
    return {"items": [asdict(e) | {"secret": None} for e in ctx.outbox.endpoints()]}


@router.post("/webhooks", status_code=201)
def add_webhook(*, body: WebhookIn, ctx: Ctx, key: Annotated[ApiKey, requires(Role.ADMIN)]) -> dict[str, Any]:
    """Register an endpoint; its signing secret is in this answer and nowhere else in the API."""
    return asdict(ctx.outbox.add_endpoint(body.name, body.url, actions=body.actions))


@router.get("/actions")
def list_actions(
    *,
    status: OutboxStatus | None = None,
    after: Annotated[int, Query(ge=0, le=2**62)] = 0,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    ctx: Ctx,
    key: Annotated[ApiKey, requires(Role.ADMIN, Role.AUDITOR, Role.NOTIFIER)],
) -> dict[str, Any]:
    """Outbox rows in order (page with ``after``); a notifier may poll this instead of a webhook."""
    return {"items": [_item_json(i) for i in ctx.outbox.items(status=status, after=after, limit=limit)]}


@router.post("/actions/{pk}/requeue")
def requeue_action(
    *, pk: Annotated[int, Path(ge=1, le=2**62)], ctx: Ctx, key: Annotated[ApiKey, requires(Role.ADMIN)]
) -> dict[str, Any]:
    """Put a dead letter back in line."""
    return _item_json(ctx.outbox.requeue(pk))


@router.get("/audit/verify", response_model=None)
def audit_verify(*, ctx: Ctx, key: Annotated[ApiKey, requires(*READERS)]) -> Any:
    """Recompute the hash chain; 200 when intact, 409 with the first broken event otherwise."""
    report = ctx.store.verify_audit()
    return JSONResponse(asdict(report), status_code=200 if report.ok else 409)


@router.get("/audit/head")
def audit_head(*, ctx: Ctx, key: Annotated[ApiKey, requires(*READERS)]) -> dict[str, Any]:
    """The newest event's seq and hash, to anchor elsewhere."""
    return ctx.store.audit_head()


@router.get("/events")
def events(
    *,
    after: Annotated[int, Query(ge=0, le=2**62)] = 0,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    stream: Annotated[str | None, Query(max_length=100, pattern=NO_NUL)] = None,
    ctx: Ctx,
    key: Annotated[ApiKey, requires(*READERS)],
) -> dict[str, Any]:
    """Audit events in order, paged with ``after`` (a seq)."""
    return {"items": ctx.store.events(stream, after_seq=after, limit=limit)}


@router.get("/accounts/{source}/{author_id}")
def account(
    *,
    source: Annotated[str, Path(min_length=1, max_length=200, pattern=NO_NUL)],
    author_id: Annotated[str, Path(min_length=1, max_length=512, pattern=NO_NUL)],
    ctx: Ctx,
    key: Annotated[ApiKey, requires(Role.ADMIN, Role.MODERATOR, Role.AUDITOR)],
) -> dict[str, Any]:
    """An author's unrevoked strikes, oldest first (read-only)."""
    from vigie.store.accounts import strike_history

    history = strike_history(ctx.store, [(source, author_id)])[(source, author_id)]
    return {
        "source": source,
        "author_id": author_id,
        "strikes": [{"at": at, "severity": str(sev)} for at, sev in history],
    }
