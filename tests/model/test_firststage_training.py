"""Fitting the cascade's first stage on tiny hand-made rows (the shipped stage: tests/detectors)."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from vigie.errors import ModelError
from vigie.model.datasets import Example
from vigie.model.firststage import load_first_stage, train_first_stage

N = math.nan
THREAT = (1.0, N, N, N, N, N)
BENIGN = (0.0, 0.0, 0.0, 0.0, N, N)


def _rows(texts: list[str], targets: tuple[float, ...], split: str) -> list[Example]:
    return [Example(t, targets, "natural", "en", split) for t in texts]  # type: ignore[arg-type]


NAMES = ("Sam", "Ana", "Tom", "Lea", "Bo", "Eve")
THREATS = [f"I will kill you {n}, I know where you live" for n in NAMES]
BENIGN_POSTS = [f"Lovely walk by the lake with {n} this morning" for n in NAMES]


def test_one_class_training_rows_give_a_stage_that_clears_nothing(tmp_path: Path) -> None:
    rows = _rows(THREATS, THREAT, "train") + _rows(THREATS[:3], THREAT, "val")
    rows += _rows(BENIGN_POSTS, BENIGN, "val")
    manifest = train_first_stage(rows, tmp_path, min_positives=1, log=lambda _m: None)
    stage = load_first_stage(tmp_path)
    assert manifest["thresholds"] == {} and stage.thresholds == {}
    verdicts = stage.clearance(BENIGN_POSTS, ["en"] * len(BENIGN_POSTS))
    assert not any(v.cleared for v in verdicts)
    assert {v.reason for v in verdicts} == {"language"}


def test_two_classes_give_a_threshold_for_the_language(tmp_path: Path) -> None:
    rows = (
        _rows(THREATS, THREAT, "train")
        + _rows(BENIGN_POSTS, BENIGN, "train")
        + _rows(THREATS[:2], THREAT, "val")
        + _rows(BENIGN_POSTS[:2], BENIGN, "val")
    )
    manifest = train_first_stage(rows, tmp_path, min_positives=1, log=lambda _m: None)
    assert set(manifest["thresholds"]) == {"en"}
    stage = load_first_stage(tmp_path)
    threat, benign = stage.score([THREATS[0], BENIGN_POSTS[0]])
    assert threat > benign


def test_a_damaged_or_missing_weight_file_is_refused(tmp_path: Path) -> None:
    """The weights are checked against the manifest's hash: a swapped file is an error, not a
    silently different first stage (and so a silently different set of cleared posts)."""
    rows = _rows(THREATS, THREAT, "train") + _rows(BENIGN_POSTS, BENIGN, "train")
    # No validation rows: no threshold can be chosen, so none is (this used to raise a TypeError).
    assert train_first_stage(rows, tmp_path, min_positives=1, log=lambda _m: None)["thresholds"] == {}
    weights = next(p for p in tmp_path.iterdir() if p.suffix == ".npz")
    blob = bytearray(weights.read_bytes())
    blob[-30] ^= 0xFF
    weights.write_bytes(bytes(blob))
    with pytest.raises(ModelError, match="does not match its manifest hash") as damaged:
        load_first_stage(tmp_path)
    assert damaged.value.code == "model.artifact_corrupt"
    weights.unlink()
    with pytest.raises(ModelError, match="cannot read the first stage") as missing:
        load_first_stage(tmp_path)
    assert missing.value.code == "model.artifact_unreadable"
