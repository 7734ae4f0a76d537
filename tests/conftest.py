"""Shared fixtures: one pipeline per test session (models load once), the bundled feed."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from vigie.pipeline import Pipeline
from vigie.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
FEED = ROOT / "examples" / "feed.jsonl"
_CACHE_HOME: str | None = None


def pytest_configure(config: pytest.Config) -> None:
    """Keep the run's caches (compiled lexicon regexes, vigie.text.regex_cache) out of the user's
    ``~/.cache``: one fresh folder per run, shared by the subprocesses tests start."""
    global _CACHE_HOME
    _CACHE_HOME = tempfile.mkdtemp(prefix="vigie-test-cache-")
    os.environ["XDG_CACHE_HOME"] = _CACHE_HOME


def pytest_unconfigure(config: pytest.Config) -> None:
    if _CACHE_HOME is not None:
        shutil.rmtree(_CACHE_HOME, ignore_errors=True)


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings()


@pytest.fixture(scope="session")
def pipeline(settings: Settings) -> Pipeline:
    p = Pipeline.from_settings(settings)
    p.load()
    return p


@pytest.fixture(scope="session")
def feed_path() -> Path:
    return FEED
