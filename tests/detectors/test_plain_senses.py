"""Everyday senses of words the lexicon reads as attacks (lexicon v17).

Found on the benchmark mix's benign posts (sixteenth session): "spic and span" read as a slur aimed at
someone, "take him out to do something" as a call to finish a target, "my carry gun" as a call to bring
weapons, "why do people still join militias?" as a call to form them, a banner "that called immigrants
"parasites"" as the author's dehumanising words, "qui ont crevé à cause d'eux" (firms
that went bust) and "des migrants ont crevé à la frontière" (a death told in the past) as announced deaths.
Each sense is guarded where the rule reads it; aimed at a person, a group or a gathering, the rule still
fires. The sentences below are this file's own.
"""

from __future__ import annotations

import pytest

from .helpers import Scan


@pytest.mark.parametrize(
    ("text", "lang", "rule"),
    [
        ("Here you stand all spic and span, where were you in the war?", "en", "en.hate.slur_at_someone"),
        ("The kitchen is spic and span for the inspection.", "en", "en.hate.slur"),
        (
            "Every other weekend I drive over and take him out to do something fun.",
            "en",
            "en.incite.end_this",
        ),
        ("It's her birthday, we'll take her out for dinner.", "en", "en.incite.end_this"),
        ("Grandma wants to take them out of school early on Friday.", "en", "en.incite.end_this"),
        ("I own two revolvers, including my carry gun.", "en", "en.incite.bring_weapons"),
        ("Why do people still join militias?", "en", "en.incite.militia"),
        # a report or a rejection of the words, not the author's
        (
            'Someone hung a banner that called immigrants "parasites"; it is gone now.',
            "en",
            "en.hate.dehum_group",
        ),
        ("Calling Muslims animals is never ok.", "en", "en.hate.dehum_group"),
        # a death told in the past, or "crevé" = worn out: no death announced
        (
            "Des centaines de migrants ont crevé à la frontière l'an dernier, dans l'indifférence.",
            "fr",
            "fr.threat.destin",
        ),
        ("Mon voisin, un vieil immigré, est crevé à force de travailler de nuit.", "fr", "fr.threat.destin"),
    ],
)
def test_the_everyday_sense_is_not_the_attack(scan: Scan, text: str, lang: str, rule: str) -> None:
    assert rule not in scan(text, lang).extras["rule_hits"]


@pytest.mark.parametrize(
    ("text", "lang", "rule"),
    [
        ("You dirty spic, go back where you came from.", "en", "en.hate.slur_at_someone"),
        ("Take him out, he's a traitor to this country.", "en", "en.incite.end_this"),
        ("Take them out before they reach the capitol.", "en", "en.incite.end_this"),
        ("Bring your guns to the rally on Saturday.", "en", "en.incite.bring_weapons"),
        ("Patriots, join militias now and acquire targets.", "en", "en.incite.militia"),
        ("I call immigrants parasites and I mean every word.", "en", "en.hate.dehum_group"),
        ("Ce juge crève demain, je vous le promets.", "fr", "fr.threat.destin"),
    ],
)
def test_the_attack_is_still_read(scan: Scan, text: str, lang: str, rule: str) -> None:
    assert rule in scan(text, lang).extras["rule_hits"]
