"""Core value types shared by every stage. All are frozen: a stage never mutates what it was given.

Offsets are always Unicode code points into the *original* text of a post (Python
``str`` indices), whatever normalized view a detector worked on; see
:mod:`vigie.text.normalize` for the offset maps that make this possible.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from types import MappingProxyType
from typing import Any, Literal

from vigie.categories import CATEGORIES, CONTEXT_LABELS, IMMINENCE, TARGET, Category, Severity, Verdict

__all__ = [
    "ENDORSED",
    "IDIOMS",
    "SENTENCE_SCOPED",
    "CategoryScore",
    "Decision",
    "Evidence",
    "PolicyRef",
    "Post",
    "Signal",
    "Span",
    "Target",
    "TargetKind",
    "text_hash",
]

TargetKind = Literal[
    "person", "official", "journalist", "judge", "executive", "group", "other_group", "org", "place", "you"
]
"""``group`` is a protected group (``Target.name`` its canonical name: "muslims"); ``other_group`` a group
of people that is not protected (a trade, a pastime: "the mechanics"), named so that a policy can tell an
attack on one from hate."""
_EMPTY: Mapping[str, Any] = MappingProxyType({})
SENTENCE_SCOPED = "sentence_scoped"
"""``Signal.extras`` key of context evidence that speaks for its own sentence only ("We stand with
refugees." does not excuse the next sentence): ``{label: {"sentences": [[start, end], ...], "spans":
[[start, end], ...], "score_without": float}}``. :func:`vigie.decision.base.combine_signals` reads it."""
ENDORSED = "endorsed"
"""``Signal.extras`` key of phrases by which a post approves what it quotes or reports ("My dad says
"X are vermin" and he was right."): ``[{"endorsement": id, "note": str, "start": int, "end": int}, ...]``.
:func:`vigie.decision.base.combine_signals` reads it: with an attack scored at 0.5 or more by any
detector, no detector's ``reporting`` or ``counter_speech`` is kept."""
IDIOMS = "idioms"
"""``Signal.extras`` key of fixed expressions whose words are not what they say ("you're killing me",
"this printer deserves to be smashed"): ``[{"idiom": id, "note": str, "start": int, "end": int,
"labels": [label, ...]}, ...]``, ``labels`` the categories the expression does not express. The
pipeline has detectors that read sentences (the encoder) read the post again without them
(:mod:`vigie.idioms`)."""
_EVIDENCE_ORDER: tuple[str, ...] = (TARGET, IMMINENCE, *CONTEXT_LABELS, *CATEGORIES)


def text_hash(text: str) -> str:
    """Stable content hash of a post text (sha256 of its UTF-8 bytes, hex)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True, slots=True)
class Span:
    """Half-open ``[start, end)`` range of code points in the original text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"invalid span [{self.start}, {self.end})")

    def of(self, text: str) -> str:
        return text[self.start : self.end]

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why a score is what it is: which characters, which rule or model, and a sentence saying why.

    ``label`` is one of :data:`vigie.categories.EVIDENCE_LABELS`. ``source`` names the
    detector and its version (``"vigie.lexicon@1"``) so a reviewer or a court can trace it.
    """

    label: str
    span: Span
    snippet: str
    rationale: str
    source: str


@dataclass(frozen=True, slots=True)
class CategoryScore:
    """A score in [0, 1] for one label, with the evidence that supports it."""

    label: str
    score: float
    evidence: tuple[Evidence, ...] = ()

    def __post_init__(self) -> None:
        if not 0.0 <= self.score <= 1.0:
            raise ValueError(f"score for {self.label!r} out of [0, 1]: {self.score}")


@dataclass(frozen=True, slots=True)
class Target:
    """Who a post is aimed at. ``span`` locates the mention in the original text."""

    kind: TargetKind
    name: str
    span: Span
    watchlist_id: str | None = None


@dataclass(frozen=True, slots=True)
class Post:
    """A piece of user content as the platform knows it.

    ``id`` is the platform's id, unique within ``source``. Ingest is idempotent on
    ``(source, id, text_hash)``: the same text again changes nothing, a new text under the
    same id is a new revision.
    """

    id: str
    text: str
    source: str = "default"
    author_id: str | None = None
    created_at: datetime | None = None
    lang_hint: str | None = None
    parent_id: str | None = None
    url: str | None = None
    reach: Mapping[str, int] = field(default_factory=lambda: _EMPTY)
    metadata: Mapping[str, Any] = field(default_factory=lambda: _EMPTY)

    @property
    def text_hash(self) -> str:
        return text_hash(self.text)


@dataclass(frozen=True, slots=True)
class Signal:
    """What one detector said about one post.

    ``scores`` maps labels (the four categories, the context labels, ``"imminence"``)
    to scores; a detector only includes the labels it judges. ``detector`` is a
    registered, versioned name (``"vigie.lexicon"``) and ``version`` its version: the
    pair is a storage key.
    """

    detector: str
    version: str
    language: str
    scores: Mapping[str, CategoryScore]
    targets: tuple[Target, ...] = ()
    truncated: bool = False
    extras: Mapping[str, Any] = field(default_factory=lambda: _EMPTY)

    @property
    def source(self) -> str:
        return f"{self.detector}@{self.version}"


@dataclass(frozen=True, slots=True)
class PolicyRef:
    """Which decision rules produced a decision: name, version and content hash."""

    name: str
    version: str
    hash: str


@dataclass(frozen=True, slots=True)
class Decision:
    """The outcome for one post: verdict, severity, the categories it rests on, and why.

    ``scores`` holds the combined score per label (categories, context labels and
    ``"imminence"``) with the evidence behind each; ``signals`` keeps every detector's
    raw output so a backtest can re-decide without re-scoring.
    """

    id: str
    post: Post
    verdict: Verdict
    severity: Severity
    violations: tuple[Category, ...]
    language: str
    scores: Mapping[str, CategoryScore]
    targets: tuple[Target, ...]
    actions: tuple[str, ...]
    rule_hits: tuple[str, ...]
    policy: PolicyRef
    signals: tuple[Signal, ...]
    truncated: bool = False
    review_within: timedelta | None = None
    """How soon a person must review it, when the policy says (else the queue's severity default)."""

    @property
    def flagged(self) -> bool:
        return self.verdict is not Verdict.ALLOW

    def score(self, label: str) -> float:
        cs = self.scores.get(label)
        return cs.score if cs is not None else 0.0

    @property
    def evidence(self) -> tuple[Evidence, ...]:
        """All evidence: the violations' first, then targets, imminence, context and the other
        categories; text order within a label."""
        rank = {label: i for i, label in enumerate(_EVIDENCE_ORDER)}
        violating = {str(c) for c in self.violations}
        out: list[Evidence] = []
        for cs in self.scores.values():
            out.extend(cs.evidence)
        out.sort(key=lambda e: (e.label not in violating, rank.get(e.label, len(rank)), e.span.start))
        return tuple(out)
