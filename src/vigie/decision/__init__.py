"""Deciding: turning combined scores into a verdict, a severity and actions.

Detectors only score; a :class:`Decider` only decides. vigie's decider is the policy engine
(:class:`vigie.policy.PolicyDecider`, a declarative, versioned policy file); this package
holds the protocol and its input so that the pipeline, backtests and shadow mode share them.
"""

from vigie.decision.base import Assessment, Decider

__all__ = ["Assessment", "Decider"]
