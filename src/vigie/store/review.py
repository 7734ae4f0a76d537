"""The review queue, persisted: items, leases, resolutions (the rules are in :mod:`vigie.review.queue`).

Leases. :meth:`ReviewRepository.claim` runs in one write transaction: it selects claimable
items (open or confirming, no live lease, not confirming an item the claimer decided
themselves) with ``FOR UPDATE SKIP LOCKED`` on PostgreSQL — rows another claimer holds are
skipped, never waited for or taken twice — and on SQLite under the database write lock
(``BEGIN IMMEDIATE``), which serializes claimers outright. It then takes the highest-priority
candidate and stamps its lease. Claims also append an audit event, and every audited write
holds the ``audit_head`` lock, so claims are serialized on both backends; SKIP LOCKED still
keeps them from blocking on rows locked by other, non-audited statements.

A lease belongs to a **key** (``lease_owner``); resolving needs a live lease of the caller's
own key, else :class:`~vigie.errors.ConflictError` (HTTP 409): the item may since have gone
to someone else.

Events (stream ``review``, subject ``post:<source>:<id>``, payload with ``post_pk``):
``review_queued``, ``review_claimed``, ``review_released``, ``review_first_decision``
(four-eyes, waiting for confirmation), ``review_resolved``, ``review_reach_updated``.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import or_, select

from vigie.categories import Category, Severity
from vigie.errors import ConflictError, NotFoundError
from vigie.policy.model import StrikeLadder
from vigie.review.queue import (
    OUTCOME_ACTIONS,
    ItemStatus,
    ReviewOutcome,
    needs_four_eyes,
    priority,
)
from vigie.store.accounts import NewStrike, add_strikes_in
from vigie.store.columns import utcnow
from vigie.store.models import PostRow
from vigie.store.outbox import OutboxRepository
from vigie.store.repo import Store, Writer, post_subject
from vigie.store.service_models import ReviewItemRow
from vigie.types import Decision

__all__ = ["ReviewFilter", "ReviewItem", "ReviewRepository"]

_CANDIDATES = 500
"""Claimable rows examined per claim (nearest deadlines first); priority is computed over them."""


@dataclass(frozen=True, slots=True)
class ReviewFilter:
    """Optional filters of listings and claims; ``None`` matches everything."""

    status: ItemStatus | None = None
    category: str | None = None
    language: str | None = None
    severity: Severity | None = None
    source: str | None = None


@dataclass(frozen=True, slots=True)
class ReviewItem:
    id: str
    decision_id: str
    post_pk: int
    source: str
    post_id: str
    category: str | None
    language: str
    severity: Severity
    reach: int
    status: ItemStatus
    deadline: datetime
    created_at: datetime
    lease_owner: str | None
    lease_expires_at: datetime | None
    first_reviewer: str | None
    first_outcome: str | None
    outcome: str | None
    reason: str | None
    resolved_by: str | None
    resolved_at: datetime | None
    priority: float

    def claimed(self, now: datetime) -> bool:
        return self.lease_expires_at is not None and self.lease_expires_at > now


def _item(r: ReviewItemRow, now: datetime) -> ReviewItem:
    return ReviewItem(
        id=r.id,
        decision_id=r.decision_id,
        post_pk=r.post_pk,
        source=r.source,
        post_id=r.post_id,
        category=r.category,
        language=r.language,
        severity=Severity(r.severity),
        reach=r.reach,
        status=ItemStatus(r.status),
        deadline=r.deadline,
        created_at=r.created_at,
        lease_owner=r.lease_owner,
        lease_expires_at=r.lease_expires_at,
        first_reviewer=r.first_reviewer,
        first_outcome=r.first_outcome,
        outcome=r.outcome,
        reason=r.reason,
        resolved_by=r.resolved_by,
        resolved_at=r.resolved_at,
        priority=priority(r.severity, r.reach, r.deadline, now),
    )


def _filtered(q: Any, f: ReviewFilter) -> Any:
    R = ReviewItemRow
    if f.status is not None:
        q = q.where(R.status == f.status.value)
    if f.category is not None:
        q = q.where(R.category == f.category)
    if f.language is not None:
        q = q.where(R.language == f.language)
    if f.severity is not None:
        q = q.where(R.severity == f.severity.value)
    if f.source is not None:
        q = q.where(R.source == f.source)
    return q


class ReviewRepository:
    """Review items in a :class:`~vigie.store.Store` (see the module docstring)."""

    def __init__(self, store: Store) -> None:
        self._store = store

    @staticmethod
    def add_in(w: Writer, decision: Decision, *, post_pk: int, deadline: datetime, reach: int = 0) -> str:
        """Queue ``decision`` for review inside ``w`` (idempotent per decision). Returns the item id."""
        existing = w.session.scalar(select(ReviewItemRow.id).where(ReviewItemRow.decision_id == decision.id))
        if existing is not None:
            return existing
        post = decision.post
        item_id = str(uuid.uuid5(uuid.NAMESPACE_URL, f"vigie:review:{decision.id}"))
        now = utcnow()
        w.session.add(
            ReviewItemRow(
                id=item_id,
                decision_id=decision.id,
                post_pk=post_pk,
                source=post.source,
                post_id=post.id,
                category=str(decision.violations[0]) if decision.violations else None,
                language=decision.language,
                severity=str(decision.severity),
                reach=max(0, reach),
                status=ItemStatus.OPEN.value,
                deadline=deadline,
                created_at=now,
                lease_owner=None,
                lease_person=None,
                lease_expires_at=None,
                first_reviewer=None,
                first_outcome=None,
                first_actions=[],
                outcome=None,
                reason=None,
                resolved_by=None,
                resolved_at=None,
            )
        )
        w.session.flush()
        w.event(
            "review",
            "review_queued",
            post_subject(post.source, post.id),
            {"post_pk": post_pk, "item": item_id, "decision_id": decision.id, "deadline": deadline},
        )
        return item_id

    def get(self, item_id: str) -> ReviewItem:
        with self._store.reading() as session:
            row = session.scalar(select(ReviewItemRow).where(ReviewItemRow.id == item_id))
            if row is None:
                raise NotFoundError(f"no review item {item_id!r}", code="review_item")
            return _item(row, utcnow())

    def list_items(self, f: ReviewFilter = ReviewFilter(), *, limit: int = 100) -> list[ReviewItem]:
        """Items matching ``f``, highest priority first (unresolved) or newest first (resolved)."""
        now = utcnow()
        q = _filtered(select(ReviewItemRow), f).order_by(ReviewItemRow.deadline).limit(max(limit, 1) * 5)
        with self._store.reading() as session:
            items = [_item(r, now) for r in session.scalars(q)]
        items.sort(key=lambda i: (i.status is ItemStatus.RESOLVED, -i.priority, i.deadline))
        return items[:limit]

    def claim(
        self,
        *,
        owner: str,
        person: str,
        lease: timedelta,
        f: ReviewFilter = ReviewFilter(),
        now: datetime | None = None,
    ) -> ReviewItem | None:
        """Lease the highest-priority claimable item to key ``owner`` (held by ``person``), or None."""
        now = now or utcnow()
        R = ReviewItemRow
        q = _filtered(select(R), ReviewFilter(None, f.category, f.language, f.severity, f.source))
        q = (
            q.where(
                R.status.in_([ItemStatus.OPEN.value, ItemStatus.CONFIRMING.value]),
                or_(R.lease_expires_at.is_(None), R.lease_expires_at <= now),
                or_(R.first_reviewer.is_(None), R.first_reviewer != person),
            )
            .order_by(R.deadline, R.pk)
            .limit(_CANDIDATES)
            .with_for_update(skip_locked=True)
        )
        with self._store.transaction() as w:
            rows: list[ReviewItemRow] = list(w.session.scalars(q))
            if not rows:
                return None
            best = max(rows, key=lambda r: (priority(r.severity, r.reach, r.deadline, now), -r.pk))
            best.lease_owner, best.lease_person, best.lease_expires_at = owner, person, now + lease
            w.session.flush()
            w.event(
                "review",
                "review_claimed",
                post_subject(best.source, best.post_id),
                {"post_pk": best.post_pk, "item": best.id, "by": person, "key": owner, "until": now + lease},
            )
            return _item(best, now)

    def release(self, item_id: str, *, owner: str) -> ReviewItem:
        """Give a lease back early. ConflictError when the caller holds no live lease on it."""
        now = utcnow()
        with self._store.transaction() as w:
            row = self._leased(w, item_id, owner, now)
            row.lease_owner, row.lease_person, row.lease_expires_at = None, None, None
            w.session.flush()
            w.event(
                "review",
                "review_released",
                post_subject(row.source, row.post_id),
                {"post_pk": row.post_pk, "item": row.id},
            )
            return _item(row, now)

    def resolve(
        self,
        item_id: str,
        *,
        owner: str,
        person: str,
        outcome: ReviewOutcome,
        reason: str,
        actions: Sequence[str] = (),
        now: datetime | None = None,
        ladder: StrikeLadder | None = None,
    ) -> ReviewItem:
        """Resolve a leased item (four-eyes on critical removals; see :mod:`vigie.review.queue`).
        A confirmed removal strikes the author; under ``ladder`` (the live policy's) the ladder step
        it makes them reach is audited in the same transaction.

        The outcome's actions (``actions``, or the outcome's defaults) are queued in the outbox in
        the same transaction. Raises ConflictError when the caller's lease is missing, expired or
        someone else's, or when the confirming moderator is the one who decided first."""
        now = now or utcnow()
        chosen = list(actions) or list(OUTCOME_ACTIONS[outcome])
        with self._store.transaction() as w:
            row = self._leased(w, item_id, owner, now)
            subject = post_subject(row.source, row.post_id)
            base: dict[str, Any] = {
                "post_pk": row.post_pk,
                "item": row.id,
                "outcome": outcome.value,
                "by": person,
            }
            if row.status == ItemStatus.CONFIRMING.value and row.first_reviewer == person:
                raise ConflictError(
                    f"review item {item_id} needs a second moderator: {person} decided it first",
                    code="four_eyes",
                )
            confirming = row.status == ItemStatus.CONFIRMING.value
            if not confirming and needs_four_eyes(row.severity, outcome):
                row.status = ItemStatus.CONFIRMING.value
                row.first_reviewer, row.first_outcome, row.first_actions = person, outcome.value, chosen
                row.lease_owner, row.lease_person, row.lease_expires_at = None, None, None
                w.session.flush()
                w.event(
                    "review", "review_first_decision", subject, base | {"reason": reason, "actions": chosen}
                )
                return _item(row, now)
            if confirming and outcome is ReviewOutcome.REMOVE:
                chosen = list(dict.fromkeys([*row.first_actions, *chosen]))
            row.status, row.outcome, row.reason = ItemStatus.RESOLVED.value, outcome.value, reason
            row.resolved_by, row.resolved_at = person, now
            if outcome is ReviewOutcome.REMOVE:  # final enforcement after review: the author is struck
                _strike_author(w, row, now, reason=f"review {row.id}: {reason}", ladder=ladder)
            row.lease_owner, row.lease_person, row.lease_expires_at = None, None, None
            w.session.flush()
            w.event(
                "review",
                "review_resolved",
                subject,
                base | {"reason": reason, "actions": chosen, "first_reviewer": row.first_reviewer},
            )
            OutboxRepository.enqueue_in(
                w,
                scope=f"review:{row.id}",
                actions=chosen,
                source=row.source,
                post_id=row.post_id,
                post_pk=row.post_pk,
                decision_id=row.decision_id,
                body={"origin": "review", "review_item": row.id, "outcome": outcome.value, "reason": reason},
            )
            return _item(row, now)

    def update_reach(self, source: str, post_id: str, reach: int) -> int:
        """Set the reach of the post's unresolved items (it feeds priority). Returns items updated."""
        with self._store.transaction() as w:
            rows = list(
                w.session.scalars(
                    select(ReviewItemRow).where(
                        ReviewItemRow.source == source,
                        ReviewItemRow.post_id == post_id,
                        ReviewItemRow.status != ItemStatus.RESOLVED.value,
                    )
                )
            )
            for r in rows:
                r.reach = max(0, reach)
                w.event(
                    "review",
                    "review_reach_updated",
                    post_subject(source, post_id),
                    {"post_pk": r.post_pk, "item": r.id, "reach": r.reach},
                )
            w.session.flush()
            return len(rows)

    @staticmethod
    def _leased(w: Writer, item_id: str, owner: str, now: datetime) -> ReviewItemRow:
        row = w.session.scalar(select(ReviewItemRow).where(ReviewItemRow.id == item_id).with_for_update())
        if row is None:
            raise NotFoundError(f"no review item {item_id!r}", code="review_item")
        if row.status == ItemStatus.RESOLVED.value:
            raise ConflictError(f"review item {item_id} is already resolved", code="resolved")
        if row.lease_owner != owner or row.lease_expires_at is None or row.lease_expires_at <= now:
            raise ConflictError(
                f"you hold no live lease on review item {item_id}: claim it first (it may have expired "
                "or gone to someone else)",
                code="lease",
            )
        return row


def _strike_author(
    w: Writer, row: ReviewItemRow, now: datetime, *, reason: str, ladder: StrikeLadder | None
) -> None:
    post = w.session.get(PostRow, row.post_pk)
    if post is None or not post.author_id:
        return
    add_strikes_in(
        w,
        [
            NewStrike(
                source=row.source,
                author_id=post.author_id,
                decision_id=row.decision_id,
                severity=Severity(row.severity),
                categories=(Category(row.category),) if row.category else (),
                struck_at=post.posted_at or now,
                reason=reason,
            )
        ],
        ladder,
    )
