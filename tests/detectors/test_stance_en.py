"""English stance toward a protected group (``en/stance.yaml``): negated positive statements are
attacks, positive statements are counter-speech context, and neither reading survives sarcasm, a question
or a contrast.

Why these matter: the encoder's heads read "I really admire Jewish people" close to an attack on Jews, and
read "Muslims are not welcome here" as mild (USE-m3 barely encodes negation). The sentences are written
for these tests.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from vigie.types import SENTENCE_SCOPED, Signal

Scan = Callable[[str, str], Signal]


def score(signal: Signal, label: str) -> float:
    return signal.scores[label].score


@pytest.mark.parametrize(
    "text",
    [
        "Muslims are not welcome here.",
        "Muslims aren't welcome in this town.",
        "Jews don't belong in our country.",
        "Gay people are not normal.",
        "Immigrants can never be real Americans.",
        "Women are not fit to lead anything.",
        "Refugees don't deserve any rights.",
        "No rights for gays.",
        "I don't trust any immigrant.",
        "I would never hire a woman.",
        "We will never rent to Arabs.",
        "There is no place for Muslims in our country.",
    ],
)
def test_a_negated_positive_statement_about_a_group_is_hate(scan: Scan, text: str) -> None:
    signal = scan(text, "en")
    assert score(signal, "hate") >= 0.5
    assert score(signal, "counter_speech") < 0.5
    assert "negated" not in signal.extras, "the pattern spells its negation: damping must not apply"


@pytest.mark.parametrize(
    "text",
    [
        "Muslims are not criminals.",
        "I don't trust any Muslim who supports terror.",
        "Immigrants are not the problem here.",
        "I would never hurt a woman.",
        "The hotel is not welcome to dogs.",
    ],
)
def test_a_negation_that_does_not_deny_the_group_a_place_is_not_hate(scan: Scan, text: str) -> None:
    assert score(scan(text, "en"), "hate") < 0.5


@pytest.mark.parametrize(
    "text",
    [
        "I really admire Jewish people.",
        "We welcome refugees.",
        "I love our Muslim neighbours so much!",
        "Refugees are welcome here.",
        "Immigrants enrich our country.",
        "Trans people are human beings like us.",
    ],
)
def test_a_positive_statement_about_a_group_is_counter_speech(scan: Scan, text: str) -> None:
    signal = scan(text, "en")
    assert score(signal, "counter_speech") >= 0.5
    assert any(r.startswith("en.counter.") for r in signal.extras["rule_hits"])


@pytest.mark.parametrize(
    "text",
    [
        "I love how Muslims are destroying Europe.",  # praise of the harm, not of the group
        "I respect Muslims, but they must leave.",  # a contrast opens the attack
        "Welcome refugees? Never.",  # a question
        "Refugees are welcome? Are you insane?",
        "I love Jews. Jews are rats.",  # an attack in another sentence
        "We welcome immigrants to leave immediately.",
        "I love faggots.",  # a slur is the attack's word, never the object of praise
    ],
)
def test_praise_undone_by_sarcasm_questions_or_contrast_is_not_counter_speech(scan: Scan, text: str) -> None:
    assert score(scan(text, "en"), "counter_speech") < 0.5


def test_stance_cues_name_the_sentence_they_speak_for(scan: Scan) -> None:
    """The encoder's attack in another sentence voids them when signals combine
    (tests/core/test_combine_signals.py): the lexicon says which sentence, and its score without them."""
    signal = scan("We stand with refugees. Throw every refugee in jail.", "en")
    scoped = signal.extras[SENTENCE_SCOPED]["counter_speech"]
    assert scoped["sentences"] == [[0, 23]]
    assert scoped["score_without"] == 0.0
    assert SENTENCE_SCOPED not in scan("Saying migrants are vermin is dehumanizing.", "en").extras
