"""Intimidation without a verb of harm (lexicon v14: en/veiled.yaml, fr/menaces_voilees.yaml, fr/rules.yaml).

Of 29 threats and calls written for this session in the manner of the campaigns vigie exists for, 11 were
allowed before: "Someone needs to teach that reporter a lesson she won't forget.", "Post the judge's home
address here so we can all go say hello.", "The only good cop is a dead cop, see you at the precinct
tonight.", "On va aller rendre une petite visite au maire chez lui samedi soir.", "Balancez l'adresse du
juge, on va aller lui dire bonjour.", "Le 20 janvier, tous armés devant l'Assemblée, on ne repartira pas."
Each rule weighs a review on its own; a lesson *in* or *about* something, a lesson at the ballot box, a
visit to grandma, a senator's office number, ropes for climbing and zip ties for cables are nothing.
"""

from __future__ import annotations

import pytest

from .helpers import Scan, score


@pytest.mark.parametrize(
    ("text", "language", "rule", "label"),
    [
        (
            "Someone needs to teach that reporter a lesson she won't forget.",
            "en",
            "en.threat.teach_a_lesson",
            "violent_threat",
        ),
        (
            "We're going to meet the refugees at the station on Saturday and teach them a lesson.",
            "en",
            "en.threat.teach_a_lesson",
            "violent_threat",
        ),
        (
            "Time to pay the senator a visit at his house. Bring friends.",
            "en",
            "en.threat.pay_a_visit_at_home",
            "violent_threat",
        ),
        ("The only good cop is a dead cop.", "en", "en.threat.only_good_one_dead", "violent_threat"),
        ("The only good Muslim is a dead Muslim.", "en", "en.threat.only_good_one_dead", "violent_threat"),
        (
            "Post the judge's home address here so we can all go say hello.",
            "en",
            "en.incite.post_their_address",
            "incitement",
        ),
        (
            "If the election is stolen we will burn this city to the ground.",
            "en",
            "en.incite.burn_the_city",
            "incitement",
        ),
        (
            "Il faudrait que quelqu'un donne une bonne leçon à cette journaliste.",
            "fr",
            "fr.threat.donner_une_lecon",
            "violent_threat",
        ),
        (
            "On va aller rendre une petite visite au maire chez lui samedi soir.",
            "fr",
            "fr.threat.visite_chez_lui",
            "violent_threat",
        ),
        (
            "Balancez l'adresse du juge, on va aller lui dire bonjour.",
            "fr",
            "fr.incite.balancer_adresse",
            "incitement",
        ),
        (
            "Le 20 janvier, tous armés devant l'Assemblée, on ne repartira pas.",
            "fr",
            "fr.incite.venez_armes",
            "incitement",
        ),
        (
            "Jemand sollte dieser Journalistin mal eine Lektion erteilen, die sie nicht vergisst.",
            "de",
            "de.threat.lektion_erteilen",
            "violent_threat",
        ),
        ("Der einzige gute Bulle ist ein toter Bulle.", "de", "de.threat.einzige_gute_tot", "violent_threat"),
        (
            "Alguien debería darle una lección a esa periodista que no olvide.",
            "es",
            "es.threat.dar_una_leccion",
            "violent_threat",
        ),
        ("El único moro bueno es el moro muerto.", "es", "es.threat.unico_bueno_muerto", "violent_threat"),
        (
            "Qualcuno dovrebbe dare una lezione a quella giornalista che non dimenticherà.",
            "it",
            "it.threat.dare_una_lezione",
            "violent_threat",
        ),
        ("L'unico zingaro buono è quello morto.", "it", "it.threat.unico_buono_morto", "violent_threat"),
        # Lexicon v21: where officials and journalists live, asked for or listed.
        (
            "Post the home addresses of every election official in Maricopa.",
            "en",
            "en.incite.find_where_they_live",
            "incitement",
        ),
        (
            "Anyone know where Judge Whitfield lives? Asking for a friend 😉",
            "en",
            "en.incite.find_where_they_live",
            "incitement",
        ),
        (
            "We need to start compiling lists of the journalists who lied. Addresses too.",
            "en",
            "en.incite.find_where_they_live",
            "incitement",
        ),
        (
            "Quelqu'un a l'adresse de ce juge ? Je demande pour un ami 😉",
            "fr",
            "fr.incite.ou_habite_la_cible",
            "incitement",
        ),
        (
            "Faites une liste des journalistes menteurs, avec leurs adresses.",
            "fr",
            "fr.incite.ou_habite_la_cible",
            "incitement",
        ),
    ],
)
def test_intimidation_goes_to_review(scan: Scan, text: str, language: str, rule: str, label: str) -> None:
    signal = scan(text, language)
    assert rule in signal.extras["rule_hits"], signal.extras
    assert score(signal, label) >= 0.5


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("I'm going to teach my daughter a lesson about saving money.", "en"),
        ("What is the address of the mayor's office?", "en"),
        ("Does anyone know where the mayor lives? I want to send her a thank you card.", "en"),
        ("Find the phone numbers of the senators and call them about the bill.", "en"),
        ("Qui a l'adresse du cabinet du député ?", "fr"),
        ("We'll teach them a lesson on the pitch on Sunday.", "en"),
        ("We're going to teach the government a lesson at the ballot box in November.", "en"),
        ("Let's teach the senator a lesson in the next election.", "en"),
        ("Someone needs to teach the senator a lesson in basic economics.", "en"),
        ("The coach taught them a lesson in humility on Sunday.", "en"),
        ("We paid grandma a visit at her house on Saturday.", "en"),
        ("I'll pay my doctor a visit at his office on Monday.", "en"),
        ("Find the senator's phone number and call him, demand a vote on the bill.", "en"),
        ("The mayor's home address is on the city website for permit questions.", "en"),
        ("The only good bug is a dead bug.", "en"),
        ("We're gonna burn this place down tonight, best concert ever!", "en"),
        ("Bring zip ties, we need to bundle the cables for the stage.", "en"),
        ("Bring ropes for the climbing trip.", "en"),
        ("Je vais rendre visite à mon grand-père chez lui dimanche.", "fr"),
        ("Le prof nous a donné une bonne leçon de maths.", "fr"),
        ("Il faut donner une leçon de démocratie à ce gouvernement aux prochaines élections.", "fr"),
        ("Donnez-moi l'adresse de la mairie s'il vous plaît.", "fr"),
        ("Tous armés de patience, on attend le bus depuis une heure.", "fr"),
        ("Der Lehrer erteilte uns eine Lektion in Geschichte.", "de"),
        ("Wir werden den Bayern am Samstag eine Lektion erteilen.", "de"),
        ("Hay que darles una lección de humildad a los jugadores.", "es"),
        ("El único plan bueno es el plan terminado.", "es"),
        ("Dobbiamo dare una lezione di storia ai ragazzi.", "it"),
    ],
)
def test_the_same_words_without_intimidation_are_nothing(scan: Scan, text: str, language: str) -> None:
    signal = scan(text, language)
    assert score(signal, "violent_threat") < 0.36 and score(signal, "incitement") < 0.25, signal.extras
