"""The policy engine: a :class:`~vigie.decision.Decider` that evaluates a :class:`Policy`.

Evaluation, explicit and order-dependent only where the author placed it:

1. Rules are evaluated **top to bottom** against the post's facts and the *running
   decision* (``decision.verdict``, ``decision.severity``, ``decision.violations``),
   which starts at ``allow`` / ``none`` / no violations.
2. A matching **raise** rule (any rule without ``cap``) contributes: the verdict and the
   severity become the strongest of the running value and the rule's; its violation is
   added. Raising is commutative, so the order of raise rules never matters.
3. A matching **cap** rule lowers the running verdict and severity to at most its cap.
   It affects what came before it; a raise rule placed after a cap can raise again
   (order is the author's explicit tool for exceptions).
4. The rule's **other effects survive only if its outcome survived**: the actions,
   ``review_within`` and violation of a raise rule apply when the final verdict is at
   least the rule's verdict and the final severity at least the rule's severity. A
   ``remove`` rule capped to ``review`` by context therefore does not remove. Rules
   that set neither verdict nor severity (actions-only) always apply.
5. **Consequences** of the final outcome are added: ``on_verdict[verdict]`` then
   ``on_severity[severity]`` actions, then surviving rules' actions in rule order,
   without duplicates. The review deadline is the shortest ``review_within`` among
   them. A violation's ground is the first surviving rule's ``ground`` for it, else
   ``grounds[category]``.

``rule_hits`` lists every rule that matched, in order, including those whose effects
were capped away (those are also listed in :attr:`Outcome.capped`).
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from vigie.categories import CATEGORIES, Category, Severity, Verdict
from vigie.decision.base import Assessment
from vigie.policy.compiled import Policy
from vigie.policy.facts import Facts, author_facts
from vigie.policy.model import Ground, Rule
from vigie.types import Decision, PolicyRef

__all__ = ["AUTHOR_METADATA_KEY", "Outcome", "PolicyDecider"]

AUTHOR_METADATA_KEY = "author"
"""Key of ``Post.metadata`` where :meth:`PolicyDecider.decide` looks for author facts."""
_DECISION_NS = uuid.UUID("3c1f7f5e-2a8d-4f5b-9d3e-6a0f2b7c9e41")


@dataclass(frozen=True, slots=True)
class Outcome:
    """Everything the policy decided for one post, richer than :class:`~vigie.types.Decision`.

    ``grounds`` maps each violation to the ground a statement of reasons cites;
    ``review_within`` is the review deadline (``None``: the policy sets none);
    ``capped`` names matching rules whose effects a cap removed.
    """

    verdict: Verdict
    severity: Severity
    violations: tuple[Category, ...]
    actions: tuple[str, ...]
    rule_hits: tuple[str, ...]
    capped: tuple[str, ...]
    review_within: timedelta | None
    grounds: Mapping[Category, Ground]


class PolicyDecider:
    """Decides with a policy. Pure and deterministic: the same assessment and author give the same outcome."""

    def __init__(self, policy: Policy) -> None:
        self._policy = policy

    @property
    def policy(self) -> PolicyRef:
        return self._policy.ref

    @property
    def compiled(self) -> Policy:
        return self._policy

    def evaluate(self, assessment: Assessment, *, author: Mapping[str, Any] | None = None) -> Outcome:
        """The outcome for ``assessment``; ``author``: author facts (``strikes``...), ``None`` if unknown."""
        facts = Facts(assessment, author_facts(author, post_id=assessment.post.id))
        matched: list[Rule] = []
        capped_any = False
        for rule, check in zip(self._policy.rules, self._policy.checks, strict=True):
            if not check(facts):
                continue
            matched.append(rule)
            then = rule.then
            if then.cap is not None:
                capped_any = True
                if then.cap.verdict is not None and facts.verdict.rank > then.cap.verdict.rank:
                    facts.verdict = then.cap.verdict
                if then.cap.severity is not None and facts.severity.rank > then.cap.severity.rank:
                    facts.severity = then.cap.severity
                continue
            if then.verdict is not None and then.verdict.rank > facts.verdict.rank:
                facts.verdict = then.verdict
            if then.severity is not None and then.severity.rank > facts.severity.rank:
                facts.severity = then.severity
            if then.violation is not None and then.violation not in facts.violations:
                facts.violations = (*facts.violations, then.violation)
        return self._settle(facts, matched, capped_any)

    def _settle(self, facts: Facts, matched: list[Rule], capped_any: bool) -> Outcome:
        doc = self._policy.document
        verdict, severity = facts.verdict, facts.severity

        def survives(rule: Rule) -> bool:
            t = rule.then
            return (
                t.cap is None
                and (t.verdict is None or verdict.rank >= t.verdict.rank)
                and (t.severity is None or severity.rank >= t.severity.rank)
            )

        surviving = [r for r in matched if survives(r)]
        capped = tuple(r.id for r in matched if r.then.cap is None and not survives(r)) if capped_any else ()
        actions: list[str] = []
        deadlines: list[timedelta] = []
        for consequence in (doc.on_verdict.get(verdict), doc.on_severity.get(severity)):
            if consequence is not None:
                actions.extend(consequence.actions)
                if consequence.review_within is not None:
                    deadlines.append(consequence.review_within)
        grounds: dict[Category, Ground] = {}
        for rule in surviving:
            actions.extend(rule.then.actions)
            if rule.then.review_within is not None:
                deadlines.append(rule.then.review_within)
            violation = rule.then.violation
            if violation is not None and violation not in grounds:
                ground = rule.then.ground or doc.grounds.get(violation)
                if ground is not None:  # compile_policy guarantees one; kept total for safety
                    grounds[violation] = ground
        violations = tuple(c for c in CATEGORIES if any(r.then.violation == c for r in surviving))
        return Outcome(
            verdict=verdict,
            severity=severity,
            violations=violations,
            actions=tuple(dict.fromkeys(actions)),
            rule_hits=tuple(r.id for r in matched),
            capped=capped,
            review_within=min(deadlines) if deadlines else None,
            grounds={c: grounds[c] for c in violations if c in grounds},
        )

    def decide(self, assessment: Assessment) -> Decision:
        """:meth:`evaluate` as a :class:`Decision`, with the assessment's author facts (else
        ``post.metadata["author"]``, which a platform may send with the post)."""
        post = assessment.post
        author = (
            assessment.author if assessment.author is not None else post.metadata.get(AUTHOR_METADATA_KEY)
        )
        outcome = self.evaluate(assessment, author=author)
        ref = self._policy.ref
        seed = "\x00".join(
            (post.source, post.id, post.text_hash, ref.hash, *(s.source for s in assessment.signals))
        )
        return Decision(
            id=str(uuid.uuid5(_DECISION_NS, seed)),
            post=post,
            verdict=outcome.verdict,
            severity=outcome.severity,
            violations=outcome.violations,
            language=assessment.language,
            scores=assessment.scores,
            targets=assessment.targets,
            actions=outcome.actions,
            rule_hits=outcome.rule_hits,
            policy=ref,
            signals=assessment.signals,
            truncated=assessment.truncated,
            review_within=outcome.review_within,
        )
