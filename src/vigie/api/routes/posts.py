"""Posts: ingest (idempotent, revisions, decisions, reviews and actions in one transaction),
history, decisions, reach updates.

An ``ingest`` key's posts are stored under its own source whatever the body says, and it only
reads its own source: another source's post or decision answers 404, as if it did not exist.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Path

from vigie.api.auth import ApiKey, Role, requires
from vigie.api.context import Ctx
from vigie.api.schemas import NO_NUL, PostBatch, PostIn, ReachIn
from vigie.api.text import check_batch, check_text
from vigie.contract import decision_record
from vigie.errors import NotFoundError
from vigie.policy import PolicyDecider
from vigie.readers import post_from_mapping
from vigie.store.accounts import author_facts
from vigie.store.intake import save_routed
from vigie.store.lookup import find_decision
from vigie.store.policies import record_shadow

router = APIRouter(prefix="/v1", tags=["posts"])

SourcePath = Path(min_length=1, max_length=200, pattern=NO_NUL)
IdPath = Path(min_length=1, max_length=512, pattern=NO_NUL)


def _source_for(key: ApiKey, asked: str | None, default: str) -> str:
    if key.role is Role.INGEST and key.source:
        return key.source
    return asked or default


def _visible(key: ApiKey, source: str) -> bool:
    return key.role is not Role.INGEST or key.source == source


@router.post("/posts")
def ingest(
    *,
    body: PostIn | PostBatch,
    ctx: Ctx,
    key: Annotated[ApiKey, requires(Role.ADMIN, Role.INGEST)],
) -> dict[str, Any]:
    """Store and decide one post (``PostIn``) or a batch (``{"items": [...]}``).

    Sending the same ``(source, id, text)`` again stores nothing new and answers the same
    decision; a new text under the same id is a new revision with its own decision."""
    items = body.items if isinstance(body, PostBatch) else [body]
    check_batch(len(items), ctx.limits)
    posts = []
    for n, item in enumerate(items, start=1):
        raw = item.model_dump(mode="json", exclude_none=True)
        metadata = raw.pop("metadata", {})
        raw["text"] = check_text(item.text, n, ctx.limits)
        raw["source"] = _source_for(key, item.source, ctx.settings.input.source)
        posts.append(post_from_mapping({**metadata, **raw}, n, source=raw["source"]))
    pipeline, now = ctx.pipeline, datetime.now(UTC)
    live = pipeline.decider.compiled if isinstance(pipeline.decider, PolicyDecider) else None
    facts = author_facts(ctx.store, live.document.strikes if live else None, posts, now)
    assessments = [a.with_author(f) for a, f in zip(pipeline.assess_batch(posts), facts, strict=True)]
    decisions = [pipeline.decider.decide(a) for a in assessments]
    ladder = live.document.strikes if live else None
    routed = save_routed(ctx.store, list(zip(posts, decisions, strict=True)), ladder=ladder)
    if pipeline.shadow is not None:  # the candidate decides beside the live policy; it never acts
        record_shadow(
            ctx.store, [(d, pipeline.shadow.decide(a)) for d, a in zip(decisions, assessments, strict=True)]
        )
    out = [
        {
            "post": {"source": p.source, "id": p.id, "revision": r.revision, "created": r.created},
            "decision_id": d.id,
            "decision": decision_record(d),
            "review_item": r.review_item,
            "actions_queued": r.actions_queued,
        }
        for p, d, r in zip(posts, decisions, routed, strict=True)
    ]
    return {"items": out} if isinstance(body, PostBatch) else out[0]


@router.get("/posts/{source}/{post_id}")
def post_history(
    *,
    source: Annotated[str, SourcePath],
    post_id: Annotated[str, IdPath],
    ctx: Ctx,
    key: Annotated[ApiKey, requires(Role.ADMIN, Role.MODERATOR, Role.AUDITOR, Role.INGEST)],
) -> dict[str, Any]:
    """Every revision of a post, each with its decisions and events."""
    history = ctx.store.post_history(source, post_id) if _visible(key, source) else []
    if not history:
        raise NotFoundError(f"no post {post_id!r} in source {source!r}", code="post")
    return {"source": source, "id": post_id, "revisions": history}


@router.post("/posts/{source}/{post_id}/reach")
def update_reach(
    *,
    body: ReachIn,
    source: Annotated[str, SourcePath],
    post_id: Annotated[str, IdPath],
    ctx: Ctx,
    key: Annotated[ApiKey, requires(Role.ADMIN, Role.INGEST)],
) -> dict[str, Any]:
    """Update a post's reach; its unresolved review items are re-prioritised."""
    if not _visible(key, source):
        raise NotFoundError(f"no post {post_id!r} in source {source!r}", code="post")
    updated = ctx.review.update_reach(source, post_id, body.reach)
    return {"source": source, "id": post_id, "reach": body.reach, "review_items_updated": updated}


@router.get("/decisions/{decision_id}")
def get_decision(
    *,
    decision_id: Annotated[str, Path(min_length=1, max_length=128, pattern=NO_NUL)],
    ctx: Ctx,
    key: Annotated[ApiKey, requires(Role.ADMIN, Role.MODERATOR, Role.AUDITOR, Role.INGEST)],
) -> dict[str, Any]:
    """A stored decision as the analyze object, plus where it is stored."""
    found = find_decision(ctx.store, decision_id)
    if found is None or not _visible(key, found.decision.post.source):
        raise NotFoundError(f"no decision {decision_id!r}", code="decision")
    d = found.decision
    return {
        "decision_id": d.id,
        "source": d.post.source,
        "post_id": d.post.id,
        "revision": found.revision,
        "created_at": found.created_at,
        "decision": decision_record(d),
    }
