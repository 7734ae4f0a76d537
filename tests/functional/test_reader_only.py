"""An insult to the reader that names no one else is harassment, not hate (policy v12's ``reader_only``);
the same insult naming the reader's group is hate (lexicon v23's group words said of a person).

Probed with sentences written for these tests: "I cannot stand you, you make me sick.", "Je te déteste, tu
me dégoûtes." and "Ti odio, mi fai schifo." went to review as hate *and* harassment under policy v11 (the
encoder's hate head reads contempt for the reader at 0.3–0.5); "You are nothing but worthless gay trash."
named the reader alone before lexicon v23. The real pipeline decides each post here, as ``vigie analyze``
would.
"""

from __future__ import annotations

import pytest

from vigie.pipeline import Pipeline

from .helpers import decide


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("I cannot stand you, you make me sick.", "en"),
        ("Je te déteste, tu me dégoûtes.", "fr"),
        ("Ti odio, mi fai schifo.", "it"),
    ],
)
def test_an_insult_to_the_reader_alone_is_harassment_not_hate(
    functional_pipeline: Pipeline, text: str, language: str
) -> None:
    verdict, violations = decide(functional_pipeline, text, language)
    assert violations == ("harassment",) and verdict != "allow"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("You are nothing but worthless gay trash.", "en"),
        ("Go back to your country, you filthy Muslim.", "en"),
        ("Tu n'es qu'une sale juive.", "fr"),
        ("Du bist doch nur ein dreckiger Jude.", "de"),
    ],
)
def test_an_insult_to_the_reader_for_their_group_is_hate(
    functional_pipeline: Pipeline, text: str, language: str
) -> None:
    verdict, violations = decide(functional_pipeline, text, language)
    assert "hate" in violations and verdict != "allow"
