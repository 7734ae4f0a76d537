"""Service tables: api_keys, review_items, webhook_endpoints, outbox.

Revision ID: 0003
Revises: 0002
Create Date: 2025-11-30

Written by hand and checked against :mod:`vigie.store.service_models` by
``tests/store/test_migrations.py`` (autogenerate must find no difference).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _json() -> sa.types.TypeEngine[Any]:
    return sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def _pk() -> sa.types.TypeEngine[int]:
    return sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def _ts() -> sa.DateTime:
    return sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "api_keys",
        sa.Column("pk", _pk(), primary_key=True, autoincrement=True),
        sa.Column("key_id", sa.String(32), nullable=False),
        sa.Column("key_hash", sa.String(64), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("source", sa.String(200), nullable=True),
        sa.Column("created_at", _ts(), nullable=False),
        sa.Column("expires_at", _ts(), nullable=True),
        sa.Column("revoked_at", _ts(), nullable=True),
        sa.UniqueConstraint("key_id", name="uq_api_keys_key_id"),
        sa.UniqueConstraint("key_hash", name="uq_api_keys_key_hash"),
    )

    op.create_table(
        "review_items",
        sa.Column("pk", _pk(), primary_key=True, autoincrement=True),
        sa.Column("id", sa.String(64), nullable=False),
        sa.Column(
            "decision_id",
            sa.String(128),
            sa.ForeignKey("decisions.id", name="fk_review_items_decision_id", ondelete="RESTRICT"),
            nullable=False,
        ),
        sa.Column("post_pk", sa.BigInteger(), nullable=False),
        sa.Column("source", sa.String(200), nullable=False),
        sa.Column("post_id", sa.String(512), nullable=False),
        sa.Column("category", sa.String(40), nullable=True),
        sa.Column("language", sa.String(35), nullable=False),
        sa.Column("severity", sa.String(16), nullable=False),
        sa.Column("reach", sa.BigInteger(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("deadline", _ts(), nullable=False),
        sa.Column("created_at", _ts(), nullable=False),
        sa.Column("lease_owner", sa.String(32), nullable=True),
        sa.Column("lease_person", sa.String(200), nullable=True),
        sa.Column("lease_expires_at", _ts(), nullable=True),
        sa.Column("first_reviewer", sa.String(200), nullable=True),
        sa.Column("first_outcome", sa.String(40), nullable=True),
        sa.Column("first_actions", _json(), nullable=False),
        sa.Column("outcome", sa.String(40), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("resolved_by", sa.String(200), nullable=True),
        sa.Column("resolved_at", _ts(), nullable=True),
        sa.UniqueConstraint("id", name="uq_review_items_id"),
        sa.UniqueConstraint("decision_id", name="uq_review_items_decision_id"),
    )
    op.create_index("ix_review_items_status_deadline", "review_items", ["status", "deadline"])
    op.create_index("ix_review_items_source_post", "review_items", ["source", "post_id"])

    op.create_table(
        "webhook_endpoints",
        sa.Column("pk", _pk(), primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("secret", sa.String(200), nullable=False),
        sa.Column("actions", _json(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", _ts(), nullable=False),
        sa.UniqueConstraint("name", name="uq_webhook_endpoints_name"),
    )

    op.create_table(
        "outbox",
        sa.Column("pk", _pk(), primary_key=True, autoincrement=True),
        sa.Column("action_key", sa.String(64), nullable=False),
        sa.Column("endpoint", sa.String(100), nullable=False),
        sa.Column("action", sa.String(100), nullable=False),
        sa.Column("decision_id", sa.String(128), nullable=True),
        sa.Column("source", sa.String(200), nullable=False),
        sa.Column("post_id", sa.String(512), nullable=False),
        sa.Column("payload", _json(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", _ts(), nullable=False),
        sa.Column("lease_until", _ts(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("created_at", _ts(), nullable=False),
        sa.Column("delivered_at", _ts(), nullable=True),
        sa.UniqueConstraint("action_key", "endpoint", name="uq_outbox_action_endpoint"),
    )
    op.create_index("ix_outbox_status_next", "outbox", ["status", "next_attempt_at"])


def downgrade() -> None:
    op.drop_index("ix_outbox_status_next", table_name="outbox")
    op.drop_index("ix_review_items_source_post", table_name="review_items")
    op.drop_index("ix_review_items_status_deadline", table_name="review_items")
    for table in ("outbox", "webhook_endpoints", "review_items", "api_keys"):
        op.drop_table(table)
