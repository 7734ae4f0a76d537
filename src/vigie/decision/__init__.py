"""Deciding: turning combined scores into a verdict, a severity and actions.

Detectors only score; a :class:`Decider` only decides. The skeleton ships one decider,
:class:`~vigie.decision.thresholds.ThresholdDecider` (a declarative threshold table from
the config); the policy engine plugs in behind the same protocol, so the pipeline never
grows a second decision path.
"""

from vigie.decision.base import Assessment, Decider
from vigie.decision.thresholds import ThresholdDecider

__all__ = ["Assessment", "Decider", "ThresholdDecider"]
