"""What a rule can see: the named fields a condition reads, and their values for one post.

A field is a dotted path. The vocabulary is closed, so a typo in a policy file is a
validation error rather than a rule that silently never fires:

=========================  ========  =====  ==============================================
field                      kind      many   value
=========================  ========  =====  ==============================================
``score.<label>``          score     no     combined score in [0, 1] of a category, a
                                            context label or ``imminence``; 0.0 when no
                                            detector judged the label (never missing)
``language``               text      no     ISO 639-1 language of the post
``post.source``            text      no     the source the post came from
``post.reach.<name>``      number    no     a reach counter given with the post
                                            (``views``, ``followers``...); may be missing
``agreement.<category>``   number    no     how many detectors scored the category at
                                            least 0.5 on their own (:data:`AGREEMENT_SCORE`);
                                            missing when the assessment carries no
                                            detector signals
``target.kind``            text      yes    kind of each target named by the post
``target.watchlist_id``    text      yes    watch-list id of each target that has one
``author.strikes``         number    no     active strikes of the author; may be missing
``author.strike_points``   number    no     weighted active strike points; may be missing
``author.account_age_days``number    no     age of the author's account; may be missing
``decision.verdict``       verdict   no     the verdict of the rules evaluated so far
``decision.severity``      severity  no     the severity of the rules evaluated so far
``decision.violations``    text      yes    violations established so far
=========================  ========  =====  ==============================================

*Missing* means "unknown": the platform did not say. A comparison (``gte``, ``lt``,
``eq``, ``in``) on a missing field is **false**, so ``not`` of it is true; ``exists``
tests presence. A *many* field holds one value per target (or violation); a comparison
on it holds when it holds for at least one of them, and an empty list counts as missing.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, get_args

from vigie.categories import CATEGORIES, CONTEXT_LABELS, IMMINENCE, Category, Severity, Verdict
from vigie.decision.base import Assessment
from vigie.errors import InputError
from vigie.types import TargetKind

__all__ = [
    "AGREEMENT_SCORE",
    "AUTHOR_FIELDS",
    "MISSING",
    "SCORE_LABELS",
    "STATIC_FIELDS",
    "Facts",
    "Field",
    "FieldKind",
    "author_facts",
    "reader",
    "resolve_field",
]


class FieldKind(StrEnum):
    SCORE = "score"
    NUMBER = "number"
    TEXT = "text"
    VERDICT = "verdict"
    SEVERITY = "severity"


class _Missing:
    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()
"""The value of a field the platform did not provide."""

SCORE_LABELS: tuple[str, ...] = tuple(str(label) for label in (*CATEGORIES, *CONTEXT_LABELS, IMMINENCE))
AUTHOR_FIELDS: tuple[str, ...] = ("strikes", "strike_points", "account_age_days")
TARGET_KINDS: frozenset[str] = frozenset(get_args(TargetKind))


@dataclass(frozen=True, slots=True)
class Field:
    """One resolved field path: its kind, whether it holds several values, and allowed values."""

    path: str
    kind: FieldKind
    many: bool = False
    choices: frozenset[str] | None = None

    @property
    def ordered(self) -> bool:
        """Whether ``gte``/``lt`` apply (numbers, scores, verdicts and severities)."""
        return not self.many and self.kind is not FieldKind.TEXT


STATIC_FIELDS: dict[str, Field] = {
    f.path: f
    for f in (
        Field("language", FieldKind.TEXT),
        Field("post.source", FieldKind.TEXT),
        Field("target.kind", FieldKind.TEXT, many=True, choices=TARGET_KINDS),
        Field("target.watchlist_id", FieldKind.TEXT, many=True),
        *(Field(f"author.{name}", FieldKind.NUMBER) for name in AUTHOR_FIELDS),
        Field("decision.verdict", FieldKind.VERDICT, choices=frozenset(Verdict)),
        Field("decision.severity", FieldKind.SEVERITY, choices=frozenset(Severity)),
        Field("decision.violations", FieldKind.TEXT, many=True, choices=frozenset(Category)),
    )
}
AGREEMENT_SCORE = 0.5
"""A detector agrees on a category when its own score for it is at least this. Why: the default
policy removes a post without a person only when two independent detectors agree (a lexicon rule
that explains the score and the model): measured on the 40,000-post benchmark mix with policy v9,
the 98 removals without that agreement were right 62 times (gold labels of the source datasets),
the 9 with it 8 times."""
_CASCADE = "vigie.cascade"


def resolve_field(path: str) -> Field:
    """The :class:`Field` a dotted path names; :class:`ValueError` with a hint if it names none."""
    if path in STATIC_FIELDS:
        return STATIC_FIELDS[path]
    if path.startswith("score."):
        label = path.removeprefix("score.")
        if label in SCORE_LABELS:
            return Field(path, FieldKind.SCORE)
        raise ValueError(f"unknown label {label!r} in {path!r}{_hint(label, SCORE_LABELS)}")
    if path.startswith("agreement."):
        label = path.removeprefix("agreement.")
        if label in CATEGORIES:
            return Field(path, FieldKind.NUMBER)
        categories = [str(c) for c in CATEGORIES]
        raise ValueError(f"unknown category {label!r} in {path!r}{_hint(label, categories)}")
    if path.startswith("post.reach."):
        name = path.removeprefix("post.reach.")
        if name.isidentifier():
            return Field(path, FieldKind.NUMBER)
        raise ValueError(f"reach counter name {name!r} in {path!r} is not an identifier")
    known = (
        *STATIC_FIELDS,
        *(f"score.{label}" for label in SCORE_LABELS),
        *(f"agreement.{c}" for c in CATEGORIES),
        "post.reach.<name>",
    )
    raise ValueError(f"unknown field {path!r}{_hint(path, known)}")


def _hint(word: str, choices: tuple[str, ...] | list[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1)
    return f" (did you mean {close[0]!r}?)" if close else f"; known: {', '.join(sorted(choices))}"


def author_facts(raw: object, *, post_id: str) -> dict[str, float]:
    """Validate the optional ``author`` mapping a platform supplies with a post.

    Keys other than :data:`AUTHOR_FIELDS` are ignored (platforms send more than a policy
    reads); a known key with a value that is not a number is an :class:`InputError`, not a
    silently missing fact. ``None`` means the author is unknown.
    """
    if raw is None:
        return {}
    if not isinstance(raw, Mapping):
        raise InputError(f"post {post_id}: author must be a mapping", code="invalid_author")
    out: dict[str, float] = {}
    for name in AUTHOR_FIELDS:
        value = raw.get(name)
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise InputError(
                f"post {post_id}: author.{name} must be a number, got {value!r}", code="invalid_author"
            )
        out[name] = float(value)
    return out


class Facts:
    """One post's assessment and author facts, plus the running decision the engine updates;
    fields are read from it by :func:`reader`."""

    def __init__(self, assessment: Assessment, author: Mapping[str, float]) -> None:
        self.assessment = assessment
        self.author = author
        self.verdict = Verdict.ALLOW
        self.severity = Severity.NONE
        self.violations: tuple[str, ...] = ()


def reader(field: Field) -> Callable[[Facts], Any]:
    """A function that reads ``field`` from :class:`Facts`: the field's path is resolved here,
    once, so a compiled condition (:func:`vigie.policy.conditions.compile_condition`) does no
    string work per post. Ordered values come back as comparable numbers (verdicts and
    severities as their rank); a *many* field as a non-empty tuple; absent ones as :data:`MISSING`."""
    path = field.path
    if field.kind is FieldKind.SCORE:
        label = path.removeprefix("score.")
        return lambda f: f.assessment.score(label)
    if path.startswith("post.reach."):
        counter = path.removeprefix("post.reach.")
        return lambda f: f.assessment.post.reach.get(counter, MISSING)
    if path.startswith("agreement."):
        category = path.removeprefix("agreement.")

        def agreement(f: Facts) -> Any:
            signals = [s for s in f.assessment.signals if s.detector != _CASCADE]
            if not signals:
                return MISSING
            scores = [s.scores[category].score for s in signals if category in s.scores]
            return float(sum(1 for score in scores if score >= AGREEMENT_SCORE))

        return agreement
    if path.startswith("author."):
        name = path.removeprefix("author.")
        return lambda f: f.author.get(name, MISSING)
    match path:
        case "language":
            return lambda f: f.assessment.language
        case "post.source":
            return lambda f: f.assessment.post.source
        case "decision.verdict":
            return lambda f: f.verdict.rank
        case "decision.severity":
            return lambda f: f.severity.rank
        case "target.kind":
            return lambda f: tuple(t.kind for t in f.assessment.targets) or MISSING
        case "target.watchlist_id":
            return lambda f: (
                tuple(t.watchlist_id for t in f.assessment.targets if t.watchlist_id is not None) or MISSING
            )
        case "decision.violations":
            return lambda f: f.violations or MISSING
    raise AssertionError(path)  # pragma: no cover - resolve_field admits nothing else
