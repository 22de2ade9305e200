"""One-line progress on a stderr that is not a terminal."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dedupe import progress
from dedupe.cli import app
from dedupe.progress import LineProgress


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_lines_start_after_the_delay_and_repeat_at_the_interval() -> None:
    out, clock = io.StringIO(), Clock()
    bar = LineProgress(out, interval=10, delay=5, clock=clock)
    bar("fingerprint", 64, 1000)
    assert out.getvalue() == ""  # a short run says nothing
    clock.now = 106.0
    bar("fingerprint", 640, 1000)
    assert out.getvalue() == "dedupe: 1000 documents read, 640 of 1000 analysed (107 docs/s, 6s)\n"
    clock.now = 110.0
    bar("fingerprint", 1000, 1000)
    assert out.getvalue().count("\n") == 1  # not before the interval
    clock.now = 117.0
    bar("verify", 256, 4000)
    last = out.getvalue().splitlines()[-1]
    assert last == ("dedupe: 1000 documents read, 1000 of 1000 analysed, 256 of 4000 pairs verified "
                    "(59 docs/s, 17s)")


def test_bad_settings() -> None:
    with pytest.raises(ValueError, match="interval"):
        LineProgress(io.StringIO(), interval=0)


def _scan(tmp_path: Path, *options: str) -> str:
    for n in range(3):
        (tmp_path / f"{n}.txt").write_text(f"Story number {n} about the harbour ferry and its timetable.",
                                           encoding="utf-8")
    result = CliRunner().invoke(app, ["scan", str(tmp_path), "--mode", "copies", "-o", str(tmp_path / "r.json"),
                                      *options])
    assert result.exit_code == 0, result.stderr
    return result.stderr


def test_progress_lines_on_a_stderr_that_is_not_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(progress, "DELAY", 0.0)
    monkeypatch.setattr(progress, "INTERVAL", 1e-6)
    stderr = _scan(tmp_path)
    assert "dedupe: 3 documents read, 3 of 3 analysed" in stderr
    assert _scan(tmp_path, "--quiet") == ""


def test_short_runs_print_nothing(tmp_path: Path) -> None:
    assert _scan(tmp_path) == ""
