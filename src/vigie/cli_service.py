"""CLI commands of the service: ``vigie serve``, ``vigie worker``, ``vigie keys ...``, ``vigie webhooks ...``.

Mounted by :mod:`vigie.cli` (``app.command("serve")(serve)``, ``app.command("worker")(worker)``,
``app.add_typer(keys_app, name="keys")``, ``app.add_typer(webhooks_app, name="webhooks")``).
"""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from typing import Annotated

import typer

from vigie.errors import VigieError
from vigie.settings import Settings, load_settings
from vigie.store import Store, open_store

__all__ = ["keys_app", "serve", "webhooks_app", "worker"]

DbOpt = Annotated[str | None, typer.Option("--db", help="Store URL (default from config / VIGIE_DB_URL).")]
ConfigOpt = Annotated[Path | None, typer.Option("--config", "-c", help="vigie.yaml to use.")]

keys_app = typer.Typer(help="Create, list and revoke API keys.", no_args_is_help=True)
webhooks_app = typer.Typer(help="Register webhook endpoints for actions.", no_args_is_help=True)


def _settings(config: Path | None, db: str | None) -> Settings:
    return load_settings(config, overrides={"store": {"url": db}} if db else None)


def _store(config: Path | None, db: str | None) -> Store:
    s = _settings(config, db)
    return open_store(s.store.url, schema=s.store.schema_name)


def _fail(exc: VigieError) -> typer.Exit:
    typer.echo(f"error: {exc}", err=True)
    return typer.Exit(exc.exit_code)


def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    db: DbOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Run the HTTP API (OpenAPI at /openapi.json)."""
    import uvicorn

    from vigie.api.app import create_app

    try:
        app = create_app(_settings(config, db))
    except VigieError as exc:
        raise _fail(exc) from None
    uvicorn.run(app, host=host, port=port)


def worker(
    once: Annotated[bool, typer.Option("--once", help="Deliver what is due, then exit.")] = False,
    poll: Annotated[float, typer.Option(help="Seconds between rounds when idle.")] = 1.0,
    db: DbOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Deliver queued actions to webhook endpoints (signed, retried, dead-lettered)."""
    from vigie.actions.worker import Worker

    try:
        w = Worker(_store(config, db))
    except VigieError as exc:
        raise _fail(exc) from None
    try:
        if once:
            r = w.run_once()
            typer.echo(f"delivered {r.delivered}, failed {r.failed}, dead {r.dead}")
        else:
            w.run_forever(poll=poll)
    except KeyboardInterrupt:
        pass
    finally:
        w.close()


@keys_app.command("create")
def keys_create(
    role: Annotated[str, typer.Option("--role", help="admin, moderator, auditor, ingest or notifier.")],
    name: Annotated[str, typer.Option("--name", help="Person or service the key belongs to.")],
    source: Annotated[str | None, typer.Option("--source", help="Source of an ingest key.")] = None,
    expires: Annotated[int | None, typer.Option("--expires", help="Lifetime in days.")] = None,
    db: DbOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Create a key and print its token once (it is stored hashed and cannot be shown again)."""
    from vigie.store.keys import KeyRepository

    try:
        new = KeyRepository(_store(config, db)).create(
            role=role, name=name, source=source, expires_in=timedelta(days=expires) if expires else None
        )
    except VigieError as exc:
        raise _fail(exc) from None
    typer.echo(f"key {new.key.key_id} ({new.key.role.value}, {new.key.name}); token, shown once:", err=True)
    typer.echo(new.token)


@keys_app.command("list")
def keys_list(db: DbOpt = None, config: ConfigOpt = None) -> None:
    """List keys (never tokens)."""
    from vigie.store.keys import KeyRepository

    for k in KeyRepository(_store(config, db)).list_keys():
        state = "revoked" if k.revoked_at else ("expired" if not k.active(k.created_at) else "active")
        typer.echo(f"{k.key_id}  {k.role.value:<9} {k.name}  source={k.source or '-'}  {state}")


@keys_app.command("revoke")
def keys_revoke(key_id: Annotated[str, typer.Argument()], db: DbOpt = None, config: ConfigOpt = None) -> None:
    """Revoke a key at once."""
    from vigie.store.keys import KeyRepository

    try:
        KeyRepository(_store(config, db)).revoke(key_id)
    except VigieError as exc:
        raise _fail(exc) from None
    typer.echo(f"revoked {key_id}")


@webhooks_app.command("add")
def webhooks_add(
    name: Annotated[str, typer.Argument()],
    url: Annotated[str, typer.Argument()],
    action: Annotated[list[str] | None, typer.Option("--action", help="Only these actions (repeat).")] = None,
    db: DbOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Register an endpoint and print its signing secret once."""
    from vigie.store.outbox import OutboxRepository

    try:
        e = OutboxRepository(_store(config, db)).add_endpoint(name, url, actions=action or ())
    except VigieError as exc:
        raise _fail(exc) from None
    typer.echo(json.dumps({"name": e.name, "url": e.url, "secret": e.secret, "actions": list(e.actions)}))
