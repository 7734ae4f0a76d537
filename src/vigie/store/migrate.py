"""Running the packaged Alembic migrations programmatically.

The migration scripts ship inside the package (``vigie/store/migrations``), so no
``alembic.ini`` is needed at run time. :func:`upgrade` runs in **one transaction** that first
takes a lock — ``pg_advisory_xact_lock`` keyed by the schema on PostgreSQL, ``BEGIN
IMMEDIATE`` on SQLite — so several processes opening the same store at once (Ray workers)
migrate it once; the others then find it at head and do nothing.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, text

from vigie.store.engine import writer

__all__ = ["MIGRATIONS_DIR", "alembic_config", "current_revision", "head_revision", "upgrade"]

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config(schema: str | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("path_separator", "os")
    cfg.attributes["schema"] = schema
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "the packaged migrations have no head"
    return head


def current_revision(conn: Connection, schema: str | None = None) -> str | None:
    ctx = MigrationContext.configure(conn, opts={"version_table_schema": schema})
    return ctx.get_current_revision()


def _lock_key(schema: str | None) -> int:
    digest = hashlib.sha256(f"vigie.store.migrate:{schema or ''}".encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


def upgrade(engine: Engine, schema: str | None = None, revision: str = "head") -> None:
    """Migrate the database behind ``engine`` to ``revision`` (a no-op when already there)."""
    cfg = alembic_config(schema)
    with writer(engine).begin() as conn:
        if conn.dialect.name == "postgresql":
            if schema is not None:
                conn.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{schema}"'))
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _lock_key(schema)})
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
