"""The pipeline the functional tables run through.

It is the real, default :class:`~vigie.pipeline.Pipeline` (normalize → language → detect →
combine → decide, with the lexicon and the trained encoder and the shipped default policy),
with the example watch-list (``examples/watchlist.yaml``) configured.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from vigie.pipeline import Pipeline
from vigie.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
WATCHLIST = ROOT / "examples" / "watchlist.yaml"


@pytest.fixture(scope="session")
def functional_pipeline() -> Pipeline:
    settings = Settings.model_validate({"detection": {"watchlist": str(WATCHLIST)}})
    pipeline = Pipeline.from_settings(settings)
    pipeline.load()
    return pipeline
