"""The model artifact on disk: ``manifest.json`` + ``heads.npz`` (no pickle), load and save.

Layout of ``artifacts/<version>/``:

- ``heads.npz`` — for every head ``<label>.W<i>``, ``<label>.b<i>`` (layers) and
  ``<label>.cal_x``, ``<label>.cal_y`` (isotonic calibration knots). Written with fixed zip
  timestamps so the same training run gives byte-identical files; read with
  ``allow_pickle=False``.
- ``manifest.json`` — version, encoder identity, head labels, recommended review
  thresholds, data files with sha256 and row counts, library versions, seed, metrics, and
  the sha256 of ``heads.npz`` (checked on load, so a corrupted or swapped weight file is an
  error rather than silently different scores).
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from vigie.errors import ModelError
from vigie.model.features import features, reading_features
from vigie.model.heads import F32, F64, Head
from vigie.model.use import Reading

__all__ = [
    "DEFAULT_VERSION",
    "Manifest",
    "ModelArtifact",
    "load",
    "load_default",
    "npz_bytes",
    "read_verified",
    "save",
]

DEFAULT_VERSION = "enc-1"
"""Directory (series) of the artifact shipped in ``vigie/model/artifacts/`` and used by default.

The manifest's ``version`` is ``<series>+<first 8 hex of sha256(heads.npz)>``, so it
changes whenever the weights do, even if nobody bumps the series."""

HEADS_FILE = "heads.npz"
MANIFEST_FILE = "manifest.json"


@dataclass(frozen=True)
class Manifest:
    """The parsed ``manifest.json``. ``data`` is the whole document; common fields are properties."""

    data: Mapping[str, Any]

    @property
    def version(self) -> str:
        return str(self.data["version"])

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(self.data["labels"])

    @property
    def thresholds(self) -> dict[str, float]:
        return {k: float(v) for k, v in self.data["thresholds"].items()}

    @property
    def encoder(self) -> Mapping[str, Any]:
        return dict(self.data["encoder"])


@dataclass(frozen=True)
class ModelArtifact:
    manifest: Manifest
    heads: Mapping[str, Head]
    path: Path | None = None

    @property
    def version(self) -> str:
        return self.manifest.version

    def predict(self, x: F32) -> dict[str, F64]:
        """Calibrated probability per head label for each row of feature matrix ``x``."""
        return {label: head.predict(x) for label, head in self.heads.items()}

    def predict_texts(self, embed_fn: Callable[[Sequence[str]], F32], texts: Sequence[str]) -> dict[str, F64]:
        """Calibrated probability per head label for each text (features built as in training)."""
        return self.predict(features(embed_fn, texts))

    def predict_readings(
        self, embed_readings: Callable[[Sequence[Reading]], F32], readings: Sequence[Reading]
    ) -> dict[str, F64]:
        """Calibrated probability per head label for each reading (``vigie.model.use.Reading``)."""
        return self.predict(reading_features(embed_readings, readings))


def npz_bytes(arrays: Mapping[str, npt.NDArray[np.generic]]) -> bytes:
    """Deterministic npz without pickle (fixed timestamps): the same training gives identical bytes."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name in sorted(arrays):
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            arr = io.BytesIO()
            np.lib.format.write_array(arr, np.ascontiguousarray(arrays[name]), allow_pickle=False)
            zf.writestr(info, arr.getvalue())
    return buf.getvalue()


def save(out_dir: Path, heads: Mapping[str, Head], manifest: Mapping[str, Any]) -> Manifest:
    """Write the artifact; adds ``labels`` and ``heads_sha256`` and suffixes ``version`` with the hash."""
    out_dir.mkdir(parents=True, exist_ok=True)
    arrays: dict[str, npt.NDArray[np.generic]] = {}
    for head in heads.values():
        arrays.update(head.to_arrays())
    blob = npz_bytes(arrays)
    (out_dir / HEADS_FILE).write_bytes(blob)
    data = dict(manifest)
    digest = hashlib.sha256(blob).hexdigest()
    data["labels"] = list(heads)
    data["heads_sha256"] = digest
    data["version"] = f"{manifest['version']}+{digest[:8]}"
    text = json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    (out_dir / MANIFEST_FILE).write_text(text, encoding="utf-8")
    return Manifest(data)


def read_verified(
    path: Path, manifest_file: str, blob_file: str, hash_key: str, what: str
) -> tuple[Any, bytes]:
    """The parsed ``manifest_file`` and the bytes of ``blob_file`` in ``path``, after checking the
    blob against the manifest's ``hash_key`` (its SHA-256). ``what`` names the artifact in errors.
    Raises :class:`ModelError` (``artifact_unreadable``, ``artifact_corrupt``): a swapped or damaged
    weight file is an error, never silently different scores."""
    try:
        data = json.loads((path / manifest_file).read_text(encoding="utf-8"))
        blob = (path / blob_file).read_bytes()
    except (OSError, ValueError) as exc:
        raise ModelError(f"cannot read {what} at {path}: {exc}", code="artifact_unreadable") from exc
    if hashlib.sha256(blob).hexdigest() != data.get(hash_key):
        raise ModelError(
            f"{what} at {path}: {blob_file} does not match its manifest hash", code="artifact_corrupt"
        )
    return data, blob


def load(path: Path) -> ModelArtifact:
    """Load and verify an artifact directory. Raises :class:`ModelError` when it is missing or corrupt."""
    data, blob = read_verified(path, MANIFEST_FILE, HEADS_FILE, "heads_sha256", "model artifact")
    with np.load(io.BytesIO(blob), allow_pickle=False) as npz:
        arrays = {k: npz[k] for k in npz.files}
    manifest = Manifest(data)
    heads = {label: Head.from_arrays(label, arrays) for label in manifest.labels}
    return ModelArtifact(manifest, heads, path)


def default_path(version: str = DEFAULT_VERSION) -> Path:
    root = resources.files("vigie.model") / "artifacts" / version
    return Path(str(root))


_DEFAULT: dict[str, ModelArtifact] = {}


def load_default(version: str = DEFAULT_VERSION) -> ModelArtifact:
    """The shipped artifact (cached per process: detectors share one copy)."""
    art = _DEFAULT.get(version)
    if art is None:
        art = _DEFAULT[version] = load(default_path(version))
    return art
