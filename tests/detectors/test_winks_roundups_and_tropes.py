"""Threats with a wink, round-ups, the wall and antisemitic stories (lexicon v20).

Found probing the kinds of post the 2021 notices cited — threats against judges, teachers and journalists,
calls to march armed on the capital, posts targeting Jews — with sentences written for these tests, in
English and French, then Spanish, German and Italian the same way. Each positive below scored nothing in
the lexicon of v19, and most were allowed end to end: "Someone should take care of that judge, if you know
what I mean." (the wink ends a veiled threat as "permanently" does), "je sais où il gare sa voiture" (the
third person; v19 read only "je sais où tu habites"), "rounding up the teachers", "put them against the
wall", "the happy merchant strikes again", "Les juifs contrôlent les banques" (v19 read the English trope
only; German and Italian neither), "Un bon journaliste est un journaliste mort", "on marche armés sur la
capitale", "Ce prof devrait crever", "Am 6. Januar ziehen wir bewaffnet zum Reichstag". The look-alikes say
what each rule must not read: a wink about the garden, neighbours who know where the mayor lives, a
round-up for the staff photo, chairs against the wall, a happy merchant at the market, a debunked trope,
"crever de faim", zip ties for the cables, photos hung in the living room, an army's march in a history
book, a guided tour of the Reichstag.
"""

from __future__ import annotations

import pytest

from .helpers import Scan, assert_no_category, fired, score


@pytest.mark.parametrize(
    ("text", "language", "rule", "label"),
    [
        (
            "Someone should take care of that judge, if you know what I mean.",
            "en",
            "en.threat.deal_with_for_good",
            "violent_threat",
        ),
        (
            "Somebody needs to deal with this journalist, wink wink.",
            "en",
            "en.threat.deal_with_for_good",
            "violent_threat",
        ),
        (
            "Il faudrait que quelqu'un s'occupe de ce juge, si vous voyez ce que je veux dire.",
            "fr",
            "fr.threat.regler_definitivement",
            "violent_threat",
        ),
        (
            "Ce prof mérite une bonne correction, et je sais où il gare sa voiture.",
            "fr",
            "fr.threat.sait_ou_vit_la_cible",
            "violent_threat",
        ),
        (
            "On sait très bien où cette journaliste habite.",
            "fr",
            "fr.threat.sait_ou_vit_la_cible",
            "violent_threat",
        ),
        (
            "We need to start rounding up the teachers who push this filth.",
            "en",
            "en.incite.round_up",
            "incitement",
        ),
        (
            "Time to round up the journalists and put them against the wall.",
            "en",
            "en.threat.against_the_wall_now",
            "violent_threat",
        ),
        (
            "Line the journalists up against the wall.",
            "en",
            "en.threat.against_the_wall_now",
            "violent_threat",
        ),
        (
            "The happy merchant strikes again, rubbing his hands over our money.",
            "en",
            "en.hate.happy_merchant",
            "hate",
        ),
        ("Les juifs contrôlent les banques, comme toujours.", "fr", "fr.hate.juifs_controlent", "hate"),
        ("Encore le complot juif derrière tout ça.", "fr", "fr.hate.juifs_controlent", "hate"),
        (
            "Un bon journaliste est un journaliste mort.",
            "fr",
            "fr.threat.seul_bon_est_mort",
            "violent_threat",
        ),
        ("Le seul bon flic est un flic mort.", "fr", "fr.threat.seul_bon_est_mort", "violent_threat"),
        (
            "If the election is stolen we march armed on the capital.",
            "en",
            "en.incite.armed_march",
            "incitement",
        ),
        (
            "Si l'élection est volée, on marche armés sur la capitale.",
            "fr",
            "fr.incite.marche_armee",
            "incitement",
        ),
        ("Ce prof devrait crever.", "fr", "fr.threat.devrait_crever", "violent_threat"),
        ("Ces journalistes mériteraient d'être fusillés.", "fr", "fr.threat.sera_tue", "violent_threat"),
        ("Cette journaliste devrait se faire égorger.", "fr", "fr.threat.sera_tue", "violent_threat"),
        ("Pendez Macron !", "fr", "fr.incite.tuez_un_nom", "incitement"),
        ("Butez Dupont, ce traître.", "fr", "fr.incite.tuez_un_nom", "incitement"),
        (
            "Apportez des menottes, on va arrêter les députés nous-mêmes.",
            "fr",
            "fr.incite.arrestation_citoyenne",
            "incitement",
        ),
        (
            "Bring handcuffs, we're arresting the senators ourselves.",
            "en",
            "en.incite.citizens_arrest",
            "incitement",
        ),
        (
            "Les journalistes sont les ennemis du peuple et il faut s'en occuper.",
            "fr",
            "fr.threat.ennemis_du_peuple",
            "violent_threat",
        ),
        (
            "The journalists are the enemy of the people and must be dealt with.",
            "en",
            "en.threat.enemies_of_the_people",
            "violent_threat",
        ),
        ("Hay que colgar a los traidores del Congreso.", "es", "es.incite.hay_que_matarlos", "incitement"),
        ("Ich weiß, wo dieser Richter wohnt.", "de", "de.threat.weiss_wo_du_wohnst", "violent_threat"),
        (
            "Jemand sollte sich um diese Journalistin kümmern, wenn ihr versteht, was ich meine.",
            "de",
            "de.threat.kuemmern_zwinkern",
            "violent_threat",
        ),
        (
            "Am 6. Januar ziehen wir bewaffnet zum Reichstag.",
            "de",
            "de.incite.bewaffneter_marsch",
            "incitement",
        ),
        ("Die Juden kontrollieren die Banken und die Medien.", "de", "de.hate.juden_kontrollieren", "hate"),
        ("Jeder weiß, dass die Juden die Banken kontrollieren.", "de", "de.hate.juden_kontrollieren", "hate"),
        ("Gli ebrei controllano le banche e i media.", "it", "it.hate.ebrei_controllano", "hate"),
        (
            "Ramenez des colliers de serrage le 6, on prend le bâtiment.",
            "fr",
            "fr.incite.armes_rassemblement",
            "incitement",
        ),
    ],
)
def test_the_threat_or_trope_is_read(scan: Scan, text: str, language: str, rule: str, label: str) -> None:
    assert score(fired(scan, text, language, rule), label) >= 0.5


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Someone should take care of the garden while we're away, if you know what I mean.", "en"),
        ("Il faudrait que quelqu'un s'occupe du chat ce week-end, si vous voyez ce que je veux dire.", "fr"),
        ("Je sais où elle habite, je lui apporte des fleurs demain.", "fr"),
        ("Je sais où le maire habite, on était voisins pendant dix ans.", "fr"),
        ("We need to start rounding up volunteers for the bake sale.", "en"),
        ("Let's round up the teachers for the staff photo.", "en"),
        ("Time to round up the journalists to thank them for their coverage.", "en"),
        ("Put the chairs against the wall before the meeting.", "en"),
        ("Put the teachers' desks against the wall.", "en"),
        ("A happy merchant sold me apples this morning.", "en"),
        ("Les juifs tiennent à leurs traditions.", "fr"),
        ("Un bon prof est un prof motivé.", "fr"),
        ("Un bon flic est un flic mort de fatigue à la fin de la semaine.", "fr"),
        ("The army marched on the capital in 1917.", "en"),
        ("Les manifestants ont marché sur la capitale.", "fr"),
        ("Les profs doivent crever de faim avec ces salaires.", "fr"),
        ("Ce pneu doit crever un jour ou l'autre.", "fr"),
        ("Ramenez des colliers de serrage pour ranger les câbles.", "fr"),
        ("Ramenez des cordes pour la tente.", "fr"),
        ("Pendez vos manteaux à l'entrée.", "fr"),
        ("Tuez le temps en lisant un livre.", "fr"),
        ("Abattez les cartes, Jean !", "fr"),
        ("Tuez Bill, le film de Tarantino, passe ce soir.", "fr"),
        ("La police va arrêter les députés corrompus, selon le parquet.", "fr"),
        ("The police are arresting the senators' aides, the paper says.", "en"),
        ("Le chômage est l'ennemi du peuple, il faut s'en occuper.", "fr"),
        ("Hunger is the enemy of the people and must be dealt with.", "en"),
        ("Hay que colgar las fotos del viaje en el salón.", "es"),
        ("Hay que colgar la ropa antes de que llueva.", "es"),
        ("Jemand sollte sich am Wochenende um die Katze kümmern, wenn ihr versteht, was ich meine.", "de"),
        ("Wir kümmern uns um die Journalistin, sie bekommt einen Kaffee.", "de"),
        ("Am 6. Januar gehen wir zum Reichstag, eine Führung.", "de"),
        ("Die Juden feiern diese Woche Chanukka.", "de"),
        ("Gli ebrei festeggiano Hanukkah questa settimana.", "it"),
        ("Le banche controllano i conti degli ebrei e di tutti gli altri.", "it"),
    ],
)
def test_the_look_alikes_are_nothing(scan: Scan, text: str, language: str) -> None:
    assert_no_category(scan(text, language))


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Le mythe selon lequel les juifs contrôlent les banques est un vieux poncif antisémite.", "fr"),
        ("The myth that Jews control the banks is an old antisemitic trope.", "en"),
        ("Der Mythos, dass Juden die Banken kontrollieren, ist eine antisemitische Lüge.", "de"),
        ("Il mito secondo cui gli ebrei controllano le banche è un cliché antisemita.", "it"),
    ],
)
def test_a_debunked_trope_is_counter_speech(scan: Scan, text: str, language: str) -> None:
    assert score(scan(text, language), "counter_speech") >= 0.5
