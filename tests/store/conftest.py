"""Store fixtures: every store test runs on SQLite and, when VIGIE_TEST_POSTGRES_URL is set, on
PostgreSQL too, in one random schema per test session (dropped with CASCADE at the end).

PostgreSQL tests share that schema, so each test starts by emptying its tables; SQLite tests
get a fresh file each.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, text

from vigie.categories import Category, Severity, Verdict
from vigie.store import Store, open_store
from vigie.store.audit import GENESIS_HASH
from vigie.store.engine import create_store_engine
from vigie.types import CategoryScore, Decision, Evidence, PolicyRef, Post, Signal, Span, Target

PG_URL = os.environ.get("VIGIE_TEST_POSTGRES_URL")
BACKENDS = ["sqlite", "postgresql"] if PG_URL else ["sqlite"]


@dataclass
class Backend:
    """One database to test against: how to open stores on it and run raw SQL on it."""

    name: str
    url: str
    schema: str | None
    raw: Engine
    opened: list[Store] = field(default_factory=list)

    def open(self, *, migrate: bool = True) -> Store:
        store = open_store(self.url, schema=self.schema, migrate=migrate)
        self.opened.append(store)
        return store

    def execute(self, sql: str, **params: Any) -> list[Any]:
        """Run raw SQL outside the store (to tamper with rows as an attacker would)."""
        with self.raw.begin() as conn:
            result = conn.execute(text(sql), params)
            return list(result) if result.returns_rows else []


@pytest.fixture(scope="session")
def pg_schema() -> Iterator[str]:
    assert PG_URL is not None
    schema = f"vigie_test_{secrets.token_hex(4)}"
    yield schema
    engine = create_store_engine(PG_URL)
    with engine.begin() as conn:
        conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    engine.dispose()


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Backend]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'db' / 'vigie.db'}"
        b = Backend("sqlite", url, None, create_store_engine(url))
    else:
        assert PG_URL is not None
        schema: str = request.getfixturevalue("pg_schema")
        b = Backend("postgresql", PG_URL, schema, create_store_engine(PG_URL, schema=schema))
        open_store(PG_URL, schema=schema).close()  # make sure the schema exists and is migrated
        b.execute(
            "TRUNCATE signals, decisions, posts, events, shadow_results, strikes, policy_state,"
            " policy_versions RESTART IDENTITY CASCADE"
        )
        b.execute("UPDATE audit_head SET seq = 0, hash = :h", h=GENESIS_HASH)
    yield b
    for store in b.opened:
        store.close()
    b.raw.dispose()


@pytest.fixture
def store(backend: Backend) -> Store:
    return backend.open()


# -- builders (tests build decisions directly; no detector involved) ----------------------------

POLICY = PolicyRef("default", "1.0.0", "sha256:abc123")


def make_signal(post: Post, detector: str = "vigie.lexicon", score: float = 0.8) -> Signal:
    end = min(len(post.text), 11)
    ev = Evidence("violent_threat", Span(0, end), post.text[:end], "first-person intent", f"{detector}@1")
    return Signal(
        detector=detector,
        version="1",
        language="en",
        scores={
            "violent_threat": CategoryScore("violent_threat", score, (ev,)),
            "hate": CategoryScore("hate", 0.05),
        },
        targets=(Target("you", "you", Span(0, 1)),),
        truncated=False,
        extras={"ngrams": 12, "note": "ok"},
    )


def make_decision(
    post: Post,
    decision_id: str | None = None,
    verdict: Verdict = Verdict.REMOVE,
    policy: PolicyRef = POLICY,
) -> Decision:
    signals = (make_signal(post), make_signal(post, "vigie.encoder", 0.9))
    flagged = verdict is not Verdict.ALLOW
    return Decision(
        id=decision_id or f"d-{secrets.token_hex(6)}",
        post=post,
        verdict=verdict,
        severity=Severity.HIGH if flagged else Severity.NONE,
        violations=(Category.VIOLENT_THREAT,) if flagged else (),
        language="en",
        scores={
            "violent_threat": signals[1].scores["violent_threat"],
            "reporting": CategoryScore("reporting", 0.1),
        },
        targets=(Target("you", "you", Span(0, 1)),),
        actions=("remove",) if flagged else (),
        rule_hits=("threat.direct",) if flagged else (),
        policy=policy,
        signals=signals,
    )


@pytest.fixture
def decide() -> Callable[..., Decision]:
    return make_decision
