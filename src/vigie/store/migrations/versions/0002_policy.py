"""Policy versions and the policy in force, shadow results, strikes.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0002"
down_revision: str | None = "0001"
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
        "policy_versions",
        sa.Column("pk", _pk(), primary_key=True, autoincrement=True),
        sa.Column("hash", sa.String(128), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("version", sa.String(100), nullable=False),
        sa.Column("document", _json(), nullable=False),
        sa.Column("source_text", sa.Text(), nullable=False),
        sa.Column("created_at", _ts(), nullable=False),
        sa.UniqueConstraint("hash", name="uq_policy_versions_hash"),
    )
    op.create_table(
        "policy_state",
        sa.Column("role", sa.String(16), primary_key=True),
        sa.Column(
            "policy_hash",
            sa.String(128),
            sa.ForeignKey("policy_versions.hash", name="fk_policy_state_hash", ondelete="RESTRICT"),
            nullable=False,
        ),
        sa.Column("activated_at", _ts(), nullable=False),
    )
    op.create_table(
        "shadow_results",
        sa.Column("pk", _pk(), primary_key=True, autoincrement=True),
        sa.Column(
            "decision_id",
            sa.String(128),
            sa.ForeignKey("decisions.id", name="fk_shadow_results_decision_id", ondelete="RESTRICT"),
            nullable=False,
        ),
        sa.Column("policy_hash", sa.String(128), nullable=False),
        sa.Column("verdict", sa.String(16), nullable=False),
        sa.Column("severity", sa.String(16), nullable=False),
        sa.Column("violations", _json(), nullable=False),
        sa.Column("rule_hits", _json(), nullable=False),
        sa.Column("agrees", sa.Boolean(), nullable=False),
        sa.Column("created_at", _ts(), nullable=False),
        sa.UniqueConstraint("decision_id", "policy_hash", name="uq_shadow_results_decision_policy"),
    )
    op.create_index("ix_shadow_results_policy_agrees", "shadow_results", ["policy_hash", "agrees"])
    op.create_table(
        "strikes",
        sa.Column("pk", _pk(), primary_key=True, autoincrement=True),
        sa.Column("source", sa.String(200), nullable=False),
        sa.Column("author_id", sa.String(512), nullable=False),
        sa.Column(
            "decision_id",
            sa.String(128),
            sa.ForeignKey("decisions.id", name="fk_strikes_decision_id", ondelete="RESTRICT"),
            nullable=True,
        ),
        sa.Column("severity", sa.String(16), nullable=False),
        sa.Column("categories", _json(), nullable=False),
        sa.Column("struck_at", _ts(), nullable=False),
        sa.Column("created_at", _ts(), nullable=False),
        sa.Column("revoked_at", _ts(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.UniqueConstraint("decision_id", name="uq_strikes_decision_id"),
    )
    op.create_index("ix_strikes_account", "strikes", ["source", "author_id", "struck_at"])


def downgrade() -> None:
    op.drop_index("ix_strikes_account", table_name="strikes")
    op.drop_index("ix_shadow_results_policy_agrees", table_name="shadow_results")
    for table in ("strikes", "shadow_results", "policy_state", "policy_versions"):
        op.drop_table(table)
