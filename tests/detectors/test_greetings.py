"""Holiday and community greetings (lexicon v18): the whole post is a greeting, and the policy allows it.

Found probing identity posts (seventeenth session): "Joyeux Hanoucca à nos amis juifs" scored hate 0.63,
"Happy Hanukkah to all our Jewish neighbours" 0.25 and "Shabbat shalom 🕯️" violent_threat 0.42 (the candle's
name), each over a review bar. The sentences below are this file's own.
"""

from __future__ import annotations

import pytest

from vigie.categories import Verdict
from vigie.pipeline import Pipeline
from vigie.types import Post

from .helpers import Scan

GREETINGS = [
    ("Happy Hanukkah to all our Jewish neighbours", "en", "en.counter.holiday_greeting"),
    ("Wishing everyone a happy Diwali! 🪔 #diwali", "en", "en.counter.holiday_greeting"),
    ("Blessed Ramadan to my Muslim colleagues and their families", "en", "en.counter.holiday_greeting"),
    ("Joyeux Hanoucca à nos amis juifs", "fr", "fr.counter.voeux"),
    ("Bonne fête de l'Aïd à tous les musulmans", "fr", "fr.counter.voeux"),
    ("Shabbat shalom 🕯️", "it", "common.counter.blessing"),  # short posts are identified as anything
    ("Eid Mubarak everyone!", "en", "common.counter.blessing"),
]


@pytest.mark.parametrize(("text", "lang", "rule"), GREETINGS)
def test_a_greeting_is_read_as_one(scan: Scan, text: str, lang: str, rule: str) -> None:
    assert rule in scan(text, lang).extras["rule_hits"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Happy Hanukkah to the kikes", "en"),  # a slur is never greeted
        ("Happy Hanukkah? Gas them all", "en"),  # a question, then the call
        ("Happy Eid. Now go back where you came from.", "en"),  # not the whole post
        ("Joyeux Hanoucca aux youpins", "fr"),
        ("Joyeux Hanoucca à nos amis juifs. Dehors les juifs", "fr"),
        ("Shabbat shalom 🔪", "en"),  # a weapon beside it
    ],
)
def test_what_only_looks_like_a_greeting_is_not_one(scan: Scan, text: str, lang: str) -> None:
    hits = scan(text, lang).extras["rule_hits"]
    assert not [r for r in hits if r.endswith(("holiday_greeting", "voeux", "blessing"))], hits


@pytest.mark.parametrize(("text", "lang", "rule"), GREETINGS)
def test_the_policy_allows_a_greeting(pipeline: Pipeline, text: str, lang: str, rule: str) -> None:
    decision = pipeline.run(Post("g", text, lang_hint=lang))
    assert decision.verdict is Verdict.ALLOW, decision.violations


def test_an_attack_after_a_greeting_is_still_decided(pipeline: Pipeline) -> None:
    decision = pipeline.run(Post("g", "Joyeux Hanoucca à nos amis juifs. Dehors les juifs", lang_hint="fr"))
    assert decision.verdict is not Verdict.ALLOW
