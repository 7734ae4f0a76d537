"""Calls to shut a protected group out of work, schools, housing or the country (lexicon v16, five languages).

Why: the bundled feed's "Interdisez aux Asiatiques d'enseigner dans nos écoles" was caught by the encoder
alone (hate 0.32, just over the review bar) and cleared by the cascade's first stage (score 0.046 under
its French threshold 0.051); the lexicon had no reading of "interdire aux X de", "ban X from teaching",
"close the borders to X", "refuse to hire X" or "no social housing for X" in any language. Each rule needs
an imperative, a prescriptive frame ("il faut", "should", "man muss", "hay que", "bisogna") or the start of
a sentence, and a protected group; the look-alikes below are news ("the law bans", "wants to ban"),
critics ("a shame", "racist"), shortages and a plain ban of something else — proof that the words alone are
not enough. The sentences are written for these tests.
"""

from __future__ import annotations

import pytest

from .helpers import Scan, fired, score

CALLS = [
    (
        "Ban immigrants from teaching in our schools, keep them away from our kids",
        "en",
        "en.hate.ban_group_from",
    ),
    ("We must forbid Muslims from entering public office.", "en", "en.hate.ban_group_from"),
    ("Close the borders to Mexicans. This was never their country.", "en", "en.hate.close_borders_to_group"),
    (
        "Businesses should be allowed to refuse to hire refugees. I know I would.",
        "en",
        "en.hate.refuse_group_service",
    ),
    ("No social housing for Asians. Our people first.", "en", "en.hate.no_provision_for_group"),
    (
        "Interdisez aux Asiatiques d'enseigner dans nos écoles, on n'en veut pas près de nos enfants",
        "fr",
        "fr.hate.interdire_au_groupe",
    ),
    ("Il faut interdire aux musulmans l'accès à la fonction publique.", "fr", "fr.hate.interdire_au_groupe"),
    (
        "Fermez les frontières aux Africains, ce pays n'est pas le leur",
        "fr",
        "fr.hate.fermer_frontieres_au_groupe",
    ),
    (
        "Aucun logement social pour les Asiatiques, les Français d'abord",
        "fr",
        "fr.hate.aucun_logement_pour_le_groupe",
    ),
    (
        "Il faut renvoyer les migrants dans leur pays, par bateaux entiers s'il le faut",
        "fr",
        "fr.hate.il_faut_renvoyer_le_groupe",
    ),
    ("Verbietet den Juden, in unseren Schulen zu unterrichten.", "de", "de.hate.verbietet_der_gruppe"),
    ("Man muss den Muslimen das Unterrichten verbieten.", "de", "de.hate.verbietet_der_gruppe"),
    ("Grenzen dicht für Flüchtlinge, sofort!", "de", "de.hate.grenzen_dicht_fur_gruppe"),
    ("Keine Sozialwohnungen für Ausländer. Deutsche zuerst.", "de", "de.hate.keine_wohnung_fur_gruppe"),
    ("Prohibid a los musulmanes enseñar en nuestras escuelas.", "es", "es.hate.prohibir_al_grupo"),
    ("Cerrad las fronteras a los inmigrantes de una vez.", "es", "es.hate.cerrar_fronteras_al_grupo"),
    (
        "Ninguna vivienda social para los gitanos. Los españoles primero.",
        "es",
        "es.hate.ninguna_vivienda_para_el_grupo",
    ),
    ("Vietate ai musulmani di insegnare nelle nostre scuole.", "it", "it.hate.vietare_al_gruppo"),
    ("Chiudete le frontiere agli immigrati, subito.", "it", "it.hate.chiudere_frontiere_al_gruppo"),
    (
        "Nessuna casa popolare per gli zingari. Prima gli italiani.",
        "it",
        "it.hate.nessuna_casa_per_il_gruppo",
    ),
]

EXCLUSION_RULES = {rule.split(".")[-1] for _, _, rule in CALLS}
"""The new rules' names, language prefix left out (a look-alike must fire none of them)."""

LOOK_ALIKES = [
    # news: someone else's plan or a law, reported
    ("The governor wants to ban Muslims from entering the state, the paper reports.", "en"),
    ("The 1882 law barred Chinese workers from entering the country.", "en"),
    ("Le gouvernement veut interdire aux migrants de travailler, selon Le Monde.", "fr"),
    ("Das Gesetz verbietet den Flüchtlingen nicht, hier zu arbeiten.", "de"),
    ("Le moschee sono vietate ai musulmani in quel paese, denuncia il rapporto.", "it"),
    # critics: the exclusion named as a shame, racist or illegal
    ("Banning immigrants from teaching in our schools would be a disgrace.", "en"),
    ("Refuser de loger les Asiatiques ? Interdire aux musulmans d'enseigner est une honte raciste.", "fr"),
    ("Cerrar las fronteras a los refugiados es inhumano.", "es"),
    # shortages and other bans
    ("No social housing for refugees is left in the city: the waiting list is two years long.", "en"),
    ("Aucun logement pour les réfugiés : la crise du logement frappe la préfecture.", "fr"),
    ("Ban plastic bags from our schools.", "en"),
    ("Fermez les portes aux courants d'air, il fait froid.", "fr"),
    ("Keine Wohnung für Studenten in München, die Mieten sind zu hoch.", "de"),
]


@pytest.mark.parametrize(("text", "language", "rule"), CALLS)
def test_a_call_to_exclude_a_group_is_hate(scan: Scan, text: str, language: str, rule: str) -> None:
    signal = fired(scan, text, language, rule)
    assert score(signal, "hate") >= 0.5
    assert any(ev.label == "hate" for ev in signal.scores["hate"].evidence)


@pytest.mark.parametrize(("text", "language"), LOOK_ALIKES)
def test_news_critics_and_shortages_are_not_exclusion_calls(scan: Scan, text: str, language: str) -> None:
    hits = [r for r in scan(text, language).extras["rule_hits"] if r.split(".")[-1] in EXCLUSION_RULES]
    assert hits == []
