"""Equality affirmed is allowed end to end; the same frame with vermin is hate (lexicon v22's equality rules).

The real pipeline decides each post, as ``vigie analyze`` would. Before lexicon v22 the positive statements
here went to review or were restricted as hate (the encoder's hate head read 0.55–0.89 on them).
"""

from __future__ import annotations

import pytest

from vigie.pipeline import Pipeline

from .helpers import decide


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Frauen sind genauso klug wie Männer.", "de"),
        ("Schwarze Menschen verdienen denselben Respekt wie alle.", "de"),
        ("Trans Frauen sind Frauen.", "de"),
        ("Las mujeres son tan capaces como los hombres.", "es"),
        ("Women are just as capable as men.", "en"),
        ("Le persone trans meritano rispetto.", "it"),
    ],
)
def test_equality_affirmed_is_allowed(functional_pipeline: Pipeline, text: str, language: str) -> None:
    verdict, violations = decide(functional_pipeline, text, language)
    assert verdict == "allow", violations


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Les juifs sont aussi humains que les rats.", "fr"),
        ("Los judíos son tan humanos como las ratas.", "es"),
        ("Muslime verdienen keinen Respekt.", "de"),
    ],
)
def test_the_same_frame_with_vermin_or_a_denial_is_hate(
    functional_pipeline: Pipeline, text: str, language: str
) -> None:
    _verdict, violations = decide(functional_pipeline, text, language)
    assert "hate" in violations
