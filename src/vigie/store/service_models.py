"""The service's tables (API keys, review queue, webhook endpoints, actions outbox), on the store's ``Base``.

Owned by migration ``0003_service``; ``tests/store/test_migrations.py`` fails on any drift.

``api_keys``
    One row per key. Only ``sha256(token)`` is stored; ``key_id`` is the public handle shown in
    listings and used to revoke. ``name`` is the person or service the key belongs to (four-eyes
    compares names, not keys, so one person with two keys is still one person).
``review_items``
    One row per decision that needs a human. ``status`` is ``open``, ``confirming`` (a critical
    removal waiting for a second moderator) or ``resolved``. A lease (``lease_owner``,
    ``lease_expires_at``) hides a claimed item from other claimers until it expires.
``webhook_endpoints``
    Where actions are delivered, with a secret of their own (HMAC key, stored as given: the
    worker needs it to sign) and the actions they subscribe to (empty: all).
``outbox``
    One row per (action, endpoint), written in the transaction that decided the action.
    ``action_key`` is the idempotency key receivers use to drop duplicates: the same for every
    delivery attempt and every endpoint of one action.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from vigie.store.columns import JSONDoc, UTCDateTime
from vigie.store.models import Base, BigPK

__all__ = ["ApiKeyRow", "OutboxRow", "ReviewItemRow", "WebhookEndpointRow"]


class ApiKeyRow(Base):
    __tablename__ = "api_keys"
    __table_args__ = (
        UniqueConstraint("key_id", name="uq_api_keys_key_id"),
        UniqueConstraint("key_hash", name="uq_api_keys_key_hash"),
    )

    pk: Mapped[int] = mapped_column(BigPK, primary_key=True, autoincrement=True)
    key_id: Mapped[str] = mapped_column(String(32))
    key_hash: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    source: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class ReviewItemRow(Base):
    __tablename__ = "review_items"
    __table_args__ = (
        UniqueConstraint("id", name="uq_review_items_id"),
        UniqueConstraint("decision_id", name="uq_review_items_decision_id"),
        Index("ix_review_items_status_deadline", "status", "deadline"),
        Index("ix_review_items_source_post", "source", "post_id"),
    )

    pk: Mapped[int] = mapped_column(BigPK, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(64))
    decision_id: Mapped[str] = mapped_column(
        ForeignKey("decisions.id", name="fk_review_items_decision_id", ondelete="RESTRICT")
    )
    post_pk: Mapped[int] = mapped_column(BigInteger)
    source: Mapped[str] = mapped_column(String(200))
    post_id: Mapped[str] = mapped_column(String(512))
    category: Mapped[str | None] = mapped_column(String(40))
    language: Mapped[str] = mapped_column(String(35))
    severity: Mapped[str] = mapped_column(String(16))
    reach: Mapped[int] = mapped_column(BigInteger)
    status: Mapped[str] = mapped_column(String(16))
    deadline: Mapped[datetime] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    lease_owner: Mapped[str | None] = mapped_column(String(32))
    lease_person: Mapped[str | None] = mapped_column(String(200))
    lease_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    first_reviewer: Mapped[str | None] = mapped_column(String(200))
    first_outcome: Mapped[str | None] = mapped_column(String(40))
    first_actions: Mapped[list[str]] = mapped_column(JSONDoc)
    outcome: Mapped[str | None] = mapped_column(String(40))
    reason: Mapped[str | None] = mapped_column(Text)
    resolved_by: Mapped[str | None] = mapped_column(String(200))
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class WebhookEndpointRow(Base):
    __tablename__ = "webhook_endpoints"
    __table_args__ = (UniqueConstraint("name", name="uq_webhook_endpoints_name"),)

    pk: Mapped[int] = mapped_column(BigPK, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(100))
    url: Mapped[str] = mapped_column(Text)
    secret: Mapped[str] = mapped_column(String(200))
    actions: Mapped[list[str]] = mapped_column(JSONDoc)
    active: Mapped[bool] = mapped_column(Boolean)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class OutboxRow(Base):
    __tablename__ = "outbox"
    __table_args__ = (
        UniqueConstraint("action_key", "endpoint", name="uq_outbox_action_endpoint"),
        Index("ix_outbox_status_next", "status", "next_attempt_at"),
    )

    pk: Mapped[int] = mapped_column(BigPK, primary_key=True, autoincrement=True)
    action_key: Mapped[str] = mapped_column(String(64))
    endpoint: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(100))
    decision_id: Mapped[str | None] = mapped_column(String(128))
    source: Mapped[str] = mapped_column(String(200))
    post_id: Mapped[str] = mapped_column(String(512))
    payload: Mapped[dict[str, Any]] = mapped_column(JSONDoc)
    status: Mapped[str] = mapped_column(String(16))
    attempts: Mapped[int] = mapped_column(Integer)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime)
    lease_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    delivered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
