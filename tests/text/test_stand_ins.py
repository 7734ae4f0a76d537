"""Emoji that stand for a letter ("tr❤️ns", "wh🌟re"): read as the letter when one word fits."""

from __future__ import annotations

import pytest

from vigie.pipeline import Pipeline
from vigie.text.emoji_words import letter_stand_ins
from vigie.text.normalize import normalize
from vigie.text.spelling import SpellingRepair, fill_stand_ins, unmask_views
from vigie.types import Post

KNOWN = {"cool", "respect", "love", "live", "everything", "people", "women", "bad", "bed", "bid"}
SALIENT = {"trans", "whore", "hate", "muslims", "slit", "slut", "kill"}


@pytest.fixture(scope="module")
def repair() -> SpellingRepair:
    return SpellingRepair(KNOWN, SALIENT)


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("Tr❤️ns people", [(2, 4)]),  # the variation selector belongs to the stand-in
        ("c🌟ol", [(1, 2)]),
        ("tr❤ns", [(2, 3)]),  # the folded view has no variation selectors
        ("c🌟🌟l", []),  # an emoji beside an emoji is not between letters
        ("🐪fucker", []),  # at the start of a word: a prefix, named as a word
        ("I 🌟 you", []),
        ("c0️⃣ol", [(1, 4)]),  # a keycap between letters: key, variation selector, keycap mark
        ("Room 1️⃣2", []),  # a keycap in a number is a digit
        ("4🌟u", []),
        ("plain text", []),
    ],
)
def test_only_an_emoji_between_two_letters_stands_for_one(text: str, spans: list[tuple[int, int]]) -> None:
    assert letter_stand_ins(text) == spans


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("Gay people are c🌟ol", "Gay people are cool"),
        ("Tr❤️ns people are scum", "Trans people are scum"),  # a salient term wins over known words
        ("R🌟spect to all", "Respect to all"),
        ("You are a wh🌟re", "You are a whore"),
        ("MUSL🌟MS", "MUSLIMS"),  # uppercase between uppercase letters
        ("I h🌟te it, everyth🌟ng", "I hate it, everything"),
        ("Muslims are c0️⃣ol", "Muslims are cool"),  # a keycap is its digit as folding reads it
        ("k*️⃣ll", "kill"),  # the asterisk keycap is a masked letter
    ],
)
def test_a_stand_in_is_read_as_the_one_letter_that_makes_a_word(
    repair: SpellingRepair, text: str, read: str
) -> None:
    assert fill_stand_ins(text, repair) == read


@pytest.mark.parametrize(
    "text",
    [
        "I l🌟ve you",  # love and live: two known words fit
        "You are a sl🌟t",  # slit and slut: two salient terms
        "a zz🌟zz word",  # nothing fits
        "b8️⃣d",  # folding reads no letter from an 8
        "I 🌟 you",
    ],
)
def test_a_stand_in_without_a_single_reading_stays(repair: SpellingRepair, text: str) -> None:
    assert fill_stand_ins(text, repair) is text


def test_the_folded_view_reads_the_letter_and_maps_back_to_the_emoji_word() -> None:
    original = "Tr❤️ns people are scum"
    views = unmask_views(normalize(original), "en")
    folded = views.folded
    assert folded.text.startswith("trans people")
    assert original[folded.offsets[0] : folded.ends[4]] == "Tr❤️ns"
    assert views.nfkc.text == normalize(original).nfkc.text  # the post as written is kept


@pytest.mark.parametrize(
    ("written", "plain"),
    [
        ("You are a wh🌟re", "You are a whore"),
        ("Gay people are c🌟ol", "Gay people are cool"),
        ("I h❤️te Muslims", "I hate Muslims"),
        ("Trans people are c0️⃣ol", "Trans people are cool"),
    ],
)
def test_a_post_with_stand_ins_is_decided_like_the_plain_post(
    pipeline: Pipeline, written: str, plain: str
) -> None:
    """Same scores and violations; the evidence quotes the post as written, emoji included."""
    a, b = pipeline.run_batch([Post("s", written), Post("p", plain)])
    assert a.violations == b.violations
    for category, score in a.scores.items():
        assert score.score == pytest.approx(b.scores[category].score, abs=1e-6), category
    assert all(e.snippet in written for e in a.evidence)
