"""Policies in the store: the archive of every policy version, which one is in force, and shadow results.

Every change of the policy in force (or of the shadow candidate) appends a
``policy_activated`` event on stream ``policy`` — the audit trail a regulator asks for:
which rules decided a post on a given day. Shadow results record what a candidate policy
would have decided about each post the live policy decided; they never act or strike.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from sqlalchemy import func, select

from vigie.policy import Policy
from vigie.store.columns import utcnow
from vigie.store.models import DecisionRow, PolicyStateRow, PolicyVersionRow, ShadowResultRow
from vigie.store.repo import Store
from vigie.types import Decision, PolicyRef

__all__ = [
    "PolicyRole",
    "ShadowSummary",
    "activate_policy",
    "active_policy",
    "record_shadow",
    "shadow_summary",
]

PolicyRole = Literal["live", "shadow"]
_EXAMPLES = 10


def activate_policy(store: Store, policy: Policy, *, role: PolicyRole = "live", actor: str = "vigie") -> bool:
    """Make ``policy`` the one in force for ``role``; archive it if new. True when this changed anything.

    Idempotent: activating the policy already in force writes nothing, so every scan may call it.
    """
    ref = policy.ref
    with store.transaction() as w:
        s = w.session
        if s.scalar(select(PolicyVersionRow.pk).where(PolicyVersionRow.hash == ref.hash)) is None:
            s.add(
                PolicyVersionRow(
                    hash=ref.hash,
                    name=ref.name,
                    version=ref.version,
                    document=policy.document.model_dump(mode="json"),
                    source_text=policy.text,
                    created_at=utcnow(),
                )
            )
            s.flush()
        state = s.get(PolicyStateRow, role)
        if state is not None and state.policy_hash == ref.hash:
            return False
        previous = state.policy_hash if state is not None else None
        if state is None:
            s.add(PolicyStateRow(role=role, policy_hash=ref.hash, activated_at=utcnow()))
        else:
            state.policy_hash, state.activated_at = ref.hash, utcnow()
        w.event(
            "policy",
            "policy_activated",
            f"policy:{role}",
            {
                "role": role,
                "name": ref.name,
                "version": ref.version,
                "hash": ref.hash,
                "previous": previous,
                "actor": actor,
            },
        )
    return True


def active_policy(store: Store, role: PolicyRole = "live") -> PolicyRef | None:
    """The policy in force for ``role``, or None if none was ever activated."""
    with store.reading() as s:
        row = s.execute(
            select(PolicyVersionRow.name, PolicyVersionRow.version, PolicyVersionRow.hash)
            .join(PolicyStateRow, PolicyStateRow.policy_hash == PolicyVersionRow.hash)
            .where(PolicyStateRow.role == role)
        ).first()
    return PolicyRef(name=row[0], version=row[1], hash=row[2]) if row is not None else None


def record_shadow(store: Store, pairs: Sequence[tuple[Decision, Decision]]) -> int:
    """Store what the shadow decided beside each stored live decision; returns how many disagree.

    ``pairs`` are ``(live, shadow)``; the live decision must already be stored. Idempotent per
    (live decision, shadow policy). No event is appended: shadow results are advisory, not acts.
    """
    if not pairs:
        return 0
    now = utcnow()
    disagreements = 0
    with store.transaction() as w:
        s = w.session
        shadow_hash = pairs[0][1].policy.hash
        known = set(
            s.scalars(
                select(ShadowResultRow.decision_id).where(
                    ShadowResultRow.policy_hash == shadow_hash,
                    ShadowResultRow.decision_id.in_([live.id for live, _ in pairs]),
                )
            )
        )
        for live, shadow in pairs:
            agrees = live.verdict == shadow.verdict and set(live.violations) == set(shadow.violations)
            disagreements += not agrees
            if live.id in known:
                continue
            known.add(live.id)
            s.add(
                ShadowResultRow(
                    decision_id=live.id,
                    policy_hash=shadow.policy.hash,
                    verdict=str(shadow.verdict),
                    severity=str(shadow.severity),
                    violations=[str(c) for c in shadow.violations],
                    rule_hits=list(shadow.rule_hits),
                    agrees=agrees,
                    created_at=now,
                )
            )
    return disagreements


@dataclass(frozen=True)
class ShadowSummary:
    """How a shadow policy compares with the live decisions it ran beside."""

    policy_hash: str
    total: int
    disagreements: int
    transitions: dict[str, int] = field(default_factory=dict)
    """``"review -> allow"`` style live→shadow verdict changes, with counts."""
    examples: list[dict[str, Any]] = field(default_factory=list)


def shadow_summary(store: Store, policy_hash: str | None = None) -> ShadowSummary | None:
    """Summarise the shadow results of ``policy_hash`` (default: the current shadow policy)."""
    if policy_hash is None:
        current = active_policy(store, "shadow")
        if current is None:
            return None
        policy_hash = current.hash
    with store.reading() as s:
        total = s.scalar(select(func.count()).where(ShadowResultRow.policy_hash == policy_hash)) or 0
        rows = s.execute(
            select(
                DecisionRow.id,
                DecisionRow.verdict,
                ShadowResultRow.verdict,
                DecisionRow.violations,
                ShadowResultRow.violations,
            )
            .join(DecisionRow, DecisionRow.id == ShadowResultRow.decision_id)
            .where(ShadowResultRow.policy_hash == policy_hash, ShadowResultRow.agrees.is_(False))
            .order_by(ShadowResultRow.pk)
        ).all()
    transitions: Counter[str] = Counter(f"{live} -> {shadow}" for _, live, shadow, _, _ in rows)
    examples = [
        {"decision_id": d, "live": lv, "shadow": sv, "live_violations": lviol, "shadow_violations": sviol}
        for d, lv, sv, lviol, sviol in rows[:_EXAMPLES]
    ]
    return ShadowSummary(policy_hash, int(total), len(rows), dict(transitions.most_common()), examples)
