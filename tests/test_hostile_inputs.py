"""Input that used to crash a run or lose output: deep JSON, special files, file names that are not UTF-8,
a failed write. Each case asserts the exit code, the errors[] entry, and that no file was changed or lost."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from dedupe.cli import app
from tests.conftest import ROOT, assert_valid_report

runner = CliRunner()
DEPTH = 10_000
STORY = ("The harbour board approved a new ferry terminal on Tuesday after two years of consultation with "
         "residents, fishing crews and the regional council, which will pay for half of the works. ")


def _deep() -> str:
    return "[" * DEPTH + "]" * DEPTH


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "story.txt").write_text("title: Ferry terminal\noutlet: Harbour Wire\n\n" + STORY * 3, encoding="utf-8")
    return folder


def _errors(report: dict[str, Any]) -> dict[str, tuple[str, str]]:
    return {e["path"]: (e["kind"], e["message"]) for e in report["errors"]}


def _cli(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "dedupe", *args], input=stdin, capture_output=True, env=env,
                          cwd=cwd, timeout=120, check=False)


@pytest.mark.parametrize("name", ["deep.json", "deep.jsonl"])
def test_deep_json_is_an_error_entry_in_scan(tmp_path: Path, name: str) -> None:
    folder = _folder(tmp_path)
    line = json.dumps({"text": STORY})
    (folder / name).write_text(_deep() if name.endswith(".json") else f"{line}\n{_deep()}\n", encoding="utf-8")
    result = runner.invoke(app, ["scan", str(folder)])
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert_valid_report(report)
    path = name if name.endswith(".json") else f"{name}#1"
    kind, message = _errors(report)[path]
    assert kind == "malformed-json" and f"nested {DEPTH} levels deep" in message
    assert len(report["documents"]) == (2 if name.endswith(".jsonl") else 1)


def test_deep_json_on_stdin_in_check_and_index_add(tmp_path: Path) -> None:
    db = tmp_path / "i.sqlite"
    add = runner.invoke(app, ["index", "add", "--db", str(db), str(_folder(tmp_path))])
    assert add.exit_code == 0, add.stderr
    (tmp_path / "in" / "deep.json").write_text(_deep(), encoding="utf-8")
    add = runner.invoke(app, ["index", "add", "--db", str(db), str(tmp_path / "in")])
    assert add.exit_code == 0 and "deep.json: malformed-json: JSON nested 10000 levels deep" in add.stderr
    stream = (json.dumps({"text": STORY * 2}) + "\n" + _deep() + "\n").encode()
    result = _cli("check", "--db", str(db), "-", "--format", "json", stdin=stream)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert _errors(report)["stdin#1"][0] == "malformed-json"
    only_deep = _cli("check", "--db", str(db), "-", stdin=_deep().encode())
    assert only_deep.returncode == 3 and b"Traceback" not in only_deep.stderr
    assert b"nested 10000 levels deep" in only_deep.stderr


def test_a_named_pipe_is_reported_not_waited_for(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    os.mkfifo(folder / "pipe.txt")
    result = _cli("scan", str(folder), "--format", "json")  # hung forever before
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert _errors(report)["pipe.txt"][0] == "not-regular-file"
    assert [d["id"] for d in report["documents"]] == ["story.txt"]


def _latin1_name(folder: Path) -> Path:
    path = Path(os.fsdecode(os.fsencode(folder) + b"/caf\xe9-story.txt"))
    try:
        path.write_text(STORY * 3, encoding="utf-8")
    except (OSError, UnicodeEncodeError):
        pytest.skip("the file system does not take file names that are not UTF-8")
    return path


def test_a_file_name_that_is_not_utf8_gives_an_escaped_id_everywhere(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    _latin1_name(folder)
    out = tmp_path / "report.json"
    out.write_text("previous report\n", encoding="utf-8")
    assert _cli("scan", str(folder), "-o", str(out)).returncode == 0
    report = json.loads(out.read_bytes().decode("utf-8"))
    assert_valid_report(report)
    assert "caf\\xe9-story.txt" in {d["id"] for d in report["documents"]}
    on_stdout = _cli("scan", str(folder))
    assert on_stdout.returncode == 0 and json.loads(on_stdout.stdout.decode("utf-8")) == report
    text = _cli("scan", str(folder), "--format", "text")
    assert text.returncode == 0 and "caf\\xe9-story.txt" in text.stdout.decode("utf-8")


def test_index_add_keeps_every_document_of_a_chunk_with_a_bad_name(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    _latin1_name(folder)
    db = tmp_path / "i.sqlite"
    result = _cli("index", "add", "--db", str(db), str(folder))
    assert result.returncode == 0, result.stderr
    assert b"added 2 documents" in result.stdout
    check = _cli("check", "--db", str(db), str(folder), "--format", "json")
    assert json.loads(check.stdout)["check"]["seen_before"] == ["caf\\xe9-story.txt", "story.txt"]


def test_a_failed_write_keeps_the_previous_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _folder(tmp_path)
    out = tmp_path / "report.json"
    out.write_text("previous report\n", encoding="utf-8")

    def full_disk(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("dedupe.report.output.os.replace", full_disk)
    result = runner.invoke(app, ["scan", str(folder), "-o", str(out)])
    assert result.exit_code == 3 and "No space left on device" in result.stderr
    assert out.read_text(encoding="utf-8") == "previous report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "report.json"]  # no temporary file left
    assert runner.invoke(app, ["scan", str(tmp_path / "missing"), "-o", str(out)]).exit_code == 3
    assert out.read_text(encoding="utf-8") == "previous report\n"


def test_lone_surrogates_in_json_and_feeds_become_replacement_characters(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    (folder / "s.jsonl").write_text('{"text": "' + STORY + '\\ud800", "outlet": "Bad \\udfff Wire"}\n',
                                    encoding="utf-8")
    (folder / "f.rss").write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>F</title><item>'
                                  f"<title>A &#xD800; b</title><description>{STORY}</description></item>"
                                  "</channel></rss>", encoding="utf-8")
    result = _cli("scan", str(folder), "--format", "json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.decode("utf-8"))
    outlets = {d["id"]: d["outlet"] for d in report["documents"]}
    assert outlets["s.jsonl#0"] == "Bad \ufffd Wire"
    assert _errors(report)["f.rss"][0] == "malformed-xml"


def test_an_index_and_a_report_with_names_that_are_not_utf8(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    raw = os.fsencode(tmp_path)
    db, out = Path(os.fsdecode(raw + b"/ind\xe9x.sqlite")), Path(os.fsdecode(raw + b"/r\xe9port.json"))
    assert _cli("check", "--db", str(db), str(folder), "--update", "-f", "json", "-o", str(out)).returncode == 0
    report = json.loads(out.read_bytes().decode("utf-8"))
    assert report["check"]["index"] == "ind\\xe9x.sqlite" and report["check"]["added"] == 1
    missing = _cli("check", "--db", os.fsdecode(raw + b"/n\xf6ne.sqlite"), str(folder))
    assert missing.returncode == 3 and b"n\\xf6ne.sqlite" in missing.stderr and b"Traceback" not in missing.stderr
