"""The ``vigie`` command line. Every command goes through :class:`~vigie.pipeline.Pipeline`.

Errors: every :class:`~vigie.errors.VigieError` is reported once, as
``error: [code] message`` on stderr, and mapped to its class's exit code (0 success,
2 rejected input or configuration, 1 internal error); nothing else is caught here
except to turn an unexpected crash into exit code 1 with a one-line message
(``VIGIE_DEBUG=1`` shows the traceback).
"""

from __future__ import annotations

import functools
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import IO, Annotated, Any, ParamSpec, TypeVar

import typer
from rich.console import Console

from vigie import __version__
from vigie.contract import decision_record, error_record
from vigie.errors import InputError, RecordError, VigieError
from vigie.pipeline import Pipeline
from vigie.readers import ReadItem, read_records
from vigie.settings import Settings, load_settings
from vigie.types import Post

__all__ = ["app", "main"]

app = typer.Typer(
    name="vigie",
    help="Find violent threats, incitement, hate and harassment; show why; decide; prove it.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err_console = Console(stderr=True)
P = ParamSpec("P")
R = TypeVar("R")

ConfigOpt = Annotated[
    Path | None, typer.Option("--config", "-c", help="vigie.yaml to use (default: ./vigie.yaml if present).")
]
IdFieldOpt = Annotated[str | None, typer.Option("--id-field", help="Input field holding the post id.")]
TextFieldOpt = Annotated[str | None, typer.Option("--text-field", help="Input field holding the post text.")]
DbOpt = Annotated[
    str | None,
    typer.Option("--db", help="Store URL (default sqlite:///vigie.db; env VIGIE_DB_URL).", show_default=False),
]


def handle_errors(fn: Callable[P, R]) -> Callable[P, R]:
    """Map VigieError to its exit code, once, for every command."""

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return fn(*args, **kwargs)
        except VigieError as exc:
            err_console.print(f"[bold red]error:[/] {exc}", highlight=False, markup=True)
            raise typer.Exit(exc.exit_code) from None
        except (typer.Exit, typer.Abort, KeyboardInterrupt):
            raise
        except Exception as exc:
            if os.environ.get("VIGIE_DEBUG"):
                raise
            err_console.print(f"[bold red]internal error:[/] {type(exc).__name__}: {exc} (VIGIE_DEBUG=1 for details)")
            raise typer.Exit(1) from None

    return wrapper


def _settings(config: Path | None, *, db: str | None = None, **input_overrides: str | None) -> Settings:
    overrides: dict[str, Any] = {}
    if db:
        overrides["store"] = {"url": db}
    given = {k: v for k, v in input_overrides.items() if v is not None}
    if given:
        overrides["input"] = given
    return load_settings(config, overrides=overrides)


def _batches(items: Iterable[ReadItem], size: int) -> Iterator[list[ReadItem]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def _open_out(path: str) -> IO[str]:
    if path == "-":
        return sys.stdout
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    return out.open("w", encoding="utf-8")


@app.command()
@handle_errors
def analyze(
    input: Annotated[str, typer.Argument(help="JSONL, CSV or Parquet file; '-' reads JSONL from stdin.")],
    output: Annotated[str, typer.Option("--output", "-o", help="Where to write JSONL; '-' is stdout.")] = "-",
    config: ConfigOpt = None,
    id_field: IdFieldOpt = None,
    text_field: TextFieldOpt = None,
) -> None:
    """Score and decide every record without storing anything; one JSON line per record, in input order.

    Exit code 0 when every record was scored, 2 when any record (or the input) was rejected, 1 on internal error.
    """
    settings = _settings(config, id_field=id_field, text_field=text_field)
    pipeline = Pipeline.from_settings(settings)
    records = read_records(
        input, id_field=settings.input.id_field, text_field=settings.input.text_field, source=settings.input.source
    )
    rejected = 0
    out = _open_out(output)
    try:
        for batch in _batches(records, settings.detection.batch_size):
            posts = [item for item in batch if isinstance(item, Post)]
            decisions = iter(pipeline.run_batch(posts)) if posts else iter(())
            for item in batch:
                if isinstance(item, RecordError):
                    rejected += 1
                    line = error_record(item.record, item)
                else:
                    line = decision_record(next(decisions))
                out.write(json.dumps(line, ensure_ascii=False) + "\n")
            out.flush()
    finally:
        if out is not sys.stdout:
            out.close()
    if rejected:
        err_console.print(f"[yellow]{rejected} record(s) rejected; see the error lines in the output[/]")
        raise typer.Exit(InputError.exit_code)


@app.command()
def version() -> None:
    """Print vigie's version."""
    typer.echo(__version__)


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
