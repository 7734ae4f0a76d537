"""The ``vigie`` command line. Every command goes through :class:`~vigie.pipeline.Pipeline`.

Errors: every :class:`~vigie.errors.VigieError` is reported once, as
``error: [code] message`` on stderr, and mapped to its class's exit code (0 success,
2 rejected input or configuration, 1 internal error); nothing else is caught here
except to turn an unexpected crash into exit code 1 with a one-line message
(``VIGIE_DEBUG=1`` shows the traceback). The mapping and the shared options live in
:mod:`vigie.cli_support`; the service commands (:mod:`vigie.cli_service`) use the same.
"""

from __future__ import annotations

import json
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from itertools import islice
from pathlib import Path
from typing import IO, Annotated, Any

import typer
from rich.console import Console

from vigie import __version__
from vigie.batch.pool import DecisionPool
from vigie.cli_service import keys_app, serve, webhooks_app, worker
from vigie.cli_support import (
    ConfigOpt,
    DbOpt,
    err_console,
    handle_errors,
    load_cli_settings,
    open_cli_store,
)
from vigie.contract import error_record
from vigie.errors import InputError, RecordError
from vigie.pipeline import Pipeline
from vigie.readers import ReadItem, read_records
from vigie.types import Post

__all__ = ["app", "main"]

app = typer.Typer(
    name="vigie",
    help="Find violent threats, incitement, hate and harassment; show why; decide; prove it.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
IdFieldOpt = Annotated[str | None, typer.Option("--id-field", help="Input field holding the post id.")]
TextFieldOpt = Annotated[str | None, typer.Option("--text-field", help="Input field holding the post text.")]


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
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            min=1,
            help="Worker processes (default: detection.workers); output does not depend on it.",
        ),
    ] = None,
) -> None:
    """Score and decide every record without storing anything; one JSON line per record, in input order.

    Exit code 0 when every record was scored, 2 when any record (or the input) was rejected,
    1 on internal error.
    """
    settings = load_cli_settings(config, id_field=id_field, text_field=text_field)
    records = read_records(
        input,
        id_field=settings.input.id_field,
        text_field=settings.input.text_field,
        source=settings.input.source,
    )
    rejected = 0
    read: deque[list[ReadItem]] = deque()

    def post_batches() -> Iterator[list[Post]]:
        # The pool reads ahead; ``read`` keeps each batch's records (errors included) in order.
        for batch in _batches(records, settings.detection.batch_size):
            read.append(batch)
            yield [item for item in batch if isinstance(item, Post)]

    out = _open_out(output)
    try:
        with DecisionPool(settings, workers or settings.detection.workers) as pool:
            for lines in pool.records(post_batches()):
                decided = iter(lines)
                for item in read.popleft():
                    if isinstance(item, RecordError):
                        rejected += 1
                        out.write(json.dumps(error_record(item.record, item), ensure_ascii=False) + "\n")
                    else:
                        out.write(next(decided) + "\n")
                out.flush()
    finally:
        if out is not sys.stdout:
            out.close()
    if rejected:
        err_console.print(f"[yellow]{rejected} record(s) rejected; see the error lines in the output[/]")
        raise typer.Exit(InputError.exit_code)


@app.command()
@handle_errors
def scan(
    input: Annotated[str, typer.Argument(help="JSONL, CSV or Parquet file; '-' reads JSONL from stdin.")],
    db: DbOpt = None,
    config: ConfigOpt = None,
    id_field: IdFieldOpt = None,
    text_field: TextFieldOpt = None,
    source: Annotated[str | None, typer.Option("--source", help="Source name stored with the posts.")] = None,
    report: Annotated[
        Path | None,
        typer.Option("--report", help="HTML report path (default from config: reports/scan.html)."),
    ] = None,
    no_report: Annotated[bool, typer.Option("--no-report", help="Do not write the HTML report.")] = False,
    top: Annotated[int | None, typer.Option("--top", help="Flagged posts listed in the summary.")] = None,
    engine: Annotated[
        str | None,
        typer.Option(
            "--engine",
            help="Backfill INPUT (a glob of JSONL/CSV/Parquet shards) with 'local' or 'ray', resumable "
            "(docs/scale.md); without it, one input is scanned and reported.",
        ),
    ] = None,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Ray workers (--engine ray).")] = 1,
    checkpoint_dir: Annotated[
        Path, typer.Option("--checkpoint-dir", help="Markers of finished shards (--engine).")
    ] = Path(".vigie-checkpoints"),
) -> None:
    """Score, decide and STORE every record (posts with revisions, signals, decisions, audit events),
    then print a summary and write the HTML report. Re-scanning the same input changes nothing; a
    changed text becomes a revision."""
    from vigie.scan import run_scan

    settings = load_cli_settings(config, db=db, id_field=id_field, text_field=text_field, source=source)
    if engine is not None:
        from vigie.batch.cli import backfill

        backfill(settings, input, engine=engine, workers=workers, checkpoint_dir=checkpoint_dir)
        return
    console = Console()
    outcome = run_scan(settings, input, console=console, err_console=err_console)
    from vigie.report import print_summary, write_html

    print_summary(
        outcome.summary, outcome.decisions, console, top=settings.report.top if top is None else top
    )
    if not no_report:
        path = write_html(report or Path(settings.report.path), outcome.summary, outcome.decisions)
        console.print(f"report written to [bold]{path}[/]")
    if outcome.rejected:
        raise typer.Exit(InputError.exit_code)


@app.command("eval")
@handle_errors
def eval_(
    suite: Annotated[Path, typer.Argument(help="Labelled suite: HateCheck-style CSV or JSONL.")],
    json_out: Annotated[bool, typer.Option("--json", help="Print the report as JSON for machines.")] = False,
    config: ConfigOpt = None,
    errors: Annotated[int, typer.Option("--errors", help="Misclassified examples to show.")] = 10,
    lang: Annotated[
        str | None,
        typer.Option("--lang", help="Language of cases that do not name one (e.g. en for HateCheck)."),
    ] = None,
    cascade: Annotated[
        bool,
        typer.Option(
            "--cascade-loss",
            help="Also measure the recall the cascade's first stage loses against the full pipeline.",
        ),
    ] = False,
    compare_with: Annotated[
        Path | None,
        typer.Option(
            "--compare",
            help="A saved `vigie eval SUITE --json --errors N` report of the same suite (N at least its "
            "misclassified count): show each metric before and after, and the cases fixed and broken.",
        ),
    ] = None,
) -> None:
    """Measure detection on a labelled suite: accuracy per language, functionality and category, AUPRC."""
    from vigie.comparison import compare, load_base, print_comparison
    from vigie.evaluation import evaluate, load_suite, print_cascade_loss, print_report

    base = load_base(compare_with) if compare_with is not None else None

    settings = load_cli_settings(config)
    if settings.detection.cascade:
        # The suite measures the model; the cascade's cost is reported apart (--cascade-loss).
        settings = settings.model_copy(
            update={"detection": settings.detection.model_copy(update={"cascade": False})}
        )
    cases = load_suite(suite, language=lang)
    pipeline = Pipeline.from_settings(settings)
    report = evaluate(
        pipeline,
        cases,
        suite=str(suite),
        batch_size=settings.detection.batch_size,
        max_errors=len(cases) if base is not None else errors,
        cascade=cascade,
    )
    comparison = compare(report, base, str(compare_with)) if base is not None else None
    report.errors = report.errors[: max(errors, 0)]
    if json_out:
        out = report.to_json()
        if comparison is not None:
            out["comparison"] = comparison.to_json(errors)
        typer.echo(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        print_report(report, Console())
        if report.cascade is not None:
            print_cascade_loss(report.cascade, Console())
        if comparison is not None:
            print_comparison(comparison, Console(), errors)


@app.command(
    context_settings={"allow_extra_args": True, "ignore_unknown_options": True, "help_option_names": []}
)
@handle_errors
def train(
    ctx: typer.Context,
) -> None:
    """Rebuild the shipped model artifact from ../shared/data (see MODEL_CARD.md); vigie train --help."""
    from vigie.model.train import main as train_main

    raise typer.Exit(train_main(list(ctx.args)))


policy_app = typer.Typer(help="Check, backtest and inspect decision policies.", no_args_is_help=True)
app.add_typer(policy_app, name="policy")


@policy_app.command("check")
@handle_errors
def policy_check(
    path: Annotated[
        Path | None, typer.Argument(help="Policy YAML (default: the policy shipped with vigie).")
    ] = None,
    config: ConfigOpt = None,
    with_detectors: Annotated[
        bool,
        typer.Option("--with-detectors/--without-detectors", help="Run text examples through the detectors."),
    ] = True,
) -> None:
    """Validate a policy (errors name file, line and rule) and run the examples it embeds."""
    from vigie.policy import check_policy

    pipeline = Pipeline.from_settings(load_cli_settings(config)) if with_detectors else None
    report = check_policy(path, pipeline=pipeline)
    typer.echo(report.format())
    raise typer.Exit(report.exit_code)


@policy_app.command("backtest")
@handle_errors
def policy_backtest(
    candidate: Annotated[Path, typer.Argument(help="Candidate policy YAML.")],
    db: DbOpt = None,
    config: ConfigOpt = None,
    since: Annotated[
        datetime | None, typer.Option("--since", help="Only posts made on or after this date (ISO 8601).")
    ] = None,
    source: Annotated[str | None, typer.Option("--source", help="Only posts of this source.")] = None,
    html: Annotated[Path | None, typer.Option("--html", help="Also write an HTML report here.")] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    author_history: Annotated[
        bool,
        typer.Option("--author-history/--no-author-history", help="Give the candidate authors' strikes."),
    ] = True,
) -> None:
    """Replay stored signals through CANDIDATE (no re-scoring, nothing written) and show what would change."""
    from vigie.backtest import backtest
    from vigie.policy import PolicyDecider, load_policy
    from vigie.report.backtest import write_backtest_html

    decider = PolicyDecider(load_policy(candidate))
    when = since.replace(tzinfo=UTC) if since is not None and since.tzinfo is None else since
    with open_cli_store(config, db) as store:
        report = backtest(store, decider, since=when, source=source, use_author_history=author_history)
    if json_out:
        typer.echo(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        _print_backtest(report)
    if html is not None:
        typer.echo(f"report written to {write_backtest_html(html, report)}")


def _print_backtest(report: Any) -> None:
    from rich.table import Table

    console = Console()
    c = report.candidate
    console.print(
        f"[bold]{c['name']}@{c['version']}[/] ({c['hash'][:19]}): {report.changed} of {report.total} "
        f"stored decisions would change ({report.skipped} without stored signals skipped)"
    )
    table = Table("verdict", "live", "candidate", "change", title="verdicts", title_justify="left")
    for verdict, n in report.live_verdicts.items():
        m = report.candidate_verdicts[verdict]
        table.add_row(verdict, str(n), str(m), f"{m - n:+d}")
    console.print(table)
    if report.transitions:
        moves = Table("live -> candidate", "posts", title="changes", title_justify="left")
        for k, n in report.transitions.items():
            moves.add_row(k, str(n))
        console.print(moves)
    cats = Table("category", "added", "dropped", title="violations by category", title_justify="left")
    for cat, row in report.by_category.items():
        cats.add_row(cat, str(row["added"]), str(row["dropped"]))
    console.print(cats)
    for e in report.examples[:10]:
        console.print(
            f"- {e['post_id']}: {e['live']['verdict']} -> {e['candidate']['verdict']}  {e['text'][:100]!r}",
            markup=False,
            highlight=False,
        )


@policy_app.command("status")
@handle_errors
def policy_status(db: DbOpt = None, config: ConfigOpt = None) -> None:
    """The policy in force and the shadow policy (with how often it disagreed), from the store."""
    from vigie.store.policies import active_policy, shadow_summary

    with open_cli_store(config, db) as store:
        for role in ("live", "shadow"):
            ref = active_policy(store, role)
            typer.echo(f"{role}: " + (f"{ref.name}@{ref.version} {ref.hash}" if ref else "none"))
        summary = shadow_summary(store)
    if summary is not None:
        typer.echo(f"shadow disagreed on {summary.disagreements} of {summary.total} decisions")
        for k, n in summary.transitions.items():
            typer.echo(f"  {k}: {n}")


audit_app = typer.Typer(help="Verify and export the tamper-evident audit chain.", no_args_is_help=True)
app.add_typer(audit_app, name="audit")


@audit_app.command("verify")
@handle_errors
def audit_verify(
    db: DbOpt = None,
    config: ConfigOpt = None,
    anchor: Annotated[
        Path | None,
        typer.Option("--anchor", help="A head exported earlier by 'vigie audit head' (JSON file)."),
    ] = None,
) -> None:
    """Check every link of the audit chain; with --anchor, also that no event after the anchor was deleted."""
    with open_cli_store(config, db) as store:
        if anchor is not None:
            try:
                anchored = json.loads(anchor.read_text(encoding="utf-8"))
            except (OSError, json.JSONDecodeError) as exc:
                raise InputError(f"cannot read anchor {anchor}: {exc}", code="invalid_anchor") from None
            report = store.verify_against_head(anchored)
        else:
            report = store.verify_audit()
    if report.ok:
        typer.echo(f"audit chain ok: {report.checked} events, head {report.head}")
        return
    err_console.print(
        f"[bold red]audit chain broken[/] at event {report.first_broken_seq}: {report.reason}",
        highlight=False,
    )
    raise typer.Exit(1)


@audit_app.command("head")
@handle_errors
def audit_head(db: DbOpt = None, config: ConfigOpt = None) -> None:
    """Print the latest event's sequence number and hash as JSON, to anchor elsewhere."""
    with open_cli_store(config, db) as store:
        typer.echo(json.dumps(store.audit_head()))


app.command("serve")(serve)
app.command("worker")(worker)
app.add_typer(keys_app, name="keys")
app.add_typer(webhooks_app, name="webhooks")


@app.command()
def version() -> None:
    """Print vigie's version."""
    typer.echo(__version__)


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
