"""Group words that are adjectives first name their group only when they qualify a person (lexicon v23).

"You are nothing but common gay trash" named the reader alone before v23; the reviewer, and the policy's
``reader_only`` condition, must see the group it attacks. Alone, the same words are everyday words.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from vigie.detectors.lexicon import LexiconDetector
from vigie.errors import ConfigError
from vigie.model.harness import make_document

from .test_lexicon import _data

DETECTOR = LexiconDetector()


def groups(text: str, language: str = "en") -> list[tuple[str, str]]:
    """(canonical group, words of the original text) of every group target the lexicon finds."""
    signal = DETECTOR.detect_batch([make_document(text, language)])[0]
    return [(t.name, t.span.of(text)) for t in signal.targets if t.kind == "group"]


@pytest.mark.parametrize(
    ("text", "group", "words"),
    [
        ("You are nothing but common gay trash.", "gay people", "gay trash"),
        ("Your black lives are worthless.", "black people", "black lives"),
        ("That is fitting for female vermin like you.", "women", "female vermin"),
        ("Four Islamic scumbags kicked out over security", "muslims", "Islamic scumbags"),
        ("all these trans freaks", "trans people", "trans freaks"),
        ("keep praying for a white ethnostate", "white people", "white ethnostate"),
    ],
)
def test_a_trait_before_a_noun_for_people_names_the_group(text: str, group: str, words: str) -> None:
    assert (group, words) in groups(text)


@pytest.mark.parametrize(
    ("text", "group", "word"),
    [
        ("if youre white, youre superior to everyone", "white people", "white"),
        ("You're not really disabled, you just want to get out of work", "disabled people", "disabled"),
        ("Everyone hates you because you are gay", "gay people", "gay"),
        ("I was never ashamed to be white until today", "white people", "white"),
    ],
)
def test_a_trait_said_of_a_person_names_the_group_by_the_word_alone(text: str, group: str, word: str) -> None:
    assert (group, word) in groups(text)


@pytest.mark.parametrize(
    "text",
    [
        "I disabled the alarm and had black coffee with my black dog.",
        "Chinese food tonight, and a white wine.",
        "The wall is white and the app is disabled.",
        "Cut the trans fats out of your diet.",
        "The black car hit a white van.",
    ],
)
def test_the_same_words_about_things_name_no_group(text: str) -> None:
    assert groups(text) == []


@pytest.mark.parametrize(
    ("text", "language", "group"),
    [
        ("T'es qu'un sale noir.", "fr", "black people"),
        ("Un mec noir m'a aidé hier.", "fr", "black people"),
        ("Espèce de handicapé, tu sers à rien.", "fr", "disabled people"),
        ("Du bist nur ein dreckiger Schwarzer.", "de", "black people"),
        ("Diese schwulen Typen nerven.", "de", "gay people"),
        ("Eres un sucio negro.", "es", "black people"),
        ("Un tío gitano me robó.", "es", "roma"),
        ("Sei solo uno sporco negro.", "it", "black people"),
        ("Quel tizio nero mi guarda.", "it", "black people"),
    ],
)
def test_languages_whose_adjectives_follow_or_inflect_name_the_group_too(
    text: str, language: str, group: str
) -> None:
    assert group in {name for name, _words in groups(text, language)}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("J'ai bu un café noir avec mon chien noir.", "fr"),
        ("Ich trinke schwarzen Kaffee.", "de"),
        ("Tengo un coche negro.", "es"),
        ("Ho comprato una macchina nera.", "it"),
    ],
)
def test_the_same_adjectives_about_things_name_no_group(text: str, language: str) -> None:
    assert groups(text, language) == []


def test_a_group_word_already_named_is_not_named_twice() -> None:
    # "arabe" is a group word of French; "racaille arabe" would name Arabs a second time over the same word
    assert [name for name, _words in groups("Encore une racaille arabe.", "fr")] == ["arabs"]


@pytest.mark.parametrize(
    ("text", "group"),
    [
        ("You are just a slut to me.", "women"),
        ("You are nothing but a J1hadi.", "muslims"),
        ("Go do some work negro!", "black people"),
        ("if you are not a christian, you are not a true american", "christians"),
        ("exterminate all Moslims wherever you find them", "muslims"),
    ],
)
def test_slurs_and_spellings_the_groups_lacked_name_their_group(text: str, group: str) -> None:
    assert group in {name for name, _words in groups(text)}


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        (
            "groups:\n  jews: [jews]\nlists:\n  trait_nouns: [people]\n"
            "group_traits:\n  martians: [martian]\n",
            "group_traits.martians: not a group",
        ),
        ("groups:\n  jews: [jews]\ngroup_traits:\n  jews: [jewish]\n", "needs at least one of the lists"),
    ],
)
def test_trait_words_are_checked_at_load(tmp_path: Path, body: str, problem: str) -> None:
    detector = LexiconDetector(data_dir=_data(tmp_path, body, "targets.yaml"), languages=("xx",))
    with pytest.raises(ConfigError, match=problem):
        detector.load()


@pytest.mark.parametrize(
    ("text", "language", "group"),
    [
        ("🏳️‍🌈 belong in a zoo", "en", "gay people"),
        ("I feel nothing but love for ⚧️", "en", "trans people"),
        ("Les ✡️ contrôlent tout.", "fr", "jews"),
        ("☪️ raus!", "de", "muslims"),
    ],
)
def test_a_group_named_by_its_flag_or_symbol_is_a_target(text: str, language: str, group: str) -> None:
    assert group in {name for name, _words in groups(text, language)}


def test_the_rules_that_read_a_group_read_its_symbol() -> None:
    signal = DETECTOR.detect_batch([make_document("I hate ✡️", "en")])[0]
    assert signal.scores["hate"].score >= 0.5
