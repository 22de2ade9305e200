"""Command-line interface: parse, call the library, render, map exceptions to exit codes."""

from __future__ import annotations

import sys
from enum import Enum, IntEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from dedupe import __version__
from dedupe.config import DEFAULT_INCLUDE, AttributionConfig, FingerprintConfig, MatchConfig, ReadConfig, ScanConfig
from dedupe.errors import DedupeError, NoInputError
from dedupe.pipeline import Progress, scan
from dedupe.render_html import render_html
from dedupe.render_text import render_text
from dedupe.report import build_report, report_json


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


app = typer.Typer(
    add_completion=False, no_args_is_help=True, help="Find copied and syndicated news text, and where it came from."
)


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


def _progress_bar() -> tuple[Any, Progress | None]:
    if not sys.stderr.isatty():
        return None, None
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
    typer.echo(f"Error: {message}", err=True)
    return typer.Exit(int(status))


def _write(output: Path | None, content: str) -> None:
    if output is None:
        sys.stdout.write(content)
    else:
        output.write_text(content, encoding="utf-8")


@app.command("scan")
def scan_command(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders to scan.", show_default=False)],
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write the report here (default: stdout).")
    ] = None,
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f", help="Report format.")] = OutputFormat.json,
    threshold: Annotated[float, typer.Option(help="LSH Jaccard threshold for whole documents.")] = 0.3,
    shingle_size: Annotated[int, typer.Option(help="Words per shingle.")] = 3,
    num_perm: Annotated[int, typer.Option(help="MinHash permutations.")] = 128,
    include: Annotated[list[str] | None, typer.Option(help="Glob of files to read (repeatable).")] = None,
    exclude: Annotated[list[str] | None, typer.Option(help="Glob of files to skip (repeatable).")] = None,
    text_field: Annotated[str | None, typer.Option(help="JSON field holding the article text.")] = None,
    workers: Annotated[int, typer.Option(help="Processes for fingerprinting.")] = 1,
    sources: Annotated[
        list[Path] | None, typer.Option("--sources", help="JSON lexicon of extra sources (repeatable).")
    ] = None,
    classifier: Annotated[
        bool, typer.Option("--classifier/--no-classifier", help="Role classifier for mentions no rule decides.")
    ] = True,
    debug: Annotated[bool, typer.Option(help="Show tracebacks.")] = False,
) -> None:
    """Scan files and folders for near-duplicates and reused passages.

    Example: dedupe scan fixtures/ -o report.json
    """
    try:
        read = ReadConfig(include=tuple(include or DEFAULT_INCLUDE), exclude=tuple(exclude or ()))
        if text_field:
            from dataclasses import replace

            read = replace(read, fields=replace(read.fields, text=(text_field,)))
        config = ScanConfig(
            read=read,
            fingerprint=FingerprintConfig(shingle_size=shingle_size, num_perm=num_perm),
            match=MatchConfig(threshold=threshold),
            attribution=AttributionConfig(
                sources_files=tuple(str(p) for p in sources or ()), use_classifier=classifier
            ),
            workers=workers,
        )
    except ValueError as exc:
        raise _fail(str(exc), ExitStatus.USAGE) from None
    bar, progress = _progress_bar()
    try:
        result = scan([str(p) for p in paths], config, progress)
    except NoInputError as exc:
        for err in exc.errors:
            typer.echo(f"  {getattr(err, 'path', '')}: {getattr(err, 'message', err)}", err=True)
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
    report = build_report(result, __version__)
    texts = {a.document.id: a.document.text for a in result.analyses}
    if fmt is OutputFormat.text:
        content = render_text(report, texts)
    elif fmt is OutputFormat.html:
        content = render_html(report, texts)
    else:
        content = report_json(report)
    try:
        _write(output, content)
    except OSError as exc:
        raise _fail(f"cannot write {output}: {exc.strerror}", ExitStatus.INPUT_ERROR) from None
