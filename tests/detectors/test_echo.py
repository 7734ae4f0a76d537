"""The antisemitic "echo" (lexicon v19): a name or group in triple parentheses, in every language.

Found probing posts that target Jews (one of the groups the 2021 notices named): "(((They))) control the media
and the banks." and "(((Ils))) tiennent les médias et les banques." scored 0.00 on every category. The mark is
read at review weight, and as an attack with a claim of control beside it; never the badge Jewish users
made of it about themselves, hugs sent in parentheses, or arithmetic. Sentences are written for these tests.
"""

from __future__ import annotations

import pytest

from .helpers import Scan, fired, score

REVIEW = 0.25  # the default policy's hate review bar


@pytest.mark.parametrize(
    ("text", "language", "rule", "at_least"),
    [
        ("(((They))) control the media and the banks. Wake up.", "en", "common.hate.echo_control", 0.6),
        ("(((Ils))) tiennent les médias et les banques.", "fr", "common.hate.echo_control", 0.6),
        ("Funny how (((Soros))) is behind every protest.", "en", "common.hate.echo_control", 0.6),
        ("(((Eles))) controlam a mídia e os bancos.", "pt", "common.hate.echo_control", 0.6),
        ("Look at who wrote that article: (((Goldberg))).", "en", "common.hate.echo", REVIEW),
    ],
)
def test_the_echo_marks_a_target(scan: Scan, text: str, language: str, rule: str, at_least: float) -> None:
    assert score(fired(scan, text, language, rule), "hate") >= at_least


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Proud to be (((me))) today.", "en"),
        ("Sending (((hugs))) to everyone who needs them tonight.", "en"),
        ("Plein de (((câlins))) pour toi.", "fr"),
        ("The result is (((a+b)*c)) in the formula.", "en"),
        ("We (the organisers) thank you (all of you) (really).", "en"),
    ],
)
def test_badges_hugs_and_arithmetic_are_not_the_echo(scan: Scan, text: str, language: str) -> None:
    assert score(scan(text, language), "hate") == 0.0
