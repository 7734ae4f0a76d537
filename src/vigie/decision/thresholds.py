"""The skeleton's decision rules: a declarative threshold table (``decision:`` in vigie.yaml).

Documented for users in ``docs/decisions.md``. The rules, in order:

1. **Violations.** A category is a violation when its combined score reaches the
   category's ``review`` threshold. Its verdict is the strongest of ``review``,
   ``restrict``, ``remove`` whose threshold the score reaches. The post's verdict is the
   strongest over its violations; ``allow`` when there is none.
2. **Severity** comes from the highest violating score through ``severity_bands``
   (``low``/``medium``/``high``). It becomes ``critical`` when a ``violent_threat`` or
   ``incitement`` score is in the ``high`` band, a specific target (a person, an official,
   the reader — not only a group) is named, and imminence reaches ``critical_imminence``.
3. **Context.** When ``reporting`` or ``counter_speech`` reaches ``context_threshold``,
   the verdict is capped at ``context_max_verdict`` and the severity at
   ``context_max_severity`` — but a post that names a specific target and carries
   imminence evidence (a date, a place) never goes below ``review``: threats must not be
   laundered as news, and a person decides.
4. **Actions** follow the verdict (``review`` → ``queue_review``; ``restrict`` →
   ``restrict_visibility`` + ``queue_review``; ``remove`` → ``remove_content`` +
   ``notify_author``) and ``critical`` adds ``escalate_law_enforcement``.

Every rule that fired is named in ``Decision.rule_hits`` so a reviewer sees why.
"""

from __future__ import annotations

import hashlib
import json
import uuid

from vigie.categories import CATEGORIES, CONTEXT_LABELS, IMMINENCE, Category, Severity, Verdict
from vigie.decision.base import Assessment
from vigie.settings import DecisionSettings
from vigie.types import Decision, PolicyRef

__all__ = ["SPECIFIC_TARGET_KINDS", "ThresholdDecider"]

SPECIFIC_TARGET_KINDS = frozenset({"person", "official", "journalist", "judge", "executive", "you", "org", "place"})
_DECISION_NS = uuid.UUID("0b5e3a52-6f0e-4c41-9a59-5d0f6c3c1a10")
_VERDICT_ACTIONS: dict[Verdict, tuple[str, ...]] = {
    Verdict.ALLOW: (),
    Verdict.REVIEW: ("queue_review",),
    Verdict.RESTRICT: ("restrict_visibility", "queue_review"),
    Verdict.REMOVE: ("remove_content", "notify_author"),
}


def _policy_ref(settings: DecisionSettings) -> PolicyRef:
    canonical = json.dumps(settings.model_dump(mode="json"), sort_keys=True, separators=(",", ":"))
    digest = hashlib.sha256(canonical.encode("utf-8")).hexdigest()
    return PolicyRef(name=settings.name, version=settings.version, hash=f"sha256:{digest}")


class ThresholdDecider:
    """Decides from the threshold table; pure and deterministic (see module docstring)."""

    def __init__(self, settings: DecisionSettings) -> None:
        self._s = settings
        self._policy = _policy_ref(settings)

    @property
    def policy(self) -> PolicyRef:
        return self._policy

    def _severity_for(self, score: float) -> Severity:
        severity = Severity.NONE
        for level, floor in sorted(self._s.severity_bands.items(), key=lambda kv: kv[0].rank):
            if score >= floor:
                severity = level
        return severity

    def decide(self, assessment: Assessment) -> Decision:
        s = self._s
        hits: list[str] = []
        violations: list[Category] = []
        verdict = Verdict.ALLOW
        top = 0.0
        for category in CATEGORIES:
            row = s.thresholds.get(str(category))
            if row is None:
                continue
            score = assessment.score(category)
            if score < row.review:
                continue
            violations.append(category)
            top = max(top, score)
            earned = Verdict.REVIEW
            for level, threshold in ((Verdict.RESTRICT, row.restrict), (Verdict.REMOVE, row.remove)):
                if threshold is not None and score >= threshold:
                    earned = level
            hits.append(f"threshold:{category}:{earned}:{score:.2f}")
            if earned.rank > verdict.rank:
                verdict = earned

        severity = self._severity_for(top) if violations else Severity.NONE
        if violations and severity is Severity.NONE:
            severity = Severity.LOW
        specific = any(t.kind in SPECIFIC_TARGET_KINDS for t in assessment.targets)
        imminence = assessment.score(IMMINENCE)
        violent = max(assessment.score(Category.VIOLENT_THREAT), assessment.score(Category.INCITEMENT))
        high_floor = s.severity_bands.get(Severity.HIGH, 1.0)
        if violent >= high_floor and specific and imminence >= s.critical_imminence:
            severity = Severity.CRITICAL
            hits.append(f"critical:target+imminence:{imminence:.2f}")

        context = max((assessment.score(label) for label in CONTEXT_LABELS), default=0.0)
        if violations and context >= s.context_threshold:
            label = max(CONTEXT_LABELS, key=assessment.score)
            cap = s.context_max_verdict
            if specific and imminence >= s.critical_imminence and cap.rank < Verdict.REVIEW.rank:
                cap = Verdict.REVIEW
                hits.append("context:floor:review:specific_target+imminence")
            if verdict.rank > cap.rank:
                verdict = cap
            if severity.rank > s.context_max_severity.rank:
                severity = s.context_max_severity
            hits.append(f"context:{label}:{context:.2f}:caps:{verdict}/{severity}")
            if verdict is Verdict.ALLOW:
                violations = []

        actions = list(_VERDICT_ACTIONS[verdict])
        if severity is Severity.CRITICAL:
            actions.append("escalate_law_enforcement")
        post = assessment.post
        seed = "\x00".join(
            (post.source, post.id, post.text_hash, self._policy.hash, *(sig.source for sig in assessment.signals))
        )
        return Decision(
            id=str(uuid.uuid5(_DECISION_NS, seed)),
            post=post,
            verdict=verdict,
            severity=severity,
            violations=tuple(violations),
            language=assessment.language,
            scores=assessment.scores,
            targets=assessment.targets,
            actions=tuple(actions),
            rule_hits=tuple(hits),
            policy=self._policy,
            signals=assessment.signals,
            truncated=assessment.truncated,
        )
