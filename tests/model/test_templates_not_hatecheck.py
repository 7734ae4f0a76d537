"""No project-written functional case may be a near copy of a HateCheck case.

HateCheck is an evaluation suite: training on near copies of its cases would inflate the
score it reports. Similarity is MinHash-estimated Jaccard over *character 5-grams* of the
lower-cased, whitespace-collapsed text (stricter than word shingles on short sentences),
with candidates from LSH at 0.8 confirmed by the exact Jaccard.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from datasketch import MinHash, MinHashLSH

from vigie.model.templates import generate

HATECHECK = (
    Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "hatecheck" / "test_suite_cases.csv"
)
THRESHOLD = 0.8
NUM_PERM = 128


def _shingles(text: str, n: int = 5) -> set[str]:
    t = " ".join(text.lower().split())
    return {t[i : i + n] for i in range(max(1, len(t) - n + 1))}


def _minhash(shingles: set[str]) -> MinHash:
    m = MinHash(num_perm=NUM_PERM, seed=1)
    for s in shingles:
        m.update(s.encode("utf-8"))
    return m


def _hatecheck_cases() -> list[str]:
    if not HATECHECK.is_file():
        pytest.fail(f"HateCheck cases not found at {HATECHECK}: the near-copy check cannot run without them")
    with HATECHECK.open(encoding="utf-8", newline="") as f:
        return [row["test_case"] for row in csv.DictReader(f)]


def test_shingle_similarity_detects_a_near_copy() -> None:
    a, b = _shingles("Women should all be killed."), _shingles("Women should all be killed!")
    assert len(a & b) / len(a | b) >= THRESHOLD


def test_no_generated_case_is_a_near_copy_of_hatecheck() -> None:
    cases = _hatecheck_cases()
    assert len(cases) > 3000
    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    shingles = {}
    for i, text in enumerate(cases):
        shingles[i] = _shingles(text)
        lsh.insert(str(i), _minhash(shingles[i]))
    generated = generate(seed=0)
    assert len(generated) > 1000
    near = []
    for case in generated:
        own = _shingles(case.text)
        for key in lsh.query(_minhash(own)):
            other = shingles[int(key)]
            if len(own & other) / len(own | other) >= THRESHOLD:
                near.append((case.text, cases[int(key)]))
    assert near == []
