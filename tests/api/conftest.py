"""Loads the shared service fixtures (tests/api/fixtures.py) into this directory's tests."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

_NAME = "vigie_test_service_fixtures"
if _NAME not in sys.modules:
    _spec = importlib.util.spec_from_file_location(
        _NAME, Path(__file__).resolve().parents[1] / "api" / "fixtures.py"
    )
    assert _spec is not None and _spec.loader is not None
    sys.modules[_NAME] = importlib.util.module_from_spec(_spec)
    _spec.loader.exec_module(sys.modules[_NAME])

from vigie_test_service_fixtures import (  # noqa: E402
    app_client,
    db_url,
    lexicon_pipeline,
    lexicon_settings,
    service_pg_schema,
    store,
    tokens,
)

__all__ = [
    "app_client",
    "db_url",
    "lexicon_pipeline",
    "lexicon_settings",
    "service_pg_schema",
    "store",
    "tokens",
]
