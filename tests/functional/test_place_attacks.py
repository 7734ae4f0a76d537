"""A threat to shoot or bomb a school, a workplace or a place of worship is restricted at once (lexicon v24's
place attacks with the default policy), in each language; the previous tree allowed every one of these."""

from __future__ import annotations

import pytest

from vigie.pipeline import Pipeline

from .helpers import decide


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("I am going to shoot up the school tomorrow.", "en"),
        ("Je vais tirer dans mon lycée demain.", "fr"),
        ("Morgen laufe ich an meiner Schule Amok.", "de"),
        ("Mañana voy a disparar en mi instituto.", "es"),
        ("Domani faccio una strage a scuola.", "it"),
    ],
)
def test_a_dated_attack_on_a_school_is_restricted(
    functional_pipeline: Pipeline, text: str, language: str
) -> None:
    verdict, violations = decide(functional_pipeline, text, language)
    assert verdict in ("restrict", "remove") and "violent_threat" in violations
