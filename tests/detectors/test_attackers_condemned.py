"""A group as the object of a relative clause (lexicon v18): "Anyone who harasses gay people is scum".

Found probing descriptions of violence (seventeenth session): the group rules read "gay people is scum" and
"muslims are terrorists" across "anyone who harasses …" / "people who kill …", so condemning the attackers
was hate; and the praise rule read "muslims are heroes" across "people who kill muslims are heroes", so
glorifying the killing was *allowed*. Sentences are written for these tests.
"""

from __future__ import annotations

import pytest

from vigie.categories import Verdict
from vigie.pipeline import Pipeline
from vigie.types import Post

from .helpers import Scan


@pytest.mark.parametrize(
    "text",
    [
        "Anyone who harasses gay people is scum",
        "People who kill Muslims are terrorists",
        "Those who attack Jews are cowards",
    ],
)
def test_condemning_those_who_attack_a_group_is_counter_speech(
    scan: Scan, pipeline: Pipeline, text: str
) -> None:
    assert "en.counter.condemn_attackers" in scan(text, "en").extras["rule_hits"]
    assert pipeline.run(Post("c", text, lang_hint="en")).verdict is Verdict.ALLOW


@pytest.mark.parametrize(
    "text",
    [
        "People who kill Muslims are heroes",  # glorifies the killing
        "Those who attack the Jews are heroes",
        # the attack after the contrast
        "Anyone who harasses gay people is scum, but gays are disgusting too",
    ],
)
def test_glorifying_the_attackers_or_a_contrast_is_not(scan: Scan, pipeline: Pipeline, text: str) -> None:
    hits = scan(text, "en").extras["rule_hits"]
    assert "en.counter.group_is_praised" not in hits
    assert pipeline.run(Post("c", text, lang_hint="en")).verdict is not Verdict.ALLOW


def test_a_group_praised_as_the_subject_still_is(scan: Scan) -> None:
    assert "en.counter.group_is_praised" in scan("Our refugees are wonderful", "en").extras["rule_hits"]


@pytest.mark.parametrize(
    ("text", "call"),
    [
        ("A gunman tried to kill Muslims in Munich.", False),  # a past attempt, told
        ("He wanted to kill the Jews and nearly did.", False),
        ("I want to kill the journalists", True),
        ("Kill the Jews", True),
    ],
)
def test_an_attempt_told_is_not_a_call_to_kill(scan: Scan, text: str, call: bool) -> None:
    assert ("en.incite.kill_role" in scan(text, "en").extras["rule_hits"]) is call
