"""What every request handler needs, built once per app: settings, pipeline, store, repositories."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Annotated

from fastapi import Depends, Request

from vigie.pipeline import Pipeline
from vigie.policy import PolicyDecider
from vigie.settings import ServiceSettings, Settings
from vigie.store import Store
from vigie.store.keys import KeyRepository
from vigie.store.outbox import OutboxRepository
from vigie.store.policies import PolicyRole, activate_policy
from vigie.store.review import ReviewRepository

__all__ = ["AppContext", "Ctx", "context"]


@dataclass
class AppContext:
    settings: Settings
    store: Store
    keys: KeyRepository
    review: ReviewRepository
    outbox: OutboxRepository
    _pipeline: Pipeline | None = None
    _policies_recorded: bool = False
    authorized: int = 0
    """Requests that passed authentication and authorization (tests measure fuzzing with it)."""
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def limits(self) -> ServiceSettings:
        """The ``service:`` section: body, text and batch limits, the default lease."""
        return self.settings.service

    @property
    def pipeline(self) -> Pipeline:
        """Built (and loaded) on first use, once, even under concurrent first requests."""
        with self._lock:
            if self._pipeline is None:
                self._pipeline = Pipeline.from_settings(self.settings)
            self._pipeline.load()
            if not self._policies_recorded:  # the policy in force is archived and audited (docs/policy.md)
                roles: tuple[tuple[PolicyRole, object], ...] = (
                    ("live", self._pipeline.decider),
                    ("shadow", self._pipeline.shadow),
                )
                for role, decider in roles:
                    if isinstance(decider, PolicyDecider):
                        activate_policy(self.store, decider.compiled, role=role, actor="vigie serve")
                self._policies_recorded = True
            return self._pipeline

    @property
    def pipeline_ready(self) -> bool:
        return self._pipeline is not None


def context(request: Request) -> AppContext:
    ctx: AppContext = request.app.state.vigie
    return ctx


Ctx = Annotated[AppContext, Depends(context)]
"""A handler parameter typed ``Ctx`` receives the app's :class:`AppContext`."""
