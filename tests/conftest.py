"""Shared fixtures: one pipeline per test session (models load once), the bundled feed."""

from __future__ import annotations

from pathlib import Path

import pytest

from vigie.pipeline import Pipeline
from vigie.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
FEED = ROOT / "examples" / "feed.jsonl"


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
