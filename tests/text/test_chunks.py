"""Sentence chunks and the scoring cap."""

from __future__ import annotations

import random

import pytest

from vigie.text.chunks import cap_text, split_sentences


def pieces(text: str, **kwargs: int) -> list[str]:
    return [span.of(text) for span in split_sentences(text, **kwargs)]


def test_splits_on_terminators_and_newlines() -> None:
    text = "Je vais venir. Tu vas voir ! Pourquoi ? Parce que… voilà; fin\nligne deux\n\n  trois  "
    assert pieces(text) == [
        "Je vais venir.",
        "Tu vas voir !",
        "Pourquoi ?",
        "Parce que…",
        "voilà;",
        "fin",
        "ligne deux",
        "trois",
    ]


def test_closing_quotes_stay_with_their_sentence() -> None:
    text = 'Il a dit « je vais le tuer. » Puis il est parti. She said "I\'ll kill him." Then left.'
    assert pieces(text) == [
        "Il a dit « je vais le tuer. »",
        "Puis il est parti.",
        'She said "I\'ll kill him."',
        "Then left.",
    ]


def test_no_split_inside_numbers_dotted_words_or_urls() -> None:
    text = "Il fait 3.14 degrés à www.example.fr et k.i.l.l reste entier. Fin"
    assert pieces(text) == ["Il fait 3.14 degrés à www.example.fr et k.i.l.l reste entier.", "Fin"]


def test_cjk_terminators_need_no_space() -> None:
    assert pieces("明日行く。待ってろ！本当に？") == ["明日行く。", "待ってろ！", "本当に？"]


def test_whitespace_only_and_empty() -> None:
    assert split_sentences("") == ()
    assert split_sentences(" \n\t \n") == ()


def test_long_runs_are_hard_split_at_the_last_space_before_the_limit() -> None:
    text = "mot " * 50  # 200 chars, no terminator
    spans = split_sentences(text, max_chunk_chars=30)
    assert all(span.end - span.start <= 30 for span in spans)
    assert spans[0].of(text) == "mot mot mot mot mot mot mot"  # 27 chars, cut at a space
    assert " ".join(span.of(text) for span in spans) == text.strip()


def test_a_run_without_spaces_is_cut_at_the_limit() -> None:
    text = "x" * 95
    assert [(s.start, s.end) for s in split_sentences(text, max_chunk_chars=40)] == [
        (0, 40),
        (40, 80),
        (80, 95),
    ]


def test_spans_are_ordered_disjoint_trimmed_and_cover_all_non_space_text() -> None:
    rng = random.Random(11)
    alphabet = ["mot", " ", "  ", ".", "!", "?", "…", ";", "\n", "»", '"', "3.14", "a", "。", "x" * 30]
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        limit = rng.randint(1, 60)
        spans = split_sentences(text, max_chunk_chars=limit)
        covered: set[int] = set()
        prev_end = 0
        for span in spans:
            assert prev_end <= span.start < span.end <= len(text)
            assert span.end - span.start <= limit
            piece = span.of(text)
            assert piece == piece.strip() and piece
            covered.update(range(span.start, span.end))
            prev_end = span.end
        assert {k for k, c in enumerate(text) if not c.isspace()} <= covered


def test_invalid_limit() -> None:
    with pytest.raises(ValueError):
        split_sentences("abc", max_chunk_chars=0)


def test_cap_text_keeps_short_text_whole() -> None:
    assert cap_text("hello world", 11) == ("hello world", False)
    assert cap_text("", 0) == ("", False)


def test_cap_text_cuts_back_to_the_last_whitespace() -> None:
    assert cap_text("hello wonderful world", 12) == ("hello", True)
    assert cap_text("hello world again", 11) == ("hello world", True)  # the cut falls on a space


def test_cap_text_cuts_hard_when_no_whitespace_in_the_last_200_chars() -> None:
    text = "a " + "b" * 500
    assert cap_text(text, 300) == (text[:300], True)
    text = "word " * 100 + "c" * 150
    capped, cut = cap_text(text, 600)
    assert cut and capped == text[:499]  # the last space is within the final 200 chars


def test_cap_text_rejects_negative() -> None:
    with pytest.raises(ValueError):
        cap_text("abc", -1)
    assert cap_text("abc", 0) == ("", True)
