"""The decider protocol and its input."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol

from vigie.types import CategoryScore, Decision, PolicyRef, Post, Signal, Target

__all__ = ["Assessment", "Decider"]


@dataclass(frozen=True, slots=True)
class Assessment:
    """Everything detectors established about one post, combined, ready to be decided on.

    ``scores`` maps each label (categories, context labels, ``"imminence"``) to the
    combined score and its evidence; ``signals`` are the raw per-detector outputs, kept
    so that stored assessments can be re-decided (backtests) without re-scoring.
    """

    post: Post
    language: str
    scores: Mapping[str, CategoryScore]
    targets: tuple[Target, ...]
    signals: tuple[Signal, ...]
    truncated: bool

    def score(self, label: str) -> float:
        cs = self.scores.get(label)
        return cs.score if cs is not None else 0.0


class Decider(Protocol):
    """Turns an :class:`Assessment` into a :class:`~vigie.types.Decision`. Pure: no I/O, no state."""

    @property
    def policy(self) -> PolicyRef: ...

    def decide(self, assessment: Assessment) -> Decision: ...
