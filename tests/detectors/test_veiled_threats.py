"""Veiled threats against third persons (lexicon v13: each language's veiled-threat file).

"We know where the journalists live.", "Someone should deal with that judge permanently.", "Ce serait
dommage qu'il arrive un accident aux enfants du sénateur." name no act of harm, and the heads scored them
0.2–0.3: the lexicon read only the reader-addressed forms ("I know where you live"). The third-person forms
need a target in their sentence or the one before and weigh a review (0.5–0.6), never a removal on their own;
the same words said of a pothole, a backlog or a last day at work have no target and stay below the bar.
"X should be careful when walking home alone at night" was tried in five languages and dropped: advice to a
nurse on an icy night reads the same. Sentences are written for these tests.
"""

from __future__ import annotations

import pytest

from .helpers import Scan, score

REVIEW = 0.36  # the default policy's violent_threat review bar
REMOVAL = 0.92  # nor may one of these rules alone reach the removal bar


@pytest.mark.parametrize(
    ("text", "language", "rule"),
    [
        ("We know where the journalists live. Just saying.", "en", "en.threat.know_where_they_live"),
        ("Someone should deal with that judge permanently.", "en", "en.threat.deal_with_for_good"),
        (
            "Journalists are the enemy. Time to start dealing with them the old way, one by one.",
            "en",
            "en.threat.deal_with_for_good",
        ),
        ("The mayor won't be a problem much longer, trust me.", "en", "en.threat.not_a_problem_much_longer"),
        ("It'd be a shame if the senator's kids had an accident.", "en", "en.threat.shame_if_accident"),
        ("Enjoy your last Christmas, Judge Harper.", "en", "en.threat.last_christmas"),
        (
            "Somebody should put that judge in the ground before she ruins another family.",
            "en",
            "en.threat.put_in_the_ground",
        ),
        (
            "Ce serait dommage qu'il arrive un accident aux enfants du sénateur.",
            "fr",
            "fr.threat.dommage_accident",
        ),
        ("Profite bien de ton dernier Noël, monsieur le juge.", "fr", "fr.threat.dernier_noel"),
        (
            "Le maire ferait bien de surveiller ses arrières quand il rentre le soir.",
            "fr",
            "fr.threat.surveiller_arrieres",
        ),
        (
            "Ces traîtres de députés auront bientôt ce qu'ils méritent.",
            "fr",
            "fr.threat.auront_ce_quils_meritent",
        ),
        (
            "Les journalistes, on va s'occuper d'eux à l'ancienne, un par un.",
            "fr",
            "fr.threat.regler_definitivement",
        ),
        ("Genieß dein letztes Weihnachten, Herr Richter.", "de", "de.threat.letztes_weihnachten"),
        ("Wir kümmern uns um die Richterin, endgültig.", "de", "de.threat.kuemmern_endgueltig"),
        ("Disfruta de tu última Navidad, señor juez.", "es", "es.threat.ultima_navidad"),
        ("Sería una pena que los hijos del alcalde tuvieran un accidente.", "es", "es.threat.pena_accidente"),
        (
            "Es wäre schade, wenn den Kindern der Richterin etwas zustoßen würde.",
            "de",
            "de.threat.waere_schade",
        ),
        (
            "Die Journalistin wird nicht mehr lange ein Problem sein, glaubt mir.",
            "de",
            "de.threat.nicht_mehr_lange",
        ),
        ("Esa periodista no va a ser un problema por mucho tiempo.", "es", "es.threat.no_sera_problema"),
        ("Sabemos dónde vive el juez. Solo digo.", "es", "es.threat.sabemos_donde_vive"),
        ("Quella giornalista non sarà un problema ancora per molto.", "it", "it.threat.non_sara_problema"),
        ("Sappiamo dove vive il giudice. Dico solo.", "it", "it.threat.sappiamo_dove_vive"),
        ("Goditi il tuo ultimo Natale, signor giudice.", "it", "it.threat.ultimo_natale"),
        (
            "Sarebbe un peccato se succedesse qualcosa ai figli del sindaco.",
            "it",
            "it.threat.peccato_incidente",
        ),
    ],
)
def test_a_veiled_threat_goes_to_review(scan: Scan, text: str, language: str, rule: str) -> None:
    signal = scan(text, language)
    assert rule in signal.extras["rule_hits"], signal.extras
    assert REVIEW <= score(signal, "violent_threat") < REMOVAL


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Enjoy your last day at work, we'll miss you!", "en"),
        ("Enjoy your last Christmas in the old house before the move!", "en"),
        ("This bug won't be a problem much longer, the patch ships Monday.", "en"),
        ("The senator won't be a problem much longer once the recall passes.", "en"),
        ("The mayor will deal with the pothole problem permanently, she promised.", "en"),
        ("We'll deal with the backlog once and for all this weekend.", "en"),
        ("The mayor put the first tree in the ground at the new park.", "en"),
        ("Somebody should put the tulip bulbs in the ground before the frost.", "en"),
        ("It would be a shame if the mayor's park project got cancelled.", "en"),
        ("Profite bien de ton dernier jour de vacances !", "fr"),
        ("Profite de ton dernier Noël à Paris avant le déménagement.", "fr"),
        ("Les joueurs auront bientôt ce qu'ils méritent : une vraie pelouse.", "fr"),
        ("Le maire va s'occuper du problème des trottoirs une bonne fois pour toutes.", "fr"),
        ("Ce serait dommage qu'il arrive quelque chose de bien au maire pour une fois.", "fr"),
        ("Der Bürgermeister kümmert sich um die Schlaglöcher endgültig.", "de"),
        (
            "Die Lehrerin wird nicht mehr lange ein Problem mit dem Kopierer haben, der neue kommt Montag.",
            "de",
        ),
        ("El nuevo profesor no será un problema por mucho tiempo porque se jubila en junio.", "es"),
        ("Genieß deinen letzten Urlaubstag!", "de"),
        ("Disfruta tu último día de vacaciones.", "es"),
        ("Goditi il tuo ultimo giorno di ferie.", "it"),
    ],
)
def test_the_same_words_without_a_target_are_not_threats(scan: Scan, text: str, language: str) -> None:
    assert score(scan(text, language), "violent_threat") < REVIEW
