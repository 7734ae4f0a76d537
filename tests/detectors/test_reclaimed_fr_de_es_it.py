"""A slur reclaimed in the first person is no attack in French, German, Spanish and Italian too (lexicon v22:
fr/reappropriation.yaml, de/aneignung.yaml, es/reapropiacion.yaml, it/riappropriazione.yaml; the English rule
and its reasons: test_reclaimed.py).

Probed with sentences written for these tests: each went to review as hate (the lexicon read the slur at
0.45–0.70) and "Wir Schwuchteln lassen uns nicht unterkriegen." was restricted (heads 0.89).
"""

from __future__ import annotations

import pytest

from .helpers import Scan, fired, score


@pytest.mark.parametrize(
    ("text", "language", "rule"),
    [
        ("Je suis une gouine et fière de l'être.", "fr", "fr.counter.insulte_reappropriee"),
        ("Nous les pédés, on ne se laissera pas faire.", "fr", "fr.counter.insulte_reappropriee"),
        ("Ich bin eine Kampflesbe und stolz darauf.", "de", "de.counter.angeeignetes_schimpfwort"),
        ("Wir Schwuchteln lassen uns nicht unterkriegen.", "de", "de.counter.angeeignetes_schimpfwort"),
        ("Soy marica y a mucha honra.", "es", "es.counter.insulto_reapropiado"),
        ("Nosotras las bolleras vamos a la marcha.", "es", "es.counter.insulto_reapropiado"),
        ("Sono frocio e ne vado fiero.", "it", "it.counter.insulto_riappropriato"),
        ("Noi froci non ci nascondiamo più.", "it", "it.counter.insulto_riappropriato"),
    ],
)
def test_a_slur_said_of_oneself_or_ones_own_is_no_attack(
    scan: Scan, text: str, language: str, rule: str
) -> None:
    assert score(fired(scan, text, language, rule), "counter_speech") >= 0.5


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Je ne suis pas un pédé.", "fr"),
        ("Les pédés sont des malades.", "fr"),
        ("Ich bin keine Schwuchtel.", "de"),
        ("Schwuchteln raus!", "de"),
        ("No soy marica.", "es"),
        ("Non sono frocio.", "it"),
        ("Noi froci siamo malati.", "it"),
    ],
)
def test_denials_and_attacks_get_no_cue(scan: Scan, text: str, language: str) -> None:
    assert score(scan(text, language), "counter_speech") == 0.0
