"""Normalized views of a post, each with an exact offset map back to what the user wrote.

Detectors never look at raw text. They look at one of two *views* and report spans in
view coordinates, which :meth:`View.to_original` turns into :class:`~vigie.types.Span`
over the original, so evidence highlights exactly the characters the user typed — the
whole ``"k 1 l l"`` for a lexicon hit on ``kill``, the whole ``"k\\u200bill"`` when a
zero-width space was hidden inside it.

The two views
-------------
``nfkc`` — for dates, numbers and the encoder. In order:

1. mojibake repair with ftfy (``"cafÃ©"`` -> ``"café"``), restricted to the encoding fixes
   (no quote uncurling, no HTML unescaping, no width or ligature changes: NFKC does those);
   ftfy gives no offsets, so each changed line is aligned to its repair (see ``_repair``);
2. removal of invisible format characters: zero-width space/joiners, word joiner, soft
   hyphen, BOM, bidi embeddings/overrides/isolates and marks, Hangul fillers, C0/C1
   controls. A zero-width joiner between non-alphanumerics (emoji ZWJ sequences) and
   tag characters after a black flag (subdivision flags) are kept: emoji pass through;
3. Unicode NFKC (fullwidth letters, ligatures, math alphanumerics ``𝐤𝐢𝐥𝐥`` -> ``kill``);
4. whitespace runs collapsed to one space, leading and trailing whitespace dropped.

Case, accents and digits are kept: ``"le 20 janvier"`` stays ``"le 20 janvier"``.

``folded`` — for lexicons. Everything above, then:

5. case folding (``casefold``: ``ß`` -> ``ss``), accents and other Latin/Greek/Cyrillic
   diacritics stripped (``é`` -> ``e``; stray combining marks, i.e. "zalgo", removed), a few
   letters without decomposition folded (``œ`` -> ``oe``, ``ø`` -> ``o``, ``ł`` -> ``l``, the
   small capitals of "fancy text" ``ᴋɪʟʟ`` -> ``kill``),
   variation selectors removed, Arabic tashkeel and tatweel removed and alef variants unified;
6. homoglyphs: Cyrillic/Greek look-alikes become the Latin letter they imitate (``кill``
   -> ``kill``) inside any token that also has Latin letters, and inside a token made only
   of look-alikes when most letters of the text are Latin — so Russian or Greek text is left
   alone (see ``_CONFUSABLES``);
7. spaced-out letters joined: three or more single letters separated by one and the same
   separator (space, ``.``, ``-``, ``_``, ``|`` or ``*``) — ``k i l l``, ``k.i.l.l``,
   ``k_i_l_l``, ``k|i|l|l`` -> ``kill``. Not ``/``: single letters between slashes are
   abbreviations far more often ("M/W/F", "S/M/L") than a word taken apart.
   Leet characters may sit inside such a run (``k 1 l l``) when it has at least three real
   letters and starts and ends with a letter;
8. leetspeak inside words: ``1 3 4 0 5 7 @ $ !`` -> ``i e a o s t a s i`` within a token
   (a run of letters, digits and ``@$!``) that has letters, where every character of the
   digit/symbol run is a leet character. Not converted: tokens without letters (``2021``,
   ``100%``, ``20 janvier``), tokens that read as a number with a unit or ordinal
   (``3rd``, ``5ans``, ``7h30``, ``a4``), a leading ``@`` (mentions), a ``!`` at either
   end of a token (punctuation), a trailing digit run after a single letter;
9. any run of three or more identical letters squeezed to one (``kiiiill`` -> ``kill``,
   ``tuuuer`` -> ``tuer``). Note the consequence: ``killll`` folds to ``kil``.

Not guessed (too risky for ordinary text): punctuation used inside a word to break it
(``k*ll``, ``k.ll``), digits other than the ones above (``8`` for ``b``), ``|`` for ``l``.

Offset map
----------
Every view character carries the original half-open range it came from. A character
that was produced from several original characters (an NFKC composition, a mojibake
sequence, a squeezed run, a collapsed whitespace run) maps to all of them; characters an
expansion produced (``ß`` -> ``ss``) share their source's range; removed characters map
to nothing, so a view span never *starts or ends* on them but covers them when they sit
inside it. Both starts and ends are non-decreasing.

Performance: each stage is one linear pass, and the common case — text that is already
NFKC, with no invisible characters, mojibake, confusables or leet — costs a few regex
scans plus list slicing. Stages 6-9 only run when a cheap regex says they might apply.
"""

from __future__ import annotations

import contextlib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

import ftfy
import ftfy.bad_codecs  # registers the "sloppy-windows-*" codecs the prefilter is built from
from ftfy.chardata import CHARMAP_ENCODINGS

from vigie.types import Span

__all__ = ["LEET", "NormalizedText", "View", "fold", "normalize"]


@dataclass(frozen=True, slots=True)
class View:
    """One normalized rendering of a text, with its offset map to the original.

    ``offsets`` has ``len(text) + 1`` entries: ``offsets[i]`` is the index in the original
    of the first character view character ``i`` came from, and ``offsets[len(text)]`` is an
    end sentinel (the original end of the last view character, 0 for an empty view).
    ``ends[i]`` is the original end (exclusive) of view character ``i``; a ``View`` built
    without ``ends`` falls back to ``offsets[i + 1]``.
    """

    text: str
    offsets: tuple[int, ...]
    ends: tuple[int, ...] = ()

    def __post_init__(self) -> None:
        if len(self.offsets) != len(self.text) + 1:
            raise ValueError(
                f"offsets must have len(text)+1={len(self.text) + 1} entries, got {len(self.offsets)}"
            )
        if self.ends and len(self.ends) != len(self.text):
            raise ValueError(f"ends must have len(text)={len(self.text)} entries, got {len(self.ends)}")

    def to_original(self, start: int, end: int) -> Span:
        """Map a half-open ``[start, end)`` range of this view to the smallest original range
        covering the same characters.

        The end maps through the original end of view character ``end - 1``, so a match
        never swallows removed characters (whitespace, zero-width) that follow it. An empty
        range maps to an empty span at ``offsets[start]``. Raises ``ValueError`` for a
        range outside the view.
        """
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"range [{start}, {end}) outside view of length {len(self.text)}")
        lo = self.offsets[start]
        if start == end:
            return Span(lo, lo)
        hi = self.ends[end - 1] if self.ends else self.offsets[end]
        return Span(lo, hi)


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """The original text and its two views (see the module docstring for what each does)."""

    original: str
    nfkc: View
    folded: View


def normalize(text: str) -> NormalizedText:
    """Build both views of ``text``. Linear in ``len(text)``; pure and deterministic."""
    s, starts, ends = _repair(text)
    s, starts, ends = _clean(s, starts, ends)
    nfkc = _view(s, starts, ends)
    s, starts, ends = _fold_chars(s, starts, ends)
    s, starts, ends = _fold_confusables(s, starts, ends)
    s, starts, ends = _join_spaced(s, starts, ends)
    s, starts, ends = _deleet(s, starts, ends)
    s, starts, ends = _squeeze(s, starts, ends)
    folded = _view(s, starts, ends)
    return NormalizedText(original=text, nfkc=nfkc, folded=folded)


def fold(text: str) -> str:
    """The folded view's text alone — fold lexicon entries with this very function at load
    time so entries and posts meet in the same space."""
    return normalize(text).folded.text


# --------------------------------------------------------------------------- plumbing

# A stage works on (s, starts, ends): the current view text and, for each of its code
# points, the original range it came from. ``len(s) == len(starts) == len(ends)``.
_State = tuple[str, list[int], list[int]]
# An edit replaces s[i:j] by `text`, whose characters map to the given starts/ends.
_Edit = tuple[int, int, str, list[int], list[int]]


def _view(s: str, starts: list[int], ends: list[int]) -> View:
    sentinel = ends[-1] if ends else 0
    return View(text=s, offsets=(*starts, sentinel), ends=tuple(ends))


def _rewrite(s: str, starts: list[int], ends: list[int], edits: Iterable[_Edit]) -> _State:
    """Apply non-overlapping edits given in increasing order; untouched stretches are sliced."""
    parts: list[str] = []
    new_starts: list[int] = []
    new_ends: list[int] = []
    prev = 0
    for i, j, text, e_starts, e_ends in edits:
        parts.append(s[prev:i])
        new_starts += starts[prev:i]
        new_ends += ends[prev:i]
        parts.append(text)
        new_starts += e_starts
        new_ends += e_ends
        prev = j
    if prev == 0 and not parts:
        return s, starts, ends
    parts.append(s[prev:])
    new_starts += starts[prev:]
    new_ends += ends[prev:]
    return "".join(parts), new_starts, new_ends


def _merge(starts: list[int], ends: list[int], i: int, j: int, text: str) -> _Edit:
    """Edit replacing s[i:j] by `text`, every produced character mapping to the whole range."""
    k = len(text)
    return i, j, text, [starts[i]] * k, [ends[j - 1]] * k


# --------------------------------------------------------------------------- 1. mojibake


def _single_byte_decodings(byte_values: Iterable[int], *, skip: tuple[str, ...] = ()) -> str:
    chars: set[str] = set()
    for value in byte_values:
        for encoding in CHARMAP_ENCODINGS:
            if encoding in skip:
                continue
            with contextlib.suppress(UnicodeDecodeError):
                chars.add(bytes([value]).decode(encoding))
    return "".join(sorted(chars))


def _char_class(chars: str) -> str:
    return "[" + "".join(re.escape(c) for c in chars) + "]"


def _build_mojibake_prefilter() -> re.Pattern[str]:
    """A cheap necessary condition for ftfy to change anything (ftfy's own check costs
    ~80 µs per post; this one a few µs).

    Mojibake is UTF-8 decoded with a single-byte codec, so every broken character shows as
    a lead-byte character (0xC2-0xF4) immediately followed by a continuation-byte character
    (0x80-0xBF), in one of the codecs ftfy tries; ftfy also repairs a continuation byte
    A0 that became a space, lossy ``?``/SUB sequences, C1 controls and surrogates.
    """
    lead_chars = _single_byte_decodings(range(0xC2, 0xF5))
    lead = _char_class(lead_chars)
    cont = _single_byte_decodings(range(0x80, 0xC0))
    lead_a0 = _char_class(_single_byte_decodings((0xC2, 0xC3, 0xC5, 0xCE, 0xD0, 0xD9), skip=("macroman",)))
    lead_lossy = _char_class(_single_byte_decodings((0xC2, 0xC3)))
    lead3 = _char_class(_single_byte_decodings(range(0xE0, 0xF5)))
    cont_class = _char_class(cont)
    special = "\\x1a\\x80-\\x9f\\ud800-\\udfff"
    first = lead[:-1] + special + "]"  # a single-class lookahead lets the search skip fast
    pattern = (
        f"(?={first})(?:{lead}(?:{cont_class}|\\x1a)|{lead_a0} |{lead_lossy}\\?"
        f"|{lead3}[ ?\\x1a]{cont_class}|[{special}])"
    )
    return re.compile(pattern)


_MOJIBAKE_HINT = _build_mojibake_prefilter()
_FTFY_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    remove_control_chars=False,
    normalization=None,
    explain=False,
)
_REPAIR_PIECE = 2000  # longer lines are repaired in whitespace-bounded pieces, bounding alignment cost
_LINE = re.compile(r"[^\n]*\n|[^\n]+")


def _pieces(text: str) -> Iterable[tuple[int, int]]:
    for m in _LINE.finditer(text):
        a, b = m.span()
        while b - a > _REPAIR_PIECE:
            cut = text.rfind(" ", a + 1, a + _REPAIR_PIECE)
            cut = a + _REPAIR_PIECE if cut < 0 else cut + 1
            yield a, cut
            a = cut
        yield a, b


_ANCHOR = 3  # characters that must agree to resynchronise after a repaired stretch
_WINDOW = 48  # longest stretch (in either string) the aligner looks across


def _resync(a: str, b: str, i: int, j: int) -> tuple[int, int]:
    """Smallest (di, dj), by di + dj, after which ``a`` and ``b`` agree again for
    ``_ANCHOR`` characters (or both end); the rest of both when nothing agrees nearby."""
    n, m = len(a), len(b)
    for d in range(1, 2 * _WINDOW + 1):
        for dj in range(max(0, d - _WINDOW), min(d, _WINDOW) + 1):
            ai, bj = i + d - dj, j + dj
            if ai <= n and bj <= m and a[ai : ai + _ANCHOR] == b[bj : bj + _ANCHOR]:
                return d - dj, dj
    return n - i, m - j


def _common_run(a: str, i: int, b: str, j: int) -> int:
    """Length of the common run of ``a[i:]`` and ``b[j:]``, by galloping slice comparisons."""
    limit = min(len(a) - i, len(b) - j)
    k = 0
    step = 1
    while step:
        if k + step <= limit and a[i + k : i + k + step] == b[j + k : j + k + step]:
            k += step
            step *= 2
        else:
            step //= 2
    return k


def _align(a: str, b: str, base: int, starts: list[int], ends: list[int]) -> None:
    """Append to ``starts``/``ends`` the range of ``a`` (offset by ``base``) each character of
    its repair ``b`` comes from. Equal characters map 1:1; a repaired stretch maps per
    character when its length equals the UTF-8 byte count of its repair (the mojibake
    signature: one shown character per byte), else as a whole."""
    n, m = len(a), len(b)
    i = j = 0
    while j < m:
        k = _common_run(a, i, b, j)
        if k:
            starts += range(base + i, base + i + k)
            ends += range(base + i + 1, base + i + k + 1)
            i += k
            j += k
            continue
        di, dj = _resync(a, b, i, j)
        out = b[j : j + dj]
        if di == 0:  # inserted: attach to a neighbouring original character
            lo = base + i if i < n else base + i - 1
            starts += [lo] * dj
            ends += [lo + 1] * dj
        else:
            widths = [len(c.encode("utf-8", "surrogatepass")) for c in out]
            if sum(widths) == di:
                pos = base + i
                for w in widths:
                    starts.append(pos)
                    ends.append(pos + w)
                    pos += w
            else:
                starts += [base + i] * dj
                ends += [base + i + di] * dj
        i += di
        j += dj


def _repair(text: str) -> _State:
    """Stage 1: ftfy's encoding repairs, with the offset map rebuilt by alignment.

    ftfy gives no offsets, so each line (or long-line piece) it changes is aligned to its
    repair by :func:`_align`, a greedy linear aligner suited to ftfy's local rewrites.
    """
    n = len(text)
    starts = list(range(n))
    ends = list(range(1, n + 1))
    if text.isascii() or _MOJIBAKE_HINT.search(text) is None:
        return text, starts, ends
    edits: list[_Edit] = []
    for a, b in _pieces(text):
        piece = text[a:b]
        if _MOJIBAKE_HINT.search(piece) is None:
            continue
        fixed = ftfy.fix_text(piece, _FTFY_CONFIG)
        if fixed == piece:
            continue
        e_starts: list[int] = []
        e_ends: list[int] = []
        _align(piece, fixed, a, e_starts, e_ends)
        edits.append((a, b, fixed, e_starts, e_ends))
    return _rewrite(text, starts, ends, edits)


# ------------------------------------------------------------------ 2-4. invisibles, NFKC, whitespace

_ZWJ = "\u200d"
_BLACK_FLAG = "\U0001f3f4"
_INVISIBLE_RANGES = (
    (0x00, 0x08),
    (0x0E, 0x1B),
    (0x7F, 0x84),
    (0x86, 0x9F),
    (0xAD, 0xAD),  # soft hyphen
    (0x34F, 0x34F),  # combining grapheme joiner
    (0x61C, 0x61C),  # arabic letter mark
    (0x115F, 0x1160),  # hangul fillers
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),  # mongolian variation selectors, vowel separator
    (0x200B, 0x200F),  # zero-width space, ZWNJ, ZWJ, LRM, RLM
    (0x202A, 0x202E),  # bidi embeddings and overrides
    (0x2060, 0x2064),  # word joiner, invisible operators
    (0x2066, 0x206F),  # bidi isolates, deprecated format characters
    (0x3164, 0x3164),
    (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0),
    (0xFFF9, 0xFFFB),
    (0x1D173, 0x1D17A),
    (0xE0000, 0xE007F),  # tags
)
_INVISIBLE = re.compile("[" + "".join(f"\\U{lo:08x}-\\U{hi:08x}" for lo, hi in _INVISIBLE_RANGES) + "]+")
_WHITESPACE_TO_EDIT = re.compile(r"\s{2,}|[^\S ]")  # every run that is not a lone space
_WORD = re.compile("[^ ]+")

# Code points with canonical combining class 0 that can still join the preceding character
# under NFKC: second halves of primary composites (some Indic vowel signs, Hangul medial
# and final jamo) and characters whose compatibility decomposition starts with one of those
# or with a combining mark (halfwidth kana voicing marks, compatibility jamo). Derived from
# the Unicode 14 data of Python 3.11; tests/text/test_normalize.py recomputes it.
_JOINS_PREVIOUS_RANGES = (
    (0x09BE, 0x09BE), (0x09D7, 0x09D7), (0x0B3E, 0x0B3E), (0x0B56, 0x0B57), (0x0BBE, 0x0BBE),
    (0x0BD7, 0x0BD7), (0x0CC2, 0x0CC2), (0x0CD5, 0x0CD6), (0x0D3E, 0x0D3E), (0x0D57, 0x0D57),
    (0x0DCF, 0x0DCF), (0x0DDF, 0x0DDF), (0x0F73, 0x0F73), (0x0F75, 0x0F75), (0x0F81, 0x0F81),
    (0x102E, 0x102E), (0x1161, 0x1175), (0x11A8, 0x11C2), (0x1B35, 0x1B35), (0x3133, 0x3133),
    (0x3135, 0x3136), (0x313A, 0x313F), (0x314F, 0x3163), (0xFF9E, 0xFF9F), (0xFFA3, 0xFFA3),
    (0xFFA5, 0xFFA6), (0xFFAA, 0xFFAF), (0xFFC2, 0xFFC7), (0xFFCA, 0xFFCF), (0xFFD2, 0xFFD7),
    (0xFFDA, 0xFFDC), (0x11127, 0x11127), (0x1133E, 0x1133E), (0x11357, 0x11357),
    (0x114B0, 0x114B0), (0x114BA, 0x114BA), (0x114BD, 0x114BD), (0x115AF, 0x115AF),
    (0x11930, 0x11930),
)  # fmt: skip
_JOINS_PREVIOUS = frozenset(chr(cp) for lo, hi in _JOINS_PREVIOUS_RANGES for cp in range(lo, hi + 1))


def _keep_invisible(s: str, i: int, kept_prev: str) -> bool:
    """Invisible characters that carry meaning for emoji: ZWJ sequences and flag tags."""
    c = s[i]
    if c == _ZWJ:
        nxt = s[i + 1] if i + 1 < len(s) else ""
        return bool(kept_prev) and not kept_prev.isalnum() and not nxt.isalnum()
    if "\U000e0000" <= c <= "\U000e007f":
        return kept_prev == _BLACK_FLAG or "\U000e0000" <= kept_prev <= "\U000e007f"
    return False


def _remove_invisible(s: str, starts: list[int], ends: list[int]) -> _State:
    edits: list[_Edit] = []
    for m in _INVISIBLE.finditer(s):
        i, j = m.span()
        kept_prev = s[i - 1] if i > 0 else ""
        keep: list[int] = []
        for k in range(i, j):
            if _keep_invisible(s, k, kept_prev):
                keep.append(k)
                kept_prev = s[k]
        edits.append((i, j, "".join(s[k] for k in keep), [starts[k] for k in keep], [ends[k] for k in keep]))
    return _rewrite(s, starts, ends, edits)


def _nfkc(s: str, starts: list[int], ends: list[int]) -> _State:
    """NFKC applied per segment (a character plus everything that may join it), so each
    output character maps to the segment it came from; the concatenation equals NFKC of
    the whole string because no composition or reordering crosses a segment boundary. Only
    space-delimited words that are not already NFKC are visited (an ASCII space never
    composes, so NFKC distributes over it)."""
    edits: list[_Edit] = []
    combining = unicodedata.combining
    nfkc = unicodedata.normalize
    is_nfkc = unicodedata.is_normalized
    for word in _WORD.finditer(s):
        if is_nfkc("NFKC", word.group()):
            continue
        i, n = word.span()
        while i < n:
            j = i + 1
            while j < n and (combining(s[j]) or s[j] in _JOINS_PREVIOUS):
                j += 1
            seg = s[i:j]
            out = nfkc("NFKC", seg)
            if out != seg:
                edits.append(_merge(starts, ends, i, j, out))
            i = j
    return _rewrite(s, starts, ends, edits)


def _collapse_whitespace(s: str, starts: list[int], ends: list[int]) -> _State:
    """Runs of whitespace become one space mapping to the whole run; edges are dropped."""
    n = len(s)
    edits: list[_Edit] = [
        (i, j, "", [], []) if i == 0 or j == n else _merge(starts, ends, i, j, " ")
        for i, j in (m.span() for m in _WHITESPACE_TO_EDIT.finditer(s))
    ]
    if s[:1] == " " and (not edits or edits[0][0] != 0):
        edits.insert(0, (0, 1, "", [], []))
    if s[-1:] == " " and n > 1 and (not edits or edits[-1][1] != n):
        edits.append((n - 1, n, "", [], []))
    return _rewrite(s, starts, ends, edits)


def _clean(s: str, starts: list[int], ends: list[int]) -> _State:
    """Stages 2-4 (the nfkc view): invisible characters, NFKC, whitespace."""
    if _INVISIBLE.search(s) is not None:
        s, starts, ends = _remove_invisible(s, starts, ends)
    if not unicodedata.is_normalized("NFKC", s):
        s, starts, ends = _nfkc(s, starts, ends)
    return _collapse_whitespace(s, starts, ends)


# --------------------------------------------------------------------------- 5. character folding

# Letters with no canonical decomposition that people read as a plain Latin letter, and
# marks that only decorate (Arabic tashkeel, tatweel); alef variants, apostrophes, double
# quotes and dashes unified (so "l’école" meets the lexicon entry "l'école").
_FOLD_SPECIAL = {
    "œ": "oe", "æ": "ae", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ħ": "h", "ŧ": "t",
    "ı": "i", "ɩ": "i", "ɑ": "a", "ɡ": "g", "ʏ": "y",
    # small capitals, as "fancy text" generators write them ("ᴋɪʟʟ"); NFKC leaves them
    "ᴀ": "a", "ʙ": "b", "ᴄ": "c", "ᴅ": "d", "ᴇ": "e", "ꜰ": "f", "ɢ": "g", "ʜ": "h", "ɪ": "i", "ᴊ": "j",
    "ᴋ": "k", "ʟ": "l", "ᴍ": "m", "ɴ": "n", "ᴏ": "o", "ᴘ": "p", "ʀ": "r", "ꜱ": "s", "ᴛ": "t", "ᴜ": "u",
    "ᴠ": "v", "ᴡ": "w", "ᴢ": "z",
    "\u0640": "", "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
    "’": "'", "‘": "'", "‛": "'", "ʼ": "'", "′": "'", "“": '"', "”": '"', "„": '"', "‟": '"',
    "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "―": "-", "−": "-",
}  # fmt: skip
# Marks stripped after canonical decomposition: the generic combining diacritics used with
# Latin, Greek and Cyrillic (accents, zalgo), and Arabic tashkeel. Script-specific vowel signs
# (Thai, Devanagari, kana voicing) are letters' spelling and are kept.
_STRIPPED_MARKS = re.compile(
    "[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u064b-\u065f\u0670]"
)
_VARIATION_SELECTORS = re.compile("[\ufe00-\ufe0f\U000e0100-\U000e01ef]")


def _fold_char(c: str) -> str:
    if c in _FOLD_SPECIAL:
        return _FOLD_SPECIAL[c]
    if _VARIATION_SELECTORS.fullmatch(c):
        return ""
    out: list[str] = []
    for ch in c.casefold():
        decomposed = unicodedata.normalize("NFD", ch)
        stripped = _STRIPPED_MARKS.sub("", decomposed)
        stripped = unicodedata.normalize("NFC", stripped) if stripped != decomposed else ch
        out.append("".join(_FOLD_SPECIAL.get(x, x) for x in stripped))
    return "".join(out)


_NOT_ONE_TO_ONE: set[str] = set()


class _FoldTable(dict[int, str]):
    """``str.translate`` table filled on first sight of each code point (folding is
    context-free per character, so caching is exact); remembers non 1:1 characters."""

    def __missing__(self, cp: int) -> str:
        c = chr(cp)
        folded = _fold_char(c)
        if len(folded) != 1:
            _NOT_ONE_TO_ONE.add(c)
        self[cp] = folded
        return folded


_FOLD_TABLE = _FoldTable()


def _fold_chars(s: str, starts: list[int], ends: list[int]) -> _State:
    folded = s.translate(_FOLD_TABLE)
    if len(folded) == len(s) and _NOT_ONE_TO_ONE.isdisjoint(s):
        return folded, starts, ends
    # Expansions and removals: rebuild around them; removals may leave double or edge spaces.
    parts: list[str] = []
    new_starts: list[int] = []
    new_ends: list[int] = []
    removed = False
    prev = 0
    for k in [k for k, c in enumerate(s) if c in _NOT_ONE_TO_ONE]:
        parts.append(s[prev:k].translate(_FOLD_TABLE))
        new_starts += starts[prev:k]
        new_ends += ends[prev:k]
        out = _FOLD_TABLE[ord(s[k])]
        parts.append(out)
        new_starts += [starts[k]] * len(out)
        new_ends += [ends[k]] * len(out)
        removed = removed or not out
        prev = k + 1
    parts.append(s[prev:].translate(_FOLD_TABLE))
    new_starts += starts[prev:]
    new_ends += ends[prev:]
    folded = "".join(parts)
    if removed:
        return _collapse_whitespace(folded, new_starts, new_ends)
    return folded, new_starts, new_ends


# --------------------------------------------------------------------------- 6. homoglyphs

# Cyrillic and Greek lowercase letters (what casefold leaves) that render like a Latin
# letter, mapped to it. A compact explicit subset of Unicode's confusables.txt (the data the
# confusable_homoglyphs package ships; tests check every pair against it) rather than the
# package itself: one dict lookup per character, deterministic, and limited to the letters
# that matter for Latin-script evasion. Upper-case forms reach this table through casefold.
_CONFUSABLES = {
    # Cyrillic
    "а": "a", "в": "b", "г": "r", "е": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p",
    "с": "c", "т": "t", "у": "y", "х": "x", "ь": "b", "ѕ": "s", "і": "i", "ј": "j", "һ": "h",
    "ԁ": "d", "ԛ": "q", "ԝ": "w", "ӏ": "l", "ү": "y",
    # Greek
    "α": "a", "β": "b", "γ": "y", "ε": "e", "ζ": "z", "ι": "i", "κ": "k", "ν": "v", "ο": "o",
    "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "ϲ": "c", "ϳ": "j",
}  # fmt: skip
_CONFUSABLE_CHAR = re.compile(_char_class("".join(_CONFUSABLES)))
_TOKEN = re.compile(r"[\w@$!]+")


def _token_containing(char_class: str) -> re.Pattern[str]:
    """Whole tokens (runs of ``[\\w@$!]``) containing a character of ``char_class``, in linear
    time: the lookahead scans one token, and inside a token the lookbehind fails at once."""
    return re.compile(rf"(?<![\w@$!])(?=[\w@$!]*?{char_class})[\w@$!]++")


_TOKEN_WITH_CONFUSABLE = _token_containing(_char_class("".join(_CONFUSABLES)))
_ASCII_LETTER = re.compile("[a-z]")
_LETTER = re.compile(r"[^\W\d_]")


def _fold_confusables(s: str, starts: list[int], ends: list[int]) -> _State:
    if _CONFUSABLE_CHAR.search(s) is None:
        return s, starts, ends
    chars: list[str] | None = None
    mostly_latin: bool | None = None
    for m in _TOKEN_WITH_CONFUSABLE.finditer(s):
        token = m.group()
        if _ASCII_LETTER.search(token) is None:
            # Only look-alikes (no other non-Latin letter) in a mostly Latin text.
            if any(c not in _CONFUSABLES for c in _LETTER.findall(token)):
                continue
            if mostly_latin is None:
                mostly_latin = 2 * len(_ASCII_LETTER.findall(s)) > len(_LETTER.findall(s))
            if not mostly_latin:
                continue
        if chars is None:
            chars = list(s)
        for k in range(m.start(), m.end()):
            chars[k] = _CONFUSABLES.get(chars[k], chars[k])
    if chars is None:
        return s, starts, ends
    return "".join(chars), starts, ends  # 1:1 substitutions keep the map


# --------------------------------------------------------------------------- 7-8. spacing and leetspeak

LEET: dict[str, str] = {
    "1": "i",
    "3": "e",
    "4": "a",
    "0": "o",
    "5": "s",
    "7": "t",
    "@": "a",
    "$": "s",
    "!": "i",
}
"""The letter each leetspeak character stands for when folding reads it (stage 8)."""
_TOKEN_CHAR = r"(?:[^\W_]|[@$!])"
_SPACED = re.compile(
    rf"(?<![\w@$!]){_TOKEN_CHAR}(?P<sep>[ .\-_|*]){_TOKEN_CHAR}(?:(?P=sep){_TOKEN_CHAR})+(?![\w@$!])"
)
_MIN_SPACED_LETTERS = 3


def _join_spaced(s: str, starts: list[int], ends: list[int]) -> _State:
    edits: list[_Edit] = []
    for m in _SPACED.finditer(s):
        base = m.start()
        tokens = m.group()[::2]  # single-character tokens at even positions
        # Split at tokens that are neither letters nor leet; trim leet from both ends.
        run_start = 0
        for k in range(len(tokens) + 1):
            if k < len(tokens) and (tokens[k].isalpha() or tokens[k] in LEET):
                continue
            a, b = run_start, k
            while a < b and not tokens[a].isalpha():
                a += 1
            while b > a and not tokens[b - 1].isalpha():
                b -= 1
            run = tokens[a:b]
            if b - a >= 3 and sum(c.isalpha() for c in run) >= _MIN_SPACED_LETTERS:
                positions = [base + 2 * t for t in range(a, b)]
                text = "".join(c if c.isalpha() else LEET[c] for c in run)
                edits.append(
                    (
                        positions[0],
                        positions[-1] + 1,
                        text,
                        [starts[p] for p in positions],
                        [ends[p] for p in positions],
                    )
                )
            run_start = k + 1
    return _rewrite(s, starts, ends, edits)


_LEET_NEAR_LETTER = re.compile(r"[013457@$!](?:(?<=[^\W\d_].)|(?=[^\W\d_]))")
_TOKEN_WITH_LEET = _token_containing("[013457@$!]")
_NUMBER_LIKE = re.compile(r"\d+[^\W\d_]+|\d+[^\W\d_]\d+|[^\W\d_]\d+")
_RUNS = re.compile(r"[^\W\d_]+|(?:(?![^\W\d_])[\w@$!])+")  # letter runs and the rest of a token


def _deleet_token(token: str) -> str | None:
    """The token with its leet runs converted, or None when nothing changes (rules in the
    module docstring, stage 8)."""
    if _NUMBER_LIKE.fullmatch(token):
        return None
    runs = _RUNS.findall(token)
    letters = sum(len(r) for r in runs if r[0].isalpha())
    if not letters:
        return None
    changed = False
    last = len(runs) - 1
    for k, run in enumerate(runs):
        if run[0].isalpha() or any(c not in LEET for c in run):
            continue
        if k == 0 and (run[0] == "@" or "!" in run):  # a mention, or punctuation
            continue
        if k == last and ("!" in run or letters < 2):  # punctuation, or "a4"-like codes
            continue
        runs[k] = "".join(LEET[c] for c in run)
        changed = True
    return "".join(runs) if changed else None


def _deleet(s: str, starts: list[int], ends: list[int]) -> _State:
    if _LEET_NEAR_LETTER.search(s) is None:
        return s, starts, ends
    chars: list[str] | None = None
    for m in _TOKEN_WITH_LEET.finditer(s):
        token = m.group()
        converted = _deleet_token(token)
        if converted is None:
            continue
        if chars is None:
            chars = list(s)
        chars[m.start() : m.end()] = converted  # same length: 1:1 substitutions
    if chars is None:
        return s, starts, ends
    return "".join(chars), starts, ends


# --------------------------------------------------------------------------- 9. repeats

_REPEAT = re.compile(r"(\w)\1{2,}")  # \w is faster to scan than a letters-only class


def _squeeze(s: str, starts: list[int], ends: list[int]) -> _State:
    edits = [
        _merge(starts, ends, m.start(), m.end(), m.group(1))
        for m in _REPEAT.finditer(s)
        if m.group(1).isalpha()
    ]
    return _rewrite(s, starts, ends, edits)
