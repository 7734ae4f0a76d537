"""Store locations for scan-level tests: SQLite always, PostgreSQL too when VIGIE_TEST_POSTGRES_URL is set.

Each PostgreSQL test gets a schema of its own, dropped with CASCADE afterwards.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from vigie.pipeline import Pipeline
from vigie.policy import PolicyDecider, load_policy, parse_policy
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


@pytest.fixture
def small_feed(tmp_path: Path, feed_path: Path) -> Path:
    """The first 40 posts of the bundled feed."""
    path = tmp_path / "feed.jsonl"
    path.write_bytes(b"\n".join(feed_path.read_bytes().splitlines()[:40]) + b"\n")
    return path


def variant(pipeline: Pipeline, *, live: str | None = None, shadow: str | None = None) -> Pipeline:
    """The session pipeline's loaded detectors under other policies (policy YAML texts)."""
    return Pipeline(
        detection=pipeline.detection,
        detectors=pipeline.detectors,
        decider=PolicyDecider(parse_policy(live) if live else load_policy()),
        shadow=PolicyDecider(parse_policy(shadow)) if shadow else None,
        language_identifier=pipeline.languages,
    )


def candidate_text(**replacements: str) -> str:
    """The shipped default policy's YAML with textual replacements (old=new pairs as a dict)."""
    text = (resources.files("vigie.policy") / "default.yaml").read_text(encoding="utf-8")
    for old, new in replacements.items():
        assert old in text, old
        text = text.replace(old, new)
    return text
