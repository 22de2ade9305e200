"""dedupe check and the persistent index: findings, exit codes, transactional and idempotent writes."""

from __future__ import annotations

import json
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from dedupe.cli import app
from dedupe.config import ScanConfig
from dedupe.copies.lsh import LSHLayout
from dedupe.errors import IndexLockedError
from dedupe.index.add import keyed_documents
from dedupe.index.store import CHUNK, SQLiteIndex
from dedupe.models import Document
from tests.conftest import FIXTURES, ROOT, assert_valid_report

runner = CliRunner()
CHECK = FIXTURES / "check"


@pytest.fixture()
def archive(tmp_path: Path) -> Path:
    db = tmp_path / "index.sqlite"
    result = runner.invoke(app, ["index", "add", "--db", str(db), str(CHECK / "archive"), "--batch", "first"])
    assert result.exit_code == 0, result.stderr
    assert "added 4 documents" in result.stdout
    return db


def _check(db: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["check", "--db", str(db), str(CHECK / "incoming"), *args])
    return result.exit_code, result.stdout, result.stderr


def test_copied_article_fails_credited_and_original_do_not(archive: Path) -> None:
    code, out, _ = _check(archive, "--fail-on", "unattributed-reuse", "--format", "json")
    assert code == 1
    report = json.loads(out)
    assert_valid_report(report)
    findings = {(f["kind"], f["document"], f["other"]) for f in report["findings"]}
    assert ("unattributed-reuse", "copied.txt", "archive:coastline-bridge.txt") in findings
    assert ("near-duplicate", "credited.txt", "archive:meridian-wildfire.txt") in findings
    assert not any(k == "unattributed-reuse" and d == "credited.txt" for k, d, _ in findings)
    assert not any(d == "original.txt" for _, d, _ in findings)
    assert report["check"]["failing"] == 1
    archived = {d["id"] for d in report["documents"] if d["archived"]}
    assert archived == {"archive:coastline-bridge.txt", "archive:meridian-wildfire.txt"}


def test_without_fail_on_the_exit_code_is_zero(archive: Path) -> None:
    code, out, _ = _check(archive)
    assert code == 0
    assert "[note] unattributed-reuse: copied.txt" in out
    assert out.startswith("dedupe check: 3 incoming documents (4 in the index before)")  # archived ones not counted


def test_two_incoming_texts_with_no_known_direction_are_not_drawn_as_a_copy(tmp_path: Path) -> None:
    story = ("The harbour board approved a new ferry terminal on Tuesday after two years of consultation with "
             "residents, fishing crews and the regional council, which will pay for half of the works. ") * 3
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(f"Ferry terminal approved\n\n{story}\n", encoding="utf-8")
    db = tmp_path / "i.sqlite"
    assert runner.invoke(app, ["index", "add", "--db", str(db), str(CHECK / "archive")]).exit_code == 0
    out = runner.invoke(app, ["check", "--db", str(db), str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]).stdout
    assert "b.txt <> a.txt: direction unknown" in out and " <- " not in out


def test_github_annotations(archive: Path) -> None:
    code, out, _ = _check(archive, "--fail-on", "unattributed-reuse", "--format", "github")
    assert code == 1
    assert out.startswith("::")
    assert "::error file=copied.txt,title=dedupe unattributed-reuse::" in out
    assert "::warning file=credited.txt,title=dedupe near-duplicate::" in out


def test_github_annotations_put_a_records_error_on_its_file(archive: Path, tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"id": "a", "text": "The council approved the budget on Tuesday."}\n{"id": "b"}\n',
                    encoding="utf-8")
    result = runner.invoke(app, ["check", "--db", str(archive), str(feed), "--format", "github"])
    assert "::warning file=feed.jsonl,title=dedupe unreadable input::feed.jsonl#1: missing-field: " in result.stdout


def test_update_grows_the_index_and_is_idempotent(archive: Path) -> None:
    assert _check(archive, "--update")[0] == 0
    stats = runner.invoke(app, ["index", "stats", "--db", str(archive), "--format", "json"])
    data = json.loads(stats.stdout)
    assert data["documents"] == 7 and data["batches"] == 2 and data["integrity"] == "ok"
    again = runner.invoke(app, ["index", "add", "--db", str(archive), str(CHECK / "incoming")])
    assert "added 0 documents (3 already indexed" in again.stdout
    _, out, _ = _check(archive)
    assert "already indexed (same document, seen before): copied.txt, credited.txt, original.txt" in out


def test_usage_and_index_errors(archive: Path, tmp_path: Path) -> None:
    assert _check(archive, "--fail-on", "typo")[0] == 2
    code, _, err = _check(archive, "--num-perm", "64")
    assert code == 3 and "built with other settings" in err
    broken = tmp_path / "broken.sqlite"
    broken.write_bytes(b"this is not a database" * 100)
    code, _, err = _check(broken)
    assert code == 3 and "not a usable dedupe index" in err
    stats = runner.invoke(app, ["index", "stats", "--db", str(tmp_path / "missing.sqlite")])
    assert stats.exit_code == 3 and "no index at" in stats.stderr
    for command in (["index", "stats"], ["check", str(CHECK / "incoming")], ["index", "add", str(CHECK / "incoming")]):
        result = runner.invoke(app, [*command, "--db", str(tmp_path)])
        assert result.exit_code == 3 and f"{tmp_path} is a directory, not an index file" in result.stderr


def test_locked_index_is_a_clear_error(archive: Path) -> None:
    holder = sqlite3.connect(archive, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with SQLiteIndex(archive, LSHLayout.from_config(ScanConfig()), timeout=0.2, write=False) as reader:
            assert reader.stats().documents == 4  # a read-only open is not blocked by a writer either
        with SQLiteIndex(archive, LSHLayout.from_config(ScanConfig()), timeout=0.2) as index:
            assert index.stats().documents == 4  # reading is not blocked by a writer
            doc = Document("new.txt", "A story that nobody has indexed before, about a harbour.")
            with pytest.raises(IndexLockedError, match="locked by another process"):
                index.add(keyed_documents([doc], LSHLayout.from_config(ScanConfig())), "x")
    finally:
        holder.execute("ROLLBACK")
        holder.close()


WRITER = """
import random, sys
from dedupe.config import ScanConfig
from dedupe.copies.lsh import LSHLayout
from dedupe.index.store import SQLiteIndex
from dedupe.index.add import keyed_documents
from dedupe.models import Document
rng = random.Random(7)
vocab = [f"w{n}" for n in range(3000)]
docs = [Document(f"d{n}.txt", " ".join(rng.choice(vocab) for _ in range(150))) for n in range(int(sys.argv[2]))]
with SQLiteIndex(sys.argv[1], LSHLayout.from_config(ScanConfig())) as index:
    print(index.add(keyed_documents(docs, LSHLayout.from_config(ScanConfig())), "kill-test"), flush=True)
"""


def test_a_run_killed_mid_write_leaves_a_usable_index(tmp_path: Path) -> None:
    db = tmp_path / "kill.sqlite"
    total = CHUNK * 15
    child = subprocess.Popen([sys.executable, "-c", WRITER, str(db), str(total)], cwd=ROOT)
    deadline = time.monotonic() + 60
    committed = 0
    while time.monotonic() < deadline and child.poll() is None:
        time.sleep(0.05 + random.random() * 0.05)
        try:
            with sqlite3.connect(db, timeout=1) as probe:
                committed = probe.execute("SELECT COUNT(*) FROM publications").fetchone()[0]
        except sqlite3.Error:
            continue
        if committed >= CHUNK * 2:
            child.send_signal(signal.SIGKILL)
            break
    child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL, "the writer finished before it could be killed"
    with SQLiteIndex(db, LSHLayout.from_config(ScanConfig())) as index:
        assert index.integrity() == "ok"
        stats = index.stats()
        assert 0 < stats.documents < total and stats.documents % CHUNK == 0  # whole chunks only
        orphans = index._query("SELECT COUNT(*) FROM texts WHERE rowid NOT IN (SELECT doc FROM bands)", [])
        assert orphans[0][0] == 0
    done = subprocess.run([sys.executable, "-c", WRITER, str(db), str(total)], cwd=ROOT, capture_output=True,
                          text=True, check=True)
    assert f"already_indexed={stats.documents}" in done.stdout
    assert f"added={total - stats.documents}" in done.stdout


def _body(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    return text.split("\n\n", 1)[1]


def _run(db: Path, *args: str, input: str | None = None) -> tuple[int, dict[str, Any]]:
    result = runner.invoke(app, ["check", "--db", str(db), "--format", "json", *args], input=input)
    assert result.exit_code in (0, 1), result.stderr
    report = json.loads(result.stdout)
    assert_valid_report(report)
    return result.exit_code, report


def _stats(db: Path) -> dict[str, Any]:
    result = runner.invoke(app, ["index", "stats", "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def test_a_verbatim_copy_under_another_name_is_an_exact_near_duplicate(archive: Path, tmp_path: Path) -> None:
    incoming = tmp_path / "incoming"
    incoming.mkdir()
    (incoming / "copy.txt").write_bytes((CHECK / "archive" / "meridian-port-strike.txt").read_bytes())
    code, report = _run(archive, str(incoming), "--fail-on", "near-duplicate")
    assert code == 1 and report["check"]["seen_before"] == []
    exact = [f for f in report["findings"] if f["exact"]]
    assert [(f["kind"], f["document"], f["other"]) for f in exact] == [
        ("near-duplicate", "copy.txt", "archive:meridian-port-strike.txt")]
    assert "Meridian News Agency" in exact[0]["evidence"] and "2026-01-14" in exact[0]["evidence"]
    assert "Jaccard 1.00" in exact[0]["evidence"]
    assert report["check"]["counts"]["near-duplicate"] == {"archived": 1, "incoming": 0}
    text = runner.invoke(app, ["check", "--db", str(archive), str(incoming), "--fail-on", "near-duplicate"])
    assert text.exit_code == 1 and "near-duplicate 1 archived, 0 incoming" in text.stdout
    assert "[FAIL] near-duplicate (exact copy): copy.txt" in text.stdout


def test_update_records_every_publication_and_a_recheck_is_seen_before(archive: Path, tmp_path: Path) -> None:
    incoming = tmp_path / "incoming"
    incoming.mkdir()
    (incoming / "copy.txt").write_bytes((CHECK / "archive" / "meridian-port-strike.txt").read_bytes())
    before = _stats(archive)
    assert _run(archive, str(incoming), "--update", "--fail-on", "near-duplicate")[0] == 1
    after = _stats(archive)
    assert after["documents"] == before["documents"] + 1 and after["texts"] == before["texts"]
    code, report = _run(archive, str(incoming), "--fail-on", "near-duplicate")
    assert code == 0 and report["findings"] == [] and report["check"]["seen_before"] == ["copy.txt"]
    # the archived original checked again, from another root (its id loses the folder): the same document
    code, report = _run(archive, str(CHECK / "archive" / "meridian-port-strike.txt"), "--fail-on", "near-duplicate")
    assert code == 0 and report["check"]["seen_before"] == ["meridian-port-strike.txt"]


def test_a_copy_under_another_outlet_in_jsonl_is_a_finding_and_a_new_publication(archive: Path) -> None:
    body = _body(CHECK / "archive" / "meridian-wildfire.txt")
    record = {"id": "w1", "text": body, "outlet": "Meridian News Agency", "url": "https://m.test/wildfire"}
    assert _run(archive, "-", "--update", input=json.dumps(record))[0] == 0  # the agency's own feed record
    copy = {**record, "outlet": "Content Farm Daily", "url": "https://farm.test/wildfire"}
    code, report = _run(archive, "-", "--update", "--fail-on", "near-duplicate", input=json.dumps(copy))
    assert code == 1
    exact = {(f["document"], f["other"]) for f in report["findings"] if f["exact"] and f["kind"] == "near-duplicate"}
    assert ("stdin#0", "archive:stdin#0") in exact
    # the same record again, now second in the stream: same outlet, same URL, same text -> seen before
    other = {"id": "x", "text": "An unrelated note about tide tables and ferry timetables for the weekend. " * 3}
    stream = json.dumps(other) + "\n" + json.dumps(copy)
    code, report = _run(archive, "-", "--fail-on", "near-duplicate", input=stream)
    assert report["check"]["seen_before"] == ["stdin#1"] and code == 0
    assert _stats(archive)["documents"] == 6


def test_index_add_keeps_every_publication_once(tmp_path: Path) -> None:
    db = tmp_path / "i.sqlite"
    story = "The harbour board approved a new ferry terminal on Tuesday after two years of consultation. " * 4
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text(story, encoding="utf-8")
    (tmp_path / "a" / "two.txt").write_text(story, encoding="utf-8")
    first = runner.invoke(app, ["index", "add", "--db", str(db), str(tmp_path / "a")])
    assert "added 2 documents (0 already indexed" in first.stdout
    again = runner.invoke(app, ["index", "add", "--db", str(db), str(tmp_path / "a")])
    assert "added 0 documents (2 already indexed" in again.stdout
    stats = _stats(db)
    assert (stats["documents"], stats["texts"]) == (2, 1)


def test_rechecking_an_indexed_folder_gives_no_findings_but_a_new_copy_in_it_does(tmp_path: Path) -> None:
    db = tmp_path / "i.sqlite"
    folder = tmp_path / "batch"
    folder.mkdir()
    for f in (CHECK / "incoming").iterdir():
        (folder / f.name).write_bytes(f.read_bytes())
    assert _run(db, str(folder), "--update", "--fail-on", "near-duplicate")[0] == 0
    code, report = _run(db, str(folder), "--fail-on", "near-duplicate,derivative,unattributed-reuse,partial-reuse")
    assert code == 0 and report["findings"] == [] and len(report["check"]["seen_before"]) == 3
    (folder / "zz-farm.txt").write_bytes((folder / "original.txt").read_bytes())
    code, report = _run(db, str(folder), "--fail-on", "near-duplicate")
    assert code == 1 and {f["document"] for f in report["findings"]} == {"zz-farm.txt"}
    assert {f["other"] for f in report["findings"] if f["exact"]} == {"archive:original.txt", "original.txt"}


def test_a_verbatim_copy_too_short_for_passages_is_still_a_finding(tmp_path: Path) -> None:
    db, archive, incoming = tmp_path / "i.sqlite", tmp_path / "archive", tmp_path / "incoming"
    archive.mkdir()
    incoming.mkdir()
    (archive / "brief.txt").write_text("outlet: Harbour Wire\n\nPort closed today.\n", encoding="utf-8")
    assert runner.invoke(app, ["index", "add", "--db", str(db), str(archive)]).exit_code == 0
    (incoming / "copy.txt").write_text("outlet: Harbour Wire\n\nPort closed today.\n", encoding="utf-8")
    (incoming / "again.txt").write_text("outlet: Harbour Wire\n\nPort closed today.\n", encoding="utf-8")
    code, report = _run(db, str(incoming), "--fail-on", "near-duplicate")
    assert code == 1 and report["matches"] == []
    assert {(f["document"], f["other"], f["exact"]) for f in report["findings"]} == {
        ("again.txt", "archive:brief.txt", True), ("copy.txt", "archive:brief.txt", True)}
