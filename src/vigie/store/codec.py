"""Conversions between vigie's frozen types and the JSON documents the store keeps.

Score maps are stored as *lists* of ``{"label", "score", "evidence"}`` (PostgreSQL JSONB does
not keep object key order, and the order of labels is the order evidence is shown in).
Everything written passes through :func:`to_json_value`, which makes arbitrary metadata
storable on both backends: NUL characters become U+FFFD (PostgreSQL text and JSONB reject
NUL; one character for one keeps offsets valid), non-finite floats become ``null`` (JSONB
rejects NaN), datetimes become ISO strings and unknown objects their ``str``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date, datetime
from enum import Enum
from typing import Any

from vigie.types import CategoryScore, Evidence, Signal, Span, Target

__all__ = [
    "evidence_from_json",
    "evidence_to_json",
    "scores_from_json",
    "scores_to_json",
    "scrub_text",
    "signal_from_row",
    "targets_from_json",
    "targets_to_json",
    "to_json_value",
]


def scrub_text(text: str) -> str:
    """Replace NUL (unstorable in PostgreSQL) by U+FFFD, keeping every other offset unchanged."""
    return text.replace("\x00", "\ufffd") if "\x00" in text else text


def to_json_value(value: Any) -> Any:
    """A JSON-storable copy of ``value`` (see the module docstring for the substitutions)."""
    if value is None or isinstance(value, bool | int):
        return value
    if isinstance(value, str):
        return scrub_text(value)
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, Enum):
        return to_json_value(value.value)
    if isinstance(value, Mapping):
        return {scrub_text(str(k)): to_json_value(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [to_json_value(v) for v in value]
    if isinstance(value, datetime | date):
        return value.isoformat()
    return scrub_text(str(value))


def evidence_to_json(ev: Evidence) -> dict[str, Any]:
    return {
        "label": ev.label,
        "start": ev.span.start,
        "end": ev.span.end,
        "snippet": scrub_text(ev.snippet),
        "rationale": scrub_text(ev.rationale),
        "source": ev.source,
    }


def evidence_from_json(doc: Mapping[str, Any]) -> Evidence:
    return Evidence(
        label=doc["label"],
        span=Span(int(doc["start"]), int(doc["end"])),
        snippet=doc["snippet"],
        rationale=doc["rationale"],
        source=doc["source"],
    )


def scores_to_json(scores: Mapping[str, CategoryScore]) -> list[dict[str, Any]]:
    return [
        {"label": label, "score": cs.score, "evidence": [evidence_to_json(e) for e in cs.evidence]}
        for label, cs in scores.items()
    ]


def scores_from_json(docs: list[dict[str, Any]]) -> dict[str, CategoryScore]:
    return {
        d["label"]: CategoryScore(
            d["label"], float(d["score"]), tuple(evidence_from_json(e) for e in d["evidence"])
        )
        for d in docs
    }


def targets_to_json(targets: tuple[Target, ...]) -> list[dict[str, Any]]:
    return [
        {
            "kind": t.kind,
            "name": scrub_text(t.name),
            "start": t.span.start,
            "end": t.span.end,
            "watchlist_id": t.watchlist_id,
        }
        for t in targets
    ]


def targets_from_json(docs: list[dict[str, Any]]) -> tuple[Target, ...]:
    return tuple(
        Target(
            kind=d["kind"],
            name=d["name"],
            span=Span(int(d["start"]), int(d["end"])),
            watchlist_id=d.get("watchlist_id"),
        )
        for d in docs
    )


def signal_from_row(
    detector: str,
    version: str,
    language: str,
    scores: list[dict[str, Any]],
    targets: list[dict[str, Any]],
    truncated: bool,
    extras: Mapping[str, Any],
) -> Signal:
    """Rebuild a frozen :class:`~vigie.types.Signal` from its stored columns."""
    return Signal(
        detector=detector,
        version=version,
        language=language,
        scores=scores_from_json(scores),
        targets=targets_from_json(targets),
        truncated=truncated,
        extras=dict(extras),
    )
