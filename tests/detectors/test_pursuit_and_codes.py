"""Threats to find the reader or make them pay, calls to burn a place down, acid attacks, white-supremacist
codes and addresses handed out with a call to act (lexicon v24: en/pursuit.yaml, de/verfolgung.yaml,
it/inseguimento.yaml, fr/attaques_de_lieux.yaml, common/hate_codes.yaml, en/doxxing.yaml and its twins).

Probed with sentences written for these tests, through the previous tree: "We will find you and your kids."
(0.00), "I will find out where you live and make you pay." (0.22), "Wir werden dich finden, dich und deine
Kinder." (0.00), "Let's burn down the refugee center this weekend." (0.27), "Bruciamo il centro profughi
questo weekend." (0.00), "J'espère que quelqu'un lui jettera de l'acide au visage." (0.22) and "1488, race war
now." (0.00) were all allowed.
"""

from __future__ import annotations

import pytest

from .helpers import Scan, score


@pytest.mark.parametrize(
    ("text", "language", "label", "at_least"),
    [
        ("We will find you and your kids.", "en", "violent_threat", 0.5),
        ("I will find out where you live and make you pay.", "en", "violent_threat", 0.7),
        ("I'll make you pay for this.", "en", "violent_threat", 0.5),
        ("Wir werden dich finden, dich und deine Kinder.", "de", "violent_threat", 0.5),
        ("Ti troveremo, te e la tua famiglia.", "it", "violent_threat", 0.5),
        ("Let's burn down the refugee center this weekend.", "en", "incitement", 0.7),
        ("We should torch that mosque.", "en", "incitement", 0.7),
        ("Bruciamo il centro profughi questo weekend.", "it", "incitement", 0.7),
        ("I hope someone throws acid in her face.", "en", "violent_threat", 0.7),
        ("J'espère que quelqu'un lui jettera de l'acide au visage.", "fr", "violent_threat", 0.7),
        ("1488, race war now.", "en", "hate", 0.7),
        ("Sa famille mérite de brûler vive.", "fr", "violent_threat", 0.7),
        ("He lives at 221 Baker Street. You know what to do.", "en", "incitement", 0.7),
        (
            "Voici l'adresse de ce prof : 12 rue des Lilas. Faites ce que vous voulez.",
            "fr",
            "incitement",
            0.7,
        ),
        ("Er wohnt in der Lindenstraße 12. Ihr wisst, was zu tun ist.", "de", "incitement", 0.7),
        ("Vive en la calle Mayor 12. Ya sabéis qué hacer.", "es", "incitement", 0.7),
        ("Abita in via Roma 12. Sapete cosa fare.", "it", "incitement", 0.7),
        ("Sieg Heil, Kameraden.", "de", "hate", 0.5),
    ],
)
def test_the_threat_the_call_or_the_code_is_read(
    scan: Scan, text: str, language: str, label: str, at_least: float
) -> None:
    assert score(scan(text, language), label) >= at_least


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("I will find you a seat.", "en"),
        ("I will find you at the party.", "en"),
        ("I will make you pay for dinner.", "en"),
        ("We are going to burn down memory lane.", "en"),
        ("Ich finde dich toll.", "de"),
        ("Wir kriegen dich schon rum.", "de"),
        ("Ti troverò un lavoro.", "it"),
        ("I paid 1488 euros for it.", "en"),
        ("In 1488 the king died.", "en"),
        ("It costs 1488.50 dollars.", "en"),
        ("Le nouveau resto est au 12 rue des Lilas, faites-vous plaisir c'est délicieux.", "fr"),
        ("Our shop moved to 12 Oak Road. Come by anytime, do what you want with the samples!", "en"),
        ("Rendez-vous au 3 place de la République à 18h.", "fr"),
    ],
)
def test_look_alikes_are_nothing(scan: Scan, text: str, language: str) -> None:
    signal = scan(text, language)
    assert all(score(signal, label) == 0.0 for label in ("violent_threat", "incitement", "hate")), (
        signal.extras
    )
