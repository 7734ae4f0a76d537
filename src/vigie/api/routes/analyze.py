"""``POST /v1/analyze``: score and decide without storing (the ``vigie analyze`` object)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter

from vigie.api.auth import ApiKey, Role, requires
from vigie.api.context import Ctx
from vigie.api.schemas import AnalyzeBatch, AnalyzeIn
from vigie.api.text import check_batch, check_text
from vigie.contract import decision_record
from vigie.types import Post

router = APIRouter(prefix="/v1", tags=["analyze"])


@router.post("/analyze")
def analyze(
    *,
    body: AnalyzeIn | AnalyzeBatch,
    ctx: Ctx,
    key: Annotated[ApiKey, requires(Role.ADMIN, Role.MODERATOR, Role.INGEST)],
) -> dict[str, Any]:
    """``{"text", "lang"?}`` gives one decision object; ``{"items": [...]}`` gives ``{"items": [...]}``."""
    items = body.items if isinstance(body, AnalyzeBatch) else [body]
    check_batch(len(items), ctx.limits)
    posts = []
    for n, item in enumerate(items, start=1):
        text = check_text(item.text, n, ctx.limits)
        posts.append(Post(id=item.id, text=text, source=key.source or "api", lang_hint=item.lang))
    records = [decision_record(d) for d in ctx.pipeline.run_batch(posts)]
    return {"items": records} if isinstance(body, AnalyzeBatch) else records[0]
