"""Hostile titles, outlets, ids and texts through every output format: nothing becomes a workflow command,
a terminal sequence or markup."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from dedupe.cli import app
from dedupe.report.escaping import escape_line, escape_text, github_message, github_property
from tests.conftest import assert_valid_report

runner = CliRunner()
STORY = ("The harbour board approved a new ferry terminal on Tuesday after two years of consultation with "
         "residents, fishing crews and the regional council, which will pay for half of the works. ")
OSC52 = "\x1b]52;c;cm0gLXJmIH4=\x07"
HOSTILE = f"Evil\n::error::injected\r\n::set-env name=PATH::/tmp {OSC52}\x1b[2J\x9b31m\u202e<script>x</script>"
NAMES = ["a\n::error file=x::pwned.txt", "::warning::comma,colon:name.txt", f"osc{OSC52}.txt"]


@pytest.fixture()
def hostile(tmp_path: Path) -> tuple[Path, Path]:
    archive, incoming = tmp_path / "archive", tmp_path / "incoming"
    archive.mkdir()
    incoming.mkdir()
    (archive / "original.txt").write_text("outlet: Harbour Wire\n\n" + STORY * 4, encoding="utf-8")
    for name in NAMES:
        (incoming / name).write_text(STORY * 4, encoding="utf-8")
    record = {"id": "r", "text": f"{HOSTILE} {STORY * 4} {HOSTILE}", "outlet": HOSTILE, "title": HOSTILE}
    (incoming / "feed.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    (incoming / f"empty{OSC52}\n::error::e.txt").write_text("", encoding="utf-8")
    db = tmp_path / "i.sqlite"
    assert runner.invoke(app, ["index", "add", "--db", str(db), str(archive)]).exit_code == 0
    return db, incoming


def _assert_inert(output: str) -> None:
    assert not re.search(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u202e]", output), "a raw control character got through"
    for line in output.split("\n"):
        assert not line.lstrip().startswith("::"), line


def test_text_outputs_escape_control_characters(hostile: tuple[Path, Path]) -> None:
    db, incoming = hostile
    check = runner.invoke(app, ["check", "--db", str(db), str(incoming), "--fail-on", "near-duplicate"])
    assert check.exit_code == 1, check.stderr
    _assert_inert(check.stdout)
    _assert_inert(check.stderr)
    assert "[FAIL] near-duplicate (exact copy): a\\n::error file=x::pwned.txt <- archive:original.txt" in check.stdout
    assert "empty\\x1b]52;c;cm0gLXJmIH4=\\x07\\n::error::e.txt: empty" in check.stdout
    findings = [line for line in check.stdout.split("\n") if line.startswith("  [")]
    report = json.loads(runner.invoke(app, ["check", "--db", str(db), str(incoming), "-f", "json"]).stdout)
    assert len(findings) == len(report["findings"])  # one line per finding: no name split a line
    scan = runner.invoke(app, ["scan", str(incoming), "--format", "text"])
    assert scan.exit_code == 0
    _assert_inert(scan.stdout)
    add = runner.invoke(app, ["index", "add", "--db", str(db), str(incoming)])
    _assert_inert(add.stdout)
    _assert_inert(add.stderr)
    assert "skipped empty\\x1b]52" in add.stderr


_GITHUB = re.compile(r"^::(error|warning) file=([^,:\r\n]*),title=([^,:\r\n]*)::([^\r\n]*)$")


def test_github_annotations_escape_properties_and_messages(hostile: tuple[Path, Path]) -> None:
    db, incoming = hostile
    result = runner.invoke(app, ["check", "--db", str(db), str(incoming), "-f", "github", "--fail-on",
                                 "near-duplicate"])
    assert result.exit_code == 1
    lines = result.stdout.rstrip("\n").split("\n")
    report = json.loads(runner.invoke(app, ["check", "--db", str(db), str(incoming), "-f", "json"]).stdout)
    assert len(lines) == len(report["findings"]) + len(report["errors"])
    files = set()
    for line in lines:
        m = _GITHUB.match(line)
        assert m, line
        assert not re.search(r"[\x00-\x1f\x7f-\x9f\u202e]", line)
        files.add(unquote(m.group(2)))
    # GitHub decodes a property back to the file name; other control characters are shown as escapes
    assert {NAMES[0], NAMES[1], "osc\\x1b]52;c;cm0gLXJmIH4=\\x07.txt", "feed.jsonl"} <= files
    assert "::error file=a%0A%3A%3Aerror file=x%3A%3Apwned.txt,title=dedupe near-duplicate::" in result.stdout


def test_json_keeps_the_data_and_html_escapes_it(hostile: tuple[Path, Path]) -> None:
    _, incoming = hostile
    report = json.loads(runner.invoke(app, ["scan", str(incoming)]).stdout)
    assert_valid_report(report)
    assert {d["outlet"] for d in report["documents"]} >= {HOSTILE}
    assert {d["id"] for d in report["documents"]} >= set(NAMES)
    page = runner.invoke(app, ["scan", str(incoming), "--format", "html"]).stdout
    tags: list[str] = []

    class Tags(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            tags.append(tag)

    Tags().feed(page)
    assert "script" not in tags and "<script>" not in page
    assert "&lt;script&gt;" in page
    _assert_no_raw_controls_in_markup(page)


def test_escaping_rules() -> None:
    assert escape_text("a\nb\r\t\x1b[31m\x9b\u2028\u202e") == "a\\nb\\r\\t\\x1b[31m\\x9b\\u2028\\u202e"
    assert escape_text("café ₹ \u200d") == "café ₹ \u200d"  # printable text and joiners are left alone
    assert escape_line("  ::error::x") == "  \\x3a:error::x" and escape_line("a ::b") == "a ::b"
    assert github_message("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert github_property("a,b:c%\n") == "a%2Cb%3Ac%25%0A"
    assert github_message("\x1b]52;c;x\x07") == "\\x1b]52;c;x\\x07"


_ENUMS = {"kind", "status", "basis", "role", "schema_version", "version", "fail_on", "name_"}


def _poison(value: object, key: str = "") -> object:
    """Every data string of a report with HOSTILE appended (ids too, consistently, so lookups still work)."""
    if isinstance(value, str):
        return value if key in _ENUMS else value + HOSTILE
    if isinstance(value, list):
        return [_poison(v, key) for v in value]
    if isinstance(value, dict):
        return {k: _poison(v, k) for k, v in value.items()}
    return value


def test_every_renderer_escapes_every_field_of_a_poisoned_report(tmp_path: Path) -> None:
    from dedupe.report.render_html import render_html
    from dedupe.report.render_text import render_findings, render_github, render_text
    from tests.conftest import FIXTURES

    db = tmp_path / "i.sqlite"
    assert runner.invoke(app, ["index", "add", "--db", str(db), str(FIXTURES / "check" / "archive")]).exit_code == 0
    paths = [str(FIXTURES / "check" / "incoming"), str(FIXTURES / "bad" / "empty.txt")]
    clean = json.loads(runner.invoke(app, ["check", "--db", str(db), *paths, "-f", "json"]).stdout)
    assert clean["findings"] and clean["errors"] and clean["sources"] and clean["stories"]
    report = _poison(clean)
    assert isinstance(report, dict)
    texts = {d["id"]: "x" * d["chars"] + HOSTILE for d in report["documents"]}
    for rendered in (render_text(report, texts), render_findings(report)):
        _assert_inert(rendered)
        assert rendered.count("\\x1b]52;c;cm0gLXJmIH4=\\x07") >= 5  # the poisoned fields are shown, escaped
    github = render_github(report)
    assert all(_GITHUB.match(line) for line in github.rstrip("\n").split("\n"))
    page = render_html(report, texts)
    tags: list[str] = []

    class Tags(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            tags.append(tag)

    Tags().feed(page)
    assert "script" not in tags and page.count("&lt;script&gt;") >= 5
    _assert_no_raw_controls_in_markup(page)
    assert page.count("\\x1b]52;c;cm0gLXJmIH4=\\x07") >= 5  # shown, escaped


def _assert_no_raw_controls_in_markup(page: str) -> None:
    """A page printed to a terminal (``--format html`` to stdout) obeys no escape sequence: only line breaks and
    tabs are kept as they are."""
    assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202e]", page), "a raw control character got through"


_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-10**20, 10**20) | st.floats(allow_nan=True) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=12)


@settings(max_examples=300, deadline=None)
@given(st.lists(_JSON_VALUES, max_size=4))
def test_entry_encoder_writes_what_json_dumps_writes(entries: list[object]) -> None:
    """One encoder for many entries (``entry_encoder``: the C encoder made once) writes each entry as
    ``json.dumps`` with the report's separators, whatever was encoded before (nested containers, NaN, non-ASCII)."""
    from dedupe.report.build import entry_encoder

    encode = entry_encoder()
    for value in [*entries, entries]:
        assert encode(value) == json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
