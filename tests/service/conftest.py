"""Service test fixtures, shared by tests/service/{api,review,actions}: a store on SQLite and,
when VIGIE_TEST_POSTGRES_URL is set, on PostgreSQL (one schema per run, emptied before each test,
dropped at the end), an app with a lexicon-only pipeline, and one key per role."""

from __future__ import annotations

import os
import secrets
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

with warnings.catch_warnings():
    # Starlette >= 0.50 nudges towards its httpx2 fork; the pinned test client is httpx 0.28.
    warnings.filterwarnings("ignore", message=".*httpx.*starlette.testclient.*")
    from fastapi.testclient import TestClient

from sqlalchemy import inspect, text

from vigie.api.app import create_app
from vigie.pipeline import Pipeline
from vigie.settings import Settings
from vigie.store import Store, open_store
from vigie.store.audit import GENESIS_HASH
from vigie.store.engine import create_store_engine
from vigie.store.keys import KeyRepository, Role

from .helpers import SERVICE_LIMITS

PG_URL = os.environ.get("VIGIE_TEST_POSTGRES_URL")
BACKENDS = ["sqlite", "postgresql"] if PG_URL else ["sqlite"]


@pytest.fixture(scope="session")
def service_pg_schema() -> Iterator[str]:
    assert PG_URL is not None
    schema = f"vigie_svc_{secrets.token_hex(4)}"
    yield schema
    engine = create_store_engine(PG_URL)
    with engine.begin() as conn:
        conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    engine.dispose()


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, str | None]]:
    """``(url, schema)`` of an empty, migrated database."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'vigie.db'}", None
        return
    assert PG_URL is not None
    schema: str = request.getfixturevalue("service_pg_schema")
    open_store(PG_URL, schema=schema).close()
    engine = create_store_engine(PG_URL, schema=schema)
    tables = [t for t in inspect(engine).get_table_names() if t not in ("alembic_version", "audit_head")]
    with engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE"))
        conn.execute(text("UPDATE audit_head SET seq = 0, hash = :h"), {"h": GENESIS_HASH})
    engine.dispose()
    yield PG_URL, schema


@pytest.fixture
def store(db_url: tuple[str, str | None]) -> Iterator[Store]:
    s = open_store(db_url[0], schema=db_url[1])
    yield s
    s.close()


@pytest.fixture(scope="session")
def lexicon_settings() -> Settings:
    """A lexicon-only pipeline (fast) and the small :data:`SERVICE_LIMITS`."""
    return Settings.model_validate({"detection": {"detectors": ["vigie.lexicon"]}, "service": SERVICE_LIMITS})


@pytest.fixture(scope="session")
def lexicon_pipeline(lexicon_settings: Settings) -> Pipeline:
    p = Pipeline.from_settings(lexicon_settings)
    p.load()
    return p


@pytest.fixture
def app_client(store: Store, lexicon_settings: Settings, lexicon_pipeline: Pipeline) -> Iterator[TestClient]:
    app = create_app(lexicon_settings, pipeline=lexicon_pipeline, store=store)
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client


@pytest.fixture
def tokens(store: Store) -> dict[str, str]:
    """A token per role (the ingest key belongs to source ``forum``) and ``moderator2`` (another person)."""
    keys = KeyRepository(store)
    out = {
        r.value: keys.create(
            role=r, name=f"{r.value}-person", source="forum" if r is Role.INGEST else None
        ).token
        for r in Role
    }
    out["moderator2"] = keys.create(role=Role.MODERATOR, name="second-person").token
    return out
