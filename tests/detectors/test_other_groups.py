"""Groups that are not protected are targets of their own kind (lexicon v22: ``other_groups`` sections).

A trade, a pastime, a way of getting about: the lexicon names them as ``other_group`` targets, with the
words as written, so that a reviewer sees who a post is aimed at, a threat against them keeps its target,
and the default policy can tell an attack on them from hate (tests/functional/test_other_groups.py). A
word naming a protected trait next to the noun ("white farmers", "les agriculteurs blancs") makes it a
protected group, and then it is no ``other_group``.
"""

from __future__ import annotations

import pytest

from .helpers import Scan, score


def _other_groups(scan: Scan, text: str, language: str) -> list[str]:
    return [t.name for t in scan(text, language).targets if t.kind == "other_group"]


@pytest.mark.parametrize(
    ("text", "language", "written"),
    [
        ("Mechanics are a plague on this town.", "en", "Mechanics"),
        ("I can't stand the cyclists on my street.", "en", "the cyclists"),
        ("Les garagistes sont tous des escrocs.", "fr", "Les garagistes"),
        ("Diese Radfahrer nerven total.", "de", "Diese Radfahrer"),
        ("Los taxistas son un desastre.", "es", "Los taxistas"),
        ("I tassisti sono insopportabili.", "it", "I tassisti"),
    ],
)
def test_a_group_that_is_not_protected_is_an_other_group_target(
    scan: Scan, text: str, language: str, written: str
) -> None:
    assert _other_groups(scan, text, language) == [written]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Female engineers are useless.", "en"),
        ("Muslim landlords are parasites.", "en"),
        ("Les agriculteurs blancs sont des parasites.", "fr"),
        ("Muslimische Vermieter sind Parasiten.", "de"),
        ("Los abogados gitanos son todos iguales.", "es"),
        ("I tassisti stranieri sono un disastro.", "it"),
    ],
)
def test_a_protected_trait_next_to_the_noun_makes_it_no_other_group(
    scan: Scan, text: str, language: str
) -> None:
    assert _other_groups(scan, text, language) == []


def test_a_protected_group_named_beside_an_other_group_is_still_a_group(scan: Scan) -> None:
    kinds = sorted(t.kind for t in scan("Muslims and landlords, same thing.", "en").targets)
    assert kinds == ["group", "other_group"]


def test_a_harm_predicate_aimed_at_an_other_group_has_its_target(scan: Scan) -> None:
    # "will get a bullet" needs a target (it is a threat only when aimed at someone): a group that is not
    # protected is someone
    assert score(scan("The cyclists on Elm Street will get a bullet.", "en"), "violent_threat") >= 0.5
    assert score(scan("The weather on Elm Street will get a bullet.", "en"), "violent_threat") == 0.0
