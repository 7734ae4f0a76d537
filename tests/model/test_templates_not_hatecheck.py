"""No project-written functional case may be a near copy of a HateCheck case.

HateCheck is an evaluation suite: training on near copies of its cases would inflate the
score it reports. Similarity: :mod:`.nearcopy` (MinHash over character 5-grams, Jaccard ≥ 0.8).
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from vigie.model.templates import generate

from .nearcopy import THRESHOLD, near_copies, shingles

HATECHECK = (
    Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "hatecheck" / "test_suite_cases.csv"
)


def _hatecheck_cases() -> list[str]:
    if not HATECHECK.is_file():
        pytest.fail(f"HateCheck cases not found at {HATECHECK}: the near-copy check cannot run without them")
    with HATECHECK.open(encoding="utf-8", newline="") as f:
        return [row["test_case"] for row in csv.DictReader(f)]


def test_shingle_similarity_detects_a_near_copy() -> None:
    a, b = shingles("Women should all be killed."), shingles("Women should all be killed!")
    assert len(a & b) / len(a | b) >= THRESHOLD


def test_no_generated_case_is_a_near_copy_of_hatecheck() -> None:
    cases = _hatecheck_cases()
    assert len(cases) > 3000
    generated = generate(seed=0)
    assert len(generated) > 1000
    assert near_copies([case.text for case in generated], cases) == []
