"""vigie's persistent store: posts with revisions, signals, decisions and a hash-chained event log.

SQLite (one file, the default) or PostgreSQL, chosen by URL; the schema comes from the
packaged Alembic migrations, applied by :func:`open_store`. Modules: :mod:`.models` (tables),
:mod:`.repo` (:class:`Store`), :mod:`.audit` (the hash chain), :mod:`.codec` (types ↔ JSON),
:mod:`.engine` (backend setup), :mod:`.migrate` (Alembic).
"""

from __future__ import annotations

from vigie.store.audit import AuditReport
from vigie.store.open import open_store
from vigie.store.repo import IngestResult, Store, StoredDecision

__all__ = ["AuditReport", "IngestResult", "Store", "StoredDecision", "open_store"]
