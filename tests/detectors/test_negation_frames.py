"""Denying frames and quoted plans in the lexicon.

A frame that denies the clause it introduces ("it's not true that X are criminals", "I would never call X
scum", ``negation_frame`` in each language's lists) dampens the hit right after it like a negation word; a
German negation may be intensified after the hit ("ich hasse X überhaupt nicht"); "X sind keine Tiere" is a
negation, not a dehumanisation. And a date next to a *quoted* threat is not the author's plan: the planned
hit weighs what the quoted threat weighs.

Sentences are written for these tests; they are not taken from any measurement set."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from vigie.types import Signal

Scan = Callable[[str, str], Signal]

HATE_REVIEW = 0.25
"""The default policy's review threshold for ``hate`` (policy/default.yaml)."""

DENIED = [
    ("en", "It's not true that Muslims are criminals.", "Muslims are criminals."),
    ("en", "I would never call disabled people scum.", "Disabled people are scum."),
    ("fr", "Ce n'est pas vrai que les musulmans sont des criminels.", "Les musulmans sont des criminels."),
    ("es", "No es verdad que los gitanos son ladrones.", "Los gitanos son ladrones."),
    ("de", "Es ist nicht wahr, dass Juden Ratten sind, das ist Hetze.", "Juden sind Ratten."),
    ("de", "Die Flüchtlinge sind keine Ratten, sie sind unsere Nachbarn.", "Die Flüchtlinge sind Ratten."),
    ("de", "Ich hasse Muslime überhaupt nicht.", "Ich hasse Muslime."),
    ("it", "Non è vero che i musulmani sono criminali.", "I musulmani sono criminali."),
]


@pytest.mark.parametrize(("lang", "denied", "said"), DENIED)
def test_a_denying_frame_dampens_the_attack_it_denies(scan: Scan, lang: str, denied: str, said: str) -> None:
    """The control (the same attack said plainly) must be an attack, or the test proves nothing."""
    assert scan(said, lang).scores["hate"].score >= 0.5
    assert scan(denied, lang).scores["hate"].score < HATE_REVIEW


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "It's not true that they are welcome, Muslims are vermin."),
        ("de", "Juden sind keine Menschen."),
        ("fr", "Pas vrai, les Arabes sont des rats."),
    ],
)
def test_a_frame_or_a_negation_elsewhere_does_not_excuse_the_attack(scan: Scan, lang: str, text: str) -> None:
    assert scan(text, lang).scores["hate"].score >= 0.5


@pytest.mark.parametrize(
    ("lang", "quoted", "said"),
    [
        (
            "de",
            "Heute hat im Bus jemand „tötet alle Juden“ gebrüllt. Passt auf euch auf.",
            "Heute im Bus: tötet alle Juden!",
        ),
        (
            "en",
            'Heard a guy yell "kill all the Jews" at the station on Saturday. Terrifying.',
            "Kill all the Jews at the station on Saturday.",
        ),
    ],
)
def test_a_dated_quotation_is_not_the_authors_plan(scan: Scan, lang: str, quoted: str, said: str) -> None:
    plain = scan(said, lang)
    assert plain.scores["incitement"].score >= 0.75 and plain.extras["planned"]
    mention = scan(quoted, lang)
    assert mention.scores["incitement"].score < 0.5
    planned = [
        e
        for e in mention.scores["incitement"].evidence
        if e.rationale.startswith("common.incitement.planned")
    ]
    assert planned and all("planned from quoted words" in e.rationale for e in planned)
