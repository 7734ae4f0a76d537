"""A slur reclaimed in the first person is no attack (lexicon v22: en/reclaimed.yaml).

Probed with sentences written for these tests: "I'm a proud dyke and I love my wife.", "Me and my fellow dykes
are going to the march tomorrow." went to review as hate (the lexicon read the slur at 0.45), "We queers have
to stick together." too (heads 0.63). The cue is counter-speech at praise weight for its sentence; the slur's
evidence stays for the reviewer.
"""

from __future__ import annotations

import pytest

from .helpers import Scan, fired, score

RULE = "en.counter.reclaimed_self"


@pytest.mark.parametrize(
    "text",
    [
        "I'm a proud dyke and I love my wife.",
        "We queers have to stick together.",
        "Me and my fellow dykes are going to the march tomorrow.",
        "As a queer woman, I'm tired of this.",
        "Proud to be a queer nurse.",
        "As a black man, I say my nigga with love.",
    ],
)
def test_a_slur_said_of_oneself_or_ones_own_is_no_attack(scan: Scan, text: str) -> None:
    assert score(fired(scan, text, "en", RULE), "counter_speech") >= 0.5


@pytest.mark.parametrize(
    "text",
    [
        "I'm not a fag.",  # denied, not claimed
        "As a fag myself, fags are disgusting.",  # an attack in the same sentence
        "Michael Sam being cut proves that we fags don't belong in football.",  # an exclusion
        "Being a flaming fag is a serious mental issue.",  # "being a …" is not self-reference
        "Stop being a bitch.",
        "Those dykes are vermin.",
        "You're a fag.",
        "Am I a fag?",
        "Your people should never be described as fags",  # a bare "as": no self-reference
    ],
)
def test_denials_attacks_exclusions_and_insults_get_no_cue(scan: Scan, text: str) -> None:
    assert score(scan(text, "en"), "counter_speech") == 0.0
