"""Engine creation for the two supported backends.

SQLite (the default, one file): WAL journal (readers never block the writer), foreign keys
on, a 30 s busy timeout, and transactions begun by vigie rather than by the ``sqlite3``
module, whose legacy mode would let SELECTs and DDL run outside the transaction. Write
transactions open with ``BEGIN IMMEDIATE`` (take the write lock first, so two writers queue
instead of deadlocking on a lock upgrade); reads open with a plain ``BEGIN``. A connection
asks for the write flavour with the execution option ``vigie_write=True``
(:func:`writer`).

PostgreSQL (``postgresql+psycopg://``): an optional ``schema`` is put first and alone on the
``search_path`` of every connection, so every table (and Alembic's version table) lives in it
and raw SQL needs no qualification.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError
from sqlalchemy.pool import StaticPool

from vigie.errors import StoreError

__all__ = ["create_store_engine", "parse_url", "safe_url", "writer"]

_SCHEMA_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,62}$")
SQLITE_BUSY_TIMEOUT_S = 30.0
PG_CONNECT_TIMEOUT_S = 10


def safe_url(url: str | URL) -> str:
    """The URL as text with any password masked (for messages and logs)."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "<unparseable database URL>"


def parse_url(url: str) -> URL:
    try:
        return make_url(url)
    except ArgumentError as exc:
        raise StoreError(f"invalid database URL {safe_url(url)}: {exc}", code="invalid_url") from exc


def writer(engine: Engine) -> Engine:
    """A view of ``engine`` whose transactions take the write lock up front (SQLite)."""
    return engine.execution_options(vigie_write=True)


def create_store_engine(url: str, *, schema: str | None = None) -> Engine:
    """Build the engine for ``url`` (see the module docstring). Does not connect yet."""
    parsed = parse_url(url)
    backend = parsed.get_backend_name()
    if schema is not None and backend != "postgresql":
        raise StoreError(
            f"a schema only applies to PostgreSQL, not to {safe_url(parsed)}", code="invalid_url"
        )
    if schema is not None and not _SCHEMA_RE.match(schema):
        raise StoreError(f"invalid schema name {schema!r} (letters, digits, _)", code="invalid_url")
    try:
        if backend == "sqlite":
            return _sqlite_engine(parsed)
        if backend == "postgresql":
            connect_args: dict[str, Any] = {"connect_timeout": PG_CONNECT_TIMEOUT_S}
            if schema is not None:
                connect_args["options"] = f"-csearch_path={schema}"
            return create_engine(parsed, connect_args=connect_args, pool_pre_ping=True)
    except (ArgumentError, NoSuchModuleError, ImportError) as exc:
        raise StoreError(f"cannot use database {safe_url(parsed)}: {exc}", code="invalid_url") from exc
    raise StoreError(
        f"unsupported database {safe_url(parsed)}: use sqlite:///path or postgresql+psycopg://...",
        code="invalid_url",
    )


def _sqlite_engine(url: URL) -> Engine:
    database = url.database or ""
    in_memory = database in ("", ":memory:") or "mode=memory" in database
    if in_memory:
        engine = create_engine(url, connect_args={"check_same_thread": False}, poolclass=StaticPool)
    else:
        Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_S})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # vigie emits BEGIN itself (see _on_begin)
        cursor = dbapi_connection.cursor()
        try:
            if not in_memory:
                cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute(f"PRAGMA busy_timeout={int(SQLITE_BUSY_TIMEOUT_S * 1000)}")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        write = bool(conn.get_execution_options().get("vigie_write"))
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine
