"""The policy layer: a declarative, versioned policy file and the engine that decides with it.

Detectors score; a policy decides. A policy is data (YAML, documented in
``docs/policy.md``): named rules over scores, targets, imminence, context, language,
author history and reach, with outcomes (verdict, severity, actions, review deadline,
DSA ground), a strike ladder and example cases that test it. Entry points:

* :func:`load_policy` — read and validate a file (``None``: the shipped default policy);
* :class:`PolicyDecider` — the :class:`~vigie.decision.Decider` that evaluates it;
* :func:`check_policy` — validation plus the policy's own examples (``vigie policy check``);
* :func:`standing` — the strike ladder, evaluated on a list of ``(time, severity)`` strikes.
"""

from vigie.policy.check import CheckReport, ExampleResult, check_policy, run_examples
from vigie.policy.compiled import Policy, policy_hash
from vigie.policy.engine import Outcome, PolicyDecider
from vigie.policy.loader import load_policy, parse_policy
from vigie.policy.strikes import StrikeStanding, standing

__all__ = [
    "CheckReport",
    "ExampleResult",
    "Outcome",
    "Policy",
    "PolicyDecider",
    "StrikeStanding",
    "check_policy",
    "load_policy",
    "parse_policy",
    "policy_hash",
    "run_examples",
    "standing",
]
