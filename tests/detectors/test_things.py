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


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # The screen is where the violence is to be seen, not what it is aimed at (lexicon v24: "tv", "télé",
        # "tele", "Fernseher" are no things; v23 dropped these calls).
        ("Faut fusiller ce traître en direct à la télé.", "fr"),
        ("Hay que fusilar a ese traidor en directo en la tele.", "es"),
        ("Bisogna fucilare quel traditore in diretta tv.", "it"),
        ("Man sollte diesen Verräter live im Fernseher erschießen.", "de"),
        # "che sparo" after "giuro" is the verb (I shoot), not the noun of «Che massacro!»
        ("Ti giuro che sparo a quei bastardi.", "it"),
    ],
)
def test_a_screen_or_a_verb_that_looks_like_a_noun_keeps_the_threat(
    scan: Scan, text: str, language: str
) -> None:
    signal = scan(text, language)
    assert max(score(signal, label) for label in ATTACKS) >= 0.5, signal.extras
    assert not signal.extras.get("suppressed"), signal.extras


def test_an_exclamation_over_a_lost_match_is_still_an_idiom(scan: Scan) -> None:
    signal = scan("Che massacro! Abbiamo perso cinque a zero.", "it")
    assert [i["idiom"] for i in signal.extras.get("idioms", [])] == ["it.idiom.il_massacro"]


def test_the_spanish_article_is_not_the_pronoun(scan: Scan) -> None:
    """Folding makes "él" (he) and "el" (the) one word; v23 let the article keep every sentence holding it
    out of the idiom, so the Spanish idiom almost never applied. A pronoun with its verb still does."""
    covered = scan("Esta impresora merece arder en el infierno.", "es")
    assert [i["idiom"] for i in covered.extras.get("idioms", [])] == ["es.idiom.violencia_contra_una_cosa"]
    assert not scan("Él merece arder con su impresora.", "es").extras.get("idioms")


def test_a_sentence_naming_a_man_a_woman_or_someone_is_not_about_a_thing(scan: Scan) -> None:
    for text, language in (
        ("That guy with the printer deserves to be smashed.", "en"),
        ("Ce mec et son imprimante méritent de brûler.", "fr"),
        ("Der Kerl mit dem Drucker gehört verbrannt.", "de"),
        ("Quel tizio col telefono merita di bruciare.", "it"),
    ):
        assert not scan(text, language).extras.get("idioms"), text
