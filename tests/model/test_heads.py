"""Heads: calibrated probabilities that keep the heads' ranking, and a lossless array round trip."""

from __future__ import annotations

import numpy as np
import pytest

from vigie.model.heads import Head, fit_head, fit_pooled_calibration


def _data(n: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n, 6)).astype(np.float32)
    logit = 2.0 * x[:, 0] - x[:, 1]
    y = (rng.random(n) < 1.0 / (1.0 + np.exp(-logit))).astype(np.float64)
    return x, y


@pytest.fixture(scope="module")
def head() -> Head:
    x, y = _data(4000, 0)
    xc, yc = _data(4000, 1)
    return fit_head("hate", x, y, np.ones_like(y), xc, yc, kind="linear", c=1.0)


def test_calibrated_probabilities_match_observed_frequencies(head: Head) -> None:
    x, y = _data(20000, 2)
    p = head.predict(x)
    assert np.all((p >= 0.0) & (p <= 1.0))
    edges = np.quantile(p, np.linspace(0, 1, 11))
    bins = np.clip(np.searchsorted(edges, p, side="right") - 1, 0, 9)
    gaps = [abs(p[bins == b].mean() - y[bins == b].mean()) for b in range(10) if np.any(bins == b)]
    assert max(gaps) < 0.05


def test_calibration_keeps_the_ranking_inside_the_calibrated_range(head: Head) -> None:
    """Centred knots: no wide plateaus, so posts the heads tell apart stay apart at a threshold."""
    assert np.all(np.diff(head.cal_x) > 0) and np.all(np.diff(head.cal_y) >= 0)
    x, _ = _data(5000, 3)
    logits = head.logits(x)
    inside = (logits > head.cal_x[0]) & (logits < head.cal_x[-1])
    p = head.calibrate(logits[inside])
    assert len(np.unique(np.round(p, 9))) > 0.9 * int(inside.sum())
    order = np.argsort(logits[inside])
    assert np.all(np.diff(p[order]) >= -1e-12)


def test_round_trips_through_arrays(head: Head) -> None:
    again = Head.from_arrays("hate", head.to_arrays())
    x, _ = _data(50, 4)
    np.testing.assert_array_equal(again.predict(x), head.predict(x))
    with pytest.raises(KeyError):
        Head.from_arrays("threat", head.to_arrays())


def test_refuses_a_single_class() -> None:
    x, y = _data(100, 5)
    with pytest.raises(ValueError, match="both classes"):
        fit_head("hate", x, np.zeros_like(y), np.ones_like(y), x, y)


def _pooled_posts(n: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Posts of 2-5 units whose score is the max of per-unit calibrated probabilities, while the
    post's label depends on its mean unit probability: the max overstates it, as in the detector."""
    rng = np.random.default_rng(seed)
    units = rng.integers(2, 6, size=n)
    probs = [rng.beta(1.0, 4.0, size=k) for k in units]
    pooled = np.array([p.max() for p in probs])
    y = (rng.random(n) < np.array([p.mean() for p in probs])).astype(np.float64)
    return pooled, y


def test_pooled_calibration_corrects_the_max_over_units(head: Head) -> None:
    pooled, y = _pooled_posts(6000, 6)
    knots = fit_pooled_calibration(pooled, y)
    assert knots is not None
    calibrated = head.with_pooled(knots)
    test_pooled, test_y = _pooled_posts(20000, 7)
    before = abs(test_pooled.mean() - test_y.mean())
    p = calibrated.calibrate_pooled(test_pooled)
    assert before > 0.1  # the raw max is far from the observed frequency
    edges = np.quantile(p, np.linspace(0, 1, 11))
    bins = np.clip(np.searchsorted(edges, p, side="right") - 1, 0, 9)
    gaps = [abs(p[bins == b].mean() - test_y[bins == b].mean()) for b in range(10) if np.any(bins == b)]
    assert max(gaps) < 0.05
    order = np.argsort(test_pooled)
    assert np.all(np.diff(p[order]) >= -1e-12)  # the ranking of posts is kept


def test_pooled_calibration_round_trips_and_is_optional(head: Head) -> None:
    assert head.pool_x is None
    scores = np.array([0.1, 0.5, 0.9])
    np.testing.assert_array_equal(head.calibrate_pooled(scores), scores)  # no knots: the max as it is
    knots = fit_pooled_calibration(*_pooled_posts(3000, 8))
    assert knots is not None
    pooled = head.with_pooled(knots)
    again = Head.from_arrays("hate", pooled.to_arrays())
    assert again.pool_x is not None and again.pool_y is not None
    np.testing.assert_array_equal(again.calibrate_pooled(scores), pooled.calibrate_pooled(scores))
    half = {k: v for k, v in pooled.to_arrays().items() if not k.endswith("pool_y")}
    with pytest.raises(KeyError, match="half"):
        Head.from_arrays("hate", half)
    assert fit_pooled_calibration(scores, np.zeros(3)) is None
