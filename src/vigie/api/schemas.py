"""Request and response bodies of the HTTP API (pydantic), with bounds declared in the schema.

Every string has a ``maxLength`` and every list a ``maxItems``, so the OpenAPI document tells
clients (and fuzzers) the limits the server enforces. ``MAX_TEXT`` is the hard ceiling of a
post's text in the schema; the configured ``max_text_chars`` (lower or equal) is checked in
the handler with a message that says so. Unknown fields are refused (422) rather than ignored.

NUL characters: a post's text drops them (:func:`vigie.api.text.check_text`); every other
string — ids, names, languages, metadata, and the path and query parameters of the routes
(:data:`NO_NUL`) — refuses them with a 422, because PostgreSQL text cannot store them and an
id that differs from another only by an invisible NUL is a mistake, not data. Lone surrogates
(``"\ud800"``) are refused the same way (pydantic does so for plain strings; metadata values
are checked here).
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from vigie.categories import Category, Severity
from vigie.review.queue import ReviewOutcome
from vigie.settings import BATCH_ITEMS_CEILING, TEXT_CHARS_CEILING
from vigie.store.keys import Role

__all__ = [
    "MAX_BATCH",
    "MAX_TEXT",
    "NO_NUL",
    "AnalyzeBatch",
    "AnalyzeIn",
    "ClaimIn",
    "KeyIn",
    "PostBatch",
    "PostIn",
    "ReachIn",
    "ResolveIn",
    "WebhookIn",
]

MAX_TEXT = TEXT_CHARS_CEILING
MAX_BATCH = BATCH_ITEMS_CEILING

NO_NUL = r"^[^\x00]*$"
"""The pattern of every string but a post's text (see the module docstring)."""

Name = Annotated[str, Field(min_length=1, max_length=200, pattern=NO_NUL)]
Ident = Annotated[str, Field(min_length=1, max_length=512, pattern=NO_NUL)]
Lang = Annotated[str, Field(max_length=35, pattern=NO_NUL)]
Key = Annotated[str, Field(max_length=64, pattern=NO_NUL)]
ActionName = Annotated[str, Field(min_length=1, max_length=100, pattern=r"^(x-)?[a-z0-9][a-z0-9_\-]*$")]


def _clean_json(value: Any, where: str = "metadata") -> Any:
    """``value`` when none of its strings (keys included) holds NUL or a lone surrogate."""
    if isinstance(value, str):
        if "\x00" in value:
            raise ValueError(f"{where}: NUL characters are not allowed")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise ValueError(f"{where}: not valid Unicode (lone surrogate)") from None
    elif isinstance(value, dict):
        for k, v in value.items():
            _clean_json(k, where)
            _clean_json(v, f"{where}.{k}")
    elif isinstance(value, list):
        for n, v in enumerate(value):
            _clean_json(v, f"{where}[{n}]")
    return value


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")


class AnalyzeIn(_In):
    text: str = Field(max_length=MAX_TEXT)
    lang: Lang | None = None
    id: Ident = "1"


class AnalyzeBatch(_In):
    items: list[AnalyzeIn] = Field(min_length=1, max_length=MAX_BATCH)


class PostIn(_In):
    id: Ident | int
    text: str = Field(max_length=MAX_TEXT)
    source: Name | None = None
    author_id: Ident | None = None
    parent_id: Ident | None = None
    created_at: datetime | None = None
    lang: Lang | None = None
    url: str | None = Field(None, max_length=2048, pattern=NO_NUL)
    reach: dict[Key, Annotated[int, Field(ge=0, le=2**53)]] = Field(default_factory=dict, max_length=20)
    metadata: Annotated[dict[Key, Any], AfterValidator(_clean_json)] = Field(
        default_factory=dict, max_length=50
    )


class PostBatch(_In):
    items: list[PostIn] = Field(min_length=1, max_length=MAX_BATCH)


class ReachIn(_In):
    reach: int = Field(
        ge=0, le=2**53, description="The post's reach now (e.g. views); feeds review priority."
    )


class ClaimIn(_In):
    category: Category | None = None
    language: Lang | None = None
    severity: Severity | None = None
    lease_seconds: int | None = Field(None, ge=30, le=3600)


class ResolveIn(_In):
    outcome: ReviewOutcome
    reason: str = Field(min_length=1, max_length=2000, pattern=NO_NUL)
    actions: list[ActionName] = Field(default_factory=list, max_length=20)


class KeyIn(_In):
    role: Role
    name: Name
    source: Name | None = None
    expires_days: int | None = Field(None, ge=1, le=3650)


class WebhookIn(_In):
    name: Annotated[str, Field(min_length=1, max_length=100, pattern=r"^[A-Za-z0-9_.\-]+$")]
    url: str = Field(min_length=8, max_length=2048, pattern=r"^https?://[^\x00]*$")
    actions: list[ActionName] = Field(default_factory=list, max_length=50)
