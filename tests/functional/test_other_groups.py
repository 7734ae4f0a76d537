"""An attack whose only target is a group that is not protected is not hate; a threat against one is a
threat (policy v11's ``other_groups_only``, lexicon v22's ``other_group`` targets).

Probed with sentences written for these tests: the encoder's hate head reads dehumanising words as hate
whoever they are aimed at ("Plumbers are vermin, a disease on this country" went to review as hate). The
real pipeline decides each post here, as ``vigie analyze`` would.
"""

from __future__ import annotations

import pytest

from vigie.pipeline import Pipeline

from .helpers import decide


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Plumbers are vermin, a disease on this country.", "en"),
        ("Honestly, estate agents are the lowest form of life.", "en"),
        ("Les agents immobiliers sont de la vermine, une maladie pour ce pays.", "fr"),
        ("Diese Makler sind Ungeziefer, eine Krankheit für dieses Land.", "de"),
    ],
)
def test_abuse_whose_only_target_is_not_a_protected_group_is_not_hate(
    functional_pipeline: Pipeline, text: str, language: str
) -> None:
    _verdict, violations = decide(functional_pipeline, text, language)
    assert "hate" not in violations


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Muslims are vermin, a disease on this country.", "en"),
        ("Muslim plumbers are vermin, a disease on this country.", "en"),
        ("Les juifs sont de la vermine, une maladie pour ce pays.", "fr"),
    ],
)
def test_the_same_words_about_a_protected_group_are_hate(
    functional_pipeline: Pipeline, text: str, language: str
) -> None:
    verdict, violations = decide(functional_pipeline, text, language)
    assert "hate" in violations and verdict != "allow"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("We will shoot every plumber who comes to our street.", "en"),
        ("On va égorger tous les agents immobiliers de cette ville.", "fr"),
    ],
)
def test_a_threat_against_a_group_that_is_not_protected_is_a_threat(
    functional_pipeline: Pipeline, text: str, language: str
) -> None:
    verdict, violations = decide(functional_pipeline, text, language)
    assert "violent_threat" in violations and verdict != "allow"
