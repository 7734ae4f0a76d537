"""The taxonomy: what vigie detects, what it reads as context, and how it maps to the EU DSA.

The names here are storage keys (they appear in stored signals, decisions, reports
and the ``vigie analyze`` contract): never repurpose one; add a new name instead and
bump :data:`TAXONOMY_VERSION`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = [
    "CATEGORIES",
    "CONTEXT_LABELS",
    "EVIDENCE_LABELS",
    "IMMINENCE",
    "TARGET",
    "TAXONOMY_VERSION",
    "Category",
    "ContextLabel",
    "DsaGround",
    "Severity",
    "Verdict",
    "dsa_ground",
]

TAXONOMY_VERSION = "1"


class Category(StrEnum):
    """Violations. A post may carry several."""

    VIOLENT_THREAT = "violent_threat"
    """Intent or wish to inflict violence on a person or group, direct, conditional or veiled."""
    INCITEMENT = "incitement"
    """Calls for violence, calls to arms, organising or planning it (time, place, weapons, targets)."""
    HATE = "hate"
    """Attack on people for a protected characteristic: dehumanisation, calls to exclude or harm, slurs."""
    HARASSMENT = "harassment"
    """Abuse of an individual without a threat of violence."""


class ContextLabel(StrEnum):
    """Context that is not a violation but changes how a post should be read."""

    REPORTING = "reporting"
    """News, court documents, quoting to inform."""
    COUNTER_SPEECH = "counter_speech"
    """Quoting or naming hate in order to oppose it."""


CATEGORIES: tuple[Category, ...] = tuple(Category)
CONTEXT_LABELS: tuple[ContextLabel, ...] = tuple(ContextLabel)
IMMINENCE = "imminence"
TARGET = "target"
EVIDENCE_LABELS: tuple[str, ...] = (*CATEGORIES, TARGET, IMMINENCE, *CONTEXT_LABELS)
"""Every label an :class:`vigie.types.Evidence` may carry."""


class Severity(StrEnum):
    """Ordered severity. ``critical`` = credible, specific threat to life."""

    NONE = "none"
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"

    @property
    def rank(self) -> int:
        return _SEVERITY_ORDER.index(self)

    @classmethod
    def from_rank(cls, rank: int) -> Severity:
        return _SEVERITY_ORDER[max(0, min(rank, len(_SEVERITY_ORDER) - 1))]


_SEVERITY_ORDER: tuple[Severity, ...] = tuple(Severity)


class Verdict(StrEnum):
    """What the platform should do, mildest first."""

    ALLOW = "allow"
    REVIEW = "review"
    RESTRICT = "restrict"
    REMOVE = "remove"

    @property
    def rank(self) -> int:
        return _VERDICT_ORDER.index(self)


_VERDICT_ORDER: tuple[Verdict, ...] = tuple(Verdict)


@dataclass(frozen=True, slots=True)
class DsaGround:
    """The EU DSA statement-of-reasons category and keyword a violation maps to."""

    category: str
    keyword: str | None


_DSA: dict[Category, DsaGround] = {
    Category.VIOLENT_THREAT: DsaGround("STATEMENT_CATEGORY_VIOLENCE", "KEYWORD_INCITEMENT_VIOLENCE_HATRED"),
    Category.INCITEMENT: DsaGround(
        "STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY", "KEYWORD_INCITEMENT_VIOLENCE_HATRED"
    ),
    Category.HATE: DsaGround("STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH", "KEYWORD_HATE_SPEECH"),
    Category.HARASSMENT: DsaGround("STATEMENT_CATEGORY_CYBER_VIOLENCE", None),
}


def dsa_ground(category: Category) -> DsaGround:
    """The DSA statement-of-reasons ground for a vigie category."""
    return _DSA[category]
