"""French stance rules of ``vigie.lexicon`` (``detectors/data/fr/stance.yaml``) and the French
counter-speech and reporting frames narrowed so that they no longer launder attacks.

Why these matter: the policy's ``context.cap`` allows every post whose counter-speech or reporting
score reaches 0.5, whatever its hate score. A counter-speech frame that also reads an attack ("Les
musulmans n'ont pas leur place en France" matched "n'a pas sa place") turned the attack into an
allowed post. Each frame now has to be aimed at speech, hatred, an act undergone or a speaker;
positive statements about a group count for their own sentence only, never as a question, before a
"mais", in sarcasm or as someone else's reported words; negated positive statements ("les X ne sont
pas les bienvenus") are hate. The sentences are written for these tests.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from vigie.types import Signal

Scan = Callable[[str, str], Signal]
"""The ``scan`` fixture (tests/detectors/conftest.py): the shipped lexicon on one text."""


def score(signal: Signal, label: str) -> float:
    return signal.scores[label].score


def hits(signal: Signal) -> list[str]:
    return list(signal.extras.get("rule_hits", []))


# --- counter-speech frames: aimed at speech or hatred, never at a group -----------------------------

FRAMES = [
    # (rule, counter-speech in the frame, an attack on a group in the same frame)
    (
        "fr.counter.nommer_pour_opposer",
        "Le racisme n'a pas sa place dans ce club.",
        "L'islam n'a pas sa place ici.",
    ),
    (
        "fr.counter.nommer_pour_opposer",
        "La haine envers les migrants n'a pas sa place chez nous.",
        "Les musulmans n'ont pas leur place en France, point.",
    ),
    (
        "fr.counter.nommer_pour_opposer",
        "Ces attaques contre les juifs doivent cesser.",
        "L'immigration doit cesser.",
    ),
    (
        "fr.counter.signaler",
        "J'ai signalé le compte, faites pareil.",
        "Je signale les clandestins qui dorment sous le pont.",
    ),
    (
        "fr.counter.nommer_pour_opposer",
        "Nous ne nous tairons pas face au racisme.",
        "Nous ne nous tairons pas face à l'islamisation.",
    ),
    (
        "fr.counter.nommer_pour_opposer",
        "Arrêtez de répandre la haine.",
        "Les musulmans viennent répandre la haine.",
    ),
    (
        "fr.counter.on_ne_dit_pas",
        "Arrêtez de traiter les migrants de parasites.",
        "Arrêtez de traiter ces clandestins de réfugiés, ce sont des envahisseurs.",
    ),
    (
        "fr.counter.on_ne_dit_pas",
        "Arrêtez de dire que les Roms sont tous des voleurs.",
        "Arrêtez de dire que l'immigration est une chance pour nous.",
    ),
    (
        "fr.counter.on_ne_dit_pas",
        "On ne peut pas laisser dire de telles choses.",
        "On ne peut pas dire que les Roms soient des gens honnêtes.",
    ),
    (
        "fr.counter.on_ne_dit_pas",
        "Insulter un juif dans la rue, c'est de l'antisémitisme.",
        "C'est du racisme anti-blanc, les arabes nous détestent.",
    ),
    (
        "fr.counter.on_ne_dit_pas",
        "Pas de place pour la haine ici.",
        "Le voile islamique, pas de place pour ça ici.",
    ),
    (
        "fr.counter.condamne",
        "Les menaces contre la mosquée, c'est scandaleux.",
        "Des mosquées à chaque coin de rue, c'est scandaleux.",
    ),
    (
        "fr.counter.condamne",
        "Honte à ceux qui insultent les réfugiés.",
        "Honte à ceux qui accueillent ces clandestins.",
    ),
    (
        "fr.counter.condamne",
        "Ces tweets sur les noirs sont odieux.",
        "Il faut le dire, les migrants sont odieux.",
    ),
    ("fr.counter.condamne", "Honte à toi.", "Honte à vous les musulmans."),
    (
        "fr.counter.degout",
        "Lire ces commentaires sur les gays, ça me dégoûte.",
        "Voir des voilées partout dans le bus, ça me dégoûte.",
    ),
    ("fr.counter.degout", "Non à la haine !", "Non à la haine, non à l'islam."),
    (
        "fr.counter.solidarite_forte",
        "Tout mon soutien aux familles de la mosquée attaquée.",
        "Tout mon soutien à ce maire qui veut virer les migrants.",
    ),
    (
        "fr.counter.solidarite_forte",
        "Solidarité avec les réfugiés de Calais.",
        "Solidarité avec nos paysans contre les migrants.",
    ),
    (
        "fr.counter.solidarite_forte",
        "Soutien aux réfugiés.",
        "Soutien aux réfugiés... pour rentrer chez eux.",
    ),
    (
        "fr.counter.nomme_les_propos",
        "C'est raciste de dire que les noirs sont des voleurs.",
        "L'islam c'est homophobe.",
    ),
    (
        "fr.counter.traite_l_auteur",
        "T'es raciste envers les arabes.",
        "Il est homophobe, comme tous les musulmans.",
    ),
    (
        "fr.counter.pas_acceptable",
        "Il doit y avoir des sanctions pour ceux qui insultent les juifs.",
        "Il faut des sanctions pour les clandestins.",
    ),
    (
        "fr.counter.pas_acceptable",
        "Ce n'est pas normal de traiter les gens de singes.",
        "Ce n'est pas normal de traiter les migrants comme des rois.",
    ),
    ("fr.counter.en_dit_long", "Ça en dit long sur toi.", "Ça en dit long sur ta religion."),
    (
        "fr.counter.triste_de_voir",
        "Triste de voir des gens traiter les réfugiés de parasites.",
        "Triste de voir des gens dire que les migrants sont une chance.",
    ),
    (
        "fr.counter.haine_desavouee",
        "Je ne déteste pas les juifs.",
        "Je ne déteste pas les juifs, je les méprise.",
    ),
    ("fr.counter.haine_desavouee", "On ne hait personne ici.", "On ne hait pas assez les juifs."),
    (
        "fr.counter.haine_desavouee",
        "Je n'ai aucune haine envers les arabes.",
        "Je n'ai aucune haine envers les arabes, que du mépris.",
    ),
    (
        "fr.counter.violence_refusee",
        "Aucune femme ne mérite d'être violée.",
        "Aucune femme ne mérite d'être violée par un migrant.",
    ),
    (
        "fr.counter.nommer_pour_opposer",
        "La violence contre les migrants doit cesser.",
        "La violence des migrants doit cesser.",
    ),
    (
        "fr.counter.violence_refusee",
        "Nous ne tolérerons jamais la violence contre les musulmans.",
        "Nous ne tolérerons plus la violence des migrants.",
    ),
    (
        "fr.counter.attribut_nie",
        "Je ne pense pas que les Roms soient des voleurs.",
        "Je ne dis pas que les arabes sont des voleurs, je constate.",
    ),
    (
        "fr.counter.attribut_nie",
        "Les migrants ne sont pas des envahisseurs.",
        "Les migrants ne sont pas des envahisseurs ? Ouvre les yeux.",
    ),
]


@pytest.mark.parametrize(("rule", "counter_speech", "attack"), FRAMES)
def test_a_counter_speech_frame_aimed_at_a_group_is_not_counter_speech(
    scan: Scan, rule: str, counter_speech: str, attack: str
) -> None:
    """The frame opposes speech or hatred in the first sentence; aimed at a group (or turned by sarcasm, a
    question, "que du mépris"), it is the attack, and read as counter-speech the policy would allow it."""
    good = scan(counter_speech, "fr")
    assert rule in hits(good)
    assert score(good, "counter_speech") >= 0.5
    bad = scan(attack, "fr")
    assert rule not in hits(bad)
    assert score(bad, "counter_speech") < 0.5


@pytest.mark.parametrize(
    ("reported", "opinion"),
    [
        (
            "Selon la préfecture, la manifestation a réuni 3 000 personnes, a-t-elle indiqué.",
            "Selon moi, les juifs contrôlent les médias, je le dis franchement.",
        ),
        (
            "Le procès des agresseurs de la synagogue s'ouvre lundi.",
            "Les musulmans doivent tous être expulsés, sans procès.",
        ),
    ],
)
def test_an_opinion_is_not_reporting(scan: Scan, reported: str, opinion: str) -> None:
    """ "Selon moi" gives an opinion, not a source; "sans procès" is a demand, not a trial being reported."""
    assert score(scan(reported, "fr"), "reporting") >= 0.5
    assert score(scan(opinion, "fr"), "reporting") < 0.5


# --- hate: negated positive statements -------------------------------------------------------------

HATE = [
    ("fr.hate.pas_des_notres", "Les juifs ne sont pas les bienvenus dans ce quartier."),
    ("fr.hate.pas_des_notres", "les arabes sont pas les bienvenus chez nous"),
    ("fr.hate.pas_des_notres", "Les homos ne sont pas normaux."),
    ("fr.hate.pas_des_notres", "Les femmes ne sont pas nos égales."),
    ("fr.hate.pas_des_notres", "Un arabe ne sera jamais un vrai Français."),
    ("fr.hate.pas_des_notres", "Jamais un musulman ne sera français."),
    ("fr.hate.pas_leur_place", "Les musulmans n'ont pas leur place en France."),
    ("fr.hate.pas_leur_place", "Les femmes n'ont rien à faire en politique."),
    ("fr.hate.pas_leur_place", "Les Roms n'appartiennent pas à notre pays."),
    ("fr.hate.pas_leur_place", "Aucune place pour les migrants dans notre pays."),
    ("fr.hate.pas_leur_place", "On veut pas de migrants dans notre village."),
    ("fr.hate.pas_de_droits", "Les migrants ne méritent aucun respect."),
    ("fr.hate.pas_de_droits", "Je n'ai aucun respect pour les musulmans."),
    ("fr.hate.pas_de_droits", "Les femmes ne devraient pas avoir le droit de vote."),
    ("fr.hate.pas_de_droits", "Les homos ne devraient pas pouvoir adopter."),
    ("fr.hate.pas_de_droits", "Les réfugiés ne méritent pas de vivre."),
    ("fr.hate.jamais_confiance", "Je n'embaucherais jamais un arabe."),
    ("fr.hate.jamais_confiance", "Jamais je ne louerai mon appart à des africains."),
    ("fr.hate.jamais_confiance", "Ne faites jamais confiance à un juif."),
    ("fr.hate.jamais_confiance", "Les Roms, on ne peut pas leur faire confiance."),
    ("fr.hate.jamais_confiance", "Les musulmans ne pourront jamais s'intégrer."),
]


@pytest.mark.parametrize(("rule", "text"), HATE)
def test_a_negated_positive_statement_about_a_group_is_hate(scan: Scan, rule: str, text: str) -> None:
    """The rule spells its negation, so negation damping must leave the hit at full weight."""
    signal = scan(text, "fr")
    assert rule in hits(signal)
    assert score(signal, "hate") >= 0.5
    assert not [n for n in signal.extras.get("negated", []) if n["rule"] == rule]
    assert score(signal, "counter_speech") < 0.5


NOT_HATE = [
    ("fr.hate.pas_des_notres", "Les chiens ne sont pas les bienvenus dans la boulangerie."),
    (
        "fr.hate.pas_des_notres",
        "Les femmes ne sont toujours pas égales aux hommes au travail, c'est un fait.",
    ),
    ("fr.hate.pas_des_notres", "Les réfugiés ne sont pas chez eux, ils ont fui la guerre."),
    ("fr.hate.pas_leur_place", "Il n'y a plus de place pour les réfugiés dans le gymnase ce soir."),
    ("fr.hate.pas_leur_place", "Je ne veux pas de chinois ce soir, plutôt des sushis."),
    ("fr.hate.pas_leur_place", "Les migrants n'ont rien à faire de leurs journées au centre, c'est dur."),
    ("fr.hate.pas_de_droits", "Les migrants ne méritent pas de vivre dans des tentes en plein hiver."),
    ("fr.hate.pas_de_droits", "Les migrants ne sont pas des criminels."),
    ("fr.hate.pas_de_droits", "Les femmes n'ont pas le droit de conduire en Arabie saoudite."),
    ("fr.hate.pas_de_droits", "Ces réfugiés ne méritent pas un logement pareil."),
    ("fr.hate.jamais_confiance", "Je ne laisserai jamais les juifs se faire agresser."),
    ("fr.hate.jamais_confiance", "Je ne ferai jamais de mal aux migrants."),
    ("fr.hate.jamais_confiance", "Les réfugiés ne peuvent pas s'intégrer sans cours de français."),
    ("fr.hate.pas_des_notres", "Les réfugiés sont les bienvenus ici."),
]


@pytest.mark.parametrize(("rule", "text"), NOT_HATE)
def test_the_same_words_without_the_attack_are_not_hate(scan: Scan, rule: str, text: str) -> None:
    signal = scan(text, "fr")
    assert rule not in hits(signal)
    assert score(signal, "hate") < 0.5


# --- counter-speech: positive statements and disavowals --------------------------------------------

POSITIVE = [
    ("fr.counter.aime_groupe", "J'adore mes voisins musulmans !"),
    ("fr.counter.aime_groupe", "Franchement, je respecte les juifs."),
    ("fr.counter.aime_groupe", "Nous accueillons les réfugiés."),
    ("fr.counter.bienvenus", "Les réfugiés sont les bienvenus dans notre commune."),
    ("fr.counter.bienvenus", "Bienvenue aux réfugiés dans notre ville !"),
    ("fr.counter.groupe_positif", "Les musulmans sont nos voisins."),
    ("fr.counter.groupe_positif", "Je pense que les immigrés sont une chance pour la France."),
    ("fr.counter.groupe_positif", "Les immigrés enrichissent notre pays depuis des siècles."),
    ("fr.counter.groupe_positif", "Les personnes trans méritent le respect."),
    ("fr.counter.rien_contre", "Je n'ai rien contre les homos."),
    ("fr.counter.mythe_demonte", "Le grand remplacement est un mythe."),
    ("fr.counter.mythe_demonte", "Aucun être humain n'est illégal."),
]


@pytest.mark.parametrize(("rule", "text"), POSITIVE)
def test_a_positive_statement_about_a_group_is_counter_speech(scan: Scan, rule: str, text: str) -> None:
    signal = scan(text, "fr")
    assert rule in hits(signal)
    assert score(signal, "counter_speech") >= 0.5


NOT_POSITIVE = [
    # sarcasm: the statement does not end where a positive one would, or something turns it
    ("fr.counter.aime_groupe", "J'aime les juifs... dans des fours."),
    ("fr.counter.aime_groupe", "J'adore les arabes. Bien grillés."),
    ("fr.counter.aime_groupe", "J'aime les noirs, de loin."),
    ("fr.counter.aime_groupe", "J'aime comment les migrants détruisent l'Europe."),
    ("fr.counter.aime_groupe", "J'adore les musulmans 😂😂"),
    ("fr.counter.bienvenus", "Bienvenue aux migrants... pour repartir."),
    ("fr.counter.bienvenus", "Les migrants sont les bienvenus. Remigration immédiate."),
    ("fr.counter.groupe_positif", "Les migrants sont une chance... de couler le pays."),
    # a contrast, a question, a negation
    (
        "fr.counter.groupe_positif",
        "Les immigrés sont une chance pour la France, mais surtout pour les passeurs.",
    ),
    ("fr.counter.bienvenus", "Les réfugiés sont les bienvenus ? Jamais de la vie."),
    ("fr.counter.aime_groupe", "J'aime pas les arabes."),
    ("fr.counter.aime_groupe", "Je respecte pas les musulmans."),
    ("fr.counter.groupe_positif", "Zéro respect pour les Roms."),
    # someone else's words
    ("fr.counter.groupe_positif", "Arrêtez de dire que les migrants sont une chance."),
    ("fr.counter.groupe_positif", "C'est faux de dire que les immigrés enrichissent notre pays."),
    ("fr.counter.mythe_demonte", "Ils osent dire que le grand remplacement est un mythe."),
    # the disavowal reopened
    ("fr.counter.rien_contre", "Je n'ai rien contre les arabes, qu'ils restent chez eux."),
    ("fr.counter.rien_contre", "Je n'ai rien contre les juifs, mais ils contrôlent tout."),
    ("fr.counter.rien_contre", "J'ai rien contre les Roms. Je les méprise."),
    ("fr.counter.mythe_demonte", "Le grand remplacement n'existe pas, il est déjà là."),
    # the same words, nothing about a group
    ("fr.counter.aime_groupe", "J'adore le chinois du coin."),
    ("fr.counter.aime_groupe", "J'adore les roms de GBA sur mon émulateur."),
]


@pytest.mark.parametrize(("rule", "text"), NOT_POSITIVE)
def test_a_turned_positive_statement_is_not_counter_speech(scan: Scan, rule: str, text: str) -> None:
    signal = scan(text, "fr")
    assert rule not in hits(signal)
    assert score(signal, "counter_speech") < 0.5


@pytest.mark.parametrize(
    "text",
    [
        "J'adore mes voisins musulmans. Les musulmans sont des parasites.",
        "Les réfugiés sont les bienvenus. Les réfugiés sont des rats.",
        "Je n'ai rien contre les gays. Les gays sont des parasites.",
    ],
)
def test_a_positive_statement_speaks_for_its_sentence_only(scan: Scan, text: str) -> None:
    """``cue: disavowal``: an attack in another sentence drops the positive statement."""
    signal = scan(text, "fr")
    assert score(signal, "hate") >= 0.5
    assert score(signal, "counter_speech") < 0.5
    assert signal.extras.get("disavowal_dropped")
