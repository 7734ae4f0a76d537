"""Glorifying attacks and attackers, and delight in a group's suffering (lexicon v20), in the five languages.

The terrorism content of the EU's TCO regulation and of every host's terms: "The Christchurch shooter is a
hero", "Saint Tarrant", "Merah n'a rien fait de mal", "J'espère qu'il y aura un autre Bataclan". Probed with
sentences written for these tests, all were allowed or read as hate only. Glorifying calls by example, so
it is incitement; the attacker must open the clause ("The man who tackled the shooter is a hero" praises
the man).
"""

from __future__ import annotations

import pytest

from .helpers import Scan, assert_no_category, fired, score


@pytest.mark.parametrize(
    ("text", "language", "rule", "label"),
    [
        ("The Christchurch shooter is a hero and a saint.", "en", "en.incite.glorify_attacker", "incitement"),
        ("Brenton Tarrant did nothing wrong.", "en", "en.incite.glorify_attacker", "incitement"),
        ("Saint Tarrant, pray for us.", "en", "en.incite.glorify_attacker", "incitement"),
        ("Whoever shot that cop is a hero.", "en", "en.incite.glorify_attacker", "incitement"),
        (
            "I hope there's another Pittsburgh synagogue shooting soon.",
            "en",
            "en.incite.hope_for_another_attack",
            "incitement",
        ),
        (
            "That mosque attack was the best thing to happen this year.",
            "en",
            "en.incite.attack_celebrated",
            "incitement",
        ),
        ("I love watching videos of migrants drowning.", "en", "en.hate.enjoys_group_suffering", "hate"),
        ("Le tueur de Christchurch est un héros.", "fr", "fr.incite.apologie_auteur", "incitement"),
        ("Merah n'a rien fait de mal.", "fr", "fr.incite.apologie_auteur", "incitement"),
        ("Celui qui a planté ce flic est un héros.", "fr", "fr.incite.apologie_auteur", "incitement"),
        (
            "J'espère qu'il y aura un autre Bataclan bientôt.",
            "fr",
            "fr.incite.vivement_un_autre_attentat",
            "incitement",
        ),
        ("J'adore voir des migrants se noyer.", "fr", "fr.hate.plaisir_souffrance_groupe", "hate"),
        ("El tirador de Christchurch es un héroe.", "es", "es.incite.apologia_autor", "incitement"),
        ("Breivik no hizo nada malo.", "es", "es.incite.apologia_autor", "incitement"),
        (
            "Ojalá haya otro atentado como el de Atocha pronto.",
            "es",
            "es.incite.ojala_otro_atentado",
            "incitement",
        ),
        ("Me encanta ver vídeos de inmigrantes ahogándose.", "es", "es.hate.disfruta_sufrimiento", "hate"),
        (
            "Der Attentäter von Christchurch ist ein Held.",
            "de",
            "de.incite.verherrlichung_taeter",
            "incitement",
        ),
        ("Breivik hat nichts falsch gemacht.", "de", "de.incite.verherrlichung_taeter", "incitement"),
        (
            "Ich hoffe, es gibt bald wieder einen Anschlag wie in Halle.",
            "de",
            "de.incite.noch_ein_anschlag",
            "incitement",
        ),
        (
            "Ich liebe es, Videos von ertrinkenden Flüchtlingen zu sehen.",
            "de",
            "de.hate.freude_am_leid",
            "hate",
        ),
        ("L'attentatore di Christchurch è un eroe.", "it", "it.incite.apologia_autore", "incitement"),
        ("Breivik non ha fatto niente di male.", "it", "it.incite.apologia_autore", "incitement"),
        (
            "Spero che ci sia presto un altro attentato come quello di Macerata.",
            "it",
            "it.incite.spero_un_altro_attentato",
            "incitement",
        ),
        ("Adoro guardare video di migranti che annegano.", "it", "it.hate.piacere_sofferenza", "hate"),
    ],
)
def test_glorification_is_read(scan: Scan, text: str, language: str, rule: str, label: str) -> None:
    assert score(fired(scan, text, language, rule), label) >= 0.5


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The man who tackled the shooter is a hero.", "en"),
        ("The Christchurch shooter was a monster and his victims deserve justice.", "en"),
        ("Calling the shooter a hero is sick.", "en"),
        ("Is the shooter a hero to these people? That is the scary part.", "en"),
        ("I hope there's another season of the show soon.", "en"),
        ("The firefighters are heroes.", "en"),
        ("I love watching videos of migrants' journeys and their new lives.", "en"),
        ("That school shooting was the worst day of my life.", "en"),
        ("L'homme qui a maîtrisé le tireur est un héros.", "fr"),
        ("Le tueur de Christchurch était un monstre.", "fr"),
        ("J'espère qu'il y aura une autre saison de la série.", "fr"),
        ("J'adore voir des migrants réussir leur vie ici.", "fr"),
        ("Les pompiers sont des héros.", "fr"),
        ("El hombre que detuvo al tirador es un héroe.", "es"),
        ("Ojalá no haya otro atentado nunca más.", "es"),
        ("Espero que haya otra temporada de la serie.", "es"),
        ("Der Mann, der den Attentäter überwältigt hat, ist ein Held.", "de"),
        ("Ich hoffe, es gibt nie wieder einen Anschlag wie in Halle.", "de"),
        ("Der Täter von Halle war ein Feigling.", "de"),
        ("L'uomo che ha fermato l'attentatore è un eroe.", "it"),
        ("Spero che non ci sia mai più un altro attentato.", "it"),
        ("L'attentatore di Christchurch è un mostro.", "it"),
    ],
)
def test_praise_of_others_and_condemnation_are_nothing(scan: Scan, text: str, language: str) -> None:
    assert_no_category(scan(text, language))
