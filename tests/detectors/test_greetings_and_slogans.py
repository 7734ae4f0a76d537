"""Holiday greetings and slogans against hate (lexicon v18): counter-speech context the policy allows.

Found probing posts in which a community speaks of itself or is greeted (seventeenth
session): "Joyeux Hanoucca à nos amis juifs" scored hate 0.63, "Happy Hanukkah to all our
Jewish neighbours" 0.25, "Shabbat shalom 🕯️" violent_threat 0.42 (the candle's name), "Stop
Asian Hate" hate 0.71, "Les vies noires comptent" 0.64, "#BlackLivesMatter" 0.54 — each over a
review bar. The sentences below are this file's own.
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
    ("Stop Asian Hate", "en", "en.counter.slogan"),
    ("Trans women are women.", "en", "en.counter.slogan"),
    ("#BlackLivesMatter #justice ✊🏿", "en", "en.counter.slogan"),
    ("Les vies noires comptent", "fr", "fr.counter.slogan"),
    ("Touche pas à mon pote !", "fr", "fr.counter.slogan"),
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
        ("Trans women are not women", "en"),  # the slogan denied
        ("Black lives matter lol", "en"),  # mocked
        ("Black lives matter, but blacks are criminals", "en"),  # a contrast
        ("Go back to Africa #BlackLivesMatter", "en"),  # a hashtag beside words is no slogan post
        ("Les vies noires comptent ? Non.", "fr"),
    ],
)
def test_what_only_looks_like_a_greeting_is_not_one(scan: Scan, text: str, lang: str) -> None:
    hits = scan(text, lang).extras["rule_hits"]
    assert not [r for r in hits if r.endswith(("holiday_greeting", "voeux", "blessing", "slogan"))], hits


@pytest.mark.parametrize(("text", "lang", "rule"), GREETINGS)
def test_the_policy_allows_a_greeting(pipeline: Pipeline, text: str, lang: str, rule: str) -> None:
    decision = pipeline.run(Post("g", text, lang_hint=lang))
    assert decision.verdict is Verdict.ALLOW, decision.violations


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Joyeux Hanoucca à nos amis juifs. Dehors les juifs", "fr"),
        ("Stop Asian Hate. Asians are vermin.", "en"),  # a slogan speaks for its own sentence only
    ],
)
def test_an_attack_beside_a_greeting_or_slogan_is_still_decided(
    pipeline: Pipeline, text: str, lang: str
) -> None:
    assert pipeline.run(Post("g", text, lang_hint=lang)).verdict is not Verdict.ALLOW
