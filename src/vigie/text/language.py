"""Language identification with lingua, restricted to the languages vigie supports.

Restricting lingua to the 15 languages of USE-multilingual (the encoder vigie uses; its
``zh-tw`` is folded into ``zh``) is both more accurate on short posts (no confusion with
languages vigie cannot score anyway) and much cheaper: measured here, all 75 languages cost
~1.75 ms and 0.9 GB, 15 languages ~0.2 ms per post. Models ship inside the lingua wheel;
nothing is downloaded.

A platform's language hint wins when it names a configured language: the platform knows
its users' settings better than a statistical guess on 20 characters.

lingua reads the post without its @handles, links, HTML entities and retweet marker
(:func:`identification_text`): names and URLs are not the post's language, and on short
replies they outweigh it. Measured on 10,523 English and French rows of the ship sets'
test and validation splits: French posts of 6 to 12 words were identified wrongly 13.3 % of
the time with them, 6.2 % without ("@user jviens de te follow sale juif" was English, "Mdddr
ce nazi n'aura aucune pitié https://t.co/…" Dutch); 59 posts identified right that were
not, 12 the other way. End to end without language hints (the analyze outputs of the previous tree
and this one): the language changed on 38 of the 4,000 natural-sample posts (right before 4, after 22),
51 of the 6,662 validation posts (8 → 37) and 43 of 12,000 benchmark-mix posts (3 → 29); decisions
changed on 1, 5 and 3 of them ("@… il mérite de crevé lui", Spanish before, now reads the French pack).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING

from vigie.errors import ConfigError

if TYPE_CHECKING:
    from lingua import LanguageDetector

__all__ = [
    "SUPPORTED_LANGUAGES",
    "UNDETERMINED",
    "LanguageIdentifier",
    "identification_text",
    "normalize_code",
]

SUPPORTED_LANGUAGES: tuple[str, ...] = (
    "ar", "de", "en", "es", "fr", "it", "ja", "ko", "nl", "pl", "pt", "ru", "th", "tr", "zh",
)  # fmt: skip
UNDETERMINED = "und"
"""ISO 639-2 "undetermined": no letters, or lingua could not decide."""

_LETTER = re.compile(r"[^\W\d_]")
_NOT_LANGUAGE = re.compile(r"(?:https?://|www\.)\S+|(?<!\w)@\w+|&#?\w+;|(?<!\w)RT(?!\w)")
"""What lingua should not read: links, @handles, HTML entities, the retweet marker."""


def identification_text(text: str) -> str:
    """``text`` as language identification reads it: without links, @handles, HTML entities and
    the retweet marker (module docstring) — unless nothing with letters would be left."""
    cleaned = _NOT_LANGUAGE.sub(" ", text)
    return cleaned if _LETTER.search(cleaned) else text


def normalize_code(code: str) -> str:
    """Lower-cased ISO 639-1 code of a language tag: ``"fr-FR"`` -> ``"fr"``, ``"zh_TW"`` ->
    ``"zh"`` (vigie folds traditional Chinese into ``zh``), ``" EN "`` -> ``"en"``."""
    return re.split(r"[-_]", code.strip().lower(), maxsplit=1)[0]


class LanguageIdentifier:
    """Detects the language of posts among ``languages`` (ISO 639-1 codes).

    ``min_relative_distance`` (0 to 0.99) is lingua's: the larger it is, the more often
    lingua says "unsure" (reported as ``"und"``) instead of guessing on short or mixed text.
    The lingua detector is built lazily by :meth:`load` (idempotent, thread-safe) with its
    models preloaded, so the first post does not pay the loading cost.
    """

    def __init__(
        self, languages: Sequence[str] = SUPPORTED_LANGUAGES, *, min_relative_distance: float = 0.0
    ) -> None:
        codes: list[str] = []
        for raw in languages:
            code = normalize_code(raw)
            if code not in SUPPORTED_LANGUAGES:
                raise ConfigError(
                    f"unsupported language code {raw!r}; supported: {', '.join(SUPPORTED_LANGUAGES)}",
                    code="unsupported_language",
                    language=raw,
                )
            if code not in codes:
                codes.append(code)
        if not codes:
            raise ConfigError("at least one language is required", code="unsupported_language")
        if not 0.0 <= min_relative_distance < 1.0:
            raise ConfigError(
                f"min_relative_distance must be in [0, 1), got {min_relative_distance}",
                code="invalid_value",
            )
        self.languages: tuple[str, ...] = tuple(codes)
        self.min_relative_distance = min_relative_distance
        self._detector: LanguageDetector | None = None
        self._lock = threading.Lock()
        self.parallel = True
        """Use lingua's multi-threaded batch API. Set False before a process forks workers:
        the Rust thread pool it starts does not survive ``fork`` and the children would hang."""

    def load(self) -> None:
        """Build the lingua detector from the configured languages (once)."""
        if self._detector is not None or len(self.languages) == 1:  # one language: nothing to detect
            return
        with self._lock:
            if self._detector is not None:
                return
            from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

            langs = [Language.from_iso_code_639_1(getattr(IsoCode639_1, c.upper())) for c in self.languages]
            self._detector = (
                LanguageDetectorBuilder.from_languages(*langs)
                .with_minimum_relative_distance(self.min_relative_distance)
                .with_preloaded_language_models()
                .build()
            )

    def detect(self, text: str, hint: str | None = None) -> str:
        """ISO 639-1 code of ``text``, or ``"und"`` when it has no letters or lingua is unsure.

        A hint naming a configured language wins. For mixed-language posts, the language
        lingua is most confident about over the whole text.
        """
        chosen = self._from_hint(hint)
        if chosen is not None:
            return chosen
        if _LETTER.search(text) is None:
            return UNDETERMINED
        detector = self._loaded()
        if detector is None:
            return self.languages[0]
        return _code(detector.detect_language_of(identification_text(text)))

    def detect_batch(self, texts: Sequence[str], hints: Sequence[str | None] | None = None) -> list[str]:
        """:meth:`detect` for many texts; texts needing lingua go through its parallel API."""
        if hints is not None and len(hints) != len(texts):
            raise ValueError(f"{len(hints)} hints for {len(texts)} texts")
        out: list[str] = []
        pending: list[int] = []
        for k, text in enumerate(texts):
            chosen = self._from_hint(hints[k] if hints is not None else None)
            if chosen is None and _LETTER.search(text) is None:
                chosen = UNDETERMINED
            if chosen is None:
                pending.append(k)
                out.append(UNDETERMINED)
            else:
                out.append(chosen)
        if pending:
            detector = self._loaded()
            if detector is None:
                for k in pending:
                    out[k] = self.languages[0]
            else:
                batch = [identification_text(texts[k]) for k in pending]
                if self.parallel:
                    found = detector.detect_languages_in_parallel_of(batch)
                else:
                    found = [detector.detect_language_of(t) for t in batch]
                for k, language in zip(pending, found, strict=True):
                    out[k] = _code(language)
        return out

    def _from_hint(self, hint: str | None) -> str | None:
        if not hint:
            return None
        code = normalize_code(hint)
        return code if code in self.languages else None

    def _loaded(self) -> LanguageDetector | None:
        """The detector, or None when only one language is configured (nothing to choose)."""
        if len(self.languages) == 1:
            return None
        if self._detector is None:
            self.load()
        return self._detector


def _code(language: object) -> str:
    if language is None:
        return UNDETERMINED
    iso = getattr(language, "iso_code_639_1", None)
    return str(iso.name).lower() if iso is not None else UNDETERMINED
