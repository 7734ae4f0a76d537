"""Opening a store: engine, reachability check, migrations."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from vigie.errors import StoreError, VigieError
from vigie.store.engine import create_store_engine, parse_url, safe_url
from vigie.store.migrate import current_revision, head_revision, upgrade
from vigie.store.repo import Store

__all__ = ["open_store"]


def open_store(url: str, *, schema: str | None = None, migrate: bool = True) -> Store:
    """Connect to ``url``, bring its schema to the current migration head, return a :class:`Store`.

    ``sqlite:///path/vigie.db`` (parent directory created; WAL, foreign keys, busy timeout) or
    ``postgresql+psycopg://user@host/db``. ``schema`` (PostgreSQL only) puts every table, and
    Alembic's version table, in that schema, created if missing. With ``migrate=False`` the
    database must already be at head.

    Raises :class:`~vigie.errors.StoreError` with code ``store.invalid_url``,
    ``store.unreachable`` or ``store.migration``; messages name the URL with its password masked.
    """
    shown = safe_url(url)
    password = parse_url(url).password
    engine = create_store_engine(url, schema=schema)

    def fail(what: str, code: str, exc: BaseException) -> StoreError:
        engine.dispose()
        detail = _first_line(exc)
        if password:
            detail = detail.replace(str(password), "***")
        return StoreError(f"{what} {shown}: {detail}", code=code, url=shown)

    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except SQLAlchemyError as exc:
        raise fail("cannot reach database", "unreachable", exc) from exc
    try:
        if migrate:
            upgrade(engine, schema)
        else:
            with engine.connect() as conn:
                current = current_revision(conn, schema)
            if current != head_revision():
                raise StoreError(
                    f"database {shown} is at schema revision {current or 'none'}, vigie needs "
                    f"{head_revision()}; open it with migrations enabled",
                    code="migration",
                    url=shown,
                )
    except VigieError:
        engine.dispose()
        raise
    except Exception as exc:
        raise fail("cannot migrate database", "migration", exc) from exc
    return Store(engine, url=shown)


def _first_line(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None)
    text_ = str(orig if orig is not None else exc).strip()
    return text_.splitlines()[0] if text_ else type(exc).__name__
