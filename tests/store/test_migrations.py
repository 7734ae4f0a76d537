"""Opening a store: migrations, backend settings, and errors that name the URL safely."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from vigie.errors import StoreError
from vigie.store import open_store
from vigie.store.migrate import head_revision
from vigie.store.models import Base
from vigie.types import Post

if TYPE_CHECKING:
    from conftest import Backend

TABLES = {"alembic_version", "audit_head", "decisions", "events", "posts", "signals"}


def test_migrating_twice_is_a_no_op(backend: Backend) -> None:
    first = backend.open()
    first.ingest(Post(id="p1", text="kept"))
    head = first.audit_head()
    first.close()

    second = backend.open()  # runs the migrations again

    assert second.audit_head() == head
    assert [h["text"] for h in second.post_history("default", "p1")] == ["kept"]
    assert second.verify_audit().ok
    assert backend.execute("SELECT version_num FROM alembic_version") == [(head_revision(),)]
    assert set(inspect(backend.raw).get_table_names()) >= TABLES


def test_models_match_the_migration(backend: Backend) -> None:
    backend.open()
    with backend.raw.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_open_without_migrating_needs_an_up_to_date_database(backend: Backend, tmp_path: Path) -> None:
    backend.open()
    assert backend.open(migrate=False).verify_audit().ok
    with pytest.raises(StoreError) as err:
        open_store(f"sqlite:///{tmp_path / 'empty.db'}", migrate=False)
    assert err.value.code == "store.migration"


def test_sqlite_settings_and_parent_directory(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "vigie.db"
    store = open_store(f"sqlite:///{path}")
    try:
        assert path.exists()
        with store._engine.connect() as conn:  # settings are per connection: look at a pooled one
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 30000
    finally:
        store.close()


def test_in_memory_sqlite_works() -> None:
    store = open_store("sqlite://")
    try:
        store.ingest(Post(id="p1", text="x"))
        assert store.verify_audit().checked == 1
    finally:
        store.close()


def test_unreachable_database_names_the_url_without_password() -> None:
    with pytest.raises(StoreError) as err:
        open_store("postgresql+psycopg://postgres:s3cret@127.0.0.1:1/x")
    assert err.value.code == "store.unreachable"
    assert "127.0.0.1:1/x" in err.value.message
    assert "s3cret" not in str(err.value)


@pytest.mark.parametrize(
    ("url", "schema"),
    [
        ("not a url", None),
        ("mysql://u@h/db", None),
        ("sqlite:///x.db", "myschema"),
        ("postgresql+psycopg://h/d", "a;b"),
    ],
)
def test_invalid_urls(url: str, schema: str | None) -> None:
    with pytest.raises(StoreError) as err:
        open_store(url, schema=schema)
    assert err.value.code == "store.invalid_url"
