"""Violent words aimed at a thing are no threat (lexicon v22 idioms: en/things.yaml, fr/choses.yaml,
de/dinge.yaml, es/cosas.yaml, it/cose.yaml).

Probed with sentences written for these tests: "I hate spiders, they should all be exterminated."
(violent_threat 0.75), "Je déteste le chou-fleur, faut tout le brûler." (incitement 0.70), "Este
móvil de mierda merece acabar en la basura, lo voy a romper." (violent_threat 0.85). The idiom
covers the sentence that names the thing, never one that also names a group, a slur, a role, the
reader or people — and no day: "On Monday at dawn we march" is a dated call to arms.
"""

from __future__ import annotations

import pytest

from .helpers import Scan, score

ATTACKS = ("violent_threat", "incitement")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("I hate spiders, they should all be exterminated.", "en"),
        ("This fucking printer deserves to be smashed to pieces.", "en"),
        ("Je déteste le chou-fleur, faut tout le brûler.", "fr"),
        ("Je déteste les araignées, faudrait toutes les exterminer.", "fr"),
        ("Este móvil de mierda merece acabar en la basura, lo voy a romper.", "es"),
    ],
)
def test_violent_words_aimed_at_a_thing_are_no_threat(scan: Scan, text: str, language: str) -> None:
    signal = scan(text, language)
    assert all(score(signal, label) == 0.0 for label in ATTACKS), signal.extras


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Muslims are like spiders, they should all be exterminated.", "en"),
        ("Put down the phone or I will kill you.", "en"),
        (
            "Stock up on pipes. On Monday at dawn we march on the newspaper office and nobody walks away.",
            "en",
        ),
        (
            "Frères, lundi à l'aube on prend d'assaut la rédaction du journal. Venez avec des barres, pas de "
            "survivants.",
            "fr",
        ),
    ],
)
def test_a_group_a_person_the_reader_or_a_day_keeps_the_threat(scan: Scan, text: str, language: str) -> None:
    signal = scan(text, language)
    assert max(score(signal, label) for label in ATTACKS) >= 0.5, signal.extras
