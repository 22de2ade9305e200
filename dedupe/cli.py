"""Command-line interface: parse, call the library, render, map exceptions to exit codes."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from enum import Enum, IntEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from dedupe._version import __version__
from dedupe.config import config_from_options
from dedupe.errors import DedupeError, NoInputError
from dedupe.kinds import FINDING_KINDS
from dedupe.report.escaping import escape_line
from dedupe.report.output import write_atomically

if TYPE_CHECKING:
    from dedupe.engine.pipeline import ScanResult

T = TypeVar("T")


class ExitStatus(IntEnum):
    OK = 0
    FINDINGS = 1
    USAGE = 2
    INPUT_ERROR = 3
    INTERRUPTED = 130


class OutputFormat(str, Enum):
    json = "json"
    text = "text"
    html = "html"


class Engine(str, Enum):
    local = "local"
    dask = "dask"


class CheckFormat(str, Enum):
    text = "text"
    json = "json"
    github = "github"


app = typer.Typer(
    add_completion=False, no_args_is_help=True, help="Find copied and syndicated news text, and where it came from."
)
index_app = typer.Typer(no_args_is_help=True, help="The persistent index of documents seen before.")
app.add_typer(index_app, name="index")

Paths = Annotated[list[Path], typer.Argument(help="Files or folders to read; - reads JSONL from stdin.",
                                             show_default=False)]
Output = Annotated[Path | None, typer.Option("-o", "--output", help="Write the report here (default: stdout).")]
Threshold = Annotated[float, typer.Option(help="LSH Jaccard threshold for whole documents.")]
ShingleSize = Annotated[int, typer.Option(help="Words per shingle.")]
NumPerm = Annotated[int, typer.Option(help="MinHash permutations.")]
Include = Annotated[list[str] | None, typer.Option(help="Glob of files to read (repeatable).")]
Exclude = Annotated[list[str] | None, typer.Option(help="Glob of files to skip (repeatable).")]
TextField = Annotated[str | None, typer.Option(help="JSON field (or CSV/TSV column) holding the article text.")]
IdField = Annotated[str | None, typer.Option(help="JSON field (or CSV/TSV column) holding the record's id.")]
OutletField = Annotated[str | None, typer.Option(help="JSON field (or CSV/TSV column) holding the outlet.")]
DateField = Annotated[str | None, typer.Option(help="JSON field (or CSV/TSV column) holding the publication date.")]
Workers = Annotated[int, typer.Option(help="Processes for per-document analysis.")]
Sources = Annotated[list[Path] | None, typer.Option("--sources", help="JSON lexicon of extra sources (repeatable).")]
Classifier = Annotated[bool, typer.Option("--classifier/--no-classifier",
                                          help="Role classifier for mentions no rule decides.")]
Db = Annotated[str, typer.Option("--db", help="SQLite index file, or redis://host:port/db (extra 'redis').")]
Debug = Annotated[bool, typer.Option(help="Show tracebacks.")]
Quiet = Annotated[bool, typer.Option("--quiet", help="No progress on stderr (neither the bar on a terminal nor the "
                                                      "periodic lines otherwise).")]
Mode = Annotated[str, typer.Option(help="full: copies, attribution and provenance; copies: near-duplicates and "
                                        "reused passages only (archive-scale runs).")]
RepeatedLineDocs = Annotated[int, typer.Option(
    help="A line or sentence this many documents of the batch repeat beside text of their own (a site footer, a "
         "newsletter box) is boilerplate: no match, no claim. 0 turns it off.")]
RepeatedSiteDocs = Annotated[int, typer.Option(
    help="The same within one site (the documents' outlet, else their URL's host): this many of its documents "
         "repeating a line or sentence make it the site's boilerplate. 0 turns it off.")]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"dedupe {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """dedupe: near-duplicates, syndicated passages and source attribution in news text."""


def _progress_bar(quiet: bool) -> tuple[Any, Callable[[str, int, int], None] | None]:
    """A rich progress bar on a terminal; elsewhere (CI logs, cron) a line every few seconds once a run lasts."""
    if quiet:
        return None, None
    if not sys.stderr.isatty():
        from dedupe.progress import LineProgress

        return None, LineProgress(sys.stderr)
    from rich.progress import Progress as RichProgress

    bar = RichProgress(transient=True, console=None)
    bar.start()
    tasks: dict[str, Any] = {}

    def update(stage: str, done: int, total: int) -> None:
        if stage not in tasks:
            tasks[stage] = bar.add_task(stage, total=total)
        bar.update(tasks[stage], completed=done)

    return bar, update


def _fail(message: str, status: ExitStatus) -> typer.Exit:
    typer.echo(escape_line(f"Error: {message}"), err=True)
    return typer.Exit(int(status))


def _write(output: Path | None, content: str | Iterable[str]) -> None:
    """The report to stdout (as UTF-8 bytes), or to a temporary file renamed over ``output``: a run that fails
    never leaves a truncated report file, nor destroys the previous one. ``content`` may come in pieces, written
    as they come."""
    pieces = (p.encode("utf-8") for p in ([content] if isinstance(content, str) else content))
    try:
        if output is None:
            _write_stdout(pieces)
            return
        write_atomically(output, pieces)
    except UnicodeEncodeError as exc:  # a bug upstream: every text is made valid when read
        done = "nothing written" if output is not None else "the report on standard output is cut short"
        raise _fail(f"the report holds text that is not valid UTF-8 ({exc.reason}): {done}",
                    ExitStatus.INPUT_ERROR) from None
    except BrokenPipeError:  # the reader went away (`| head`): no error, the exit code stays the command's
        _silence_stdout()
    except OSError as exc:
        where = "standard output" if output is None else str(output)
        raise _fail(f"cannot write {where}: {exc.strerror or exc}", ExitStatus.INPUT_ERROR) from None


def _write_stdout(pieces: Iterable[bytes]) -> None:
    if sys.stdout is None:  # started with standard output closed (`>&-`)
        raise _fail("cannot write standard output: it is closed", ExitStatus.INPUT_ERROR)
    sys.stdout.flush()
    for piece in pieces:
        sys.stdout.buffer.write(piece)
    sys.stdout.flush()


def _silence_stdout() -> None:
    """Standard output pointed at the null device, so that the interpreter's last flush finds no broken pipe."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


@contextmanager
def _usage_errors() -> Iterator[None]:
    """A setting the library refuses (``config_from_options`` raises ConfigError) is a usage error."""
    try:
        yield
    except ValueError as exc:
        raise _fail(str(exc), ExitStatus.USAGE) from None


def _batch_label(batch: str | None) -> str:
    """The label of a batch in the index: the user's, or the current UTC time."""
    return batch or datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


@contextmanager
def _errors_to_exit(debug: bool, quiet: bool = False) -> Iterator[Callable[[str, int, int], None] | None]:
    """The one error boundary: library exceptions become exit codes, tracebacks only with --debug."""
    bar, progress = _progress_bar(quiet)
    try:
        yield progress
    except NoInputError as exc:
        for err in exc.errors:
            typer.echo(escape_line(f"  {getattr(err, 'path', '')}: {getattr(err, 'message', err)}"), err=True)
        raise _fail(str(exc), ExitStatus.INPUT_ERROR) from None
    except KeyboardInterrupt:
        raise _fail("interrupted", ExitStatus.INTERRUPTED) from None
    except (DedupeError, OSError) as exc:
        if debug:
            raise
        raise _fail(str(exc), ExitStatus.INPUT_ERROR) from None
    finally:
        if bar is not None:
            bar.stop()


@app.command("scan")
def scan_command(
    paths: Paths, output: Output = None,
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f", help="Report format.")] = OutputFormat.json,
    threshold: Threshold = 0.3, shingle_size: ShingleSize = 3, num_perm: NumPerm = 128, include: Include = None,
    exclude: Exclude = None, text_field: TextField = None, id_field: IdField = None, outlet_field: OutletField = None,
    date_field: DateField = None, workers: Workers = 1, sources: Sources = None,
    classifier: Classifier = True, mode: Mode = "full",
    repeated_line_docs: RepeatedLineDocs = 5, repeated_site_docs: RepeatedSiteDocs = 3,
    engine: Annotated[Engine, typer.Option(help="local processes, or a Dask cluster (extra 'dask').")] = Engine.local,
    scheduler: Annotated[str | None, typer.Option(help="Dask scheduler address; default: a LocalCluster "
                                                       "with --workers processes.")] = None,
    debug: Debug = False, quiet: Quiet = False,
) -> None:
    """Scan files and folders for near-duplicates, reused passages and where each claim came from.

    Example: dedupe scan fixtures/ -o report.json
    """
    from dedupe.engine.pipeline import scan

    if scheduler and engine is not Engine.dask:
        raise _fail("--scheduler needs --engine dask (the local engine has no scheduler)", ExitStatus.USAGE)
    with _usage_errors():
        config = config_from_options(threshold=threshold, shingle_size=shingle_size, num_perm=num_perm,
                                     include=include, exclude=exclude, text_field=text_field, id_field=id_field,
                                     outlet_field=outlet_field, date_field=date_field,
                                     workers=workers, sources=sources, classifier=classifier, mode=mode,
                                     repeated_line_docs=repeated_line_docs,
                                     repeated_site_docs=repeated_site_docs)
    with _errors_to_exit(debug, quiet) as progress:
        if engine is Engine.dask:
            from dedupe.engine.dask_engine import scan_dask

            result = scan_dask([str(p) for p in paths], config, scheduler, progress,
                               texts=fmt is not OutputFormat.json)
        else:
            result = scan([str(p) for p in paths], config, progress)
    _write_scan_report(result, fmt, output)


def _write_scan_report(result: ScanResult, fmt: OutputFormat, output: Path | None) -> None:
    """The report of a scan in ``fmt``; JSON written entry by entry as it is serialised."""
    from dedupe.engine.pipeline import collector_paused
    from dedupe.report.build import build_report, report_chunks
    from dedupe.report.render_html import render_html
    from dedupe.report.render_text import render_text

    with collector_paused():  # the report holds as many small objects as the scan
        if fmt is OutputFormat.json:
            _write(output, report_chunks(result, __version__))
            return
        render = render_text if fmt is OutputFormat.text else render_html
        _write(output, render(build_report(result, __version__), result.texts))


@app.command("check")
def check_command(
    paths: Paths, db: Db, output: Output = None,
    fail_on: Annotated[str, typer.Option(help="Comma-separated finding kinds that make the exit code 1: "
                                              f"{', '.join(FINDING_KINDS)}.")] = "",
    update: Annotated[bool, typer.Option(help="Add the batch to the index after checking it.")] = False,
    batch: Annotated[str | None, typer.Option(help="Label of this batch in the index (default: UTC time).")] = None,
    fmt: Annotated[CheckFormat, typer.Option("--format", "-f", help="Output format.")] = CheckFormat.text,
    threshold: Threshold = 0.3, shingle_size: ShingleSize = 3, num_perm: NumPerm = 128, include: Include = None,
    exclude: Exclude = None, text_field: TextField = None, id_field: IdField = None, outlet_field: OutletField = None,
    date_field: DateField = None, workers: Workers = 1, sources: Sources = None,
    classifier: Classifier = True, repeated_line_docs: RepeatedLineDocs = 5,
    repeated_site_docs: RepeatedSiteDocs = 3, debug: Debug = False,
    quiet: Quiet = False,
) -> None:
    """Check an incoming batch against everything indexed before; exit 1 on findings named by --fail-on.

    Example: dedupe check --db index.sqlite incoming/ --fail-on unattributed-reuse --update
    """
    from dedupe.index.check import check
    from dedupe.index.check_report import check_report
    from dedupe.report.build import report_json
    from dedupe.report.render_text import render_findings, render_github

    kinds = frozenset(k.strip() for k in fail_on.split(",") if k.strip())
    if kinds - set(FINDING_KINDS):
        raise _fail(f"unknown --fail-on kind(s): {', '.join(sorted(kinds - set(FINDING_KINDS)))} "
                    f"(choose from {', '.join(FINDING_KINDS)})", ExitStatus.USAGE)
    with _usage_errors():
        config = config_from_options(threshold=threshold, shingle_size=shingle_size, num_perm=num_perm,
                                     include=include, exclude=exclude, text_field=text_field, id_field=id_field,
                                     outlet_field=outlet_field, date_field=date_field,
                                     workers=workers, sources=sources, classifier=classifier,
                                     repeated_line_docs=repeated_line_docs,
                                     repeated_site_docs=repeated_site_docs)
    label = _batch_label(batch)
    with _errors_to_exit(debug, quiet) as progress:
        result = check([str(p) for p in paths], db, config, update=update, batch=label, progress=progress)
    report = check_report(result, __version__, kinds, str(db))
    renderers = {CheckFormat.text: lambda: render_findings(report), CheckFormat.github: lambda: render_github(report),
                 CheckFormat.json: lambda: report_json(report)}
    _write(output, renderers[fmt]())
    if report["check"]["failing"]:
        raise typer.Exit(int(ExitStatus.FINDINGS))


@index_app.command("add")
def index_add(
    paths: Paths, db: Db,
    batch: Annotated[str | None, typer.Option(help="Label of this batch in the index (default: UTC time).")] = None,
    threshold: Threshold = 0.3, shingle_size: ShingleSize = 3, num_perm: NumPerm = 128, include: Include = None,
    exclude: Exclude = None, text_field: TextField = None, id_field: IdField = None, outlet_field: OutletField = None,
    date_field: DateField = None, workers: Workers = 1, repeated_line_docs: RepeatedLineDocs = 5,
    repeated_site_docs: RepeatedSiteDocs = 3,
    debug: Debug = False, quiet: Quiet = False,
) -> None:
    """Add documents to the index (creating it); documents already indexed are skipped.

    Example: dedupe index add --db index.sqlite archive/ --workers 2
    """
    from dedupe.index.add import add_to_index
    from dedupe.models import WARNING_KINDS

    with _usage_errors():
        config = config_from_options(threshold=threshold, shingle_size=shingle_size, num_perm=num_perm,
                                     include=include, exclude=exclude, text_field=text_field, id_field=id_field,
                                     outlet_field=outlet_field, date_field=date_field, workers=workers,
                                     classifier=False, repeated_line_docs=repeated_line_docs,
                                     repeated_site_docs=repeated_site_docs)
    label = _batch_label(batch)
    with _errors_to_exit(debug, quiet) as progress:
        added, errors, stats = add_to_index([str(p) for p in paths], db, config, label, progress)
    for e in errors:
        verb = "warning:" if e.kind in WARNING_KINDS else "skipped"
        typer.echo(escape_line(f"  {verb} {e.path}: {e.kind}: {e.message}"), err=True)
    unreadable = sum(e.kind not in WARNING_KINDS for e in errors)
    _write(None, escape_line(f"added {added.added} documents ({added.already_indexed} already indexed, {unreadable} "
                             f"unreadable); {stats.path} now holds {stats.documents} documents") + "\n")


@index_app.command("stats")
def index_stats(
    db: Db, threshold: Threshold = 0.3, shingle_size: ShingleSize = 3, num_perm: NumPerm = 128,
    fmt: Annotated[CheckFormat, typer.Option("--format", "-f", help="text or json.")] = CheckFormat.text,
    debug: Debug = False,
) -> None:
    """Show what the index holds.

    Example: dedupe index stats --db index.sqlite
    """
    import json

    from dedupe.copies.lsh import LSHLayout
    from dedupe.index.store import open_index

    with _usage_errors():
        config = config_from_options(threshold=threshold, shingle_size=shingle_size, num_perm=num_perm,
                                     classifier=False)
    with _errors_to_exit(debug), open_index(db, LSHLayout.from_config(config), write=False) as index:
        stats, integrity = index.stats(), index.integrity()
    if fmt is CheckFormat.json:
        _write(None, json.dumps({"path": stats.path, "documents": stats.documents, "texts": stats.texts,
                                 "band_keys": stats.band_keys, "batches": stats.batches, "bytes": stats.bytes,
                                 "integrity": integrity, "parameters": stats.parameters}, indent=2) + "\n")
    else:
        _write(None, escape_line(f"{stats.path}: {stats.documents} documents ({stats.texts} distinct texts) in "
                                 f"{stats.batches} batches, {stats.band_keys} band keys, {stats.bytes / 1e6:.1f} MB, "
                                 f"integrity {integrity}") + "\n")
