"""The strike ladder: weights, expiry window, steps."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from vigie.categories import Severity
from vigie.policy import load_policy, standing

LADDER = load_policy().document.strikes
NOW = datetime(2026, 6, 1, tzinfo=UTC)
DAY = timedelta(days=1)


def test_default_ladder_is_present() -> None:
    assert LADDER is not None
    assert LADDER.expire_after == timedelta(days=90)


def test_weights_by_severity_and_steps() -> None:
    assert LADDER is not None
    s = standing(LADDER, [], NOW)
    assert s.points == 0 and s.step is None and s.actions == ()
    s = standing(LADDER, [(NOW - DAY, Severity.LOW), (NOW - 2 * DAY, Severity.MEDIUM)], NOW)
    assert s.points == 3 and s.actions == ("warn_author",)
    s = standing(LADDER, [(NOW - DAY, Severity.CRITICAL)], NOW)
    assert s.points == 6 and s.actions == ("restrict_account",)
    s = standing(LADDER, [(NOW - DAY, Severity.CRITICAL), (NOW - DAY, Severity.HIGH)], NOW)
    assert s.points == 9 and s.actions == ("suspend_account",)  # the highest step reached, not cumulative
    assert standing(LADDER, [(NOW - DAY, Severity.NONE)] * 5, NOW).points == 0  # no weight, no points


def test_expiry_window_is_half_open() -> None:
    assert LADDER is not None
    just_inside = NOW - timedelta(days=90) + timedelta(seconds=1)
    exactly_expired = NOW - timedelta(days=90)
    s = standing(
        LADDER, [(just_inside, Severity.HIGH), (exactly_expired, Severity.HIGH), (NOW, Severity.LOW)], NOW
    )
    assert s.points == 4
    assert s.active == ((just_inside, Severity.HIGH), (NOW, Severity.LOW))
    future = standing(LADDER, [(NOW + DAY, Severity.CRITICAL)], NOW)
    assert future.points == 0
    # the same strikes, later: all expired
    assert standing(LADDER, [(NOW, Severity.CRITICAL)], NOW + timedelta(days=91)).step is None


def test_naive_times_are_refused() -> None:
    assert LADDER is not None
    with pytest.raises(ValueError, match="timezone-aware"):
        standing(LADDER, [], datetime(2026, 1, 1))
    with pytest.raises(ValueError, match="timezone-aware"):
        standing(LADDER, [(datetime(2026, 1, 1), Severity.LOW)], NOW)


def test_ladder_validation() -> None:
    from vigie.errors import ConfigError
    from vigie.policy import parse_policy

    base = """\
name: s
version: "1"
rules: [{id: r, when: {gte: {score.hate: 0.5}}, then: {verdict: review}}]
strikes:
  weights: {low: 1}
  expire_after: P30D
  steps:
    - {points: 5, actions: [suspend_account]}
    - {points: 3, actions: [warn_author]}
"""
    with pytest.raises(ConfigError, match=r":4: strikes: .*strictly increasing points"):
        parse_policy(base)
    with pytest.raises(ConfigError, match=r":6: strikes.expire_after: .*months and years"):
        parse_policy(base.replace("P30D", "P1M").replace("points: 3", "points: 7"))
    with pytest.raises(ConfigError, match=r"strikes.weights.huge"):
        parse_policy(base.replace("low: 1", "huge: 1").replace("points: 3", "points: 7"))
