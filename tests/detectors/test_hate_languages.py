"""Hate against protected groups in the lexicon's Spanish, German and Italian data, and counter-speech
that names the speaker: each language scores the attack with its own rules, and the same sentence
negated or turned on the speaker is not scored as hate.

Sentences are written for these tests and differ from the data's strings (other groups, inflections)."""

from __future__ import annotations

import pytest

from vigie.detectors.base import Document
from vigie.detectors.lexicon import LexiconDetector
from vigie.text.normalize import normalize
from vigie.types import Post, Signal, Span


@pytest.fixture(scope="module")
def detector() -> LexiconDetector:
    d = LexiconDetector()
    d.load()
    return d


def run(detector: LexiconDetector, text: str, language: str) -> Signal:
    doc = Document(Post("t", text), text, normalize(text), language, (Span(0, len(text)),), False)
    return detector.detect_batch([doc])[0]


def score(signal: Signal, label: str) -> float:
    cs = signal.scores.get(label)
    return cs.score if cs is not None else 0.0


@pytest.mark.parametrize(
    ("language", "attack", "negated"),
    [
        ("es", "Desprecio a todas las feministas.", "No desprecio a las feministas."),
        ("es", "Los refugiados son unos violadores.", "Los refugiados no son violadores."),
        ("de", "Wir verachten diese Migranten.", "Wir verachten Migranten nicht."),
        ("de", "Die Asylanten sind alle Verbrecher.", "Die Asylanten sind keine Verbrecher."),
        ("it", "Disprezzo tutti gli stranieri.", "Non disprezzo gli stranieri."),
        ("it", "Gli zingari sono tutti ladri.", "Gli zingari non sono ladri."),
    ],
)
def test_attacks_score_hate_and_their_negations_do_not(
    detector: LexiconDetector, language: str, attack: str, negated: str
) -> None:
    signal = run(detector, attack, language)
    assert score(signal, "hate") >= 0.6
    assert any(r.startswith(f"{language}.hate.") for r in signal.extras["rule_hits"])
    assert score(run(detector, negated, language), "hate") < 0.3


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("es", "Hay que expulsar a todos los discapacitados."),
        ("de", "Behinderte gehören alle weggesperrt."),
        ("it", "Bisogna rinchiudere tutti i disabili."),
    ],
)
def test_disabled_people_are_a_protected_group_everywhere(
    detector: LexiconDetector, language: str, text: str
) -> None:
    signal = run(detector, text, language)
    assert score(signal, "hate") >= 0.6
    assert "disabled people" in {t.name for t in signal.targets if t.kind == "group"}


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("es", "Sois unos racistas y lo sabéis."),
        ("de", "Das macht dich zu einem Antisemiten."),
        ("it", "Sei proprio un razzista."),
    ],
)
def test_calling_out_the_speaker_is_counter_speech(
    detector: LexiconDetector, language: str, text: str
) -> None:
    signal = run(detector, text, language)
    assert score(signal, "counter_speech") >= 0.5
    assert score(signal, "hate") < 0.3
