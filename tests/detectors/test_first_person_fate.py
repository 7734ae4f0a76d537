""" "When I die", "je crève aujourd'hui", "le citoyen se crève à…": the speaker's own death or exhaustion
is not a threat, even with a handle and a time nearby (each of these was restricted or removed in the
40,000-post benchmark mix before lexicon v12); the same verbs aimed at someone else stay threats.
Sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from vigie.types import Signal

Scan = Callable[[str, str], Signal]
FLAG = 0.36
"""The default policy's review threshold for ``violent_threat``."""


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "RT @sam: when I die on flappy bird tonight"),
        ("en", "@bob when we die at the end of the movie I always cry"),
        ("fr", "@Pierre je crève aujourd'hui, je suis à la vaisselle jusqu'à 22h."),
        ("fr", "@Karim viens on crève ce soir, j'en peux plus"),
        ("fr", "@Lolo qui crève à minuit, superrrr"),
        ("fr", "@PedroFacon pendant que le citoyen se crève à joindre les deux bouts ce mois-ci."),
        ("fr", "@Karim je me crève au boulot ce soir"),
        ("fr", "Merci @Julie ! Il faut saigner le radiateur avant l'hiver."),
    ],
)
def test_ones_own_fate_is_not_a_threat(scan: Scan, lang: str, text: str) -> None:
    assert scan(text, lang).scores["violent_threat"].score < FLAG


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "@bob you die tonight"),
        ("en", "The judge dies tomorrow, I promise"),
        ("fr", "@Karim je te crève ce soir"),
        ("fr", "Ce juge crève ce soir, je le jure"),
        ("fr", "Il faut saigner ce traître"),
    ],
)
def test_the_same_verbs_aimed_at_someone_stay_threats(scan: Scan, lang: str, text: str) -> None:
    assert scan(text, lang).scores["violent_threat"].score >= FLAG
