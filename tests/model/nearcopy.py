"""Near-copy detection for the training-data integrity tests: MinHash over character 5-grams.

Similarity is MinHash-estimated Jaccard over *character 5-grams* of the lower-cased,
whitespace-collapsed text (stricter than word shingles on short sentences), with candidates
from LSH at ``THRESHOLD`` confirmed by the exact Jaccard.
"""

from __future__ import annotations

from collections.abc import Sequence

from datasketch import MinHash, MinHashLSH

THRESHOLD = 0.8
NUM_PERM = 128


def shingles(text: str, n: int = 5) -> set[str]:
    t = " ".join(text.lower().split())
    return {t[i : i + n] for i in range(max(1, len(t) - n + 1))}


def _minhash(grams: set[str]) -> MinHash:
    m = MinHash(num_perm=NUM_PERM, seed=1)
    for s in grams:
        m.update(s.encode("utf-8"))
    return m


def near_copies(texts: Sequence[str], others: Sequence[str]) -> list[tuple[str, str]]:
    """Every (text, other) pair whose character 5-gram Jaccard is at least ``THRESHOLD``."""
    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    grams = {}
    for i, text in enumerate(others):
        grams[i] = shingles(text)
        lsh.insert(str(i), _minhash(grams[i]))
    near = []
    for text in texts:
        own = shingles(text)
        for key in lsh.query(_minhash(own)):
            other = grams[int(key)]
            if len(own & other) / len(own | other) >= THRESHOLD:
                near.append((text, others[int(key)]))
    return near
