"""Registered detectors: names are storage keys, resolved to factories.

Built-in detectors are registered exactly like third-party ones: a third-party package
adds an entry point in the ``vigie.detectors`` group whose value is a factory
``(DetectionSettings) -> Detector``. Names are stable; a detector whose output changes
bumps its ``version``, and a detector whose meaning changes gets a new name.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from importlib.metadata import entry_points

from vigie.detectors.base import Detector
from vigie.errors import ConfigError
from vigie.settings import DetectionSettings

__all__ = ["BUILTIN_DETECTORS", "DetectorFactory", "available_detectors", "create_detector"]

DetectorFactory = Callable[[DetectionSettings], Detector]
ENTRY_POINT_GROUP = "vigie.detectors"

BUILTIN_DETECTORS: dict[str, str] = {
    "vigie.lexicon": "vigie.detectors.lexicon:create",
    "vigie.encoder": "vigie.detectors.encoder:create",
}


def _resolve(target: str) -> DetectorFactory:
    module_name, _, attr = target.partition(":")
    factory: DetectorFactory = getattr(import_module(module_name), attr)
    return factory


def available_detectors() -> dict[str, str]:
    """Name → ``module:factory`` of every detector this installation knows."""
    found = dict(BUILTIN_DETECTORS)
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        if ep.name in found and found[ep.name] != ep.value:
            raise ConfigError(
                f"detector name {ep.name!r} is registered twice ({found[ep.name]} and {ep.value})",
                code="duplicate_detector",
            )
        found[ep.name] = ep.value
    return found


def create_detector(name: str, settings: DetectionSettings) -> Detector:
    """Instantiate a registered detector (cheap: loading happens in ``load()``)."""
    known = available_detectors()
    if name not in known:
        raise ConfigError(
            f"unknown detector {name!r} in detection.detectors; known: {', '.join(sorted(known))}",
            code="unknown_detector",
            key="detection.detectors",
        )
    return _resolve(known[name])(settings)
