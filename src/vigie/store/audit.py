"""The audit hash chain: how an event's hash is computed and how a chain is verified.

Scheme. There is **one global chain** over all events, ordered by ``seq`` (1, 2, 3... with no
gaps); ``stream`` is only a column for filtering. One chain is simpler to verify and to anchor
than one per stream, and vigie's write rate does not need parallel chains. Each event stores::

    prev_hash = hash of event seq-1   (GENESIS_HASH, 64 zeros, for seq 1)
    hash      = sha256(prev_hash + canonical_json([seq, stream, type, subject, payload, created_at]))

``canonical_json`` sorts keys, has no insignificant whitespace and keeps non-ASCII as is;
``created_at`` is ISO 8601 UTC with microseconds. Editing any field of a row breaks its hash;
recomputing that hash breaks the next row's ``prev_hash``; deleting a middle row leaves a
``seq`` gap. Deleting the *newest* rows leaves a valid shorter chain, which is why the head
(:meth:`vigie.store.Store.audit_head`) should be exported and anchored elsewhere and checked
with :meth:`vigie.store.Store.verify_against_head`.

Serialization of appends is the repository's job (:mod:`vigie.store.repo`): every write
transaction first locks the single ``audit_head`` row, so two writers can never fork the chain.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

__all__ = ["GENESIS_HASH", "AuditReport", "ChainLink", "event_hash", "iso_utc", "verify_chain"]

GENESIS_HASH = "0" * 64


def iso_utc(moment: datetime) -> str:
    """Fixed-width ISO 8601 UTC form used inside hashes (``2024-01-20T10:00:00.000000Z``)."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def canonical_json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)


def event_hash(
    prev_hash: str,
    seq: int,
    stream: str,
    type: str,
    subject: str,
    payload: Mapping[str, Any],
    created_at: datetime,
) -> str:
    """The hash of one event given the previous hash (see the module docstring)."""
    body = canonical_json([seq, stream, type, subject, dict(payload), iso_utc(created_at)])
    return hashlib.sha256((prev_hash + body).encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class ChainLink:
    """One stored event as verification sees it."""

    seq: int
    stream: str
    type: str
    subject: str
    payload: Mapping[str, Any]
    created_at: datetime
    prev_hash: str
    hash: str


@dataclass(frozen=True)
class AuditReport:
    """Result of verifying the chain.

    ``checked`` counts the events whose links were verified before the first break (all of them
    when ``ok``); ``first_broken_seq`` is the first ``seq`` that is missing or does not verify;
    ``head`` is the hash of the last event that verified.
    """

    ok: bool
    checked: int
    first_broken_seq: int | None
    reason: str | None
    head: str | None


def verify_chain(links: Iterable[ChainLink]) -> AuditReport:
    """Walk events in ``seq`` order and report the first broken link, if any."""
    expected_seq, prev_hash, checked = 1, GENESIS_HASH, 0
    head: str | None = None
    for link in links:
        if link.seq != expected_seq:
            reason = f"event {expected_seq} is missing (seq jumps from {expected_seq - 1} to {link.seq})"
            return AuditReport(False, checked, expected_seq, reason, head)
        if link.prev_hash != prev_hash:
            reason = (
                f"event {link.seq} does not point to the hash of event {link.seq - 1} (edited or replaced)"
            )
            return AuditReport(False, checked, link.seq, reason, head)
        recomputed = event_hash(
            link.prev_hash, link.seq, link.stream, link.type, link.subject, link.payload, link.created_at
        )
        if recomputed != link.hash:
            reason = f"event {link.seq} content does not match its hash (edited)"
            return AuditReport(False, checked, link.seq, reason, head)
        checked += 1
        expected_seq, prev_hash, head = link.seq + 1, link.hash, link.hash
    return AuditReport(True, checked, None, None, head)
