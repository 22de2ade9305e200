from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from dedupe import __version__
from dedupe.cli import app

from .conftest import FIXTURES, ROOT, assert_valid_report

runner = CliRunner()


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"dedupe {__version__}"


def test_the_cli_module_loads_no_stage() -> None:
    """``dedupe --version`` and ``--help`` start fast: the stages (and numpy) load only when a command runs."""
    code = ("import sys\n"
            "import dedupe.cli\n"
            "loaded = [m for m in ('numpy', 'dedupe.engine.pipeline', 'dedupe.report.build') if m in sys.modules]\n"
            "assert not loaded, loaded\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-c", code], check=True, env=env, cwd=ROOT)


def test_scan_writes_a_valid_report(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    result = runner.invoke(app, ["scan", str(FIXTURES), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    report = json.loads(out.read_text(encoding="utf-8"))
    assert_valid_report(report)
    assert report["summary"]["documents"] >= 60
    assert {e["path"] for e in report["errors"]} >= {"bad/binary-image.txt", "bad/empty.txt"}


def test_scan_text_format_to_stdout() -> None:
    result = runner.invoke(app, ["scan", str(FIXTURES / "articles" / "vn-state-visit"), "--format", "text"])
    assert result.exit_code == 0
    assert "near-duplicate" in result.stdout
    assert re.search(r"\d+ documents from \d+ files", result.stdout)


def test_no_readable_input_exits_3(tmp_path: Path) -> None:
    result = runner.invoke(app, ["scan", str(tmp_path / "missing")])
    assert result.exit_code == 3
    assert result.stdout == ""
    assert "Error: no document could be read" in result.stderr


def test_usage_errors_exit_2() -> None:
    assert runner.invoke(app, ["scan"]).exit_code == 2
    bad = runner.invoke(app, ["scan", str(FIXTURES), "--num-perm", "3"])
    assert bad.exit_code == 2
    assert "num_perm" in bad.stderr


def test_every_command_is_documented_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in app.registered_commands:
        name = command.name or (command.callback.__name__ if command.callback else "")
        assert f"dedupe {name}" in readme, name
    for group in app.registered_groups:
        assert group.typer_instance is not None
        for command in group.typer_instance.registered_commands:
            assert f"dedupe {group.name} {command.name}" in readme, command.name
    for code in ("0", "1", "2", "3", "130"):
        assert re.search(rf"\|\s*`?{code}`?\s*\|", readme), f"exit code {code} missing from README table"


def test_scan_reads_jsonl_from_stdin() -> None:
    story = "The port strike entered its third day on Monday as talks between the union and operators stalled. " * 3
    lines = "\n".join(json.dumps({"id": f"r{n}", "text": story, "outlet": f"Outlet {n}"}) for n in range(2))
    result = runner.invoke(app, ["scan", "-", "--format", "json"], input=lines)
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert_valid_report(report)
    assert [d["id"] for d in report["documents"]] == ["stdin#0", "stdin#1"]
    assert [(m["a"], m["b"], m["kind"]) for m in report["matches"]] == [("stdin#0", "stdin#1", "near-duplicate")]


def _dedupe(args: list[str], stdout: int | Any, tmp_path: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "dedupe", *args, "--quiet"], stdout=stdout,
                            stderr=subprocess.PIPE, env=env, cwd=tmp_path)


def _one_article(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text("Dam opens\n\nCNN reported that the dam would open on Monday.\n", encoding="utf-8")
    return tmp_path / "a.txt"


def test_a_full_standard_output_is_an_input_error_without_a_traceback(tmp_path: Path) -> None:
    _one_article(tmp_path)
    with open("/dev/full", "wb") as full:
        run = _dedupe(["scan", "a.txt"], full, tmp_path)
        _, err = run.communicate(timeout=120)
    assert run.returncode == 3
    assert err.decode().strip() == "Error: cannot write standard output: No space left on device"


def test_a_closed_standard_output_is_an_input_error(tmp_path: Path) -> None:
    _one_article(tmp_path)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    run = subprocess.run(["bash", "-c", f"'{sys.executable}' -m dedupe scan a.txt --quiet >&-"], env=env,
                         cwd=tmp_path, capture_output=True, timeout=120)
    assert run.returncode == 3
    assert run.stderr.decode().strip() == "Error: cannot write standard output: it is closed"


def test_a_reader_that_goes_away_ends_the_output_quietly_with_the_commands_exit_code(tmp_path: Path) -> None:
    _one_article(tmp_path)
    run = _dedupe(["scan", "a.txt", "--format", "text"], subprocess.PIPE, tmp_path)
    assert run.stdout is not None
    run.stdout.close()  # before the report is written: `dedupe scan ... | head -c 0`
    assert run.wait(timeout=120) == 0
    assert run.stderr is not None and run.stderr.read() == b""


def test_a_scheduler_without_the_dask_engine_is_a_usage_error() -> None:
    result = runner.invoke(app, ["scan", str(FIXTURES), "--scheduler", "tcp://127.0.0.1:8786"])
    assert result.exit_code == 2
    assert "--scheduler needs --engine dask" in result.stderr
