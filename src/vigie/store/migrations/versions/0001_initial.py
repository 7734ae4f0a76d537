"""Initial store: posts (one row per revision), decisions, signals, events, audit_head.

Revision ID: 0001
Revises:
Create Date: 2025-11-29

Written by hand and checked against :mod:`vigie.store.models` by
``tests/store/test_migrations.py`` (autogenerate must find no difference).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

GENESIS_HASH = "0" * 64


def _json() -> sa.types.TypeEngine[Any]:
    return sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def _pk() -> sa.types.TypeEngine[int]:
    return sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def _ts() -> sa.DateTime:
    return sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "posts",
        sa.Column("pk", _pk(), primary_key=True, autoincrement=True),
        sa.Column("source", sa.String(200), nullable=False),
        sa.Column("post_id", sa.String(512), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("text_hash", sa.String(64), nullable=False),
        sa.Column("author_id", sa.String(512), nullable=True),
        sa.Column("parent_id", sa.String(512), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("lang_hint", sa.String(35), nullable=True),
        sa.Column("posted_at", _ts(), nullable=True),
        sa.Column("reach", _json(), nullable=False),
        sa.Column("metadata", _json(), nullable=False),
        sa.Column("ingested_at", _ts(), nullable=False),
        sa.UniqueConstraint("source", "post_id", "revision", name="uq_posts_source_post_revision"),
    )
    op.create_index("ix_posts_source_post_hash", "posts", ["source", "post_id", "text_hash"])

    op.create_table(
        "decisions",
        sa.Column("pk", _pk(), primary_key=True, autoincrement=True),
        sa.Column("id", sa.String(128), nullable=False),
        sa.Column(
            "post_pk",
            _pk(),
            sa.ForeignKey("posts.pk", name="fk_decisions_post_pk", ondelete="RESTRICT"),
            nullable=False,
        ),
        sa.Column("verdict", sa.String(16), nullable=False),
        sa.Column("severity", sa.String(16), nullable=False),
        sa.Column("violations", _json(), nullable=False),
        sa.Column("language", sa.String(35), nullable=False),
        sa.Column("policy_name", sa.String(200), nullable=False),
        sa.Column("policy_version", sa.String(100), nullable=False),
        sa.Column("policy_hash", sa.String(128), nullable=False),
        sa.Column("scores", _json(), nullable=False),
        sa.Column("targets", _json(), nullable=False),
        sa.Column("rule_hits", _json(), nullable=False),
        sa.Column("actions", _json(), nullable=False),
        sa.Column("truncated", sa.Boolean(), nullable=False),
        sa.Column("created_at", _ts(), nullable=False),
        sa.UniqueConstraint("id", name="uq_decisions_id"),
    )
    op.create_index("ix_decisions_post_pk", "decisions", ["post_pk"])

    op.create_table(
        "signals",
        sa.Column("pk", _pk(), primary_key=True, autoincrement=True),
        sa.Column(
            "decision_id",
            sa.String(128),
            sa.ForeignKey("decisions.id", name="fk_signals_decision_id", ondelete="RESTRICT"),
            nullable=False,
        ),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("detector", sa.String(200), nullable=False),
        sa.Column("version", sa.String(100), nullable=False),
        sa.Column("language", sa.String(35), nullable=False),
        sa.Column("scores", _json(), nullable=False),
        sa.Column("targets", _json(), nullable=False),
        sa.Column("extras", _json(), nullable=False),
        sa.Column("truncated", sa.Boolean(), nullable=False),
    )
    op.create_index("ix_signals_decision_id", "signals", ["decision_id"])

    op.create_table(
        "events",
        sa.Column("seq", sa.BigInteger(), primary_key=True, autoincrement=False),
        sa.Column("stream", sa.String(100), nullable=False),
        sa.Column("type", sa.String(100), nullable=False),
        sa.Column("subject", sa.String(1100), nullable=False),
        sa.Column("payload", _json(), nullable=False),
        sa.Column("created_at", _ts(), nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )
    op.create_index("ix_events_stream_seq", "events", ["stream", "seq"])
    op.create_index("ix_events_subject_seq", "events", ["subject", "seq"])

    audit_head = op.create_table(
        "audit_head",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )
    op.bulk_insert(audit_head, [{"id": 1, "seq": 0, "hash": GENESIS_HASH}])


def downgrade() -> None:
    for index, table in (
        ("ix_events_subject_seq", "events"),
        ("ix_events_stream_seq", "events"),
        ("ix_signals_decision_id", "signals"),
        ("ix_decisions_post_pk", "decisions"),
        ("ix_posts_source_post_hash", "posts"),
    ):
        op.drop_index(index, table_name=table)
    for table in ("audit_head", "events", "signals", "decisions", "posts"):
        op.drop_table(table)
