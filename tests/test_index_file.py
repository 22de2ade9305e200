"""Foreign, missing, damaged and read-only index files: exit 3 with a message naming the file (or an errors[]
entry for a damaged stored text), and the file left as it was."""

from __future__ import annotations

import hashlib
import json
import os
import shlex
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dedupe.cli import app
from tests.conftest import FIXTURES, ROOT, assert_valid_report

runner = CliRunner()
CHECK = FIXTURES / "check"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _siblings(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir())


@pytest.fixture()
def index(tmp_path: Path) -> Path:
    db = tmp_path / "index.sqlite"
    assert runner.invoke(app, ["index", "add", "--db", str(db), str(CHECK / "archive")]).exit_code == 0
    return db


COMMANDS = [
    ["check", "--db", "{db}", str(CHECK / "incoming")],
    ["check", "--db", "{db}", str(CHECK / "incoming"), "--update"],
    ["index", "add", "--db", "{db}", str(CHECK / "incoming")],
    ["index", "stats", "--db", "{db}"],
]


def _run(command: list[str], db: Path) -> tuple[int, str]:
    result = runner.invoke(app, [str(db) if a == "{db}" else a for a in command])
    assert "Traceback" not in result.stderr
    return result.exit_code, result.stderr


@pytest.mark.parametrize("command", COMMANDS, ids=["check", "check-update", "index-add", "index-stats"])
def test_another_applications_database_is_refused_and_untouched(tmp_path: Path, command: list[str]) -> None:
    db = tmp_path / "notes.db"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE notes (body TEXT)")
        conn.execute("INSERT INTO notes VALUES ('buy milk')")
    conn.close()
    before = _digest(db)
    code, err = _run(command, db)
    assert code == 3 and f"{db} is not a dedupe index" in err and "left untouched" in err
    assert _digest(db) == before and _siblings(db) == ["notes.db"]  # no tables, no WAL switch, no -wal/-shm
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()


def test_a_mistyped_db_is_an_error_without_update_and_created_with_it(tmp_path: Path) -> None:
    typo = tmp_path / "indx.sqlite"
    result = runner.invoke(app, ["check", "--db", str(typo), str(CHECK / "incoming")])
    assert result.exit_code == 3 and f"no index at {typo}" in result.stderr
    assert not typo.exists()
    stats = runner.invoke(app, ["index", "stats", "--db", str(typo)])
    assert stats.exit_code == 3 and not typo.exists()
    created = runner.invoke(app, ["check", "--db", str(typo), str(CHECK / "incoming"), "--update"])
    assert created.exit_code == 0 and typo.exists()


def test_a_check_without_update_changes_nothing(index: Path) -> None:
    with sqlite3.connect(index) as conn:
        conn.execute("PRAGMA journal_mode=DELETE")  # to see whether the check switches it back to WAL
    conn.close()
    before = _digest(index)
    assert runner.invoke(app, ["check", "--db", str(index), str(CHECK / "incoming")]).exit_code == 0
    assert runner.invoke(app, ["index", "stats", "--db", str(index)]).exit_code == 0
    assert _digest(index) == before and _siblings(index) == ["index.sqlite"]


def test_garbage_in_the_middle_of_the_file_is_exit_3_naming_it(index: Path) -> None:
    data = bytearray(index.read_bytes())
    middle = len(data) // 2
    data[middle:middle + 8192] = bytes(range(256)) * 32
    index.write_bytes(bytes(data))
    before = _digest(index)
    for command in COMMANDS:
        code, err = _run(command, index)
        assert code == 3 and str(index) in err, (command, err)
    assert _digest(index) == before


def test_a_damaged_stored_text_is_an_error_entry(index: Path) -> None:
    with sqlite3.connect(index) as conn:
        conn.execute("UPDATE texts SET text = x'00c0ffee' WHERE rowid = "
                     "(SELECT text FROM publications WHERE id = 'coastline-bridge.txt')")
    conn.close()
    result = runner.invoke(app, ["check", "--db", str(index), str(CHECK / "incoming"), "-f", "json"])
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert_valid_report(report)
    damaged = [e for e in report["errors"] if e["kind"] == "damaged-text"]
    assert [e["path"] for e in damaged] == ["archive:coastline-bridge.txt"] and str(index.name) in damaged[0]["message"]
    assert {f["other"] for f in report["findings"]} == {"archive:meridian-wildfire.txt"}  # the rest is checked


def test_an_index_of_the_older_layout_is_refused_with_advice(tmp_path: Path) -> None:
    db = tmp_path / "old.sqlite"
    with sqlite3.connect(db) as conn:
        conn.executescript("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
                           "CREATE TABLE documents (rowid INTEGER PRIMARY KEY, sha256 TEXT, text BLOB);"
                           "CREATE TABLE bands (key INTEGER, doc INTEGER);")
    conn.close()
    before = _digest(db)
    code, err = _run(COMMANDS[0], db)
    assert code == 3 and "older dedupe" in err and "rebuild" in err
    assert _digest(db) == before


def test_a_directory_as_db_is_exit_3_naming_it(tmp_path: Path) -> None:
    code, err = _run(COMMANDS[2], tmp_path)
    assert code == 3 and str(tmp_path) in err


def _read_only(target: Path, args: list[str]) -> subprocess.CompletedProcess[str]:
    """Run the CLI with ``target`` (a file or folder) read-only: by permissions for a normal user; for root,
    who ignores them, by a read-only bind mount in a private mount namespace."""
    command = [sys.executable, "-m", "dedupe", *args]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    if os.geteuid() != 0:
        modes = {p: p.stat().st_mode for p in [target, *(target.iterdir() if target.is_dir() else [])]}
        for p in modes:
            p.chmod(0o555 if p.is_dir() else 0o444)
        try:
            return subprocess.run(command, capture_output=True, text=True, env=env, timeout=300, check=False)
        finally:
            for p, mode in modes.items():
                p.chmod(mode)
    if shutil.which("unshare") is None:
        pytest.skip("running as root without unshare: cannot make a file read-only")
    t = shlex.quote(str(target))
    script = f"mount --bind {t} {t} && mount -o remount,ro,bind {t} || exit 99; exec \"$@\""
    result = subprocess.run(["unshare", "-m", "sh", "-c", script, "sh", *command], capture_output=True, text=True,
                            env=env, timeout=300, check=False)
    if result.returncode == 99 or "unshare:" in result.stderr:
        pytest.skip("cannot make a read-only bind mount here")
    return result


def test_an_index_in_a_read_only_directory_can_be_read(index: Path) -> None:
    before = _digest(index)
    result = _read_only(index.parent, ["check", "--db", str(index), str(CHECK / "incoming"), "--fail-on",
                                       "unattributed-reuse"])
    assert result.returncode == 1, result.stderr
    assert "[FAIL] unattributed-reuse: copied.txt" in result.stdout
    stats = _read_only(index.parent, ["index", "stats", "--db", str(index)])
    assert stats.returncode == 0 and "4 documents" in stats.stdout
    update = _read_only(index.parent, ["check", "--db", str(index), str(CHECK / "incoming"), "--update"])
    assert update.returncode == 3 and str(index) in update.stderr and "Traceback" not in update.stderr
    assert _digest(index) == before and _siblings(index) == ["index.sqlite"]


def test_a_read_only_index_file_can_be_checked_not_updated(index: Path) -> None:
    before = _digest(index)
    check = _read_only(index, ["check", "--db", str(index), str(CHECK / "incoming")])
    assert check.returncode == 0, check.stderr
    for args in (["check", "--db", str(index), str(CHECK / "incoming"), "--update"],
                 ["index", "add", "--db", str(index), str(CHECK / "incoming")]):
        result = _read_only(index, args)
        assert result.returncode == 3 and f"{index} is read-only" in result.stderr, result.stderr
    assert _digest(index) == before


def test_an_index_of_one_row_per_band_key_is_refused_with_advice(tmp_path: Path) -> None:
    db = tmp_path / "schema2.sqlite"
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA application_id = 1684305264")  # dedupe's, with the layout of index_schema 2
        conn.execute("PRAGMA user_version = 2")
        conn.executescript("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
                           "CREATE TABLE bands (key INTEGER NOT NULL, doc INTEGER NOT NULL, PRIMARY KEY (key, doc))"
                           " WITHOUT ROWID;")
    conn.close()
    before = _digest(db)
    for command in COMMANDS:
        code, err = _run(command, db)
        assert code == 3 and "index_schema 2" in err and "rebuild" in err, (command, err)
    assert _digest(db) == before
