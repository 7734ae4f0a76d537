"""Cutting long posts into pieces a model can score, and capping how much is scored.

The encoder's cost grows with length (one 1 MB post took 23 s and 5 GB in one piece), so
long posts are scored sentence by sentence (:func:`split_sentences`) and the number of
scored characters is capped (:func:`cap_text`), with the caller reporting
``"truncated": true`` when the cap was hit. Both work on the original text and return
plain ``str`` indices, so their spans are directly evidence spans.
"""

from __future__ import annotations

import re

from vigie.types import Span

__all__ = ["cap_text", "split_sentences"]

# A sentence ends after a run of terminators (plus closing quotes/brackets, which French
# typography separates by a space: "tuer. »") that is followed
# by whitespace or the end of the text — so "3.14", "k.i.l.l" and "www.x.fr" do not split —
# or after a CJK/fullwidth terminator, which needs no space, or at a newline.
_BOUNDARY = re.compile(
    r"""[.!?…;؟]+(?:[ \u00a0\u202f]?[»”’"'\)\]])*(?=\s|\Z)"""
    r"""|[。！？；]+[」』”’"'\)\]）]*"""
    r"""|\n"""
)
_CAP_LOOKBACK = 200


def split_sentences(text: str, *, max_chunk_chars: int = 400) -> tuple[Span, ...]:
    """Sentence-like spans covering the text, in order, without surrounding whitespace and
    skipping pure whitespace.

    Splits after ``. ! ? … ;`` (and their CJK/Arabic forms) when followed by whitespace or the
    end, after any closing quotes that follow them (``» ” "``), and at newlines. A piece
    longer than ``max_chunk_chars`` is hard-split at the last whitespace before the limit
    (exactly at the limit when there is none), so no span is longer than the limit.
    Deterministic; linear time.
    """
    if max_chunk_chars < 1:
        raise ValueError(f"max_chunk_chars must be >= 1, got {max_chunk_chars}")
    spans: list[Span] = []
    prev = 0
    for m in _BOUNDARY.finditer(text):
        _emit(text, prev, m.end(), max_chunk_chars, spans)
        prev = m.end()
    _emit(text, prev, len(text), max_chunk_chars, spans)
    return tuple(spans)


def _emit(text: str, start: int, end: int, limit: int, out: list[Span]) -> None:
    """Append the trimmed piece ``text[start:end]``, hard-split to at most ``limit`` chars."""
    while True:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start >= end:
            return
        if end - start <= limit:
            out.append(Span(start, end))
            return
        cut = _last_space(text, start + 1, start + limit + 1)
        if cut < 0:
            cut = start + limit
        piece_end = cut
        while piece_end > start and text[piece_end - 1].isspace():
            piece_end -= 1
        out.append(Span(start, piece_end))
        start = cut


def _last_space(text: str, lo: int, hi: int) -> int:
    """Index of the last whitespace character in ``text[lo:hi]``, or -1."""
    for k in range(hi - 1, lo - 1, -1):
        if text[k].isspace():
            return k
    return -1


def cap_text(text: str, max_chars: int) -> tuple[str, bool]:
    """The first ``max_chars`` characters and whether anything was cut.

    When cutting, the cut moves back to the last whitespace within the final 200 kept
    characters, if there is one, so a word is not sliced in half (the whitespace itself is
    dropped); a cut that already falls on whitespace stays where it is.
    """
    if max_chars < 0:
        raise ValueError(f"max_chars must be >= 0, got {max_chars}")
    if len(text) <= max_chars:
        return text, False
    if max_chars == 0 or text[max_chars].isspace():
        return text[:max_chars], True
    k = _last_space(text, max(1, max_chars - _CAP_LOOKBACK), max_chars)
    return text[: k if k > 0 else max_chars], True
