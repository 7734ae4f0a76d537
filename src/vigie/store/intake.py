"""Service intake: store posts and decisions, queue reviews and actions — in **one** transaction.

This is :meth:`vigie.store.Store.save_batch` plus the service's consequences of each newly
recorded decision: a review item when :func:`vigie.review.queue.needs_review` says so, and
outbox rows for its external actions. Because all of it commits together, a process killed at
any point leaves either nothing or the decision *with* its pending actions, never a decision
whose actions are lost (the worker then delivers what is pending).

A decision that was already stored (the same text sent again) is not recorded twice and
queues nothing again, which is what makes ``POST /v1/posts`` idempotent.

It is :meth:`Store.save_batch` with an ``on_recorded`` hook, which runs inside the batch's
transaction for each newly recorded decision.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from vigie.categories import Verdict
from vigie.policy.model import StrikeLadder
from vigie.review.queue import needs_review, review_deadline
from vigie.store.accounts import add_strikes_in, final_removal_strike
from vigie.store.columns import utcnow
from vigie.store.outbox import OutboxRepository
from vigie.store.repo import IngestResult, Store, Writer
from vigie.store.review import ReviewRepository
from vigie.types import Decision, Post

__all__ = ["Routed", "save_routed"]


@dataclass(frozen=True, slots=True)
class Routed:
    """Where one post and its decision landed."""

    post_pk: int
    revision: int
    created: bool
    """A new revision was stored (False: the same text was already the latest)."""
    recorded: bool
    """The decision was new (False: already stored; nothing was queued again)."""
    review_item: str | None
    actions_queued: int


def reach_total(post: Post) -> int:
    """One number for a post's reach counters: the largest (views usually dominates)."""
    return max((int(v) for v in post.reach.values()), default=0)


def save_routed(
    store: Store,
    pairs: Sequence[tuple[Post, Decision]],
    *,
    now: datetime | None = None,
    ladder: StrikeLadder | None = None,
) -> list[Routed]:
    """Ingest, record, queue reviews and actions for ``pairs``, in one transaction, in order.
    ``ladder``: the live policy's strike ladder, under which an automatic removal's strike audits
    the ladder step it makes its author reach (:func:`~vigie.store.accounts.add_strikes_in`)."""
    if not pairs:
        return []
    now = now or utcnow()
    routed: dict[int, tuple[str | None, int]] = {}

    def route(w: Writer, p: Post, r: IngestResult, d: Decision) -> None:
        item: str | None = None
        queued = 0
        if needs_review(d):
            deadline = review_deadline(d, now, d.review_within)
            item = ReviewRepository.add_in(w, d, post_pk=r.post_pk, deadline=deadline, reach=reach_total(p))
        if d.verdict is not Verdict.ALLOW or d.actions:
            queued = OutboxRepository.enqueue_in(
                w,
                scope=d.id,
                actions=d.actions,
                source=p.source,
                post_id=p.id,
                post_pk=r.post_pk,
                decision_id=d.id,
                body={
                    "origin": "decision",
                    "verdict": str(d.verdict),
                    "severity": str(d.severity),
                    "violations": [str(c) for c in d.violations],
                    "policy": {"name": d.policy.name, "version": d.policy.version, "hash": d.policy.hash},
                },
            )
        strike = final_removal_strike(d, now)
        if strike is not None:  # an automatic removal is final: its author is struck in this transaction
            add_strikes_in(w, [strike], ladder)
        routed[id(d)] = (item, queued)

    results = store.save_batch(pairs, on_recorded=route)
    out: list[Routed] = []
    for r, (_, d) in zip(results, pairs, strict=True):
        hit = routed.pop(id(d), None)
        item, queued = hit if hit is not None else (None, 0)
        out.append(Routed(r.post_pk, r.revision, r.created, hit is not None, item, queued))
    return out
