"""What every request handler needs, built once per app: settings, pipeline, store, repositories."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Annotated

from fastapi import Depends, Request

from vigie.pipeline import Pipeline
from vigie.policy import Policy, PolicyDecider, load_policy
from vigie.policy.model import StrikeLadder
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
    _live_policy: Policy | None = None
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

    @property
    def live_ladder(self) -> StrikeLadder | None:
        """The live policy's strike ladder, for paths that strike without scoring (a reviewer's
        confirmed removal): the pipeline's policy once it is built, else the configured policy file
        read alone — never the detectors' weights."""
        with self._lock:
            if self._pipeline is not None:
                decider = self._pipeline.decider
                return decider.compiled.document.strikes if isinstance(decider, PolicyDecider) else None
            if self._live_policy is None:
                self._live_policy = load_policy(self.settings.policy.path)
            return self._live_policy.document.strikes


def context(request: Request) -> AppContext:
    ctx: AppContext = request.app.state.vigie
    return ctx


Ctx = Annotated[AppContext, Depends(context)]
"""A handler parameter typed ``Ctx`` receives the app's :class:`AppContext`."""
