"""``vigie worker``: deliver the outbox, forever or once.

Each round leases due rows (:meth:`vigie.store.outbox.OutboxRepository.lease_due`), posts them
outside any database transaction (a slow receiver must not hold the audit lock), then records
each result in its own short transaction. A worker killed mid-round leaves leased rows that
become due again when their lease ends; they are delivered again with the same idempotency
key (at least once). Several workers may run against one store.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from datetime import timedelta

import httpx

from vigie.actions.outbox import OutboxStatus, RetryPolicy
from vigie.actions.webhooks import deliver
from vigie.settings import ServiceSettings
from vigie.store.outbox import OutboxRepository
from vigie.store.repo import Store

__all__ = ["RoundReport", "Worker"]

log = logging.getLogger("vigie.worker")


@dataclass(frozen=True, slots=True)
class RoundReport:
    delivered: int = 0
    failed: int = 0
    dead: int = 0

    @property
    def attempted(self) -> int:
        return self.delivered + self.failed + self.dead


class Worker:
    """Delivers outbox rows to their endpoints.

    The schedule (retries, batch, lease, timeout) comes from ``service`` (the ``service:``
    settings section; its defaults when omitted); the keyword arguments override single knobs,
    and ``client`` may be injected (tests use a transport)."""

    def __init__(
        self,
        store: Store,
        *,
        service: ServiceSettings | None = None,
        retry: RetryPolicy | None = None,
        batch: int | None = None,
        lease: timedelta | None = None,
        client: httpx.Client | None = None,
    ) -> None:
        s = service or ServiceSettings()
        self.outbox = OutboxRepository(store)
        self.retry = retry or RetryPolicy.from_settings(s)
        self.batch = batch or s.worker_batch
        self.lease = lease or timedelta(seconds=s.worker_lease_seconds)
        self._client = client or httpx.Client(timeout=s.webhook_timeout_seconds, follow_redirects=False)
        self._stop = threading.Event()

    def run_once(self) -> RoundReport:
        """One round: lease, deliver, record. Returns what happened."""
        delivered = failed = dead = 0
        for item, endpoint in self.outbox.lease_due(limit=self.batch, lease=self.lease):
            if endpoint is None:
                status = self.outbox.mark_failed(
                    item.pk, f"endpoint {item.endpoint!r} no longer exists", retry=self.retry
                )
            else:
                result = deliver(self._client, endpoint.url, endpoint.secret, item.payload)
                if result.ok:
                    self.outbox.mark_delivered(item.pk, status_code=result.status_code)
                    delivered += 1
                    continue
                status = self.outbox.mark_failed(item.pk, result.error or "failed", retry=self.retry)
            if status is OutboxStatus.DEAD:
                dead += 1
                log.warning("action %s to %s is a dead letter", item.action_key, item.endpoint)
            else:
                failed += 1
        return RoundReport(delivered, failed, dead)

    def run_forever(self, *, poll: float = 1.0) -> None:
        """Rounds until :meth:`stop`; sleeps ``poll`` seconds when a round found nothing to do."""
        while not self._stop.is_set():
            report = self.run_once()
            if report.attempted == 0:
                self._stop.wait(poll)

    def stop(self) -> None:
        self._stop.set()

    def close(self) -> None:
        self._client.close()
