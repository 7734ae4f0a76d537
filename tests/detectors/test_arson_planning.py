"""Planned arson against a place of worship or a shelter (lexicon v13: each language's arson file).

"Saturday at noon we meet at the synagogue on Elm Street. Bring gasoline." was allowed in all five languages:
no verb of harm, a place and a can of fuel. A meeting place of that kind and an incendiary in one post score
as incitement, which a date or time then makes planned; either alone is nothing, and fuel for a generator is
excluded (the heads still flag those posts on their own). Sentences are written for these tests.
"""

from __future__ import annotations

import pytest

from .helpers import Scan, score

REVIEW = 0.25  # the default policy's incitement review bar


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Saturday at noon we meet at the synagogue on Elm Street. Bring gasoline.", "en"),
        ("Samedi midi rendez-vous devant la mosquée de la rue des Lilas. Ramenez de l'essence.", "fr"),
        ("Samstag um zwölf treffen wir uns vor der Moschee. Bringt Benzin mit.", "de"),
        ("El sábado a mediodía nos vemos frente a la mezquita. Traed gasolina.", "es"),
        ("Sabato a mezzogiorno ci vediamo davanti alla moschea. Portate benzina.", "it"),
    ],
)
def test_a_meeting_at_a_place_of_worship_with_fuel_is_planned_incitement(
    scan: Scan, text: str, language: str
) -> None:
    signal = scan(text, language)
    assert f"{language}.incite.arson_at_worship" in signal.extras["rule_hits"], signal.extras
    assert score(signal, "incitement") >= REVIEW
    assert signal.extras["planned"] is True  # the day and hour beside it


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Saturday at noon we meet at the church for the bake sale. Bring cookies.", "en"),
        ("Meet at the church at 9, bring gasoline for the generator, the hall has no power.", "en"),
        ("The mosque hosts a fundraiser on Saturday; bring cakes and your friends.", "en"),
        ("Rendez-vous à l'église samedi, apportez de l'essence pour le groupe électrogène.", "fr"),
        ("Treffpunkt an der Kirche, bringt Benzin für den Generator mit.", "de"),
        ("Sabato c'è la festa in chiesa, portate le torte.", "it"),
    ],
)
def test_the_place_or_the_fuel_alone_is_not_incitement(scan: Scan, text: str, language: str) -> None:
    signal = scan(text, language)
    assert not any(r.endswith(".incite.arson_at_worship") for r in signal.extras["rule_hits"])
    assert score(signal, "incitement") < REVIEW


@pytest.mark.parametrize(
    ("text", "language", "rule"),
    [
        ("Morgen zünden wir das Asylheim an.", "de", "de.incite.brand_legen"),
        ("Jemand sollte die Moschee abfackeln.", "de", "de.incite.brand_legen"),
        ("Domani diamo fuoco al centro d'accoglienza.", "it", "it.incite.dare_fuoco"),
        ("Qualcuno dovrebbe bruciare quella moschea.", "it", "it.incite.dare_fuoco"),
        ("Mañana quemamos el centro de refugiados.", "es", "es.incite.prender_fuego"),
        ("Faut foutre le feu à la mosquée ce soir.", "fr", "fr.incite.mettre_le_feu"),
    ],
)
def test_a_call_to_set_fire_to_a_place_of_worship_or_a_shelter_is_incitement(
    scan: Scan, text: str, language: str, rule: str
) -> None:
    """Lexicon v14: with the arson verb itself, no fuel needed. Three of the six were allowed before, the
    other three left to the heads alone."""
    signal = scan(text, language)
    assert rule in signal.extras["rule_hits"], signal.extras
    assert score(signal, "incitement") >= 0.6


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Die Moschee wurde gestern abgefackelt, die Polizei ermittelt.", "de"),
        ("Wir zünden in der Kirche Kerzen an.", "de"),
        ("Ieri hanno dato fuoco alla moschea, la polizia indaga.", "it"),
        ("Accendiamo le candele in chiesa.", "it"),
        ("Anoche quemaron la mezquita del barrio; la policía investiga.", "es"),
        ("Vamos a quemar las calorías antes de ir a la iglesia.", "es"),
        ("Les pompiers ont éteint le feu à la mosquée.", "fr"),
    ],
)
def test_news_of_a_fire_and_candles_are_not_calls(scan: Scan, text: str, language: str) -> None:
    assert score(scan(text, language), "incitement") < REVIEW
