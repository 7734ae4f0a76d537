"""Equality affirmed is counter-speech (lexicon v22: en/equality.yaml, fr/egalite.yaml, de/gleichheit.yaml,
es/igualdad.yaml, it/uguaglianza.yaml).

Probed with sentences written for these tests: "Frauen sind genauso klug wie Männer." (hate 0.55),
"Schwarze Menschen verdienen denselben Respekt wie alle." (0.81), "Trans Frauen sind Frauen." (0.89), "Las
mujeres son tan capaces como los hombres." (0.80), "Trans people deserve respect." (0.38) went to review or
were restricted as hate: the encoder reads a protected group in an evaluative sentence as hate whatever the
evaluation. The cue is counter-speech at praise weight for its own sentence, never as a question, before a
contrast, with a laugh, or beside a word that makes it a sneer.
"""

from __future__ import annotations

import pytest

from .helpers import Scan, fired, score


@pytest.mark.parametrize(
    ("text", "language", "rule"),
    [
        ("Women are just as capable as men.", "en", "en.counter.equal_to_others"),
        ("Trans people deserve respect.", "en", "en.counter.owed_respect"),
        ("Muslims deserve the same rights as everyone else.", "en", "en.counter.owed_respect"),
        ("Trans kids are valid.", "en", "en.counter.trans_affirmed"),
        ("Immigrants contribute so much to our economy.", "en", "en.counter.group_contributes"),
        ("Les femmes sont aussi capables que les hommes.", "fr", "fr.counter.egaux_aux_autres"),
        ("Les musulmans ont les mêmes droits que tout le monde.", "fr", "fr.counter.droits_et_respect"),
        ("Les femmes trans sont des femmes.", "fr", "fr.counter.personnes_trans_affirmees"),
        ("Les immigrés ont beaucoup apporté à la France.", "fr", "fr.counter.apportent_au_pays"),
        ("Frauen sind genauso klug wie Männer.", "de", "de.counter.gleich_wie_andere"),
        ("Schwarze Menschen verdienen denselben Respekt wie alle.", "de", "de.counter.zustehender_respekt"),
        ("Trans Frauen sind Frauen.", "de", "de.counter.trans_bestaetigt"),
        ("Einwanderer tragen viel zu unserer Wirtschaft bei.", "de", "de.counter.tragen_bei"),
        (
            "Behinderte Menschen sind ein wertvoller Teil unserer Gesellschaft.",
            "de",
            "de.counter.lob_gruppe_menschen",
        ),
        ("Las mujeres son tan capaces como los hombres.", "es", "es.counter.iguales_que_los_demas"),
        ("Los gays tienen los mismos derechos que todos.", "es", "es.counter.derechos_y_respeto"),
        ("Las mujeres trans son mujeres.", "es", "es.counter.personas_trans_afirmadas"),
        ("Los inmigrantes aportan mucho a nuestra economía.", "es", "es.counter.aportan_al_pais"),
        ("Le donne sono capaci quanto gli uomini.", "it", "it.counter.uguali_agli_altri"),
        ("I gay hanno gli stessi diritti di tutti.", "it", "it.counter.diritti_e_rispetto"),
        ("Le donne trans sono donne.", "it", "it.counter.persone_trans_affermate"),
        (
            "Gli immigrati contribuiscono molto alla nostra economia.",
            "it",
            "it.counter.contribuiscono_al_paese",
        ),
    ],
)
def test_equality_affirmed_is_counter_speech(scan: Scan, text: str, language: str, rule: str) -> None:
    assert score(fired(scan, text, language, rule), "counter_speech") >= 0.5


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Women are just as capable as men? Please.", "en"),  # a question
        ("Muslims deserve respect, but not here.", "en"),  # a contrast
        ("Women are just as capable as men 😂", "en"),  # a laugh
        ("Women deserve equal rights. And Other Hilarious Jokes You Can Tell Yourself", "en"),  # a sneer
        ("Jews are just as human as rats.", "en"),  # compared with vermin
        ("Muslims deserve no respect.", "en"),
        ("Les juifs sont aussi humains que les rats.", "fr"),
        ("Les femmes sont aussi capables que les hommes mdr", "fr"),
        ("Muslime verdienen keinen Respekt.", "de"),
        ("Frauen sind genauso klug wie Männer 😂", "de"),
        ("Frauen sind genauso klug wie Männer. Der größte Witz des Jahres.", "de"),
        ("Los judíos son tan humanos como las ratas.", "es"),
        ("Gli ebrei sono umani quanto i ratti.", "it"),
    ],
)
def test_questions_contrasts_laughs_sneers_and_vermin_get_no_cue(
    scan: Scan, text: str, language: str
) -> None:
    assert score(scan(text, language), "counter_speech") == 0.0
