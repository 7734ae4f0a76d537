"""The actions outbox's rules: which actions leave vigie, their idempotency keys, their retry schedule.

Why an outbox. An action (remove this post, notify its author) is decided in the same
database transaction as the decision or review that causes it, by writing an ``outbox`` row
(:mod:`vigie.store.outbox`); a separate worker (:mod:`vigie.actions.worker`) delivers rows
afterwards. A crash can therefore never lose an action (it is committed with its cause) nor
deliver one whose cause was rolled back. Delivery is **at least once**: a worker that dies
after the receiver answered but before recording it delivers again, with the same
``action_key``, and the receiver drops the duplicate.

Idempotency keys are derived, not random: ``sha256("<scope>:<action>")`` where the scope is
the decision id (actions decided automatically) or ``review:<item id>`` (actions a moderator
decided). Re-processing the same cause gives the same key, so even an outbox row written twice
by a retried request collapses onto one (``action_key`` is unique per endpoint).

Retries: attempt ``n`` (1-based) that fails is retried after ``base × 2^(n-1)`` capped at
``max_delay``, with ±10 % jitter so a recovering receiver is not hit by a synchronized wave;
after ``max_attempts`` failures the row is ``dead`` (a dead letter an admin can requeue).
The schedule is configured in the ``service:`` settings section (``webhook_*`` keys); the
defaults below are that section's defaults, not a second copy of them.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum

from vigie.settings import ServiceSettings

__all__ = ["INTERNAL_ACTIONS", "OutboxStatus", "RetryPolicy", "action_key", "external_actions"]

INTERNAL_ACTIONS: frozenset[str] = frozenset({"queue_review"})
"""Actions vigie carries out itself (``queue_review`` creates a review item); never sent out."""


class OutboxStatus(StrEnum):
    PENDING = "pending"
    """Not delivered yet (never tried, or waiting for its next attempt)."""
    DELIVERED = "delivered"
    DEAD = "dead"
    """Gave up after the last attempt; an admin may requeue it."""


def action_key(scope: str, action: str) -> str:
    """The idempotency key of one action (see the module docstring)."""
    return hashlib.sha256(f"{scope}:{action}".encode()).hexdigest()[:40]


def external_actions(actions: Iterable[str]) -> list[str]:
    """The actions that leave vigie, in order, without duplicates."""
    out: list[str] = []
    for a in actions:
        if a not in INTERNAL_ACTIONS and a not in out:
            out.append(a)
    return out


_DEFAULTS = ServiceSettings()


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """Exponential backoff with a cap, jitter and a dead-letter limit."""

    max_attempts: int = _DEFAULTS.webhook_max_attempts
    base: timedelta = timedelta(seconds=_DEFAULTS.webhook_retry_base_seconds)
    max_delay: timedelta = timedelta(seconds=_DEFAULTS.webhook_retry_max_seconds)
    jitter: float = 0.1

    @classmethod
    def from_settings(cls, service: ServiceSettings) -> RetryPolicy:
        """The schedule the ``service:`` section configures."""
        return cls(
            max_attempts=service.webhook_max_attempts,
            base=timedelta(seconds=service.webhook_retry_base_seconds),
            max_delay=timedelta(seconds=service.webhook_retry_max_seconds),
        )

    def delay(self, attempt: int, rng: random.Random | None = None) -> timedelta:
        """How long to wait after failed attempt number ``attempt`` (1-based)."""
        raw: timedelta = min(self.base * int(2 ** max(attempt - 1, 0)), self.max_delay)
        if self.jitter <= 0:
            return raw
        spread = (rng or random).uniform(-self.jitter, self.jitter)
        return raw * (1.0 + spread)

    def gives_up(self, attempt: int) -> bool:
        """True when failed attempt number ``attempt`` was the last one."""
        return attempt >= self.max_attempts
