"""Reading one stored decision back as a :class:`~vigie.types.Decision` (for the API's answers).

The rebuilt decision carries the stored post revision, verdict, scores with evidence,
targets, actions, rule hits and policy; its ``signals`` are empty (read them with
:meth:`vigie.store.Store.signals_for` when needed), which is all the analyze contract uses.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from vigie.categories import Category, Severity, Verdict
from vigie.store import codec
from vigie.store.models import DecisionRow, PostRow
from vigie.store.repo import Store
from vigie.types import Decision, PolicyRef, Post

__all__ = ["Found", "find_decision"]


@dataclass(frozen=True, slots=True)
class Found:
    decision: Decision
    revision: int
    created_at: datetime


def find_decision(store: Store, decision_id: str) -> Found | None:
    """The stored decision ``decision_id`` with its post revision, or None."""
    with store.reading() as session:
        row = session.execute(
            select(DecisionRow, PostRow)
            .join(PostRow, PostRow.pk == DecisionRow.post_pk)
            .where(DecisionRow.id == decision_id)
        ).first()
        if row is None:
            return None
        d, p = row
        post = Post(
            id=p.post_id,
            text=p.text,
            source=p.source,
            author_id=p.author_id,
            created_at=p.posted_at,
            lang_hint=p.lang_hint,
            parent_id=p.parent_id,
            url=p.url,
            reach=dict(p.reach),
            metadata=dict(p.meta),
        )
        decision = Decision(
            id=d.id,
            post=post,
            verdict=Verdict(d.verdict),
            severity=Severity(d.severity),
            violations=tuple(Category(c) for c in d.violations),
            language=d.language,
            scores=codec.scores_from_json(d.scores),
            targets=codec.targets_from_json(d.targets),
            actions=tuple(d.actions),
            rule_hits=tuple(d.rule_hits),
            policy=PolicyRef(d.policy_name, d.policy_version, d.policy_hash),
            signals=(),
            truncated=d.truncated,
        )
        return Found(decision, p.revision, d.created_at)
