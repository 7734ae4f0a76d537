"""A plain question about a group's practice is a benign mention (lexicon v21: en/ and fr/questions.yaml).

Probed with sentences written for these tests: "Can Muslims eat gelatin?", "Do Muslims pray five times a
day?", "Les musulmans peuvent-ils manger de la gélatine ?" went to review as hate (heads 0.30–0.62). The cue
is counter-speech context at praise weight, for the whole post only: "Can Muslims eat gelatin? They are
disgusting." must stay an attack (a sentence-scoped cue let it through: the encoder's evidence was the
whole post).
"""

from __future__ import annotations

import pytest

from .helpers import Scan, fired, score


@pytest.mark.parametrize(
    ("text", "language", "rule"),
    [
        ("Can Muslims eat gelatin?", "en", "en.counter.practice_question"),
        ("Do Muslims pray five times a day? 🤔", "en", "en.counter.practice_question"),
        ("Can Hindus eat beef?", "en", "en.counter.practice_question"),
        ("Les musulmans peuvent-ils manger de la gélatine ?", "fr", "fr.counter.question_de_pratique"),
        ("Est-ce que les juifs fêtent Noël ?", "fr", "fr.counter.question_de_pratique"),
        ("Dürfen Muslime Gelatine essen?", "de", "de.counter.frage_nach_praxis"),
        ("Feiern Juden Weihnachten?", "de", "de.counter.frage_nach_praxis"),
        ("¿Los musulmanes pueden comer gelatina?", "es", "es.counter.pregunta_de_practica"),
        ("I musulmani possono mangiare la gelatina?", "it", "it.counter.domanda_di_pratica"),
    ],
)
def test_a_question_about_practice_is_a_benign_mention(
    scan: Scan, text: str, language: str, rule: str
) -> None:
    assert score(fired(scan, text, language, rule), "counter_speech") >= 0.5


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Do Muslims celebrate terrorist attacks?", "en"),  # insinuation
        ("Can Jews eat shit?", "en"),  # an insult for an object
        ("Should Muslims be allowed to vote?", "en"),  # an exclusion
        ("Can Muslims eat gelatin? They are disgusting.", "en"),  # not the whole post
        ("Les musulmans fêtent-ils les attentats ?", "fr"),
        ("Les juifs fêtent Noël.", "fr"),  # not a question
        ("Feiern Muslime Anschläge?", "de"),
        ("Dürfen Muslime Gelatine essen? Die sind widerlich.", "de"),
        ("¿Los musulmanes celebran los atentados?", "es"),
        ("I musulmani festeggiano gli attentati?", "it"),
    ],
)
def test_insinuations_exclusions_and_longer_posts_get_no_cue(scan: Scan, text: str, language: str) -> None:
    assert score(scan(text, language), "counter_speech") == 0.0
