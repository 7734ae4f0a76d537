"""The detector protocol: the one extension point for everything that scores posts.

A detector *only scores*: it never decides, stores or acts. It receives prepared
documents (the original text, its normalized views with offset maps, the language and
the sentence chunks) and returns one :class:`~vigie.types.Signal` per document, in
order. Every score above zero must carry evidence whose spans index the *original*
text, so a reviewer sees exactly what the user wrote.

Contract every implementation keeps (checked for all built-ins by
``tests/contract/test_detector_contract.py``; third-party detectors should reuse it):

- ``name`` is a stable registered name (``"vigie.lexicon"``) and ``version`` changes
  whenever its output for the same input may change. ``(name, version)`` is a storage key.
- ``labels`` lists every label the detector may put in ``Signal.scores``.
- ``languages`` is the ISO 639-1 codes it was shown to judge, or ``None`` for any.
- ``load()`` is idempotent and does all expensive work (files, weights); constructing a
  detector is cheap, so building a pipeline costs nothing until first use.
- ``detect_batch(docs)`` returns exactly ``len(docs)`` signals in input order, and is
  deterministic for a given input.
- Optional: ``rereads_idioms = True`` asks the pipeline to have the detector read again, with
  the idioms blanked, the posts in which another detector's idioms (:data:`vigie.types.IDIOMS`)
  overlap its evidence (:mod:`vigie.idioms`) — for detectors that read whole sentences.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from vigie.text.normalize import NormalizedText
from vigie.types import Post, Signal, Span

__all__ = ["Detector", "Document"]


@dataclass(frozen=True, slots=True)
class Document:
    """A post made ready for detectors.

    ``text`` is the part of the post that is scored (the original, cut at the configured
    character cap; ``truncated`` says whether the cap was hit). ``views`` are the
    normalized views of ``text`` with offset maps back to it. ``chunks`` are sentence-like
    spans covering ``text`` that detectors which score per sentence should use, so that
    cost stays linear in length and evidence can name the sentence that drove a score.
    """

    post: Post
    text: str
    views: NormalizedText
    language: str
    chunks: tuple[Span, ...]
    truncated: bool


@runtime_checkable
class Detector(Protocol):
    name: str
    version: str
    labels: tuple[str, ...]
    languages: tuple[str, ...] | None

    def load(self) -> None:
        """Load data and weights. Idempotent; called before the first ``detect_batch``."""
        ...

    def detect_batch(self, docs: Sequence[Document]) -> list[Signal]:
        """Score ``docs``; one signal per document, in order."""
        ...
