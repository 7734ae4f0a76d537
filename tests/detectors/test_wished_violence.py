"""Rape, acid and stoning wished on someone (lexicon v20).

Probed with sentences written for these tests: "Cette salope mérite de se faire violer." and "On devrait
leur jeter de l'acide au visage." were allowed, "Women who cheat deserve to be stoned." too, while their
English or French twins were read. A rape wish needs no named target (the threat rule that does,
``fr.threat.sera_tue``, took the match and then dropped it for want of one: the wish now weighs more, and
the scanner tries the strongest rule first). Refusing the harm stays counter-speech: "Personne ne mérite de
se faire violer.", "No woman deserves to be stoned."
"""

from __future__ import annotations

import pytest

from .helpers import Scan, assert_no_category, fired, score


@pytest.mark.parametrize(
    ("text", "language", "rule", "label"),
    [
        ("Cette salope mérite de se faire violer.", "fr", "fr.threat.viol_souhaite", "violent_threat"),
        ("Elle doit se faire violer.", "fr", "fr.threat.viol_souhaite", "violent_threat"),
        ("Elle mérite qu'on la viole.", "fr", "fr.threat.viol_souhaite", "violent_threat"),
        ("On devrait leur jeter de l'acide au visage.", "fr", "fr.incite.acide_au_visage", "incitement"),
        ("Les femmes infidèles méritent d'être lapidées.", "fr", "fr.threat.sera_tue", "violent_threat"),
        ("Women who cheat deserve to be stoned.", "en", "en.threat.stoning", "violent_threat"),
        # Lexicon v21: a killing wished by the author ("that someone kill him"), and the gallows deserved.
        ("Je paierais cher pour qu'on le bute.", "fr", "fr.threat.souhait_quon_le_tue", "violent_threat"),
        ("J'aimerais que quelqu'un le tue.", "fr", "fr.threat.souhait_quon_le_tue", "violent_threat"),
        ("Vivement qu'on l'abatte.", "fr", "fr.threat.souhait_quon_le_tue", "violent_threat"),
        (
            "The only thing that judge deserves is a trip to the gallows.",
            "en",
            "en.threat.deserve_harm",
            "violent_threat",
        ),
    ],
)
def test_the_wished_violence_is_read(scan: Scan, text: str, language: str, rule: str, label: str) -> None:
    assert score(fired(scan, text, language, rule), label) >= 0.5


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Elle a peur de se faire violer en rentrant le soir.", "fr"),
        ("On a jeté de l'acide dans le lavabo pour le déboucher.", "fr"),
        ("We should be stoned all weekend lol.", "en"),
        ("My roommates want to be stoned before the concert.", "en"),
        ("J'ai peur qu'on le tue.", "fr"),
        ("Ils veulent qu'on le tue, c'est honteux.", "fr"),
        ("J'aimerais qu'on tue le temps autrement.", "fr"),
        ("Pour qu'on le tue, il faudrait d'abord l'attraper.", "fr"),
        ("We deserve a trip to the beach.", "en"),
    ],
)
def test_fear_plumbing_and_weed_are_nothing(scan: Scan, text: str, language: str) -> None:
    assert_no_category(scan(text, language))


@pytest.mark.parametrize(
    ("text", "language"),
    [("Personne ne mérite de se faire violer.", "fr"), ("No woman deserves to be stoned.", "en")],
)
def test_refusing_the_harm_is_counter_speech(scan: Scan, text: str, language: str) -> None:
    assert score(scan(text, language), "counter_speech") >= 0.5
