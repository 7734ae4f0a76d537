"""A refusal to let anyone say it, the speaker named a bigot, disbelief at the words (lexicon v22:
*/refusal.yaml and its twins, de/widerspruch.yaml, it/rifiuto.yaml).

Probed with sentences written for these tests: "I will never let anyone say that Jews are vermin." and its
French, Spanish and Italian twins were restricted or removed as hate (the quoted claim reads 0.80 in the
lexicon); "Wenn du sagst, dass Frauen minderwertig sind, bist du einfach ein Sexist." and "Se dici che le
donne sono inferiori, sei un maschilista." were flagged as hate. Each cue quotes the claim to oppose it.
"""

from __future__ import annotations

import pytest

from .helpers import Scan, fired, score


@pytest.mark.parametrize(
    ("text", "language", "rule"),
    [
        ("I will never let anyone say that Jews are vermin.", "en", "en.counter.never_let_anyone_say"),
        ("We won't let anyone call refugees animals.", "en", "en.counter.never_let_anyone_say"),
        (
            "Je ne laisserai jamais personne dire que les juifs sont de la vermine.",
            "fr",
            "fr.counter.jamais_laisser_dire",
        ),
        (
            "Je ne permettrai à personne de traiter les Roms de voleurs.",
            "fr",
            "fr.counter.jamais_laisser_dire",
        ),
        (
            "Ich werde niemals zulassen, dass jemand sagt, Juden seien Ungeziefer.",
            "de",
            "de.counter.niemals_zulassen",
        ),
        (
            "Wenn du sagst, dass Frauen minderwertig sind, bist du einfach ein Sexist.",
            "de",
            "de.counter.wer_sagt_ist_rassist",
        ),
        ("Wer sagt, dass Schwule krank sind, ist ein Homophober.", "de", "de.counter.wer_sagt_ist_rassist"),
        (
            "Nunca dejaré que nadie diga que los judíos son alimañas.",
            "es",
            "es.counter.nunca_dejare_que_digan",
        ),
        (
            "Non permetterò mai a nessuno di dire che gli ebrei sono parassiti.",
            "it",
            "it.counter.mai_permettere_di_dire",
        ),
        ("Se dici che le donne sono inferiori, sei un maschilista.", "it", "it.counter.chiama_razzista"),
        (
            '"I musulmani sono feccia" – come si può dire una cosa del genere?',
            "it",
            "it.counter.come_si_puo_dire",
        ),
    ],
)
def test_opposing_a_quoted_claim_is_counter_speech(scan: Scan, text: str, language: str, rule: str) -> None:
    assert score(fired(scan, text, language, rule), "counter_speech") >= 0.5


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Will you let anyone say that Jews are vermin?", "en"),  # a question
        ("Jeder Muslim ist ein Antisemit.", "de"),  # an attack, not a speaker named
        ("Wer sagt, dass Juden die Medien kontrollieren, ist kein Antisemit.", "de"),  # the claim defended
        ("Wer sagt, dass Muslime Antisemiten sind, hat recht.", "de"),
    ],
)
def test_questions_attacks_and_defended_claims_get_no_cue(scan: Scan, text: str, language: str) -> None:
    assert score(scan(text, language), "counter_speech") == 0.0
