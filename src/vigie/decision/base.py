"""The decider protocol and its input."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from vigie.types import CategoryScore, Decision, Evidence, PolicyRef, Post, Signal, Target

__all__ = ["Assessment", "Decider", "combine_signals"]


@dataclass(frozen=True, slots=True)
class Assessment:
    """Everything detectors established about one post, combined, ready to be decided on.

    ``scores`` maps each label (categories, context labels, ``"imminence"``) to the
    combined score and its evidence; ``signals`` are the raw per-detector outputs, kept
    so that stored assessments can be re-decided (backtests) without re-scoring.
    Build one from signals with :meth:`from_signals` — the one place signals are combined.
    """

    post: Post
    language: str
    scores: Mapping[str, CategoryScore]
    targets: tuple[Target, ...]
    signals: tuple[Signal, ...]
    truncated: bool
    author: Mapping[str, float] | None = None
    """Author facts known when deciding (``strikes``, ``strike_points``, ``account_age_days``);
    ``None`` = ask the post's metadata (a platform may send them), or unknown."""

    @classmethod
    def from_signals(
        cls,
        post: Post,
        signals: tuple[Signal, ...],
        *,
        language: str | None = None,
        author: Mapping[str, float] | None = None,
    ) -> Assessment:
        """Combine detectors' signals about ``post`` (see :func:`combine_signals`)."""
        scores, targets = combine_signals(signals)
        lang = language if language is not None else (signals[0].language if signals else "und")
        return cls(
            post=post,
            language=lang,
            scores=scores,
            targets=targets,
            signals=signals,
            truncated=any(s.truncated for s in signals),
            author=author,
        )

    def with_author(self, author: Mapping[str, float] | None) -> Assessment:
        return dataclasses.replace(self, author=author)

    def score(self, label: str) -> float:
        cs = self.scores.get(label)
        return cs.score if cs is not None else 0.0


_EVIDENCE_SHARE = 0.5
"""A detector's evidence for a label is shown when its score is at least this share of the combined score."""
_EVIDENCE_FLOOR = 0.1
"""... and at least this: a model's "best sentence" for a label it scored 0.001 explains nothing."""


def combine_signals(signals: Sequence[Signal]) -> tuple[dict[str, CategoryScore], tuple[Target, ...]]:
    """Combine detectors' outputs: per label the highest score, with the evidence of every
    detector that scored it at least half as high (so a reviewer sees all strong reasons),
    and the union of targets (deduplicated by kind and span), in text order."""
    best: dict[str, float] = {}
    for sig in signals:
        for label, scored in sig.scores.items():
            best[label] = max(best.get(label, 0.0), scored.score)
    scores: dict[str, CategoryScore] = {}
    for label, top in best.items():
        evidence: list[Evidence] = []
        for sig in signals:
            cs = sig.scores.get(label)
            if cs is not None and cs.score >= max(_EVIDENCE_FLOOR, top * _EVIDENCE_SHARE):
                evidence.extend(cs.evidence)
        evidence.sort(key=lambda e: (e.span.start, e.span.end, e.source))
        scores[label] = CategoryScore(label=label, score=top, evidence=tuple(evidence))
    seen: dict[tuple[str, int, int], Target] = {}
    for sig in signals:
        for t in sig.targets:
            seen.setdefault((t.kind, t.span.start, t.span.end), t)
    targets = tuple(sorted(seen.values(), key=lambda t: (t.span.start, t.span.end, t.kind)))
    return scores, targets


class Decider(Protocol):
    """Turns an :class:`Assessment` into a :class:`~vigie.types.Decision`. Pure: no I/O, no state."""

    @property
    def policy(self) -> PolicyRef: ...

    def decide(self, assessment: Assessment) -> Decision: ...
