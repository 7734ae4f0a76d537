"""English conspiracy tropes (``en/conspiracy.yaml``): the story-shaped hate the encoder's heads score low
("Studies found that Jews control the media." scored hate 0.07 end to end), and the debunking of it.
The sentences are written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from vigie.types import Signal

Scan = Callable[[str, str], Signal]


def score(signal: Signal, label: str) -> float:
    return signal.scores[label].score


@pytest.mark.parametrize(
    "text",
    [
        "Studies found that Jews control the media.",
        "I denounce the Jews, they control the banks.",
        "The Jews secretly run Hollywood.",
        "The ZOG must fall.",
        "Jews will not replace us!",
        "They are replacing us with Muslims.",
        "Globalists are replacing white people.",
        "White genocide is real.",
        "The holocaust is a hoax.",
    ],
)
def test_a_conspiracy_trope_is_hate(scan: Scan, text: str) -> None:
    signal = scan(text, "en")
    assert score(signal, "hate") >= 0.5
    assert score(signal, "counter_speech") < 0.5


@pytest.mark.parametrize(
    "text",
    [
        "Jewish people run a great bakery in my street.",
        "My son runs the media team at the Jewish museum.",
        "They are replacing us with self-checkout machines.",
        "They are replacing us.",
    ],
)
def test_everyday_sentences_with_the_same_words_are_not_hate(scan: Scan, text: str) -> None:
    assert score(scan(text, "en"), "hate") < 0.5


@pytest.mark.parametrize(
    "text",
    [
        "It's an old antisemitic trope that Jews control the banks.",
        "Debunking the myth that Jews run the world.",
        "There is no white genocide, stop sharing this.",
        "The great replacement is a racist conspiracy theory.",
    ],
)
def test_debunking_a_trope_is_counter_speech(scan: Scan, text: str) -> None:
    assert score(scan(text, "en"), "counter_speech") >= 0.5
