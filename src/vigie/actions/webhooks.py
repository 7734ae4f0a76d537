"""Signed webhook deliveries: HMAC-SHA256 over ``<timestamp>.<body>``.

Header (the scheme Stripe popularised, so receivers recognise it)::

    Vigie-Signature: t=<unix seconds>,v1=<hex hmac_sha256(secret, f"{t}.{body}")>
    Vigie-Idempotency-Key: <action_key>

Signing the timestamp together with the body lets a receiver reject replays: it recomputes
the HMAC with the endpoint's own secret, compares in constant time, and refuses timestamps
more than :data:`TOLERANCE` (5 minutes) away from its clock. ``docs/webhooks.md`` has the
receiver snippet; :func:`verify` is the same check, used by vigie's own tests.

A delivery succeeds on any 2xx answer. Anything else (other status, timeout, refused
connection) is a failure the outbox retries (:class:`vigie.actions.outbox.RetryPolicy`).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import httpx

__all__ = [
    "IDEMPOTENCY_HEADER",
    "SIGNATURE_HEADER",
    "TOLERANCE",
    "Delivery",
    "deliver",
    "encode_body",
    "sign",
    "verify",
]

SIGNATURE_HEADER = "Vigie-Signature"
IDEMPOTENCY_HEADER = "Vigie-Idempotency-Key"
TOLERANCE = 300
"""Seconds a receiver accepts between the signed timestamp and its own clock."""


def encode_body(payload: Mapping[str, Any]) -> bytes:
    """The exact bytes sent (and signed): compact JSON, keys sorted, UTF-8."""
    return json.dumps(dict(payload), sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode(
        "utf-8"
    )


def sign(secret: str, body: bytes, timestamp: int) -> str:
    """The ``Vigie-Signature`` header value for ``body`` sent at ``timestamp``."""
    mac = hmac.new(secret.encode("utf-8"), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={mac}"


def verify(
    secret: str, header: str, body: bytes, *, now: float | None = None, tolerance: int = TOLERANCE
) -> bool:
    """True when ``header`` validly signs ``body`` with ``secret``, at most ``tolerance`` seconds off."""
    parts: dict[str, list[str]] = {}
    for item in header.split(","):
        key, _, value = item.strip().partition("=")
        parts.setdefault(key, []).append(value)
    try:
        timestamp = int(parts["t"][0])
    except (KeyError, ValueError):
        return False
    if abs((time.time() if now is None else now) - timestamp) > tolerance:
        return False
    expected = sign(secret, body, timestamp).split("v1=", 1)[1]
    return any(hmac.compare_digest(expected, candidate) for candidate in parts.get("v1", []))


@dataclass(frozen=True, slots=True)
class Delivery:
    """What one attempt gave: ``ok`` on 2xx; ``error`` says why not."""

    ok: bool
    status_code: int | None
    error: str | None


def deliver(
    client: httpx.Client, url: str, secret: str, payload: Mapping[str, Any], *, now: float | None = None
) -> Delivery:
    """POST one signed payload. Never raises for network trouble: it becomes a failed Delivery."""
    body = encode_body(payload)
    timestamp = int(time.time() if now is None else now)
    headers = {
        "Content-Type": "application/json",
        SIGNATURE_HEADER: sign(secret, body, timestamp),
        IDEMPOTENCY_HEADER: str(payload.get("action_key", "")),
        "User-Agent": "vigie-webhooks/1",
    }
    try:
        response = client.post(url, content=body, headers=headers)
    except httpx.HTTPError as exc:
        return Delivery(False, None, f"{type(exc).__name__}: {exc}")
    if 200 <= response.status_code < 300:
        return Delivery(True, response.status_code, None)
    return Delivery(False, response.status_code, f"HTTP {response.status_code}: {response.text[:200]}")
