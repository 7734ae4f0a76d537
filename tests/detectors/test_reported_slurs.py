"""Being called a slur, told by the one it was aimed at (lexicon v18: ``en.report.called_a_slur``,
``fr.report.traite_de_injure``).

Found in the natural sample's benign posts that the lexicon flagged (seventeenth session): "Damn I got
called a n… today", "fuck u, calling me a n…. for what???", "Im so 🤮 of being called a n…" were flagged
for hate — the slur rule read the victim's report as the slur's use. First person only, and never with
a retort that gives the word to someone. Sentences are written for these tests.
"""

from __future__ import annotations

import pytest

from vigie.categories import Verdict
from vigie.pipeline import Pipeline
from vigie.types import Post

from .helpers import Scan, fired, score


@pytest.mark.parametrize(
    "text",
    [
        "Damn I got called a nigger today",
        "I'm so sick of being called a faggot at school",
        "They called me a kike on the bus and nobody said anything",
        "fuck u, calling me a tranny. for what???",
    ],
)
def test_a_victims_report_of_a_slur_is_reporting(scan: Scan, pipeline: Pipeline, text: str) -> None:
    assert score(fired(scan, text, "en", "en.report.called_a_slur"), "reporting") >= 0.5
    assert pipeline.run(Post("r", text, lang_hint="en")).verdict is Verdict.ALLOW


@pytest.mark.parametrize(
    "text",
    [
        "I called him a nigger",  # the author's own use
        "You got called a faggot because you are one",  # the retort owns the word
        "You are a faggot",
    ],
)
def test_the_slur_used_is_still_hate(scan: Scan, pipeline: Pipeline, text: str) -> None:
    assert "en.report.called_a_slur" not in scan(text, "en").extras["rule_hits"]
    assert pipeline.run(Post("r", text, lang_hint="en")).verdict is not Verdict.ALLOW


@pytest.mark.parametrize(
    "text",
    ["On m'a traité de sale bougnoule dans le bus", "J'en ai marre de me faire traiter de négro"],
)
def test_a_french_victims_report_is_reporting(scan: Scan, pipeline: Pipeline, text: str) -> None:
    assert score(fired(scan, text, "fr", "fr.report.traite_de_injure"), "reporting") >= 0.5
    assert pipeline.run(Post("r", text, lang_hint="fr")).verdict is Verdict.ALLOW


@pytest.mark.parametrize(
    "text", ["Je l'ai traité de bougnoule", "On t'a traité de négro parce que t'en es un"]
)
def test_a_french_slur_used_is_still_hate(scan: Scan, pipeline: Pipeline, text: str) -> None:
    assert "fr.report.traite_de_injure" not in scan(text, "fr").extras["rule_hits"]
    assert pipeline.run(Post("r", text, lang_hint="fr")).verdict is not Verdict.ALLOW
