"""API keys: created once, stored hashed, expiring and revocable.

A key is the bearer token ``vigie_<key_id>_<secret>``, where ``secret`` is 32 random bytes
(URL-safe base64). Only ``sha256(token)`` is stored. A slow password hash (bcrypt, argon2) is
not needed and would be harmful here: it protects *low-entropy* secrets from offline
guessing, but a 256-bit random token cannot be guessed whatever the hash, and a slow hash
would cost ~100 ms of CPU on **every** request. The plain SHA-256 lets authentication be one
indexed lookup by hash.

``name`` is the person or service the key belongs to; four-eyes review compares names, so one
person holding two keys is still one pair of eyes. Roles are :data:`ROLES`; an ``ingest`` key
is bound to one ``source`` (its posts are stored under that source whatever the body says, and
it only reads that source's decisions).

Creating and revoking a key appends ``key_created`` / ``key_revoked`` to stream ``keys``
(subject ``key:<key_id>``); the token never enters the audit log.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy import select

from vigie.errors import InputError, NotFoundError
from vigie.store.columns import utcnow
from vigie.store.repo import Store
from vigie.store.service_models import ApiKeyRow

__all__ = ["ApiKey", "KeyRepository", "NewKey", "Role", "hash_token"]

_PREFIX = "vigie_"


class Role(StrEnum):
    """What a key may do. Each route declares the roles it admits (see :mod:`vigie.api.auth`)."""

    ADMIN = "admin"
    """Everything, including keys, webhook endpoints and dead letters."""
    MODERATOR = "moderator"
    """Works the review queue; reads posts and decisions; never reads keys."""
    AUDITOR = "auditor"
    """Reads decisions, posts, the queue, the outbox and the audit chain; changes nothing."""
    INGEST = "ingest"
    """Sends posts of its own source and reads that source's decisions."""
    NOTIFIER = "notifier"
    """The platform's action consumer: reads the outbox (an alternative to webhooks)."""


def hash_token(token: str) -> str:
    """The stored form of a token (sha256 hex; see the module docstring for why not bcrypt)."""
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True, slots=True)
class ApiKey:
    """A stored key, without its secret."""

    key_id: str
    name: str
    role: Role
    source: str | None
    created_at: datetime
    expires_at: datetime | None
    revoked_at: datetime | None

    def active(self, now: datetime) -> bool:
        return self.revoked_at is None and (self.expires_at is None or now < self.expires_at)


@dataclass(frozen=True, slots=True)
class NewKey:
    """A freshly created key and its token: the only time the token exists outside the caller."""

    key: ApiKey
    token: str


def _key(row: ApiKeyRow) -> ApiKey:
    return ApiKey(
        key_id=row.key_id,
        name=row.name,
        role=Role(row.role),
        source=row.source,
        created_at=row.created_at,
        expires_at=row.expires_at,
        revoked_at=row.revoked_at,
    )


class KeyRepository:
    """Creates, authenticates, lists and revokes API keys in a :class:`~vigie.store.Store`."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def create(
        self,
        *,
        role: Role | str,
        name: str,
        source: str | None = None,
        expires_in: timedelta | None = None,
    ) -> NewKey:
        """Create a key. ``ingest`` keys need a ``source``; other roles must not have one.

        Raises :class:`~vigie.errors.InputError` (``input.role``, ``input.source``, ``input.name``)."""
        try:
            role = Role(role)
        except ValueError:
            known = ", ".join(r.value for r in Role)
            raise InputError(f"unknown role {role!r}; known: {known}", code="role") from None
        if not name.strip() or len(name) > 200:
            raise InputError("a key needs the name of its person or service (1-200 characters)", code="name")
        if role is Role.INGEST and not source:
            raise InputError("an ingest key needs --source: the source its posts belong to", code="source")
        if role is not Role.INGEST and source:
            raise InputError(f"only ingest keys are bound to a source, not {role.value} keys", code="source")
        if expires_in is not None and expires_in <= timedelta(0):
            raise InputError("a key's lifetime must be positive", code="expires")
        key_id = secrets.token_hex(8)
        token = f"{_PREFIX}{key_id}_{secrets.token_urlsafe(32)}"
        now = utcnow()
        row = ApiKeyRow(
            key_id=key_id,
            key_hash=hash_token(token),
            name=name.strip(),
            role=role.value,
            source=source or None,
            created_at=now,
            expires_at=now + expires_in if expires_in is not None else None,
            revoked_at=None,
        )
        with self._store.transaction() as w:
            w.session.add(row)
            w.session.flush()
            payload = {"name": row.name, "role": row.role, "source": row.source, "expires_at": row.expires_at}
            w.event("keys", "key_created", f"key:{key_id}", payload)
            key = _key(row)
        return NewKey(key, token)

    def authenticate(self, token: str, *, now: datetime | None = None) -> ApiKey | None:
        """The active key whose token this is, or None (unknown, expired or revoked)."""
        if not token.startswith(_PREFIX) or len(token) > 200:
            return None
        with self._store.reading() as session:
            row = session.scalar(select(ApiKeyRow).where(ApiKeyRow.key_hash == hash_token(token)))
            key = _key(row) if row is not None else None
        if key is None or not key.active(now or utcnow()):
            return None
        return key

    def revoke(self, key_id: str) -> ApiKey:
        """Revoke a key (idempotent: revoking twice keeps the first time). Raises NotFoundError."""
        with self._store.transaction() as w:
            row = w.session.scalar(select(ApiKeyRow).where(ApiKeyRow.key_id == key_id))
            if row is None:
                raise NotFoundError(f"no API key {key_id!r}", code="key")
            if row.revoked_at is None:
                row.revoked_at = utcnow()
                w.event("keys", "key_revoked", f"key:{key_id}", {"name": row.name, "role": row.role})
            w.session.flush()
            return _key(row)

    def list_keys(self) -> list[ApiKey]:
        """Every key, oldest first, revoked and expired ones included."""
        with self._store.reading() as session:
            return [_key(r) for r in session.scalars(select(ApiKeyRow).order_by(ApiKeyRow.pk))]
