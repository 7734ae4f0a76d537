"""Webhook endpoints and the actions outbox, persisted (the rules are in :mod:`vigie.actions.outbox`).

Rows are written by :meth:`OutboxRepository.enqueue_in` inside the caller's transaction (the
one that records the decision or the review resolution). Workers take due rows with
:meth:`OutboxRepository.lease_due`: on PostgreSQL ``FOR UPDATE SKIP LOCKED`` so concurrent
workers never wait on or double-take a row; on SQLite the transaction holds the database
write lock. A taken row carries ``lease_until``; until then no other worker takes it, and
after it (the worker died) it is due again, which is how a crash between delivery and its
record re-delivers with the same ``action_key``.

Events (stream ``actions``, subject ``post:<source>:<id>``): ``action_queued`` per row,
``action_delivered``, ``action_failed``, ``action_dead``, ``action_requeued``; and
``endpoint_added`` / ``endpoint_disabled`` on stream ``webhooks``.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import or_, select

from vigie.actions.outbox import OutboxStatus, RetryPolicy, action_key, external_actions
from vigie.errors import ConflictError, InputError, NotFoundError
from vigie.store import codec
from vigie.store.columns import utcnow
from vigie.store.repo import Store, Writer, post_subject
from vigie.store.service_models import OutboxRow, WebhookEndpointRow

__all__ = ["Endpoint", "OutboxItem", "OutboxRepository"]


@dataclass(frozen=True, slots=True)
class Endpoint:
    """A webhook receiver. ``actions`` empty means every action."""

    name: str
    url: str
    secret: str
    actions: tuple[str, ...]
    active: bool

    def wants(self, action: str) -> bool:
        return self.active and (not self.actions or action in self.actions)


@dataclass(frozen=True, slots=True)
class OutboxItem:
    """One action for one endpoint, with its delivery state."""

    pk: int
    action_key: str
    endpoint: str
    action: str
    decision_id: str | None
    source: str
    post_id: str
    payload: Mapping[str, Any]
    status: OutboxStatus
    attempts: int
    next_attempt_at: datetime
    last_error: str | None
    created_at: datetime
    delivered_at: datetime | None


def _endpoint(r: WebhookEndpointRow) -> Endpoint:
    return Endpoint(r.name, r.url, r.secret, tuple(r.actions), r.active)


def _item(r: OutboxRow) -> OutboxItem:
    return OutboxItem(
        pk=r.pk,
        action_key=r.action_key,
        endpoint=r.endpoint,
        action=r.action,
        decision_id=r.decision_id,
        source=r.source,
        post_id=r.post_id,
        payload=r.payload,
        status=OutboxStatus(r.status),
        attempts=r.attempts,
        next_attempt_at=r.next_attempt_at,
        last_error=r.last_error,
        created_at=r.created_at,
        delivered_at=r.delivered_at,
    )


class OutboxRepository:
    """Endpoints and outbox rows in a :class:`~vigie.store.Store`."""

    def __init__(self, store: Store) -> None:
        self._store = store

    # -- endpoints ----------------------------------------------------------------------------

    def add_endpoint(
        self, name: str, url: str, *, secret: str | None = None, actions: Sequence[str] = ()
    ) -> Endpoint:
        """Register a receiver; a random secret is generated unless given. Returns it with its secret."""
        if not url.startswith(("http://", "https://")):
            raise InputError(f"webhook URL must be http(s): {url!r}", code="webhook_url")
        if not name or len(name) > 100:
            raise InputError("a webhook endpoint needs a name of 1-100 characters", code="webhook_name")
        row = WebhookEndpointRow(
            name=name,
            url=url,
            secret=secret or secrets.token_urlsafe(32),
            actions=list(actions),
            active=True,
            created_at=utcnow(),
        )
        with self._store.transaction() as w:
            if w.session.scalar(select(WebhookEndpointRow).where(WebhookEndpointRow.name == name)):
                raise ConflictError(f"webhook endpoint {name!r} already exists", code="webhook_exists")
            w.session.add(row)
            w.session.flush()
            w.event("webhooks", "endpoint_added", f"webhook:{name}", {"url": url, "actions": list(actions)})
            return _endpoint(row)

    def disable_endpoint(self, name: str) -> None:
        """Stop routing new actions to ``name`` (rows already queued for it stay)."""
        with self._store.transaction() as w:
            row = w.session.scalar(select(WebhookEndpointRow).where(WebhookEndpointRow.name == name))
            if row is None:
                raise NotFoundError(f"no webhook endpoint {name!r}", code="webhook")
            if row.active:
                row.active = False
                w.event("webhooks", "endpoint_disabled", f"webhook:{name}", {})

    def endpoints(self) -> list[Endpoint]:
        with self._store.reading() as session:
            return [
                _endpoint(r)
                for r in session.scalars(select(WebhookEndpointRow).order_by(WebhookEndpointRow.pk))
            ]

    # -- writing rows -------------------------------------------------------------------------

    @staticmethod
    def enqueue_in(
        w: Writer,
        *,
        scope: str,
        actions: Sequence[str],
        source: str,
        post_id: str,
        post_pk: int | None,
        decision_id: str | None,
        body: Mapping[str, Any],
    ) -> int:
        """Queue every external action for every subscribed active endpoint, inside ``w``.

        ``body`` is merged into each delivered payload (decision summary, review outcome).
        Rows whose ``(action_key, endpoint)`` already exist are skipped. Returns rows written."""
        wanted = external_actions(actions)
        if not wanted:
            return 0
        endpoints = [
            _endpoint(r)
            for r in w.session.scalars(select(WebhookEndpointRow).order_by(WebhookEndpointRow.pk))
        ]
        now, written = utcnow(), 0
        clean_body = codec.to_json_value(dict(body))
        for action in wanted:
            key = action_key(scope, action)
            targets = [e for e in endpoints if e.wants(action)]
            existing = set(w.session.scalars(select(OutboxRow.endpoint).where(OutboxRow.action_key == key)))
            for endpoint in targets:
                if endpoint.name in existing:
                    continue
                payload = {
                    **clean_body,
                    "action": action,
                    "action_key": key,
                    "source": source,
                    "post_id": post_id,
                    "decision_id": decision_id,
                }
                w.session.add(
                    OutboxRow(
                        action_key=key,
                        endpoint=endpoint.name,
                        action=action,
                        decision_id=decision_id,
                        source=source,
                        post_id=post_id,
                        payload=payload,
                        status=OutboxStatus.PENDING.value,
                        attempts=0,
                        next_attempt_at=now,
                        lease_until=None,
                        last_error=None,
                        created_at=now,
                        delivered_at=None,
                    )
                )
                written += 1
                w.event(
                    "actions",
                    "action_queued",
                    post_subject(source, post_id),
                    {"post_pk": post_pk, "action": action, "action_key": key, "endpoint": endpoint.name},
                )
        w.session.flush()
        return written

    # -- delivery -----------------------------------------------------------------------------

    def lease_due(
        self, *, limit: int = 20, lease: timedelta = timedelta(seconds=60), now: datetime | None = None
    ) -> list[tuple[OutboxItem, Endpoint | None]]:
        """Take up to ``limit`` due pending rows for ``lease`` (see the module docstring), oldest first,
        each with its endpoint (None when the endpoint was deleted)."""
        now = now or utcnow()
        with self._store.transaction() as w:
            q = (
                select(OutboxRow)
                .where(
                    OutboxRow.status == OutboxStatus.PENDING.value,
                    OutboxRow.next_attempt_at <= now,
                    or_(OutboxRow.lease_until.is_(None), OutboxRow.lease_until <= now),
                )
                .order_by(OutboxRow.next_attempt_at, OutboxRow.pk)
                .limit(limit)
                .with_for_update(skip_locked=True)
            )
            rows = list(w.session.scalars(q))
            names = {r.endpoint for r in rows}
            endpoints = {
                e.name: _endpoint(e)
                for e in w.session.scalars(
                    select(WebhookEndpointRow).where(WebhookEndpointRow.name.in_(names))
                )
            }
            for r in rows:
                r.lease_until = now + lease
            w.session.flush()
            return [(_item(r), endpoints.get(r.endpoint)) for r in rows]

    def mark_delivered(self, pk: int, *, status_code: int | None = None) -> None:
        with self._store.transaction() as w:
            row = self._row(w, pk)
            row.status, row.delivered_at, row.lease_until = OutboxStatus.DELIVERED.value, utcnow(), None
            row.attempts += 1
            w.event(
                "actions",
                "action_delivered",
                post_subject(row.source, row.post_id),
                self._ev(row, status_code),
            )

    def mark_failed(
        self, pk: int, error: str, *, retry: RetryPolicy, now: datetime | None = None
    ) -> OutboxStatus:
        """Record a failed attempt: schedule the next one, or make the row a dead letter."""
        now = now or utcnow()
        with self._store.transaction() as w:
            row = self._row(w, pk)
            row.attempts += 1
            row.last_error = error[:2000]
            row.lease_until = None
            subject = post_subject(row.source, row.post_id)
            if retry.gives_up(row.attempts):
                row.status = OutboxStatus.DEAD.value
                w.event("actions", "action_dead", subject, self._ev(row, None) | {"error": row.last_error})
            else:
                row.next_attempt_at = now + retry.delay(row.attempts)
                w.event("actions", "action_failed", subject, self._ev(row, None) | {"error": row.last_error})
            return OutboxStatus(row.status)

    def requeue(self, pk: int) -> OutboxItem:
        """Put a dead letter back in line (attempts restart at 0). Raises ConflictError if not dead."""
        with self._store.transaction() as w:
            row = self._row(w, pk)
            if row.status != OutboxStatus.DEAD.value:
                raise ConflictError(
                    f"outbox item {pk} is {row.status}, only dead items are requeued", code="not_dead"
                )
            row.status, row.attempts, row.next_attempt_at = OutboxStatus.PENDING.value, 0, utcnow()
            w.event("actions", "action_requeued", post_subject(row.source, row.post_id), self._ev(row, None))
            w.session.flush()
            return _item(row)

    def items(
        self,
        *,
        status: OutboxStatus | None = None,
        source: str | None = None,
        limit: int = 100,
        after: int = 0,
    ) -> list[OutboxItem]:
        """Rows in creation order, optionally filtered, paged with ``after`` (a ``pk``)."""
        q = select(OutboxRow).where(OutboxRow.pk > after).order_by(OutboxRow.pk).limit(limit)
        if status is not None:
            q = q.where(OutboxRow.status == status.value)
        if source is not None:
            q = q.where(OutboxRow.source == source)
        with self._store.reading() as session:
            return [_item(r) for r in session.scalars(q)]

    @staticmethod
    def _row(w: Writer, pk: int) -> OutboxRow:
        row = w.session.get(OutboxRow, pk)
        if row is None:
            raise NotFoundError(f"no outbox item {pk}", code="outbox")
        return row

    @staticmethod
    def _ev(row: OutboxRow, status_code: int | None) -> dict[str, Any]:
        return {
            "action": row.action,
            "action_key": row.action_key,
            "endpoint": row.endpoint,
            "attempts": row.attempts,
            "status_code": status_code,
        }
