"""Threats of mass violence at a place (lexicon v24: en/place_attacks.yaml, fr/attaques_de_lieux.yaml,
de/anschlaege.yaml, es/atentados.yaml, it/stragi.yaml).

Probed with sentences written for these tests, through the previous tree (lexicon v23): "I am going to shoot
up the school tomorrow." (heads 0.20), "Je vais tirer dans mon lycée demain." (0.27), "Morgen laufe ich an
meiner Schule Amok." (0.28), "Mañana voy a disparar en mi instituto." and "Domani faccio una strage a scuola."
(0.00) were all allowed; "After I fix the printer I am going to shoot up the mall." was read as violence
aimed at a printer. Look-alikes: "blow up" a group chat or a video going viral, "faire sauter" the classes
or the bank, "c'est une tuerie", running amok at the Wi-Fi, a news report.
"""

from __future__ import annotations

import pytest

from .helpers import Scan, score


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("I am going to shoot up the school tomorrow.", "en"),
        ("After I fix the printer I am going to shoot up the mall.", "en"),
        ("Im bringing my glock to class tomorrow.", "en"),
        ("Dont come to school tomorrow, I am bringing my dads gun.", "en"),
        ("Je vais tirer dans mon lycée demain.", "fr"),
        ("Demain je fais une tuerie à la fac.", "fr"),
        ("J'amène le fusil de mon père au lycée demain.", "fr"),
        ("Morgen laufe ich an meiner Schule Amok.", "de"),
        ("Nimm dein Handy mit, morgen sprengen wir die Moschee.", "de"),
        ("Ich bring morgen die Waffe von meinem Vater mit in die Schule.", "de"),
        ("Mañana voy a disparar en mi instituto.", "es"),
        ("Mañana llevo la pistola de mi padre al instituto.", "es"),
        ("Domani faccio una strage a scuola.", "it"),
        ("Domani porto la pistola di mio padre a scuola.", "it"),
    ],
)
def test_a_first_person_attack_on_a_place_is_a_threat(scan: Scan, text: str, language: str) -> None:
    signal = scan(text, language)
    assert score(signal, "violent_threat") >= 0.7, signal.extras


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("This song is going to shoot up the charts.", "en"),
        ("We are going to blow up the group chat tonight.", "en"),
        ("This video is going to blow up.", "en"),
        ("Our startup is about to blow up next week.", "en"),
        ("I am bringing a knife to cooking class.", "en"),
        ("Dont come to school tomorrow, it is a snow day.", "en"),
        ("Police say he planned to shoot up the school.", "en"),
        ("Demain je fais sauter les cours au lycée.", "fr"),
        ("Je vais faire sauter la banque au casino.", "fr"),
        ("On va faire un carnage au concert ce soir.", "fr"),
        ("Ce gâteau, c'est une tuerie.", "fr"),
        ("Ich laufe gleich Amok, wenn das WLAN nicht geht.", "de"),
        ("Gestern lief ein Schüler an einer Schule in Graz Amok.", "de"),
        ("Voy a volar a la universidad de Madrid.", "es"),
        ("Abbiamo fatto una strage di cuori al concerto.", "it"),
        ("Ieri un ragazzo ha fatto una strage a scuola.", "it"),
    ],
)
def test_look_alikes_and_news_are_no_threat(scan: Scan, text: str, language: str) -> None:
    signal = scan(text, language)
    assert score(signal, "violent_threat") < 0.36 and score(signal, "incitement") < 0.25, signal.extras
