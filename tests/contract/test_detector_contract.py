"""The contract every :class:`vigie.detectors.base.Detector` keeps, as a reusable check.

``check_detector_contract(detector, docs)`` runs a detector through the promises of
``vigie/detectors/base.py``: exact length and order, determinism, no state carried between
documents, labels within the declared ones, evidence for every positive score with spans inside
the text and snippets equal to the original characters, and an idempotent ``load()``. Add a
built-in detector by adding its factory to ``DETECTORS``; a third-party detector can import
``check_detector_contract`` and ``contract_documents`` and run them in its own suite.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest

from vigie.categories import EVIDENCE_LABELS
from vigie.detectors.base import Detector, Document
from vigie.detectors.lexicon import LexiconDetector
from vigie.text.normalize import normalize
from vigie.types import Post, Signal, Span


def make_document(
    text: str, language: str = "en", *, post_id: str = "p", truncated: bool = False
) -> Document:
    """A document as the pipeline would prepare it (one chunk covering the text)."""
    chunks = (Span(0, len(text)),) if text else ()
    return Document(
        post=Post(id=post_id, text=text),
        text=text,
        views=normalize(text),
        language=language,
        chunks=chunks,
        truncated=truncated,
    )


def contract_documents() -> list[Document]:
    """Varied inputs: empty, whitespace, emoji, invisible characters, scripts, languages, lengths."""
    cases = [
        ("", "en"),
        ("   \n\t ", "en"),
        ("🙂🔫💣 @someone", "en"),
        ("I will k\u200bill you tomorrow at the Capitol, bring your guns", "en"),
        ("Senator Tom Ridley should be hanged on January 20th", "en"),
        ("« Je vais te tuer », a-t-il écrit, selon le parquet. Honte à lui.", "fr"),
        ("Les ｍｉｇｒａｎｔｓ sont des r@ts", "fr"),
        ("Te voy a matar mañana", "es"),
        ("Ich werde dich umbringen", "de"),
        ("Ti ammazzo", "it"),
        ("Вот это да, завтра в 12:00", "ru"),
        ("مرحبا بالعالم", "ar"),
        ("mixed: je vais te tuer and I will kill you", "und"),
        ("kiiiill them all!!! \u202eevil\u202c", "en"),
        ("long " * 400 + "I will kill you", "en"),
    ]
    return [
        make_document(text, lang, post_id=str(i), truncated=(i == 14)) for i, (text, lang) in enumerate(cases)
    ]


def _check_signal(detector: Detector, doc: Document, signal: Signal) -> None:
    assert isinstance(signal, Signal)
    assert signal.detector == detector.name
    assert signal.version == detector.version
    assert signal.truncated == doc.truncated
    assert set(signal.scores) <= set(detector.labels), (
        f"undeclared labels {set(signal.scores) - set(detector.labels)}"
    )
    source = f"{detector.name}@{detector.version}"
    for label, cs in signal.scores.items():
        assert cs.label == label
        assert 0.0 <= cs.score <= 1.0
        if cs.score > 0:
            assert cs.evidence, f"{label} scored {cs.score} without evidence on {doc.text!r}"
        for ev in cs.evidence:
            assert ev.label in EVIDENCE_LABELS
            assert 0 <= ev.span.start <= ev.span.end <= len(doc.text)
            assert ev.snippet == doc.text[ev.span.start : ev.span.end]
            assert ev.rationale.strip()
            assert ev.source == source
    for target in signal.targets:
        assert 0 <= target.span.start <= target.span.end <= len(doc.text)
        assert target.name


def check_detector_contract(detector: Detector, docs: Sequence[Document]) -> None:
    """Assert every promise of the Detector protocol for ``detector`` on ``docs``."""
    assert isinstance(detector, Detector)
    assert detector.name and isinstance(detector.name, str)
    assert detector.version and isinstance(detector.version, str)
    assert detector.labels and len(set(detector.labels)) == len(detector.labels)
    assert detector.languages is None or all(isinstance(code, str) for code in detector.languages)

    detector.load()
    detector.load()  # idempotent
    first = detector.detect_batch(docs)
    assert len(first) == len(docs)
    for doc, signal in zip(docs, first, strict=True):
        _check_signal(detector, doc, signal)

    detector.load()
    assert detector.detect_batch(docs) == first, "not deterministic"
    assert detector.detect_batch(list(reversed(docs))) == list(reversed(first)), "order or state dependent"
    assert [detector.detect_batch([doc])[0] for doc in docs] == first, "batching changes results"
    assert detector.detect_batch([]) == []


DETECTORS: dict[str, Callable[[], Detector]] = {
    "vigie.lexicon": LexiconDetector,
}


@pytest.mark.parametrize("name", sorted(DETECTORS))
def test_detector_contract(name: str) -> None:
    detector = DETECTORS[name]()
    assert detector.name == name
    check_detector_contract(detector, contract_documents())


def test_contract_catches_a_broken_detector() -> None:
    """The check itself must fail on a detector that drops a document."""

    class Dropping(LexiconDetector):
        def detect_batch(self, docs: Sequence[Document]) -> list[Signal]:
            return super().detect_batch(docs)[1:]

    with pytest.raises(AssertionError):
        check_detector_contract(Dropping(), contract_documents())
