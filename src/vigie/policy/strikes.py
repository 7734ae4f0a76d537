"""The strike ladder, evaluated: a pure function from an account's strikes to its standing.

Persistence is not here (the store keeps strikes; only *final* enforcement strikes, and
shadow policies never do). Given the ladder of a policy and an account's strikes as
``(time, severity)`` pairs, :func:`standing` says how many points are active and which
step of the ladder applies:

* a strike weighs ``weights[severity]`` points (a severity without a weight weighs 0);
* a strike is **active** from its time until ``expire_after`` later:
  ``now - expire_after < time <= now`` (strikes dated in the future are not yet active);
* the step that applies is the **highest** step whose ``points`` the active total reaches;
  its ``actions`` are the account actions (steps are not cumulative: a host that wants
  ``restrict_account`` kept at the suspension step lists it there too).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from vigie.categories import Severity
from vigie.policy.model import StrikeLadder, StrikeStep

__all__ = ["StrikeStanding", "standing"]


@dataclass(frozen=True, slots=True)
class StrikeStanding:
    """An account's standing: active points, the active strikes, and the ladder step reached."""

    points: float
    active: tuple[tuple[datetime, Severity], ...]
    step: StrikeStep | None

    @property
    def actions(self) -> tuple[str, ...]:
        return self.step.actions if self.step is not None else ()


def standing(
    ladder: StrikeLadder, strikes: Iterable[tuple[datetime, Severity]], now: datetime
) -> StrikeStanding:
    """Evaluate ``strikes`` against ``ladder`` at ``now``. Times must be timezone-aware."""
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    active: list[tuple[datetime, Severity]] = []
    points = 0.0
    for when, severity in strikes:
        if when.tzinfo is None:
            raise ValueError(f"strike time {when.isoformat()} must be timezone-aware")
        if now - ladder.expire_after < when <= now:
            active.append((when, severity))
            points += ladder.weights.get(severity, 0.0)
    reached = [step for step in ladder.steps if points >= step.points]
    return StrikeStanding(points=points, active=tuple(sorted(active)), step=reached[-1] if reached else None)
