"""The decider protocol and its input."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from vigie.categories import CONTEXT_LABELS
from vigie.types import (
    ENDORSED,
    SENTENCE_SCOPED,
    CategoryScore,
    Decision,
    Evidence,
    PolicyRef,
    Post,
    Signal,
    Span,
    Target,
)

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


_ATTACK_LABELS = ("hate", "violent_threat", "incitement")
_CONTEXT = frozenset(str(label) for label in CONTEXT_LABELS)
_ATTACK_SCORE = 0.5
"""A detector's score for an attack label at which its evidence is an attack that sentence-scoped
context elsewhere in the post cannot excuse (above every review threshold of the default policy)."""


def combine_signals(signals: Sequence[Signal]) -> tuple[dict[str, CategoryScore], tuple[Target, ...]]:
    """Combine detectors' outputs: per label the highest score, with the evidence of every
    detector that scored it at least half as high (so a reviewer sees all strong reasons),
    and the union of targets (deduplicated by kind and span), in text order.

    Sentence-scoped context first (:data:`vigie.types.SENTENCE_SCOPED`): a detector's context
    evidence that speaks for its sentences only (a stance: "We stand with refugees."; news: "The
    attacker was arrested.") is set aside when any detector, itself included, scores an attack at
    :data:`_ATTACK_SCORE` or more with no evidence in those sentences ("... Throw every refugee in
    jail."): that detector's score for the label falls to what it had without it, and the
    set-aside evidence is not shown.

    Endorsement next (:data:`vigie.types.ENDORSED`): when a detector found the post approving what
    it quotes or reports ("My dad says "X are vermin" and he was right.") and any detector scores an
    attack at :data:`_ATTACK_SCORE` or more, no detector's reporting or counter-speech is kept: an
    approved quotation is the author's own statement, not news about it or an answer to it."""
    per_signal = [_scoped_scores(sig, signals) for sig in signals]
    if any(sig.extras.get(ENDORSED) for sig in signals) and any(
        cs.score >= _ATTACK_SCORE
        for scored_by in per_signal
        for lb in _ATTACK_LABELS
        if (cs := scored_by.get(lb))
    ):
        per_signal = [
            {k: CategoryScore(k, 0.0, ()) if k in _CONTEXT else v for k, v in scored_by.items()}
            for scored_by in per_signal
        ]
    best: dict[str, float] = {}
    for scored_by in per_signal:
        for label, scored in scored_by.items():
            best[label] = max(best.get(label, 0.0), scored.score)
    scores: dict[str, CategoryScore] = {}
    for label, top in best.items():
        evidence: list[Evidence] = []
        for scored_by in per_signal:
            cs = scored_by.get(label)
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


def _scoped_scores(sig: Signal, signals: Sequence[Signal]) -> Mapping[str, CategoryScore]:
    """``sig.scores`` with its sentence-scoped context set aside where a signal's attack (``sig``'s
    own included) lies outside the context's sentences (see :func:`combine_signals`)."""
    scoped = sig.extras.get(SENTENCE_SCOPED)
    if not scoped:
        return sig.scores
    out = dict(sig.scores)
    for label, where in scoped.items():
        cs = out.get(label)
        if cs is None:
            continue
        sentences = [Span(int(a), int(b)) for a, b in where["sentences"]]
        if not any(_attack_elsewhere(other, sentences) for other in signals):
            continue
        spans = {(int(a), int(b)) for a, b in where["spans"]}
        kept = tuple(e for e in cs.evidence if (e.span.start, e.span.end) not in spans)
        out[label] = CategoryScore(label, min(cs.score, float(where["score_without"])), kept)
    return out


def _attack_elsewhere(sig: Signal, sentences: Sequence[Span]) -> bool:
    """Whether ``sig`` scores an attack label at :data:`_ATTACK_SCORE` or more with evidence, none
    of it inside ``sentences``."""
    for label in _ATTACK_LABELS:
        cs = sig.scores.get(label)
        if cs is None or cs.score < _ATTACK_SCORE:
            continue
        spans = [e.span for e in cs.evidence if e.label == label]
        if spans and not any(s.overlaps(t) for s in spans for t in sentences):
            return True
    return False


class Decider(Protocol):
    """Turns an :class:`Assessment` into a :class:`~vigie.types.Decision`. Pure: no I/O, no state."""

    @property
    def policy(self) -> PolicyRef: ...

    def decide(self, assessment: Assessment) -> Decision: ...
