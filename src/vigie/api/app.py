"""``create_app``: the FastAPI application behind ``vigie serve``.

Routes live under ``/v1`` (one router per resource in :mod:`vigie.api.routes`); ``/healthz``,
``/readyz`` and ``/openapi.json`` take no key. Errors are mapped once (:mod:`vigie.api.errors`),
bodies are bounded (:mod:`vigie.api.limits`), every route declares its roles
(:mod:`vigie.api.auth`). Handlers are plain functions: FastAPI runs them in its thread pool,
which suits the synchronous store and the CPU-bound pipeline.
"""

from __future__ import annotations

from fastapi import FastAPI

from vigie import __version__
from vigie.api.context import AppContext
from vigie.api.errors import install_error_handlers
from vigie.api.limits import BodyLimitMiddleware
from vigie.api.routes import admin, analyze, health, posts, review
from vigie.pipeline import Pipeline
from vigie.settings import Settings
from vigie.store import Store, open_store
from vigie.store.keys import KeyRepository
from vigie.store.outbox import OutboxRepository
from vigie.store.review import ReviewRepository

__all__ = ["create_app"]


def create_app(
    settings: Settings,
    *,
    pipeline: Pipeline | None = None,
    store: Store | None = None,
) -> FastAPI:
    """Build the app. Without ``store``, opens (and migrates) ``settings.store``; without
    ``pipeline``, builds it from settings on the first request that needs it. Limits come from
    ``settings.service`` (validated there against the ceilings the API schema declares)."""
    if store is None:
        store = open_store(settings.store.url, schema=settings.store.schema_name)
    app = FastAPI(
        title="vigie",
        version=__version__,
        description="Detect, decide, review and act on violent threats, incitement, hate and harassment.",
    )
    app.state.vigie = AppContext(
        settings=settings,
        store=store,
        keys=KeyRepository(store),
        review=ReviewRepository(store),
        outbox=OutboxRepository(store),
        _pipeline=pipeline,
    )
    install_error_handlers(app)
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.service.max_body_bytes)
    app.state.routers = [m.router for m in (health, analyze, posts, review, admin)]
    for router in app.state.routers:
        app.include_router(router)
    return app
