"""The policy file as data: a pydantic schema, strict (unknown fields are errors) and frozen.

Every field here is documented in ``docs/policy.md`` (``tests/policy/test_docs.py``
fails otherwise). Structural checks live here; checks that need the whole document
(conditions, references, duplicate ids, grounds) live in :mod:`vigie.policy.validate`.
Conditions are kept raw here (``when``) and parsed by :mod:`vigie.policy.conditions`.
"""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PlainSerializer, model_validator

from vigie.categories import Category, Severity, Verdict
from vigie.policy.durations import format_duration, parse_duration
from vigie.types import TargetKind

__all__ = [
    "ACTIONS",
    "Cap",
    "Consequence",
    "Example",
    "ExampleTarget",
    "Expectation",
    "Ground",
    "PolicyDocument",
    "Rule",
    "StrikeLadder",
    "StrikeStep",
    "Then",
]

ACTIONS: frozenset[str] = frozenset(
    {
        "queue_review",
        "restrict_visibility",
        "remove_content",
        "notify_author",
        "warn_author",
        "preserve_evidence",
        "escalate_law_enforcement",
        "restrict_account",
        "suspend_account",
        "ban_account",
    }
)
"""Action names vigie knows. A host's own actions are spelled ``x-<name>`` (``x-page-oncall``)."""

_ID = r"^[a-z0-9][a-z0-9_.\-]*$"


def _duration(value: object) -> timedelta:
    if not isinstance(value, str):
        raise ValueError(f"a duration is an ISO 8601 string such as PT24H, got {value!r}")
    return parse_duration(value)


def _action(value: object) -> str:
    if not isinstance(value, str):
        raise ValueError(f"an action is a name, got {value!r}")
    if value not in ACTIONS and not re.fullmatch(r"x-[a-z0-9][a-z0-9_\-]*", value):
        raise ValueError(
            f"unknown action {value!r}; known: {', '.join(sorted(ACTIONS))} (or x-<name> for your own)"
        )
    return value


Duration = Annotated[timedelta, BeforeValidator(_duration), PlainSerializer(format_duration, return_type=str)]
Action = Annotated[str, BeforeValidator(_action)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=False)


class Ground(_Strict):
    """Why a decision may be taken: the DSA statement-of-reasons category and the legal/contractual text."""

    dsa_category: str = Field(pattern=r"^STATEMENT_CATEGORY_[A-Z_]+$")
    dsa_keyword: str | None = Field(None, pattern=r"^KEYWORD_[A-Z_]+$")
    basis: Literal["illegal_content", "incompatible_content"]
    reference: str = Field(min_length=1)
    explanation: str = ""


class Cap(_Strict):
    """The mildest outcome a ``cap`` rule allows: the running verdict and severity are lowered to these."""

    verdict: Verdict | None = None
    severity: Severity | None = None

    @model_validator(mode="after")
    def _caps_something(self) -> Cap:
        if self.verdict is None and self.severity is None:
            raise ValueError("a cap names a verdict, a severity or both")
        return self


class Then(_Strict):
    """What a matching rule does: raise the outcome (``verdict``, ``severity``...) or ``cap`` it."""

    violation: Category | None = None
    verdict: Verdict | None = None
    severity: Severity | None = None
    actions: tuple[Action, ...] = ()
    review_within: Duration | None = None
    ground: Ground | None = None
    cap: Cap | None = None

    @model_validator(mode="after")
    def _coherent(self) -> Then:
        raising = [n for n in ("violation", "verdict", "severity", "ground") if getattr(self, n) is not None]
        if self.cap is not None and raising:
            raise ValueError(f"a cap rule only caps; it cannot also set {', '.join(raising)}")
        if self.cap is None and not raising and not self.actions and self.review_within is None:
            raise ValueError("then does nothing: set a verdict, severity, actions, review_within or a cap")
        if self.violation is not None and self.verdict in (None, Verdict.ALLOW):
            raise ValueError("a rule that names a violation must set a verdict stronger than allow")
        if self.ground is not None and self.violation is None:
            raise ValueError("a ground belongs to a violation; name the violation")
        return self


class Rule(_Strict):
    """A named rule: when its condition holds, its ``then`` is folded into the running decision."""

    id: str = Field(pattern=_ID, max_length=80)
    description: str = ""
    when: Any
    then: Then


class Consequence(_Strict):
    """Actions and review deadline that follow from the final verdict or severity."""

    actions: tuple[Action, ...] = ()
    review_within: Duration | None = None


class StrikeStep(_Strict):
    """One rung of the strike ladder: at ``points`` active points, these account ``actions`` apply."""

    points: float = Field(gt=0)
    actions: tuple[Action, ...] = Field(min_length=1)
    description: str = ""


class StrikeLadder(_Strict):
    """Strikes: points per enforced decision by severity, how long they count, and the ladder of steps."""

    weights: dict[Severity, float]
    expire_after: Duration
    steps: tuple[StrikeStep, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _ordered(self) -> StrikeLadder:
        if any(w < 0 for w in self.weights.values()):
            raise ValueError("strike weights are never negative")
        points = [s.points for s in self.steps]
        if points != sorted(set(points)):
            raise ValueError(f"steps must have strictly increasing points, got {points}")
        return self


class ExampleTarget(_Strict):
    kind: TargetKind
    name: str | None = None
    watchlist_id: str | None = None


class Expectation(_Strict):
    """What an example must produce. ``rules`` must all fire; ``actions`` must all be taken.

    ``at_least: true`` makes ``verdict`` and ``severity`` minimums (for text examples,
    whose scores depend on the detectors in use).
    """

    verdict: Verdict
    severity: Severity | None = None
    at_least: bool = False
    rules: tuple[str, ...] | None = None
    actions: tuple[Action, ...] | None = None


class Example(_Strict):
    """A case the policy carries as its own test: either detector ``scores`` or a ``text``."""

    id: str = Field(pattern=_ID, max_length=80)
    description: str = ""
    text: str | None = None
    scores: dict[str, float] | None = None
    targets: tuple[ExampleTarget, ...] = ()
    language: str | None = Field(None, pattern=r"^[a-z]{2,3}$")
    source: str = "example"
    author: dict[str, float] | None = None
    reach: dict[str, int] = Field(default_factory=dict)
    detectors: int = Field(2, ge=1, le=8)
    """How many detectors a ``scores`` fixture stands for, each giving these scores (so
    ``agreement.<category>`` counts them when they reach 0.5): 2 by default, as the default
    pipeline runs two; 1 models one detector alone."""
    expect: Expectation

    @model_validator(mode="after")
    def _one_form(self) -> Example:
        if (self.text is None) == (self.scores is None):
            raise ValueError(
                "an example has either scores (a signal fixture) or text (run through the pipeline)"
            )
        if self.text is not None and self.targets:
            raise ValueError("targets come from the detectors for a text example; give them only with scores")
        return self


class PolicyDocument(_Strict):
    """A whole policy file. ``rules`` are evaluated top to bottom (see :mod:`vigie.policy.engine`)."""

    name: str = Field(min_length=1, pattern=_ID)
    version: str = Field(min_length=1)
    description: str = ""
    conditions: dict[str, Any] = Field(default_factory=dict)
    rules: tuple[Rule, ...] = Field(min_length=1)
    on_verdict: dict[Verdict, Consequence] = Field(default_factory=dict)
    on_severity: dict[Severity, Consequence] = Field(default_factory=dict)
    grounds: dict[Category, Ground] = Field(default_factory=dict)
    strikes: StrikeLadder | None = None
    examples: tuple[Example, ...] = ()
