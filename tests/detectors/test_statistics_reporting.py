"""Figures about attacks on a group are news about hate (lexicon v23, ``<lang>.report.statistics`` and twins).

Probed with sentences written for these tests: "Die Angriffe auf Muslime haben sich laut
Innenministerium verdoppelt." went to review as hate (heads 0.55, reporting 0.45 from the source alone).
With a source the figures reach the context cap (0.5); without a change in number, or with the group as
the one who attacks, nothing.
"""

from __future__ import annotations

import pytest

from vigie.detectors.lexicon import LexiconDetector
from vigie.model.harness import make_document

DETECTOR = LexiconDetector()
CONTEXT_CAP = 0.5  # the default policy's context bar


def reporting(text: str, language: str) -> float:
    signal = DETECTOR.detect_batch([make_document(text, language)])[0]
    found = signal.scores.get("reporting")
    return found.score if found else 0.0


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("According to the report, attacks on Roma rose 15% last year.", "en"),
        ("Police say there was a 20% rise in antisemitic incidents.", "en"),
        ("D'après une étude, les actes racistes contre les Noirs ont doublé en un an.", "fr"),
        ("Selon le ministère, une hausse de 20 % des actes antisémites.", "fr"),
        ("Die Angriffe auf Muslime haben sich laut Innenministerium verdoppelt.", "de"),
        ("Laut Polizei ist die Zahl der antisemitischen Straftaten gestiegen.", "de"),
        ("Según el informe, las agresiones contra los gitanos aumentaron un 20 %.", "es"),
        ("Secondo il rapporto, le aggressioni contro i rom sono aumentate del 20%.", "it"),
    ],
)
def test_figures_about_attacks_on_a_group_with_a_source_are_reporting(text: str, language: str) -> None:
    assert reporting(text, language) >= CONTEXT_CAP


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Muslims commit more crimes every year.", "en"),
        ("Attacks on Jews are what we need.", "en"),
        ("Les musulmans commettent plus de crimes chaque année.", "fr"),
        ("Die Angriffe auf Muslime müssen weitergehen.", "de"),
    ],
)
def test_a_group_that_attacks_or_attacks_without_figures_are_not_reporting(text: str, language: str) -> None:
    assert reporting(text, language) < CONTEXT_CAP
