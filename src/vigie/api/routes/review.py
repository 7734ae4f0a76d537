"""The review queue: list, claim (lease), release, resolve (four-eyes on critical removals)."""

from __future__ import annotations

from dataclasses import asdict
from datetime import timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query

from vigie.api.auth import ApiKey, Role, requires
from vigie.api.context import Ctx
from vigie.api.schemas import NO_NUL, ClaimIn, ResolveIn
from vigie.categories import Category, Severity
from vigie.review.queue import ItemStatus
from vigie.store.columns import utcnow
from vigie.store.review import ReviewFilter, ReviewItem

router = APIRouter(prefix="/v1/review", tags=["review"])

ItemPath = Path(min_length=1, max_length=64, pattern=NO_NUL)


def item_json(item: ReviewItem) -> dict[str, Any]:
    out = asdict(item)
    out["priority"] = round(item.priority, 6)
    out["claimed"] = item.claimed(utcnow())
    return out


@router.get("")
def list_items(
    *,
    status: ItemStatus | None = None,
    category: Category | None = None,
    language: Annotated[str | None, Query(max_length=35, pattern=NO_NUL)] = None,
    severity: Severity | None = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    ctx: Ctx,
    key: Annotated[ApiKey, requires(Role.ADMIN, Role.MODERATOR, Role.AUDITOR)],
) -> dict[str, Any]:
    """Items matching the filters, highest priority first."""
    f = ReviewFilter(status, category, language, severity)
    return {"items": [item_json(i) for i in ctx.review.list_items(f, limit=limit)]}


@router.post("/claim")
def claim(
    *,
    body: ClaimIn,
    ctx: Ctx,
    key: Annotated[ApiKey, requires(Role.ADMIN, Role.MODERATOR)],
) -> dict[str, Any]:
    """Lease the highest-priority item you may take; ``{"item": null}`` when there is none."""
    lease = timedelta(seconds=body.lease_seconds or ctx.limits.lease_seconds)
    f = ReviewFilter(None, body.category, body.language, body.severity)
    item = ctx.review.claim(owner=key.key_id, person=key.name, lease=lease, f=f)
    return {"item": item_json(item) if item is not None else None}


@router.get("/{item_id}")
def get_item(
    *,
    item_id: Annotated[str, ItemPath],
    ctx: Ctx,
    key: Annotated[ApiKey, requires(Role.ADMIN, Role.MODERATOR, Role.AUDITOR)],
) -> dict[str, Any]:
    return item_json(ctx.review.get(item_id))


@router.post("/{item_id}/release")
def release(
    *,
    item_id: Annotated[str, ItemPath],
    ctx: Ctx,
    key: Annotated[ApiKey, requires(Role.ADMIN, Role.MODERATOR)],
) -> dict[str, Any]:
    """Give your lease back before it expires."""
    return item_json(ctx.review.release(item_id, owner=key.key_id))


@router.post("/{item_id}/resolve")
def resolve(
    *,
    body: ResolveIn,
    item_id: Annotated[str, ItemPath],
    ctx: Ctx,
    key: Annotated[ApiKey, requires(Role.ADMIN, Role.MODERATOR)],
) -> dict[str, Any]:
    """Resolve the item you hold a live lease on (409 otherwise). A critical removal first goes
    to ``confirming`` and needs a second, different moderator."""
    item = ctx.review.resolve(
        item_id,
        owner=key.key_id,
        person=key.name,
        outcome=body.outcome,
        reason=body.reason,
        actions=body.actions,
        ladder=ctx.live_ladder,
    )
    return item_json(item)
