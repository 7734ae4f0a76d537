"""Normalized views and their offset maps: every transformation must highlight what the user wrote."""

from __future__ import annotations

import random
import re
import unicodedata

import pytest
from confusable_homoglyphs import confusables

from vigie.text import normalize as normalize_module
from vigie.text.normalize import NormalizedText, View, fold, normalize
from vigie.types import Span


def folded_match(text: str, needle: str) -> str:
    """The original characters behind the first occurrence of ``needle`` in the folded view."""
    nt = normalize(text)
    k = nt.folded.text.index(needle)
    return nt.folded.to_original(k, k + len(needle)).of(text)


def nfkc_match(text: str, needle: str) -> str:
    nt = normalize(text)
    k = nt.nfkc.text.index(needle)
    return nt.nfkc.to_original(k, k + len(needle)).of(text)


# --------------------------------------------------------------------------- each transformation


@pytest.mark.parametrize(
    ("text", "needle", "expected_original"),
    [
        ("je vais te k 1 l l demain", "kill", "k 1 l l"),  # spaced + leet inside the run
        ("je vais te k i l l demain", "kill", "k i l l"),
        ("je vais te k.i.l.l demain", "kill", "k.i.l.l"),
        ("je vais te k-i-l-l demain", "kill", "k-i-l-l"),
        ("je vais te k_i_l_l demain", "kill", "k_i_l_l"),
        ("all j_e_w_s must", "jews", "j_e_w_s"),
        ("k|i|l|l them", "kill", "k|i|l|l"),
        ("i will ᴋɪʟʟ you", "kill", "ᴋɪʟʟ"),  # small capitals of "fancy text"
        ("you k1ll3r", "killer", "k1ll3r"),
        ("i h4te y0u", "hate you", "h4te y0u"),
        ("$hit k!ll", "shit kill", "$hit k!ll"),
        ("a k\u200bill b", "kill", "k\u200bill"),  # zero-width space inside a word
        ("a k\u2060i\u00adll b", "kill", "k\u2060i\u00adll"),  # word joiner, soft hyphen
        ("a \u202ekill\u202c b", "kill", "kill"),  # bidi override around a word: not in the match
        ("go кill them", "kill", "кill"),  # Cyrillic к
        ("go κiλλ", "ki", "κi"),  # Greek kappa next to Latin i
        ("I will саке you", "cake", "саке"),  # all-look-alike token in a Latin text
        ("ｋｉｌｌ them", "kill", "ｋｉｌｌ"),  # fullwidth
        ("𝐤𝐢𝐥𝐥 them", "kill", "𝐤𝐢𝐥𝐥"),  # mathematical bold
        ("je vais te tuuuuer", "tuer", "tuuuuer"),
        ("kiiiill", "kill", "kiiiill"),
        ("À MORT les traîtres", "a mort les traitres", "À MORT les traîtres"),
        ("e\u0301te\u0301 chaud", "ete", "e\u0301te\u0301"),  # decomposed accents
        ("z̷̢a̵l̶g̴o text", "zalgo", "z̷̢a̵l̶g̴o"),
        ("Straße", "strasse", "Straße"),
        ("l’école", "l'ecole", "l’école"),
        ("cafÃ© noir", "cafe", "cafÃ©"),  # mojibake: é maps to the two original characters
    ],
)
def test_folded_match_maps_back_to_what_the_user_wrote(
    text: str, needle: str, expected_original: str
) -> None:
    assert folded_match(text, needle) == expected_original


def test_mojibake_repaired_in_nfkc_with_per_character_offsets() -> None:
    text = "lâ€™Ã©cole Ã  cÃ´tÃ©"
    nt = normalize(text)
    assert nt.nfkc.text == "l’école à côté"
    assert nfkc_match(text, "é") == "Ã©"
    assert nfkc_match(text, "’") == "â€™"
    assert nfkc_match(text, "à") == "Ã "  # byte A0 that had become a space
    assert nfkc_match(text, "côté") == "cÃ´tÃ©"


def test_clean_text_with_accents_is_not_touched_by_mojibake_repair() -> None:
    text = "Été à Noël, « déjà » — naïve, 20 °C, Ça va ? Ω ж 日本"
    assert normalize(text).nfkc.text == text


def test_zero_width_and_bidi_controls_removed_from_both_views() -> None:
    text = "\u200fkill\u200e \ufeffthem\u2066 \u2069now\u200c"
    nt = normalize(text)
    assert nt.nfkc.text == "kill them now"
    assert nt.folded.text == "kill them now"
    k = nt.nfkc.text.index("them")
    assert nt.nfkc.to_original(k, k + 4) == Span(text.index("them"), text.index("them") + 4)


def test_emoji_pass_through_including_zwj_sequences() -> None:
    text = "👨\u200d👩\u200d👧 ❤️ 🔪🔪 🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f"
    nt = normalize(text)
    assert nt.nfkc.text == text
    assert nt.folded.text == "👨\u200d👩\u200d👧 ❤ 🔪🔪 " + text.split(" ")[-1]  # only VS16 dropped
    k = nt.folded.text.index("🔪🔪")
    assert nt.folded.to_original(k, k + 2).of(text) == "🔪🔪"


def test_empty_and_whitespace_only() -> None:
    for text in ("", "   ", "\n\t \u00a0\u3000", "\u200b\u200b"):
        nt = normalize(text)
        assert nt.nfkc.text == "" and nt.folded.text == ""
        assert nt.nfkc.offsets == (0,) and nt.folded.offsets == (0,)
        assert nt.nfkc.to_original(0, 0) == Span(0, 0)


def test_whitespace_runs_collapse_to_one_space_mapping_to_the_run() -> None:
    text = "  a \t\n\u00a0 b\u3000c  "
    nt = normalize(text)
    assert nt.nfkc.text == "a b c"
    assert nt.nfkc.to_original(1, 2) == Span(3, 8)  # the space stands for " \t\n\u00a0 "
    assert nt.nfkc.to_original(0, 1) == Span(2, 3)
    assert nt.nfkc.to_original(0, 5).of(text) == "a \t\n\u00a0 b\u3000c"  # no trailing spaces


def test_match_never_swallows_trailing_removed_characters() -> None:
    text = "kill\u200b\u200b them"
    nt = normalize(text)
    assert nt.folded.to_original(0, 4) == Span(0, 4)
    assert nt.folded.offsets[4] == 6  # the space after the zero-width characters


def test_dates_numbers_case_and_accents_kept_in_nfkc() -> None:
    text = "Le 20 janvier 2021 à 18h30, 100% des 3 élèves, 1er étage, 7 rue de Rivoli, covid19"
    nt = normalize(text)
    assert nt.nfkc.text == text
    expected = "le 20 janvier 2021 a 18h30, 100% des 3 eleves, 1er etage, 7 rue de rivoli, covid19"
    assert nt.folded.text == expected


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("il y a 3 chats", "il y a 3 chats"),  # a digit at the edge of single letters is not leet
        ("rdv à 5 h", "rdv a 5 h"),
        ("le 3rd, 5ans, 7h30, format a4, @jean", "le 3rd, 5ans, 7h30, format a4, @jean"),
        ("kill! stop!!", "kill! stop!!"),  # ! at a word's end is punctuation
        ("e.g. i.e. U.S. U.S.A.", "e.g. i.e. u.s. usa."),  # two letters never join; three do
        ("a-t-il", "a-t-il"),
        ("snake_case a_b w/o n/a 1/2/3", "snake_case a_b w/o n/a 1/2/3"),  # two letters, words, digits
        ("call M/W/F, sizes s/m/l", "call m/w/f, sizes s/m/l"),  # letters between slashes abbreviate
        ("www", "w"),
    ],
)
def test_folding_leaves_ordinary_text_alone(text: str, folded: str) -> None:
    assert normalize(text).folded.text == folded


def test_russian_and_greek_text_not_latinised() -> None:
    assert normalize("Привет, как дела? Καλημέρα κόσμε").folded.text == "привет, как дела? καλημερα κοσμε"


def test_fold_equals_folded_view_text() -> None:
    for text in ("K 1 L L", "Ça VA ?", "кill", "tuuuuer", "", "l’école"):
        assert fold(text) == normalize(text).folded.text


def test_view_to_original_rejects_out_of_range() -> None:
    view = normalize("abc").nfkc
    with pytest.raises(ValueError):
        view.to_original(2, 4)
    with pytest.raises(ValueError):
        view.to_original(2, 1)


def test_view_without_ends_falls_back_to_next_offset() -> None:
    view = View(text="ab", offsets=(0, 2, 5))
    assert view.to_original(0, 1) == Span(0, 2)
    with pytest.raises(ValueError):
        View(text="ab", offsets=(0, 1))


# --------------------------------------------------------------------------- derived tables


def test_joins_previous_table_matches_this_pythons_unicode_data() -> None:
    """Recompute the code points that may join the preceding character under NFKC."""
    seconds: set[int] = set()
    for cp in range(0x110000):
        d = unicodedata.decomposition(chr(cp))
        if not d or d.startswith("<"):
            continue
        parts = d.split()
        if len(parts) == 2:
            a, b = (chr(int(p, 16)) for p in parts)
            if unicodedata.normalize("NFC", a + b) == chr(cp) and not unicodedata.combining(b):
                seconds.add(ord(b))
    seconds |= set(range(0x1161, 0x1176)) | set(range(0x11A8, 0x11C3))  # Hangul V and T jamo
    expected = set(seconds)
    for cp in range(0x110000):
        c = chr(cp)
        if unicodedata.combining(c) or cp in seconds:
            continue
        k = unicodedata.normalize("NFKD", c)
        if k != c and (unicodedata.combining(k[0]) or ord(k[0]) in seconds):
            expected.add(cp)
    assert {ord(c) for c in normalize_module._JOINS_PREVIOUS} == expected


def test_confusables_table_agrees_with_unicode_confusables() -> None:
    def homoglyphs(c: str) -> set[str]:
        found = confusables.is_confusable(c, greedy=True, preferred_aliases=["latin"]) or []
        return {h["c"] for entry in found for h in entry["homoglyphs"]}

    for source, latin in normalize_module._CONFUSABLES.items():
        assert latin in homoglyphs(source) | homoglyphs(source.upper()) or latin.upper() in homoglyphs(
            source.upper()
        ), source


# --------------------------------------------------------------------------- property-style

_PIECES = [
    "kill", "Tuer", "école", "e\u0301", "ǅ", "ß", "ﬁ", "½", "Ⅻ", "ｋｉｌｌ", "𝐤", "кill", "саке", "κ",
    "k 1 l l", "k.i.l.l", "k-i-l-l", "k_i_l_l", "k|i|l|l", "m/w/f", "ᴋɪʟʟ",
    "h4te", "1d1ot", "kiiiill", "20 janvier", "2021", "100%", "@jean",
    "$hit", "!!!", "\u200b", "\u200d", "\u202e", "\u2066", "\u00ad", "\ufeff", "\u0301", "\u0353",
    "\ufe0f", "🔪", "👨\u200d👩", "❤️", " ", "  ", "\n", "\t", "\u00a0", "\u3000", "Ã©", "â€™", "Ã ",
    "\x00", "\x85", "가", "\u1100\u1161", "ﾊﾟ", "ㄳ", "ـ", "أ", "日本", "ไม่",
    "l’", "—", ".", "-", "a", "I", "x",
]  # fmt: skip
_REMOVABLE = re.compile(
    "[\\s\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\u00ad\ufeff\x00-\x1f\x7f-\x9f\u115f\u1160\u3164\uffa0]"
)


def _random_text(rng: random.Random) -> str:
    return "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 12)))


def _check_view(view: View, original: str) -> None:
    n = len(original)
    assert len(view.offsets) == len(view.text) + 1
    assert len(view.ends) == len(view.text)
    assert all(0 <= o <= n for o in view.offsets)
    assert all(a <= b for a, b in zip(view.offsets, view.offsets[1:], strict=False))
    assert all(a <= b for a, b in zip(view.ends, view.ends[1:], strict=False))
    assert all(s < e <= n for s, e in zip(view.offsets, view.ends, strict=False))


def test_offset_maps_are_monotone_in_bounds_and_cover_the_text() -> None:
    rng = random.Random(20240120)
    for _ in range(3000):
        text = _random_text(rng)
        nt = normalize(text)
        assert isinstance(nt, NormalizedText) and nt.original == text
        for view in (nt.nfkc, nt.folded):
            _check_view(view, text)
        # The whole nfkc view covers every character that is not whitespace or invisible.
        kept = [k for k, c in enumerate(text) if not _REMOVABLE.match(c)]
        if kept and nt.nfkc.text:
            whole = nt.nfkc.to_original(0, len(nt.nfkc.text))
            assert whole.start <= kept[0] and kept[-1] < whole.end, (text, whole)
        # Every letter or digit of the original is covered by the whole folded view.
        alnum = [k for k, c in enumerate(text) if c.isalnum() and c != "\u0640"]  # tatweel is dropped
        if alnum:
            whole = nt.folded.to_original(0, len(nt.folded.text))
            assert whole.start <= alnum[0] and alnum[-1] < whole.end, (text, whole)
        assert fold(text) == nt.folded.text


def test_nfkc_view_equals_unicode_nfkc_when_nothing_else_applies() -> None:
    rng = random.Random(7)
    alphabet = [p for p in _PIECES if not _REMOVABLE.search(p) and p not in ("Ã©", "â€™", "Ã ")]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 10)))
        nt = normalize(text)
        assert nt.nfkc.text == unicodedata.normalize("NFKC", text).strip()
        for i, ch in enumerate(nt.nfkc.text):  # each character comes from its source range
            source = text[nt.nfkc.offsets[i] : nt.nfkc.ends[i]]
            assert ch in unicodedata.normalize("NFKC", source), (text, i)


def test_mojibake_prefilter_never_hides_an_ftfy_repair() -> None:
    import ftfy

    rng = random.Random(3)
    alphabet = [*"ÃÂâ€™©¨ ?aeé«»Ð¿ÑŒ", "\u00a0", "Ã©", "â€œ", "Ã "]
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 6)))
        if normalize_module._MOJIBAKE_HINT.search(text) is None:
            assert ftfy.fix_text(text, normalize_module._FTFY_CONFIG) == text, text


def test_long_text_is_normalized_linearly() -> None:
    unit = "je vais te k 1 l l, cafÃ© кill TUUUER le 20 janvier\u200b! "
    small, large = normalize(unit * 200), normalize(unit * 2000)
    assert len(large.folded.text) + 1 == 10 * (len(small.folded.text) + 1)  # edges are stripped
    assert large.folded.text.count("kill") == 4000
