"""Column types that behave the same on SQLite and PostgreSQL.

* :class:`UTCDateTime` stores instants in UTC and always hands back timezone-aware UTC
  datetimes. PostgreSQL keeps ``timestamptz``; SQLite has no time zone type, so the value is
  stored as naive UTC text and the zone is re-attached on the way out. A naive datetime given
  to the store is refused: guessing its zone would silently shift evidence timelines.
* :data:`JSONDoc` is ``JSON`` everywhere and ``JSONB`` on PostgreSQL (indexable, compact).
  JSONB does not keep object key order, so anything whose order matters is stored as a list.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, DateTime
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator, TypeEngine

__all__ = ["JSONDoc", "UTCDateTime", "utcnow"]

JSONDoc: TypeEngine[Any] = JSON().with_variant(JSONB(), "postgresql")


def utcnow() -> datetime:
    """The current instant, timezone-aware UTC (the only kind of datetime the store writes)."""
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC instant on every backend (see the module docstring)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError(f"naive datetime {value.isoformat()} given to the store; attach a time zone")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)
