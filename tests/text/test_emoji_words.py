"""Emoji read as words for the encoder (``vigie.text.emoji_words``)."""

from __future__ import annotations

import pytest

from vigie.text.emoji_words import (
    describe_emoji,
    has_emoji,
    laughter_as_words,
    lone_emoji,
    without_hand_tones,
)


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("I find all Muslims inspiring 🙌", "I find all Muslims inspiring raising hands"),
        ("Muslims are 🐷", "Muslims are pig face"),
        ("Les 🐀 dehors", "Les rat dehors"),
        # a sequence joined by ZWJ is one emoji, named whole
        ("🏳️‍🌈 are a blessing", "rainbow flag are a blessing"),
        # skin tones and roles keep their words: they say who is meant
        ("👳🏾 belong here", "person wearing turban medium-dark skin tone belong here"),
        ("I will 👊 🕷️", "I will oncoming fist spider"),
        ("great 😊day", "great smiling face with smiling eyes day"),
    ],
)
def test_emoji_become_their_english_names(text: str, read: str) -> None:
    assert describe_emoji(text) == read


def test_two_emoji_never_read_the_same() -> None:
    # the defect this fixes: every emoji was the same unknown token to USE
    assert describe_emoji("they are 🐷") != describe_emoji("they are 🙌")


def test_a_run_of_one_emoji_is_named_once_but_different_emoji_each() -> None:
    assert describe_emoji("🙌🙌🙌 yes") == "raising hands yes"
    assert describe_emoji("🙌 🙌 yes") == "raising hands yes"
    assert describe_emoji("🐷🐍") == "pig face snake"


@pytest.mark.parametrize("text", ["Tr🌟ns people are respected", "Somebody should pr❤️ise her", "c🌟ol"])
def test_an_emoji_inside_a_word_stands_for_a_letter_and_is_left_alone(text: str) -> None:
    assert describe_emoji(text) == text


def test_a_keycap_is_its_digit_so_leetspeak_reads_as_leetspeak() -> None:
    assert describe_emoji("Trans people are c0️⃣ol") == "Trans people are c0ol"
    assert describe_emoji("#️⃣1") == "#1"


def test_text_without_emoji_comes_back_untouched() -> None:
    text = "l'été à Paris — ça va? 100 % «oui»"
    assert not has_emoji(text)
    assert describe_emoji(text) is text
    assert has_emoji("ok 👍")


def test_every_emoji_the_package_knows_is_found_in_text() -> None:
    import emoji

    missed = [e for e in emoji.EMOJI_DATA if not has_emoji(f"voilà {e} ok")]
    assert missed == []
    assert has_emoji("1\ufe0f\u20e3 first")  # a keycap starts with an ASCII digit
    assert not has_emoji("déjà vu, naïve café — «ça»")


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("lol 😂", "lol haha"),
        ("ptdr 😂🤣 😂 ok", "ptdr haha ok"),  # a run of laughter is one laugh
        ("Aidez-moi. 😹", "Aidez-moi. haha"),
        ("haha😂", "haha haha"),
        ("c😂ol", "c😂ol"),  # between two letters: a letter stand-in, as describe_emoji leaves it
        ("they are 🤮 😂", "they are 🤮 haha"),  # other faces keep their place (and their names)
    ],
)
def test_scoring_writes_laughter_as_words(text: str, read: str) -> None:
    assert laughter_as_words(text) == read


def test_text_without_laughter_comes_back_untouched() -> None:
    for text in ("no emoji here", "they are 🤮", "déjà vu"):
        assert laughter_as_words(text) is text


@pytest.mark.parametrize(
    ("text", "lone"),
    [
        ("❤️", True),
        ("😂😂 😂", True),  # repeated, spaced
        ("👍🏿 !", True),  # punctuation beside it
        ("❤️❤", True),  # with and without the variation selector: one emoji
        ("🏳️‍🌈", True),  # one ZWJ sequence
        ("🔪 👩", False),  # a target and an act: HatemojiCheck's emoji-only attacks
        ("⚧️ = 🐀", False),
        ("hi ❤️", False),  # a word
        ("2❤️", False),  # a digit
        ("1️⃣", False),  # a keycap is a digit
        ("...", False),  # no emoji at all
        ("", False),
    ],
)
def test_a_lone_emoji_is_one_emoji_and_nothing_that_reads(text: str, lone: bool) -> None:
    assert lone_emoji(text) is lone


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("Great job 👍🏿", "Great job 👍"),
        ("Bravo 👏🏿👏🏿 🙏🏾", "Bravo 👏👏 🙏"),
        ("peace ✌🏾️", "peace ✌️"),  # the variation selector stays with its emoji
        ("✌️🏾", "✌️"),
        ("🧑🏿 = 🐀", "🧑🏿 = 🐀"),  # a person's tone says who is depicted: kept
        ("👩🏽‍🚀 on the moon", "👩🏽‍🚀 on the moon"),
    ],
)
def test_a_hands_skin_tone_is_dropped_a_persons_kept(text: str, read: str) -> None:
    assert without_hand_tones(text) == read


def test_text_without_a_hand_tone_is_returned_unchanged() -> None:
    text = "Great job 👍 🧑🏿 🏿"  # a person's tone, and a tone alone, are not a hand's
    assert without_hand_tones(text) == text
    plain = "no emoji here"
    assert without_hand_tones(plain) is plain
