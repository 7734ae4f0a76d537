"""CLI commands of the service: ``vigie serve``, ``vigie worker``, ``vigie keys ...``, ``vigie webhooks ...``.

Mounted by :mod:`vigie.cli` (``app.command("serve")(serve)``, ``app.command("worker")(worker)``,
``app.add_typer(keys_app, name="keys")``, ``app.add_typer(webhooks_app, name="webhooks")``).
Options, settings loading and the error mapping (exit codes) are :mod:`vigie.cli_support`'s.
"""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Annotated

import typer

from vigie.cli_support import ConfigOpt, DbOpt, handle_errors, load_cli_settings, open_cli_store

__all__ = ["keys_app", "serve", "webhooks_app", "worker"]

keys_app = typer.Typer(help="Create, list and revoke API keys.", no_args_is_help=True)
webhooks_app = typer.Typer(help="Register webhook endpoints for actions.", no_args_is_help=True)


@handle_errors
def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    db: DbOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Run the HTTP API (OpenAPI at /openapi.json)."""
    import uvicorn

    from vigie.api.app import create_app

    uvicorn.run(create_app(load_cli_settings(config, db=db)), host=host, port=port)


@handle_errors
def worker(
    once: Annotated[bool, typer.Option("--once", help="Deliver what is due, then exit.")] = False,
    poll: Annotated[float, typer.Option(help="Seconds between rounds when idle.")] = 1.0,
    db: DbOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Deliver queued actions to webhook endpoints (signed, retried, dead-lettered).

    Retries, batch, lease and timeout come from the ``service:`` settings section."""
    from vigie.actions.worker import Worker
    from vigie.store import open_store

    settings = load_cli_settings(config, db=db)
    with open_store(settings.store.url, schema=settings.store.schema_name) as store:
        w = Worker(store, service=settings.service)
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
@handle_errors
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

    lifetime = timedelta(days=expires) if expires is not None else None
    with open_cli_store(config, db) as store:
        new = KeyRepository(store).create(role=role, name=name, source=source, expires_in=lifetime)
    typer.echo(f"key {new.key.key_id} ({new.key.role.value}, {new.key.name}); token, shown once:", err=True)
    typer.echo(new.token)


@keys_app.command("list")
@handle_errors
def keys_list(db: DbOpt = None, config: ConfigOpt = None) -> None:
    """List keys (never tokens)."""
    from vigie.store.columns import utcnow
    from vigie.store.keys import KeyRepository

    with open_cli_store(config, db) as store:
        keys = KeyRepository(store).list_keys()
    now = utcnow()
    for k in keys:
        state = "revoked" if k.revoked_at else ("active" if k.active(now) else "expired")
        typer.echo(f"{k.key_id}  {k.role.value:<9} {k.name}  source={k.source or '-'}  {state}")


@keys_app.command("revoke")
@handle_errors
def keys_revoke(key_id: Annotated[str, typer.Argument()], db: DbOpt = None, config: ConfigOpt = None) -> None:
    """Revoke a key at once."""
    from vigie.store.keys import KeyRepository

    with open_cli_store(config, db) as store:
        KeyRepository(store).revoke(key_id)
    typer.echo(f"revoked {key_id}")


@webhooks_app.command("add")
@handle_errors
def webhooks_add(
    name: Annotated[str, typer.Argument()],
    url: Annotated[str, typer.Argument()],
    action: Annotated[list[str] | None, typer.Option("--action", help="Only these actions (repeat).")] = None,
    db: DbOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Register an endpoint and print its signing secret once."""
    from vigie.store.outbox import OutboxRepository

    with open_cli_store(config, db) as store:
        e = OutboxRepository(store).add_endpoint(name, url, actions=action or ())
    typer.echo(json.dumps({"name": e.name, "url": e.url, "secret": e.secret, "actions": list(e.actions)}))
