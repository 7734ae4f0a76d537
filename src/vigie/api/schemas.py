"""Request and response bodies of the HTTP API (pydantic), with bounds declared in the schema.

Every string has a ``maxLength`` and every list a ``maxItems``, so the OpenAPI document tells
clients (and fuzzers) the limits the server enforces. ``MAX_TEXT`` is the hard ceiling of a
post's text in the schema; the configured ``max_text_chars`` (lower or equal) is checked in
the handler with a message that says so. Unknown fields are refused (422) rather than ignored.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field

from vigie.categories import Category, Severity
from vigie.review.queue import ItemStatus, ReviewOutcome
from vigie.store.keys import Role

__all__ = [
    "MAX_BATCH",
    "MAX_TEXT",
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

MAX_TEXT = 1_000_000
MAX_BATCH = 1_000

Name = Annotated[str, Field(min_length=1, max_length=200)]
Ident = Annotated[str, Field(min_length=1, max_length=512)]
ActionName = Annotated[str, Field(min_length=1, max_length=100, pattern=r"^(x-)?[a-z0-9][a-z0-9_\-]*$")]


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")


class AnalyzeIn(_In):
    text: str = Field(max_length=MAX_TEXT)
    lang: str | None = Field(None, max_length=35)
    id: str = Field("1", min_length=1, max_length=512)


class AnalyzeBatch(_In):
    items: list[AnalyzeIn] = Field(min_length=1, max_length=MAX_BATCH)


class PostIn(_In):
    id: Ident | int
    text: str = Field(max_length=MAX_TEXT)
    source: Name | None = None
    author_id: Ident | None = None
    parent_id: Ident | None = None
    created_at: datetime | None = None
    lang: str | None = Field(None, max_length=35)
    url: str | None = Field(None, max_length=2048)
    reach: dict[Annotated[str, Field(max_length=64)], Annotated[int, Field(ge=0, le=2**53)]] = Field(
        default_factory=dict, max_length=20
    )
    metadata: dict[Annotated[str, Field(max_length=64)], Any] = Field(default_factory=dict, max_length=50)


class PostBatch(_In):
    items: list[PostIn] = Field(min_length=1, max_length=MAX_BATCH)


class ReachIn(_In):
    reach: int = Field(
        ge=0, le=2**53, description="The post's reach now (e.g. views); feeds review priority."
    )


class ClaimIn(_In):
    category: Category | None = None
    language: str | None = Field(None, max_length=35)
    severity: Severity | None = None
    lease_seconds: int | None = Field(None, ge=30, le=3600)


class ResolveIn(_In):
    outcome: ReviewOutcome
    reason: str = Field(min_length=1, max_length=2000)
    actions: list[ActionName] = Field(default_factory=list, max_length=20)


class KeyIn(_In):
    role: Role
    name: Name
    source: Name | None = None
    expires_days: int | None = Field(None, ge=1, le=3650)


class WebhookIn(_In):
    name: Annotated[str, Field(min_length=1, max_length=100, pattern=r"^[A-Za-z0-9_.\-]+$")]
    url: str = Field(min_length=8, max_length=2048, pattern=r"^https?://")
    actions: list[ActionName] = Field(default_factory=list, max_length=50)


class ReviewQuery(_In):
    status: ItemStatus | None = None
    category: Category | None = None
    language: str | None = Field(None, max_length=35)
    severity: Severity | None = None
    limit: int = Field(100, ge=1, le=1000)
