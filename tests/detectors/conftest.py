"""Shared fixtures for detector tests."""

from __future__ import annotations

import pytest

from vigie.detectors.base import Document
from vigie.detectors.lexicon import LexiconDetector
from vigie.text.chunks import split_sentences
from vigie.text.normalize import normalize
from vigie.types import Post, Signal

from .helpers import Scan


@pytest.fixture(scope="session")
def scan() -> Scan:
    """The shipped lexicon (loaded once) run on one text, split into sentences as the pipeline does."""
    detector = LexiconDetector()
    detector.load()

    def run(text: str, language: str) -> Signal:
        doc = Document(Post("t", text), text, normalize(text), language, split_sentences(text), False)
        return detector.detect_batch([doc])[0]

    return run
