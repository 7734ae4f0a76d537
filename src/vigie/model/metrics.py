"""Metrics for training reports: AUPRC, expected calibration error, and threshold choice.

Kept tiny and numpy-only so the numbers in the manifest and the model card are computed
one way everywhere (training, tests, the quick evaluation harness).
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

__all__ = ["auprc", "best_f1_threshold", "ece"]

Arr = npt.NDArray[np.float64]


def auprc(y: Arr, p: Arr) -> float:
    """Average precision (step-wise area under the precision-recall curve), as scikit-learn computes it."""
    from sklearn.metrics import average_precision_score

    return float(average_precision_score(y, p))


def ece(y: Arr, p: Arr, bins: int = 10) -> float:
    """Expected calibration error with ``bins`` equal-width bins over [0, 1]."""
    y = np.asarray(y, dtype=np.float64)
    p = np.asarray(p, dtype=np.float64)
    idx = np.minimum((p * bins).astype(int), bins - 1)
    total = 0.0
    for b in range(bins):
        m = idx == b
        if m.any():
            total += m.mean() * abs(float(p[m].mean()) - float(y[m].mean()))
    return float(total)


def best_f1_threshold(y: Arr, p: Arr) -> float:
    """The probability threshold in [0.05, 0.95] (step 0.01) that maximises F1 on ``(y, p)``."""
    y = np.asarray(y) == 1
    best_f1, best_t = -1.0, 0.5
    for t in np.round(np.arange(0.05, 0.951, 0.01), 2):
        pred = p >= t
        tp = float((pred & y).sum())
        f1 = 2 * tp / (float(pred.sum()) + float(y.sum()) + 1e-12)
        if f1 > best_f1 + 1e-12:
            best_f1, best_t = f1, float(t)
    return best_t
