"""Store locations for scan-level tests: SQLite always, PostgreSQL too when VIGIE_TEST_POSTGRES_URL is set.

Each PostgreSQL test gets a schema of its own, dropped with CASCADE afterwards.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from vigie.store.engine import create_store_engine

PG_URL = os.environ.get("VIGIE_TEST_POSTGRES_URL")
BACKENDS = ["sqlite", "postgresql"] if PG_URL else ["sqlite"]


@pytest.fixture(params=BACKENDS)
def store_section(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[dict[str, Any]]:
    """The ``store:`` settings section pointing at a fresh, empty store."""
    if request.param == "sqlite":
        yield {"url": f"sqlite:///{tmp_path / 'vigie.db'}"}
        return
    assert PG_URL is not None
    schema = f"vigie_scan_{secrets.token_hex(4)}"
    yield {"url": PG_URL, "schema_name": schema}
    engine = create_store_engine(PG_URL)
    with engine.begin() as conn:
        conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    engine.dispose()
