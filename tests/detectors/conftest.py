"""Shared fixtures for detector tests."""

from __future__ import annotations

import pytest

from vigie.detectors.lexicon import LexiconDetector
from vigie.model.harness import make_document
from vigie.types import Signal

from .helpers import Scan


@pytest.fixture(scope="session")
def scan() -> Scan:
    """The shipped lexicon (loaded once) run on one text, split into sentences as the pipeline does."""
    detector = LexiconDetector()
    detector.load()

    def run(text: str, language: str) -> Signal:
        return detector.detect_batch([make_document(text, language, "t")])[0]

    return run
