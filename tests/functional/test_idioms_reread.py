"""The encoder reads a post again without the idioms the lexicon found (``vigie.idioms``): violent words
aimed at a pest, a food or a device are no threat to the heads either.

Probed with sentences written for these tests, decided by the previous tree (lexicon v23, no second
reading): "All the weeds in my garden deserve to die a slow death." was restricted as a threat (0.81),
"Bisogna sterminare tutte le zanzare di casa, devono morire." as incitement (1.0), "Alle Wespen im Garten
müssen sterben, tötet sie." and "Il faut exterminer toutes les guêpes du jardin, elles doivent crever."
reviewed as threats, incitement and hate: the lexicon's idiom dropped its own hits, the heads still read a
call to kill. A threat beside an idiom, or a group beside the pest, is read as before.
"""

from __future__ import annotations

import pytest

from vigie.idioms import IDIOMS_READ
from vigie.pipeline import Pipeline
from vigie.types import Post

from .helpers import decide


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("All the weeds in my garden deserve to die a slow death.", "en"),
        ("Kill every mosquito in this house tonight.", "en"),
        ("Il faut exterminer toutes les guêpes du jardin, elles doivent crever.", "fr"),
        ("Alle Wespen im Garten müssen sterben, tötet sie.", "de"),
        ("Bisogna sterminare tutte le zanzare di casa, devono morire.", "it"),
    ],
)
def test_violent_words_aimed_at_a_thing_are_allowed_and_the_second_reading_says_why(
    functional_pipeline: Pipeline, text: str, language: str
) -> None:
    assert decide(functional_pipeline, text, language) == ("allow", ())
    (assessment,) = functional_pipeline.assess_batch([Post(id="t", text=text, lang_hint=language)])
    encoder = next(s for s in assessment.signals if s.detector == "vigie.encoder")
    record = encoder.extras[IDIOMS_READ]
    assert record["blanked"] and max(record["before"].values()) >= 0.25


@pytest.mark.parametrize(
    ("text", "language", "violation"),
    [
        ("You are killing me with these jokes. I will shoot you tomorrow, Sam.", "en", "violent_threat"),
        ("Muslims are like wasps, every single one of them should die.", "en", "hate"),
    ],
)
def test_a_threat_beside_an_idiom_and_a_group_beside_a_pest_are_read_as_before(
    functional_pipeline: Pipeline, text: str, language: str, violation: str
) -> None:
    verdict, violations = decide(functional_pipeline, text, language)
    assert verdict != "allow" and violation in violations
