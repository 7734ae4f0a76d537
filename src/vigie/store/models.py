"""The tables, as SQLAlchemy 2 typed ORM classes.

The schema is owned by the Alembic migrations in :mod:`vigie.store.migrations`; these
classes mirror it (a test compares the two and fails on any drift). Tables:

``posts``
    One row **per revision** of a platform post. ``(source, post_id, revision)`` is unique;
    revision numbers count 1, 2, 3... per ``(source, post_id)``. ``pk`` identifies one exact
    text, which is what decisions and signals refer to.
``decisions``
    One row per decision about a revision; several decisions per revision are history
    (re-scoring under a new policy), the newest (highest ``pk``) is the current one.
``signals``
    Every detector's raw output behind a decision, so a policy can be backtested on stored
    signals without re-scoring.
``events``
    The append-only audit log. ``seq`` is gap-free and every row carries the hash of the
    previous one (see :mod:`vigie.store.audit`).
``audit_head``
    A single row (``id = 1``) holding the newest ``(seq, hash)``. Writers lock it first, which
    is what serializes appends; it is a lock and a cache, not a proof (anchor
    :meth:`vigie.store.Store.audit_head` elsewhere for that).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from vigie.store.columns import JSONDoc, UTCDateTime

__all__ = [
    "AuditHeadRow",
    "Base",
    "DecisionRow",
    "EventRow",
    "PolicyStateRow",
    "PolicyVersionRow",
    "PostRow",
    "ShadowResultRow",
    "SignalRow",
    "StrikeRow",
]

# SQLite only auto-increments INTEGER PRIMARY KEY; PostgreSQL gets a 64-bit identity.
BigPK = BigInteger().with_variant(Integer(), "sqlite")


class Base(DeclarativeBase):
    """Declarative base of the store's tables (no schema: PostgreSQL schemas come from search_path)."""


class PostRow(Base):
    __tablename__ = "posts"
    __table_args__ = (
        UniqueConstraint("source", "post_id", "revision", name="uq_posts_source_post_revision"),
        Index("ix_posts_source_post_hash", "source", "post_id", "text_hash"),
    )

    pk: Mapped[int] = mapped_column(BigPK, primary_key=True, autoincrement=True)
    source: Mapped[str] = mapped_column(String(200))
    post_id: Mapped[str] = mapped_column(String(512))
    revision: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    text_hash: Mapped[str] = mapped_column(String(64))
    author_id: Mapped[str | None] = mapped_column(String(512))
    parent_id: Mapped[str | None] = mapped_column(String(512))
    url: Mapped[str | None] = mapped_column(Text)
    lang_hint: Mapped[str | None] = mapped_column(String(35))
    posted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    reach: Mapped[dict[str, Any]] = mapped_column(JSONDoc)
    meta: Mapped[dict[str, Any]] = mapped_column("metadata", JSONDoc)
    ingested_at: Mapped[datetime] = mapped_column(UTCDateTime)


class DecisionRow(Base):
    __tablename__ = "decisions"
    __table_args__ = (UniqueConstraint("id", name="uq_decisions_id"),)

    pk: Mapped[int] = mapped_column(BigPK, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(128))
    post_pk: Mapped[int] = mapped_column(
        ForeignKey("posts.pk", name="fk_decisions_post_pk", ondelete="RESTRICT"), index=True
    )
    verdict: Mapped[str] = mapped_column(String(16))
    severity: Mapped[str] = mapped_column(String(16))
    violations: Mapped[list[str]] = mapped_column(JSONDoc)
    language: Mapped[str] = mapped_column(String(35))
    policy_name: Mapped[str] = mapped_column(String(200))
    policy_version: Mapped[str] = mapped_column(String(100))
    policy_hash: Mapped[str] = mapped_column(String(128))
    scores: Mapped[list[dict[str, Any]]] = mapped_column(JSONDoc)
    targets: Mapped[list[dict[str, Any]]] = mapped_column(JSONDoc)
    rule_hits: Mapped[list[str]] = mapped_column(JSONDoc)
    actions: Mapped[list[str]] = mapped_column(JSONDoc)
    truncated: Mapped[bool] = mapped_column(Boolean)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class SignalRow(Base):
    __tablename__ = "signals"

    pk: Mapped[int] = mapped_column(BigPK, primary_key=True, autoincrement=True)
    decision_id: Mapped[str] = mapped_column(
        ForeignKey("decisions.id", name="fk_signals_decision_id", ondelete="RESTRICT"), index=True
    )
    ordinal: Mapped[int] = mapped_column(Integer)
    detector: Mapped[str] = mapped_column(String(200))
    version: Mapped[str] = mapped_column(String(100))
    language: Mapped[str] = mapped_column(String(35))
    scores: Mapped[list[dict[str, Any]]] = mapped_column(JSONDoc)
    targets: Mapped[list[dict[str, Any]]] = mapped_column(JSONDoc)
    extras: Mapped[dict[str, Any]] = mapped_column(JSONDoc)
    truncated: Mapped[bool] = mapped_column(Boolean)


class EventRow(Base):
    __tablename__ = "events"
    __table_args__ = (
        Index("ix_events_stream_seq", "stream", "seq"),
        Index("ix_events_subject_seq", "subject", "seq"),
    )

    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    stream: Mapped[str] = mapped_column(String(100))
    type: Mapped[str] = mapped_column(String(100))
    subject: Mapped[str] = mapped_column(String(1100))
    payload: Mapped[dict[str, Any]] = mapped_column(JSONDoc)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AuditHeadRow(Base):
    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    seq: Mapped[int] = mapped_column(BigInteger)
    hash: Mapped[str] = mapped_column(String(64))


class PolicyVersionRow(Base):
    """Every policy that ever decided or shadowed, by content hash (the source text is kept for courts)."""

    __tablename__ = "policy_versions"
    __table_args__ = (UniqueConstraint("hash", name="uq_policy_versions_hash"),)

    pk: Mapped[int] = mapped_column(BigPK, primary_key=True, autoincrement=True)
    hash: Mapped[str] = mapped_column(String(128))
    name: Mapped[str] = mapped_column(String(200))
    version: Mapped[str] = mapped_column(String(100))
    document: Mapped[dict[str, Any]] = mapped_column(JSONDoc)
    source_text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class PolicyStateRow(Base):
    """Which policy is in force (``role = 'live'``) and which runs in shadow (``'shadow'``)."""

    __tablename__ = "policy_state"

    role: Mapped[str] = mapped_column(String(16), primary_key=True)
    policy_hash: Mapped[str] = mapped_column(
        ForeignKey("policy_versions.hash", name="fk_policy_state_hash", ondelete="RESTRICT")
    )
    activated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ShadowResultRow(Base):
    """What a shadow policy would have decided about a post the live policy decided."""

    __tablename__ = "shadow_results"
    __table_args__ = (
        Index("ix_shadow_results_policy_agrees", "policy_hash", "agrees"),
        UniqueConstraint("decision_id", "policy_hash", name="uq_shadow_results_decision_policy"),
    )

    pk: Mapped[int] = mapped_column(BigPK, primary_key=True, autoincrement=True)
    decision_id: Mapped[str] = mapped_column(
        ForeignKey("decisions.id", name="fk_shadow_results_decision_id", ondelete="RESTRICT")
    )
    policy_hash: Mapped[str] = mapped_column(String(128))
    verdict: Mapped[str] = mapped_column(String(16))
    severity: Mapped[str] = mapped_column(String(16))
    violations: Mapped[list[str]] = mapped_column(JSONDoc)
    rule_hits: Mapped[list[str]] = mapped_column(JSONDoc)
    agrees: Mapped[bool] = mapped_column(Boolean)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class StrikeRow(Base):
    """One strike against an account, from a final enforcement decision. Weight and expiry come from
    the strike ladder of the policy in force when standing is computed, so a ladder change applies to
    past strikes too (documented in docs/policy.md)."""

    __tablename__ = "strikes"
    __table_args__ = (
        Index("ix_strikes_account", "source", "author_id", "struck_at"),
        UniqueConstraint("decision_id", name="uq_strikes_decision_id"),
    )

    pk: Mapped[int] = mapped_column(BigPK, primary_key=True, autoincrement=True)
    source: Mapped[str] = mapped_column(String(200))
    author_id: Mapped[str] = mapped_column(String(512))
    decision_id: Mapped[str | None] = mapped_column(
        ForeignKey("decisions.id", name="fk_strikes_decision_id", ondelete="RESTRICT")
    )
    severity: Mapped[str] = mapped_column(String(16))
    categories: Mapped[list[str]] = mapped_column(JSONDoc)
    struck_at: Mapped[datetime] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    reason: Mapped[str | None] = mapped_column(Text)


from vigie.store import service_models as _service_models  # noqa: E402, F401  (the service tables, same Base)
