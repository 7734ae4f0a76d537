"""Alembic environment for vigie's store.

Normally run by :func:`vigie.store.migrate.upgrade`, which passes an open connection (inside
its locked transaction) and the PostgreSQL schema in ``config.attributes``; the version table
then lives in that schema too. Run from the command line (``alembic -c
src/vigie/store/alembic.ini upgrade head``) it builds vigie's own engine from
``sqlalchemy.url``. Offline (SQL script) mode is not supported.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from vigie.store.engine import create_store_engine, writer
from vigie.store.models import Base

config = context.config


def run(connection: Connection, schema: str | None) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        version_table_schema=schema,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("vigie's migrations run online only (open_store or `alembic upgrade head`)")

schema: str | None = config.attributes.get("schema")
given = config.attributes.get("connection")
if given is not None:
    run(given, schema)
else:
    url = config.get_main_option("sqlalchemy.url")
    if not url:
        raise SystemExit("set sqlalchemy.url in the Alembic config")
    engine = create_store_engine(url, schema=schema)
    with writer(engine).begin() as conn:
        run(conn, schema)
    engine.dispose()
