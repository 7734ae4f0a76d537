"""Four English slurs are also everyday nouns (lexicon v14, v20 for "coon", ``en.hate.slur``).

"fag" is a cigarette in British English, "faggot" a meatball or a bundle of sticks, "dyke" an embankment,
"coon" a raccoon to hunters. With their everyday company in the sentence ("smoked a fag", "faggots and peas",
"the dyke broke and the fields flooded", "coon hunting" with hounds) the lexicon no longer reads the slur;
aimed at a person or a group it still does. Disclosed: the HateCheck ``slur_homonym_nh`` cases were read
before these rules were written; the sentences below are this file's own.
"""

from __future__ import annotations

import pytest

from .helpers import Scan, score


@pytest.mark.parametrize(
    "text",
    [
        "Just nipping out for a fag, back in five.",
        "Le train est encore en retard, classic.",  # French "late", in a code-switched post
        "Sorry guys, j'ai du retard on the project",
        "He left his fags and his lighter on the bus.",
        "We had faggots and peas for tea, proper Yorkshire.",
        "Tie the faggots of brushwood before you stack them.",
        "The dyke broke and the fields flooded overnight.",
        "They walked along the dyke as the tide came in.",
        "The coon hunting season opens in November, get the hounds ready.",
        "Grandpa still wears his coon skin cap every winter.",
    ],
)
def test_the_everyday_noun_is_not_the_slur(scan: Scan, text: str) -> None:
    signal = scan(text, "en")
    assert "en.hate.slur" not in signal.extras["rule_hits"]
    assert score(signal, "hate") < 0.25


@pytest.mark.parametrize(
    "text",
    [
        "You're a fucking fag.",
        "Stop being a retard, the train is late",
        "Fags like you should be shot.",
        "Those dykes at the bar are disgusting.",
        "Get out of here, dyke.",
        "The faggots are ruining this country.",
        "I hate faggots.",
        "That's only natural for a muzzie like you.",
        "Look at that coon trying to act smart.",
    ],
)
def test_the_slur_is_still_read(scan: Scan, text: str) -> None:
    assert score(scan(text, "en"), "hate") >= 0.45
