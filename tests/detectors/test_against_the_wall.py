"""An execution named by its posture (lexicon v18): "lined up against a wall", "collés au poteau".

Found probing threats against the targets the 2021 notices named (teachers, journalists): "Teachers who
push this agenda should be lined up against a wall" scored 0.01 on every category. The words are a firing
squad's; said of a sofa or a bookshelf they are furniture, and the rules (``en.threat.harm_passive``,
``fr.threat.sera_tue``) need a target in their sentence. Sentences are written for these tests.
"""

from __future__ import annotations

import pytest

from .helpers import Scan, fired, score

REVIEW = 0.36  # the default policy's violent_threat review bar


@pytest.mark.parametrize(
    ("text", "language", "rule"),
    [
        ("Teachers who push this agenda should be lined up against a wall", "en", "en.threat.harm_passive"),
        (
            "These journalists will be put up against the wall when the day comes",
            "en",
            "en.threat.harm_passive",
        ),
        ("Ces profs devraient être alignés contre un mur", "fr", "fr.threat.sera_tue"),
        ("Les journalistes seront collés au poteau", "fr", "fr.threat.sera_tue"),
    ],
)
def test_a_target_put_against_a_wall_is_threatened(scan: Scan, text: str, language: str, rule: str) -> None:
    assert score(fired(scan, text, language, rule), "violent_threat") >= REVIEW


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The sofa should be lined up against the wall", "en"),
        ("The bookshelves will be put against the wall tomorrow", "en"),
        ("Le canapé sera mis contre le mur", "fr"),
    ],
)
def test_furniture_against_a_wall_is_furniture(scan: Scan, text: str, language: str) -> None:
    assert score(scan(text, language), "violent_threat") < REVIEW
