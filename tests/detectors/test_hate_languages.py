"""Hate against protected groups in the lexicon's Spanish, German and Italian data, and counter-speech
that names the speaker: each language scores the attack with its own rules, and the same sentence
negated or turned on the speaker is not scored as hate.

Sentences are written for these tests and differ from the data's strings (other groups, inflections)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from vigie.types import Signal

Scan = Callable[[str, str], Signal]
"""The ``scan`` fixture (tests/detectors/conftest.py): the shipped lexicon on one text."""


def score(signal: Signal, label: str) -> float:
    return signal.scores[label].score


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
    scan: Scan, language: str, attack: str, negated: str
) -> None:
    signal = scan(attack, language)
    assert score(signal, "hate") >= 0.6
    assert any(r.startswith(f"{language}.hate.") for r in signal.extras["rule_hits"])
    assert score(scan(negated, language), "hate") < 0.3


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("es", "Hay que expulsar a todos los discapacitados."),
        ("de", "Behinderte gehören alle weggesperrt."),
        ("it", "Bisogna rinchiudere tutti i disabili."),
    ],
)
def test_disabled_people_are_a_protected_group_everywhere(scan: Scan, language: str, text: str) -> None:
    signal = scan(text, language)
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
def test_calling_out_the_speaker_is_counter_speech(scan: Scan, language: str, text: str) -> None:
    signal = scan(text, language)
    assert score(signal, "counter_speech") >= 0.5
    assert score(signal, "hate") < 0.3
