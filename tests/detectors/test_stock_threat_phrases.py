"""Death threats and calls said in stock phrases (lexicon v19): "your days are numbered", "tes jours sont
comptés", "will pay for this ruling with her life", "will regret the day she was born", "tu vas finir comme
Samuel Paty", "rain suffering and death upon them", "on monte à Paris avec les fusils".

Found probing threats against the officials, judges and journalists the 2021 notices named: "Judge Harper
will pay for this ruling with her life." and "Your days are numbered, Mayor Collins." scored 0.06 and 0.00
on every category (the French "paiera de sa vie" was read). The same words about a job, a term or one's
savings are not threats: only the reader's days are numbered (second person), never "at this company",
"here" or in a question, and a life paid "with her life savings" buys a house. Sentences are written for
these tests, as are the seed's phrasings: its campaign's "rain suffering and death" was read in Italian only,
and "Le 20 janvier, on monte à Paris avec les fusils" by nothing.
"""

from __future__ import annotations

import pytest

from .helpers import Scan, fired, score

REVIEW = 0.36  # the default policy's violent_threat review bar


@pytest.mark.parametrize(
    ("text", "language", "rule"),
    [
        ("Judge Harper will pay for this ruling with her life.", "en", "en.threat.harm_fate"),
        ("The senator is going to pay for that vote with his life", "en", "en.threat.harm_fate"),
        ("Your days are numbered, Mayor Collins.", "en", "en.threat.days_are_numbered"),
        ("ur days are numbered traitor", "en", "en.threat.days_are_numbered"),
        ("Tes jours sont comptés, monsieur le juge.", "fr", "fr.threat.jours_comptes"),
        ("Vos jours sont comptés, bande de traîtres.", "fr", "fr.threat.jours_comptes"),
        ("That teacher will regret the day she was born.", "en", "en.threat.regret_being_born"),
        ("You'll regret ever being born.", "en", "en.threat.regret_being_born"),
        ("Cette prof va regretter d'être née.", "fr", "fr.threat.regretter_detre_ne"),
        ("Tu vas regretter d'être venu au monde, sale traître.", "fr", "fr.threat.regretter_detre_ne"),
        ("Tu vas finir comme Samuel Paty.", "fr", "fr.threat.sort_dun_assassine"),
        ("Encore un prof qui mérite le même sort que Paty.", "fr", "fr.threat.sort_dun_assassine"),
        ("Un jour on vous fera ce qu'on a fait à Charlie.", "fr", "fr.threat.sort_dun_assassine"),
        ("Ce député, une balle et on n'en parle plus.", "fr", "fr.threat.une_balle_et_on_nen_parle_plus"),
        ("You'll end up like Samuel Paty, teacher.", "en", "en.threat.fate_of_the_murdered"),
        ("That MP deserves the same fate as Jo Cox.", "en", "en.threat.fate_of_the_murdered"),
    ],
)
def test_stock_phrases_of_a_death_threat_are_read(scan: Scan, text: str, language: str, rule: str) -> None:
    assert score(fired(scan, text, language, rule), "violent_threat") >= REVIEW


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("She will pay for the house with her life savings.", "en"),
        ("Judge Harper will pay for this ruling at the next election.", "en"),
        ("My days are numbered at this job, lol.", "en"),
        ("Your days are numbered at this company, Dave.", "en"),
        ("Your days are numbered here if you keep missing deadlines.", "en"),
        ("Are your days numbered? Your days are numbered? Take our quiz.", "en"),
        ("The old printer's days are numbered.", "en"),
        ("Tes jours sont comptés dans cette boîte.", "fr"),
        ("Tes jours sont comptés ?", "fr"),
        ("Les jours de soldes sont comptés, profitez-en.", "fr"),
        ("The director will regret casting him, trust me.", "en"),
        ("Il va regretter ce choix, c'est sûr.", "fr"),
        ("Aucun prof ne doit finir comme Samuel Paty.", "fr"),
        ("Ce qui est arrivé à Samuel Paty est une horreur.", "fr"),
        ("Hommage à Samuel Paty, mort pour avoir enseigné.", "fr"),
        ("Ce vieux chien malade, une balle et on n'en parle plus.", "fr"),
        ("No teacher should end up like Samuel Paty.", "en"),
    ],
)
def test_the_same_words_about_a_job_a_sale_or_savings_are_not(scan: Scan, text: str, language: str) -> None:
    assert score(scan(text, language), "violent_threat") < REVIEW


INCITEMENT_REVIEW = 0.25  # the default policy's incitement review bar


@pytest.mark.parametrize(
    ("text", "language", "rule"),
    [
        ("Rain suffering and death upon them, they are not human.", "en", "en.incite.rain_death"),
        ("We are going to rain death on these people.", "en", "en.incite.rain_death"),
        ("Time to rain down bullets on the traitors.", "en", "en.incite.rain_death"),
        ("On va faire pleuvoir la mort sur ces gens-là.", "fr", "fr.incite.pleuvoir_la_mort"),
        ("Faisons pleuvoir le sang et la souffrance sur les traîtres.", "fr", "fr.incite.pleuvoir_la_mort"),
        ("Le 20 janvier, on monte à Paris avec les fusils.", "fr", "fr.incite.monter_avec_armes"),
        ("Samedi nous irons devant la préfecture avec nos battes.", "fr", "fr.incite.monter_avec_armes"),
    ],
)
def test_the_campaigns_calls_are_read(scan: Scan, text: str, language: str, rule: str) -> None:
    assert score(fired(scan, text, language, rule), "incitement") >= INCITEMENT_REVIEW


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Bombers rained death on Dresden in 1945.", "en"),
        ("Acid rain death on the forests of Europe is a scandal.", "en"),
        ("The rain on the roof kept me awake.", "en"),
        ("Il va pleuvoir sur Paris toute la semaine.", "fr"),
        ("Samedi on va à la chasse avec les fusils de papy.", "fr"),
        ("On ira au stand de tir avec nos pistolets dimanche.", "fr"),
        ("On va au musée de l'Armée avec les enfants.", "fr"),
    ],
)
def test_rain_hunting_and_museums_are_not_calls(scan: Scan, text: str, language: str) -> None:
    """The lexicon reads none of these (the heads read some French ones as threats: MODEL_CARD)."""
    assert score(scan(text, language), "incitement") == 0.0
    assert score(scan(text, language), "violent_threat") == 0.0
