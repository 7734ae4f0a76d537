"""The ``vigie analyze`` output record (DESIGN §6): the one JSON shape the CLI and the API emit.

Keys may be added; the meaning of a key never changes. ``flagged`` is
``verdict != "allow"``; ``violations`` lists the categories the decision rests on.
"""

from __future__ import annotations

from typing import Any

from vigie.categories import CATEGORIES, CONTEXT_LABELS, IMMINENCE
from vigie.errors import VigieError
from vigie.types import Decision

__all__ = ["decision_record", "error_record"]


def _r(x: float) -> float:
    return round(float(x), 4)


def decision_record(decision: Decision) -> dict[str, Any]:
    """The contract object for one decision."""
    evidence = [
        {
            "category": e.label,
            "start": e.span.start,
            "end": e.span.end,
            "snippet": e.snippet,
            "rationale": e.rationale,
            "source": e.source,
        }
        for e in decision.evidence
    ]
    return {
        "id": decision.post.id,
        "verdict": str(decision.verdict),
        "flagged": decision.flagged,
        "violations": [str(c) for c in decision.violations],
        "severity": str(decision.severity),
        "language": decision.language,
        "truncated": decision.truncated,
        "scores": {str(c): _r(decision.score(c)) for c in CATEGORIES},
        "context": {str(c): _r(decision.score(c)) for c in CONTEXT_LABELS},
        "imminence": {"score": _r(decision.score(IMMINENCE))},
        "targets": [
            {"kind": t.kind, "name": t.name, "start": t.span.start, "end": t.span.end}
            | ({"watchlist_id": t.watchlist_id} if t.watchlist_id else {})
            for t in decision.targets
        ],
        "evidence": evidence,
        "actions": list(decision.actions),
        "rule_hits": list(decision.rule_hits),
        "policy": {
            "name": decision.policy.name,
            "version": decision.policy.version,
            "hash": decision.policy.hash,
        },
    }


def error_record(record: int, error: VigieError) -> dict[str, Any]:
    """The contract object for a record that could not be read: ``{"record": n, "error": {...}}``."""
    return {"record": record, "error": {"code": error.code, "message": error.message}}
