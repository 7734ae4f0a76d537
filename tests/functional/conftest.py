"""The pipeline the functional tables run through.

It is the real :class:`~vigie.pipeline.Pipeline` (normalize → language → detect → combine → decide)
with the shipped default policy and the lexicon detector given the example watch-list
(``examples/watchlist.yaml``). The trained encoder is left out: it is still being built, and these
tables measure the threat semantics (targets, imminence, context, obfuscation) that the lexicon
carries. Set ``VIGIE_TEST_FUNCTIONAL_ENCODER=1`` to add it once it ships.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from vigie.detectors.base import Detector
from vigie.detectors.lexicon import LexiconDetector
from vigie.detectors.registry import create_detector
from vigie.pipeline import Pipeline
from vigie.policy import PolicyDecider, load_policy
from vigie.settings import Settings
from vigie.watchlist import load_watchlist

ROOT = Path(__file__).resolve().parents[2]
WATCHLIST = ROOT / "examples" / "watchlist.yaml"


@pytest.fixture(scope="session")
def functional_pipeline() -> Pipeline:
    settings = Settings()
    detectors: list[Detector] = [LexiconDetector(watchlist=load_watchlist(WATCHLIST))]
    if os.environ.get("VIGIE_TEST_FUNCTIONAL_ENCODER") == "1":
        detectors.append(create_detector("vigie.encoder", settings.detection))
    pipeline = Pipeline(
        detection=settings.detection, detectors=detectors, decider=PolicyDecider(load_policy())
    )
    pipeline.load()
    return pipeline
