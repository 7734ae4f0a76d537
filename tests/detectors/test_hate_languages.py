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


@pytest.mark.parametrize(
    ("language", "bare", "aimed"),
    [
        ("es", "En el juicio se leyó la palabra sudaca.", "Lárgate de aquí, sudaca asqueroso."),
        ("de", "Im Protokoll steht das Wort Schlitzauge.", "Verpiss dich, du dreckiger Kanake."),
        ("it", "Nel verbale compare la parola ricchione.", "Questi froci vanno cacciati."),
    ],
)
def test_a_slur_aimed_at_someone_weighs_more_than_a_bare_slur(
    scan: Scan, language: str, bare: str, aimed: str
) -> None:
    bare_signal, aimed_signal = scan(bare, language), scan(aimed, language)
    assert 0.3 < score(bare_signal, "hate") < 0.5
    assert score(aimed_signal, "hate") >= 0.7
    assert any(r.startswith(f"{language}.hate.") for r in aimed_signal.extras["rule_hits"])


@pytest.mark.parametrize(
    ("language", "opposed", "endorsed"),
    [
        (
            "es",
            "Afirmar que las feministas son todas unas histéricas es puro machismo.",
            "Decir que los refugiados son delincuentes no es racismo, es la realidad.",
        ),
        (
            "de",
            "Wer behauptet, dass Juden die Welt regieren, lügt.",
            "Zu sagen, dass Migranten kriminell sind, ist nicht falsch.",
        ),
        (
            "it",
            "Scrivere che i musulmani sono tutti terroristi è razzismo.",
            "Dire che gli immigrati sono criminali non è razzismo, è la verità.",
        ),
    ],
)
def test_naming_hateful_words_to_oppose_them_is_counter_speech_but_denying_that_they_are_hateful_is_not(
    scan: Scan, language: str, opposed: str, endorsed: str
) -> None:
    assert score(scan(opposed, language), "counter_speech") >= 0.5
    assert score(scan(endorsed, language), "counter_speech") < 0.5


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("es", "Las respuestas del examen son falsas y el profesor es sencillamente incorrecto."),
        ("de", "Die Antworten sind falsch, das Ergebnis ist einfach gelogen."),
        ("it", "Le risposte sono sbagliate e il risultato è falso."),
    ],
)
def test_calling_something_false_without_naming_words_is_not_counter_speech(
    scan: Scan, language: str, text: str
) -> None:
    assert score(scan(text, language), "counter_speech") < 0.5
