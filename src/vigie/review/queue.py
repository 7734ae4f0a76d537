"""The review queue's rules: which decisions need a person, in what order, and who may close them.

Persistence and leases live in :mod:`vigie.store.review`; this module is the policy of the
queue, pure and testable without a database.

Priority. ``priority = severity weight × reach factor × urgency``:

* severity weight doubles per level (low 1, medium 2, high 4, critical 8);
* reach factor ``1 + log10(1 + reach)`` (a post seen a million times is ~7× a post seen
  by nobody, not a million times: reach should reorder the queue, not swamp severity);
* urgency ``1 / (1 + hours left to the deadline)``, 1 once the deadline has passed, so an
  item about to miss its deadline rises past fresher, more severe ones.

Deadlines come from the policy (``review_within``) when the decision carries one, else from
:data:`DEFAULT_REVIEW_WITHIN` by severity.

Four eyes. Removing a ``critical`` item takes two different people: the first ``remove``
moves it to ``confirming`` (no action leaves yet), and only a ``remove`` by a second person
(a different key *name*) resolves it and releases its actions. The second person may also
decline (any other outcome), which resolves the item with their outcome; declining needs
only one person because it does not act against anyone.
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta
from enum import StrEnum

from vigie.categories import Severity, Verdict
from vigie.types import Decision

__all__ = [
    "DEFAULT_REVIEW_WITHIN",
    "OUTCOME_ACTIONS",
    "ItemStatus",
    "ReviewOutcome",
    "needs_four_eyes",
    "needs_review",
    "priority",
    "review_deadline",
]


class ItemStatus(StrEnum):
    OPEN = "open"
    """Waiting for a moderator (possibly under a lease: see ``claimed`` in listings)."""
    CONFIRMING = "confirming"
    """A critical removal decided by one moderator, waiting for a second one."""
    RESOLVED = "resolved"


class ReviewOutcome(StrEnum):
    ALLOW = "allow"
    """No violation: the automatic decision is overturned."""
    RESTRICT = "restrict"
    REMOVE = "remove"
    ESCALATE = "escalate"
    """Refer onwards (legal team, law enforcement); actions say to whom."""


OUTCOME_ACTIONS: dict[ReviewOutcome, tuple[str, ...]] = {
    ReviewOutcome.ALLOW: (),
    ReviewOutcome.RESTRICT: ("restrict_visibility",),
    ReviewOutcome.REMOVE: ("remove_content",),
    ReviewOutcome.ESCALATE: ("escalate_law_enforcement",),
}
"""Actions an outcome implies when the moderator lists none."""

DEFAULT_REVIEW_WITHIN: dict[Severity, timedelta] = {
    Severity.CRITICAL: timedelta(hours=1),
    Severity.HIGH: timedelta(hours=4),
    Severity.MEDIUM: timedelta(hours=24),
    Severity.LOW: timedelta(hours=72),
    Severity.NONE: timedelta(hours=72),
}

_WEIGHT: dict[Severity, float] = {
    Severity.NONE: 0.5,
    Severity.LOW: 1.0,
    Severity.MEDIUM: 2.0,
    Severity.HIGH: 4.0,
    Severity.CRITICAL: 8.0,
}


def needs_review(decision: Decision) -> bool:
    """A decision goes to the queue when its verdict is review or restrict, the policy asked
    for ``queue_review``, or it is critical (a person must see every credible threat to life)."""
    return (
        decision.verdict in (Verdict.REVIEW, Verdict.RESTRICT)
        or "queue_review" in decision.actions
        or decision.severity is Severity.CRITICAL
    )


def review_deadline(decision: Decision, now: datetime, review_within: timedelta | None = None) -> datetime:
    """When a person must have looked: ``review_within`` (the policy's) or the severity default."""
    within = (
        review_within if review_within is not None else DEFAULT_REVIEW_WITHIN[Severity(decision.severity)]
    )
    return now + within


def priority(severity: Severity | str, reach: int, deadline: datetime, now: datetime) -> float:
    """Higher first (see the module docstring for the formula and why)."""
    hours_left = max((deadline - now).total_seconds() / 3600.0, 0.0)
    reach_factor = 1.0 + math.log10(1.0 + max(reach, 0))
    return _WEIGHT[Severity(severity)] * reach_factor / (1.0 + hours_left)


def needs_four_eyes(severity: Severity | str, outcome: ReviewOutcome) -> bool:
    """True when this resolution, by itself, is not enough: removing a critical item."""
    return Severity(severity) is Severity.CRITICAL and outcome is ReviewOutcome.REMOVE
