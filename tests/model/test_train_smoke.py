"""The training code runs end to end on a tiny sample and writes a loadable, verified artifact."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest

from vigie.errors import ModelError
from vigie.model import artifact
from vigie.model.train import train

DATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "data"


class HashingEncoder:
    """Hashed word and character-trigram counts, L2-normalised (like USE rows, but 64-d)."""

    name = "fake-hashing"
    version = "fake-hashing-1"
    dim = 64

    def __init__(self) -> None:
        self.calls = 0

    def encode(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        self.calls += 1
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            t = f" {text.lower()} "
            grams = text.lower().split() + [t[j : j + 3] for j in range(len(t) - 2)]
            for g in grams:
                h = int.from_bytes(hashlib.blake2b(g.encode(), digest_size=4).digest(), "big")
                out[i, h % self.dim] += 1.0 if h & 1 << 20 else -1.0
            norm = float(np.linalg.norm(out[i]))
            if norm:
                out[i] /= norm
        return out


@pytest.fixture(scope="module")
def trained(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, artifact.Manifest, HashingEncoder]:
    if not DATA.is_dir():
        pytest.fail(f"shared data folder not found at {DATA}")
    out = tmp_path_factory.mktemp("artifact")
    enc = HashingEncoder()
    manifest = train(DATA, out, seed=3, sample=200, cache_dir=out / "cache", encoder=enc, log=lambda _m: None)
    return out, manifest, enc


def test_writes_manifest_and_weights(trained: tuple[Path, artifact.Manifest, HashingEncoder]) -> None:
    out, manifest, _ = trained
    data = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert data["seed"] == 3 and data["sample"] == 200
    assert data["encoder"]["version"] == "fake-hashing-1"
    assert {"violent_threat", "incitement", "hate", "harassment"} <= set(manifest.labels)
    assert set(manifest.thresholds) == set(manifest.labels)
    assert all(0.0 < t < 1.0 for t in manifest.thresholds.values())
    assert all(len(h) == 64 for h in data["data_files"].values())
    assert "hatecheck/test_suite_cases.csv" not in data["data_files"]
    assert not any(name.startswith(("hatecheck", "gab")) for name in data["counts"])


def test_pooled_calibration_is_fitted_on_what_the_detector_emits(
    trained: tuple[Path, artifact.Manifest, HashingEncoder],
) -> None:
    """Training scores its natural val/test posts through the detector's own code path and
    records, per category, on how many multi-unit posts the pooled calibration was fitted."""
    out, manifest, _ = trained
    report = manifest.data["metrics"]["pooled_calibration"]
    assert report["fitted"] is True and report["posts_scored"] > 0
    assert 0.0 < report["multi_unit_share"] < 1.0
    art = artifact.load(out)
    for label in ("violent_threat", "incitement", "hate", "harassment"):
        entry = report["labels"][label]
        head = art.heads[label]
        assert (head.pool_x is not None) == (entry["knots"] > 0)
        if entry["knots"]:
            assert entry["val_positives"] > 0 and entry["val_posts"] > entry["val_positives"]


def test_artifact_loads_and_predicts_probabilities(
    trained: tuple[Path, artifact.Manifest, HashingEncoder],
) -> None:
    out, manifest, enc = trained
    art = artifact.load(out)
    assert art.version == manifest.version
    probs = art.predict_texts(enc.encode, ["I will kill you", 'she said "go away"'])
    for p in probs.values():
        assert p.shape == (2,)
        assert np.all((p >= 0.0) & (p <= 1.0))


def test_rerun_is_reproducible_and_uses_the_cache(
    trained: tuple[Path, artifact.Manifest, HashingEncoder], tmp_path: Path
) -> None:
    out, _, _ = trained
    enc = HashingEncoder()
    train(DATA, tmp_path, seed=3, sample=200, cache_dir=out / "cache", encoder=enc, log=lambda _m: None)
    assert enc.calls == 0  # every text came from the on-disk cache
    assert (tmp_path / "heads.npz").read_bytes() == (out / "heads.npz").read_bytes()


def test_corrupt_weights_are_rejected(
    trained: tuple[Path, artifact.Manifest, HashingEncoder], tmp_path: Path
) -> None:
    out, _, _ = trained
    for name in ("manifest.json", "heads.npz"):
        (tmp_path / name).write_bytes((out / name).read_bytes())
    blob = bytearray((tmp_path / "heads.npz").read_bytes())
    blob[-30] ^= 0xFF
    (tmp_path / "heads.npz").write_bytes(bytes(blob))
    with pytest.raises(ModelError):
        artifact.load(tmp_path)
