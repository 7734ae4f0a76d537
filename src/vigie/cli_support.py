"""What every ``vigie`` command shares: option types, settings and store loading, the one error mapping.

:func:`handle_errors` is the CLI's single translation of errors: a
:class:`~vigie.errors.VigieError` is printed once on stderr as ``error: [code] message`` and
exits with its class's exit code (2 rejected input or configuration, 1 internal); any other
exception exits 1 with a one-line message (``VIGIE_DEBUG=1`` re-raises it for the traceback).
:mod:`vigie.cli` and :mod:`vigie.cli_service` both decorate their commands with it, so the
two cannot drift apart.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, ParamSpec, TypeVar

import typer
from rich.console import Console
from rich.markup import escape

from vigie.errors import VigieError
from vigie.settings import Settings, load_settings

if TYPE_CHECKING:  # the store (SQLAlchemy) loads only for commands that open one
    from vigie.store import Store

__all__ = ["ConfigOpt", "DbOpt", "err_console", "handle_errors", "load_cli_settings", "open_cli_store"]

P = ParamSpec("P")
R = TypeVar("R")

err_console = Console(stderr=True)
"""Where errors and progress go; stdout is kept for results."""

ConfigOpt = Annotated[
    Path | None, typer.Option("--config", "-c", help="vigie.yaml to use (default: ./vigie.yaml if present).")
]
DbOpt = Annotated[
    str | None,
    typer.Option(
        "--db", help="Store URL (default sqlite:///vigie.db; env VIGIE_DB_URL).", show_default=False
    ),
]


def handle_errors(fn: Callable[P, R]) -> Callable[P, R]:
    """Map VigieError to its exit code, once, for every command (see the module docstring).

    Messages are escaped: an error's ``[code]`` would otherwise be read as Rich markup and vanish."""

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return fn(*args, **kwargs)
        except VigieError as exc:
            err_console.print(f"[bold red]error:[/] {escape(str(exc))}", highlight=False, soft_wrap=True)
            raise typer.Exit(exc.exit_code) from None
        except (typer.Exit, typer.Abort, KeyboardInterrupt):
            raise
        except Exception as exc:
            if os.environ.get("VIGIE_DEBUG"):
                raise
            what = escape(f"{type(exc).__name__}: {exc}")
            err_console.print(
                f"[bold red]internal error:[/] {what} (VIGIE_DEBUG=1 for details)", highlight=False
            )
            raise typer.Exit(1) from None

    return wrapper


def load_cli_settings(
    config: Path | None, *, db: str | None = None, **input_overrides: str | None
) -> Settings:
    """Settings from ``config`` (or ./vigie.yaml) and the environment, then the command's flags:
    ``--db`` overrides ``store.url``; the other keyword flags, when given, the ``input:`` section."""
    overrides: dict[str, Any] = {}
    if db:
        overrides["store"] = {"url": db}
    given = {k: v for k, v in input_overrides.items() if v is not None}
    if given:
        overrides["input"] = given
    return load_settings(config, overrides=overrides)


def open_cli_store(config: Path | None, db: str | None) -> Store:
    """The store the settings (and ``--db``) name, migrated; use it as a context manager to close it."""
    from vigie.store import open_store

    settings = load_cli_settings(config, db=db)
    return open_store(settings.store.url, schema=settings.store.schema_name)
