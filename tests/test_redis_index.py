"""The Redis index backend, against a real redis-server on loopback.

With ``DEDUPE_TEST_REDIS_URL`` set (``.ci/run`` starts a server and sets it), the tests use that
server's databases 0 and 1 and empty them first: point it only at a throwaway server. Without it,
each test starts its own ``redis-server`` (no persistence) on a free port. The test that kills a
server mid-add always starts its own. Without a ``redis-server`` binary the tests skip, saying so.
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from dedupe.cli import app
from dedupe.config import ScanConfig
from dedupe.copies.lsh import LSHLayout
from dedupe.index.add import keyed_documents
from dedupe.index.redis_store import RedisIndex, redacted_url
from dedupe.index.store import AddResult, SQLiteIndex
from dedupe.io.readers import read_inputs
from dedupe.models import Document
from tests.conftest import FIXTURES, ROOT, assert_valid_report

SERVER = shutil.which("redis-server")
SHARED = os.environ.get("DEDUPE_TEST_REDIS_URL")
needs_redis = pytest.mark.skipif(
    SERVER is None and not SHARED,
    reason="no redis-server binary on PATH (apt-get install redis-server) and DEDUPE_TEST_REDIS_URL is unset")
needs_binary = pytest.mark.skipif(
    SERVER is None, reason="killing a server needs a redis-server binary (apt-get install redis-server)")
runner = CliRunner()
CHECK = FIXTURES / "check"
WORDS = ["harbour", "council", "bridge", "budget", "river", "vote", "minister", "school", "flood", "storm", "rail",
         "strike", "court", "report", "water", "energy", "price", "market", "housing", "police", "hospital",
         "farmers", "drought", "festival", "museum", "airport", "election"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    """A redis-server of our own on a free loopback port, its files in ``workdir``."""

    def __init__(self, workdir: Path, *, persistent: bool = False) -> None:
        self.port = _free_port()
        self.workdir = workdir
        self.persistent = persistent
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> Server:
        aof = ["--appendonly", "yes", "--appendfsync", "always"] if self.persistent else ["--appendonly", "no"]
        self.process = subprocess.Popen([str(SERVER), "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
                                         "--dir", str(self.workdir), *aof], stdout=subprocess.DEVNULL)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                if _client(self.url(0)).ping():
                    return self
            except Exception:  # not listening, or still loading its AOF
                time.sleep(0.05)
        raise RuntimeError(f"redis-server on port {self.port} did not start")

    def url(self, db: int) -> str:
        return f"redis://127.0.0.1:{self.port}/{db}"

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=10)


def _client(url: str) -> Any:
    import redis

    return redis.Redis.from_url(url, socket_timeout=10)


@pytest.fixture()
def server_url(tmp_path: Path) -> Iterator[str]:
    """``redis://host:port/`` of an empty server (databases 0 and 1 are used): the shared one, or our own."""
    pytest.importorskip("redis")
    if SHARED:
        base = SHARED.rsplit("/", 1)[0] + "/"
        for db in (0, 1):
            _client(f"{base}{db}").flushdb()
        yield base
        return
    server = Server(tmp_path).start()
    try:
        yield server.url(0)[:-1]
    finally:
        server.kill()


def _write_jsonl(path: Path, start: int, count: int, seed: int) -> None:
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as out:
        for n in range(start, start + count):
            text = " ".join(rng.choice(WORDS) + ("s" if rng.random() < 0.3 else "") for _ in range(120))
            out.write(json.dumps({"id": f"doc{n}", "title": f"Story {n}", "outlet": "Gazette",
                                 "text": f"Story number {n}. {text}."}) + "\n")


def _sqlite_band_keys(paths: list[Path], tmp: Path) -> int:
    """What the SQLite index holds for the same input: the Redis index must hold exactly as many band keys."""
    config = ScanConfig()
    docs = read_inputs(paths, config.read).documents
    with SQLiteIndex(tmp / "reference.sqlite", LSHLayout.from_config(config)) as index:
        index.add(keyed_documents(docs, LSHLayout.from_config(config)), "reference")
        return int(index.stats().band_keys)


def _cli(*args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "dedupe", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=env, cwd=ROOT)


def _stats(url: str) -> dict[str, Any]:
    result = runner.invoke(app, ["index", "stats", "--db", url, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    stats: dict[str, Any] = json.loads(result.stdout)
    return stats


def _added(stdout: str) -> tuple[int, int]:
    found = re.search(r"added (\d+) documents \((\d+) already indexed", stdout)
    assert found, stdout
    return int(found[1]), int(found[2])


@needs_redis
def test_check_against_a_redis_index_gives_the_sqlite_findings(server_url: str) -> None:
    url = f"{server_url}0"
    added = runner.invoke(app, ["index", "add", "--db", url, str(CHECK / "archive")])
    assert added.exit_code == 0, added.stderr
    assert "added 4 documents" in added.stdout
    result = runner.invoke(app, ["check", "--db", url, str(CHECK / "incoming"), "--fail-on",
                                 "unattributed-reuse", "--format", "json", "--update"])
    assert result.exit_code == 1, result.stderr
    report = json.loads(result.stdout)
    assert report["check"]["index"] == url  # the URL, not its last path segment
    findings = {(f["kind"], f["document"], f["other"]) for f in report["findings"]}
    assert ("unattributed-reuse", "copied.txt", "archive:coastline-bridge.txt") in findings
    assert not any(k == "unattributed-reuse" and d == "credited.txt" for k, d, _ in findings)
    again = runner.invoke(app, ["index", "add", "--db", url, str(CHECK / "incoming")])
    assert "added 0 documents (3 already indexed" in again.stdout
    assert _stats(url)["documents"] == 7


@needs_redis
def test_stats_are_the_index_own_and_exact(server_url: str, tmp_path: Path) -> None:
    url = f"{server_url}0"
    assert runner.invoke(app, ["index", "add", "--db", url, str(CHECK / "archive"), "--batch", "one"]).exit_code == 0
    stats = _stats(url)
    assert (stats["path"], stats["documents"], stats["batches"], stats["integrity"]) == (url, 4, 1, "ok")
    assert stats["band_keys"] == _sqlite_band_keys([CHECK / "archive"], tmp_path) > 0
    client = _client(url)
    assert 0 < stats["bytes"] < int(client.info("memory")["used_memory"])
    client.set("someone-else", b"x" * 1_000_000)  # another application's data in the same database
    assert _stats(url)["bytes"] == stats["bytes"]


@needs_redis
def test_stats_on_an_empty_or_mistyped_database_writes_nothing(server_url: str) -> None:
    empty = runner.invoke(app, ["index", "stats", "--db", f"{server_url}0"])
    assert empty.exit_code == 3
    assert f"no index at {server_url}0" in empty.stderr
    assert _client(f"{server_url}0").dbsize() == 0
    assert runner.invoke(app, ["index", "add", "--db", f"{server_url}0", str(CHECK / "archive")]).exit_code == 0
    keys_before = sorted(_client(f"{server_url}0").keys())
    other = runner.invoke(app, ["index", "stats", "--db", f"{server_url}1"])
    assert other.exit_code == 3
    assert f"no index at {server_url}1" in other.stderr
    assert _client(f"{server_url}1").dbsize() == 0
    letter = runner.invoke(app, ["index", "stats", "--db", f"{server_url}O"])  # letter O, not zero
    assert letter.exit_code == 3
    assert "database must be a number" in letter.stderr
    port = runner.invoke(app, ["index", "stats", "--db", "redis://127.0.0.1:63 79/0"])
    assert port.exit_code == 3
    assert "not a usable Redis URL" in port.stderr
    assert sorted(_client(f"{server_url}0").keys()) == keys_before


@needs_redis
def test_a_key_of_the_index_holding_something_else_is_refused_untouched(server_url: str) -> None:
    client = _client(f"{server_url}0")
    client.set("dedupe:index", "a value of another application")
    result = runner.invoke(app, ["index", "stats", "--db", f"{server_url}0"])
    assert result.exit_code == 3
    assert f"cannot use the Redis index at {server_url}0: WRONGTYPE" in result.stderr
    assert client.keys() == [b"dedupe:index"] and client.get("dedupe:index") == b"a value of another application"


@needs_redis
def test_an_index_of_the_old_layout_is_refused_untouched(server_url: str) -> None:
    client = _client(f"{server_url}0")
    client.set("dedupe:parameters", "{}")
    result = runner.invoke(app, ["index", "add", "--db", f"{server_url}0", str(CHECK / "archive")])
    assert result.exit_code == 3
    assert "older dedupe" in result.stderr
    assert client.keys() == [b"dedupe:parameters"]


@needs_redis
@pytest.mark.parametrize("layout", ["3", "4"])  # 3: 1,024 band hashes; 4: 16 band hashes, a field per band key
def test_an_index_of_an_older_layout_is_refused_untouched(server_url: str, layout: str) -> None:
    client = _client(f"{server_url}0")
    client.hset("dedupe:index", mapping={"layout": layout, "parameters": "{}"})
    result = runner.invoke(app, ["index", "add", "--db", f"{server_url}0", str(CHECK / "archive")])
    assert result.exit_code == 3
    assert f"another layout ({layout}, this dedupe reads 5): rebuild it" in result.stderr
    assert client.keys() == [b"dedupe:index"] and client.hgetall("dedupe:index") == {b"layout": layout.encode(),
                                                                                     b"parameters": b"{}"}


@needs_redis
def test_concurrent_overlapping_adds_store_and_count_each_document_once(server_url: str, tmp_path: Path) -> None:
    url = f"{server_url}0"
    first, second = tmp_path / "first", tmp_path / "second"
    for folder, seed in ((first, 1), (second, 2)):
        folder.mkdir()
        _write_jsonl(folder / "shared.jsonl", 0, 500, seed=0)  # the same 500 documents in both, added first
        _write_jsonl(folder / "z-own.jsonl", 1000 * seed, 150, seed=seed)
    runs = [_cli("index", "add", "--db", url, str(folder)) for folder in (first, second)]
    outputs = [run.communicate(timeout=300) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    counts = [_added(stdout) for stdout, _ in outputs]
    assert sum(a for a, _ in counts) == 800  # 500 shared + 2 x 150 own
    assert sum(k for _, k in counts) == 500  # each shared document indexed by one run, known to the other
    stats = _stats(url)
    assert (stats["documents"], stats["integrity"]) == (800, "ok")
    everything = [first / "shared.jsonl", first / "z-own.jsonl", second / "z-own.jsonl"]
    assert stats["band_keys"] == _sqlite_band_keys(everything, tmp_path)


@needs_binary
def test_a_server_killed_mid_add_is_exit_3_and_leaves_whole_documents(tmp_path: Path) -> None:
    pytest.importorskip("redis")
    (tmp_path / "server").mkdir()
    (tmp_path / "input").mkdir()
    server = Server(tmp_path / "server", persistent=True).start()  # appendfsync always: what was added survives
    url = server.url(0)
    _write_jsonl(tmp_path / "input" / "docs.jsonl", 0, 3000, seed=7)
    try:
        run = _cli("index", "add", "--db", url, str(tmp_path / "input"))
        deadline = time.monotonic() + 120
        while _client(url).hlen("dedupe:sha256") == 0 and time.monotonic() < deadline and run.poll() is None:
            time.sleep(0.01)
        server.kill()
        stdout, stderr = run.communicate(timeout=120)
        assert run.returncode == 3, stderr
        assert stderr.startswith(f"Error: cannot write to the Redis index at {url} after adding"), stderr
        assert "Traceback" not in stderr
        assert stdout == ""
        server.start()  # the same port and files: what the server had written before it died
        with RedisIndex(url, LSHLayout.from_config(ScanConfig()), create=False) as index:
            stats, integrity = index.stats(), index.integrity()
        assert 0 < stats.documents < 3000, "the add was not interrupted: kill it earlier"
        assert integrity == "ok"  # every document with its metadata, text and all its band keys, none half-written
        again = _cli("index", "add", "--db", url, str(tmp_path / "input"))
        stdout, stderr = again.communicate(timeout=300)
        assert again.returncode == 0, stderr
        assert _added(stdout) == (3000 - stats.documents, stats.documents)
        final = _stats(url)
        assert (final["documents"], final["integrity"]) == (3000, "ok")
        assert final["band_keys"] == _sqlite_band_keys([tmp_path / "input"], tmp_path)
    finally:
        server.kill()


def test_unreachable_redis_is_a_clear_error() -> None:
    pytest.importorskip("redis")
    url = f"redis://127.0.0.1:{_free_port()}/0"
    result = runner.invoke(app, ["index", "stats", "--db", url])
    assert result.exit_code == 3
    assert f"cannot reach the Redis index at {url}" in result.stderr


@needs_redis
def test_a_password_never_shows(server_url: str) -> None:
    url = f"{server_url}0"
    admin = _client(url)
    admin.config_set("requirepass", "s3cret")
    try:
        right, wrong = (url.replace("redis://", f"redis://:{pw}@") for pw in ("s3cret", "wr0ng"))
        added = runner.invoke(app, ["index", "add", "--db", right, str(CHECK / "archive")])
        assert added.exit_code == 0, added.stderr
        assert f"{url} now holds 4 documents" in added.stdout
        checked = runner.invoke(app, ["check", "--db", right, str(CHECK / "incoming"), "--format", "json"])
        assert json.loads(checked.stdout)["check"]["index"] == url
        refused = runner.invoke(app, ["index", "stats", "--db", wrong])
        assert refused.exit_code == 3
        assert f"cannot reach the Redis index at {url}" in refused.stderr
        assert not any("s3cret" in out or "wr0ng" in out for out in (added.output, checked.output, refused.output))
    finally:
        admin.config_set("requirepass", "")


def test_redacted_url_drops_only_the_password() -> None:
    assert redacted_url("redis://:pw@host:6379/2") == "redis://host:6379/2"
    assert redacted_url("redis://user:pw@[::1]:6379/0") == "redis://user@[::1]:6379/0"
    assert redacted_url("rediss://host/0?password=pw&ssl_cert_reqs=none") == "rediss://host/0?ssl_cert_reqs=none"
    assert redacted_url("redis://host:6379/0") == "redis://host:6379/0"


# Publications on Redis (issue-12's index API on issue-15's Redis layout): the same semantics as SQLite.


def _report(db: str, *args: str, input: str | None = None) -> tuple[int, dict[str, Any]]:
    result = runner.invoke(app, ["check", "--db", db, "--format", "json", *args], input=input)
    assert result.exit_code in (0, 1), result.stderr
    report: dict[str, Any] = json.loads(result.stdout)
    assert_valid_report(report)
    return result.exit_code, report


def _comparable(code: int, report: dict[str, Any]) -> tuple[object, ...]:
    check = report["check"]
    return (code, sorted((f["kind"], f["document"], f["other"], f["exact"], f["evidence"]) for f in report["findings"]),
            check["seen_before"], check["counts"], check["added"], check["already_indexed"],
            check["index_documents_before"], sorted((e["path"], e["kind"]) for e in report["errors"]))


def _publication_steps(db: str, tmp: Path) -> list[tuple[object, ...]]:
    """issue-12's publication scenarios, run against the index at ``db``: what each step reports."""
    incoming = tmp / "incoming"
    incoming.mkdir(exist_ok=True)
    (incoming / "copy.txt").write_bytes((CHECK / "archive" / "meridian-port-strike.txt").read_bytes())
    body = (CHECK / "archive" / "meridian-wildfire.txt").read_text(encoding="utf-8").split("\n\n", 1)[1]
    record = {"id": "w1", "text": body, "outlet": "Meridian News Agency", "url": "https://m.test/wildfire"}
    copy = {**record, "outlet": "Content Farm Daily", "url": "https://farm.test/wildfire"}
    other = {"id": "x", "text": "An unrelated note about tide tables and ferry timetables for the weekend. " * 3}
    steps = []
    added = runner.invoke(app, ["index", "add", "--db", db, str(CHECK / "archive"), "--batch", "first"])
    assert added.exit_code == 0, added.stderr
    steps.append(("add", _stats(db)["documents"], _stats(db)["texts"]))
    steps.append(_comparable(*_report(db, str(incoming), "--fail-on", "near-duplicate")))
    steps.append(_comparable(*_report(db, str(incoming), "--update", "--batch", "second", "--fail-on",
                                      "near-duplicate")))
    steps.append(("update", _stats(db)["documents"], _stats(db)["texts"]))
    steps.append(_comparable(*_report(db, str(incoming), "--fail-on", "near-duplicate")))
    steps.append(_comparable(*_report(db, str(CHECK / "archive" / "meridian-port-strike.txt"))))
    steps.append(_comparable(*_report(db, "-", "--update", "--batch", "third", input=json.dumps(record))))
    steps.append(_comparable(*_report(db, "-", "--update", "--batch", "fourth", "--fail-on", "near-duplicate",
                                      input=json.dumps(copy))))
    stream = json.dumps(other) + "\n" + json.dumps(copy)
    steps.append(_comparable(*_report(db, "-", "--fail-on", "near-duplicate", input=stream)))
    stats = _stats(db)
    steps.append(("end", stats["documents"], stats["texts"], stats["batches"], stats["band_keys"], stats["integrity"]))
    return steps


@needs_redis
def test_publications_on_redis_report_what_sqlite_reports(server_url: str, tmp_path: Path) -> None:
    url = f"{server_url}0"
    (tmp_path / "sqlite").mkdir()
    (tmp_path / "redis").mkdir()
    on_sqlite = _publication_steps(str(tmp_path / "sqlite" / "index.sqlite"), tmp_path / "sqlite")
    on_redis = _publication_steps(url, tmp_path / "redis")
    assert on_redis == on_sqlite
    # and what they report is issue-12's semantics
    assert on_redis[0] == ("add", 4, 4)
    code, findings, seen, counts, *_ = on_redis[1]
    assert code == 1 and seen == [] and counts["near-duplicate"] == {"archived": 1, "incoming": 0}
    assert [(k, d, o) for k, d, o, exact, _ in findings if exact] == [
        ("near-duplicate", "copy.txt", "archive:meridian-port-strike.txt")]
    assert on_redis[3] == ("update", 5, 4)  # a verbatim copy under another name: a publication, not a text
    assert on_redis[4][:3] == (0, [], ["copy.txt"])
    assert on_redis[5][2] == ["meridian-port-strike.txt"]  # the archived original from another root
    assert on_redis[7][0] == 1 and ("near-duplicate", "stdin#0", "archive:stdin#0") in {
        (k, d, o) for k, d, o, exact, _ in on_redis[7][1] if exact}
    assert on_redis[8][:3] == (0, [], ["stdin#1"])
    assert on_redis[9] == ("end", 7, 5, 4, on_sqlite[9][4], "ok")


@needs_redis
def test_index_add_on_redis_keeps_every_publication_once(server_url: str, tmp_path: Path) -> None:
    url = f"{server_url}0"
    story = "The harbour board approved a new ferry terminal on Tuesday after two years of consultation. " * 4
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text(story, encoding="utf-8")
    (tmp_path / "a" / "two.txt").write_text(story, encoding="utf-8")
    first = runner.invoke(app, ["index", "add", "--db", url, str(tmp_path / "a")])
    assert "added 2 documents (0 already indexed" in first.stdout
    again = runner.invoke(app, ["index", "add", "--db", url, str(tmp_path / "a")])
    assert "added 0 documents (2 already indexed" in again.stdout
    stats = _stats(url)
    assert (stats["documents"], stats["texts"], stats["integrity"]) == (2, 1, "ok")
    config = ScanConfig()
    with RedisIndex(url, LSHLayout.from_config(config), create=False) as index:
        n = index.text_row(story)
        assert n is not None and index.text_row(story + " More.") is None
        assert index.seen(Document("two.txt", story)) and index.seen(Document("a/one.txt", story))
        assert not index.seen(Document("three.txt", story))
        assert not index.seen(Document("one.txt", story, outlet="Content Farm Daily"))
        loaded, errors = index.load([n])
        assert errors == [] and [(a.rowid, a.document.id, a.document.text, a.publications) for a in loaded] == [
            (n, "one.txt", story, 2)]


@needs_redis
def test_redis_keeps_body_start_and_metadata(server_url: str) -> None:
    url = f"{server_url}0"
    config = ScanConfig()
    docs = read_inputs([CHECK / "archive"], config.read).documents
    assert any(d.body_start > 0 for d in docs)
    with RedisIndex(url, LSHLayout.from_config(config)) as index:
        index.add(keyed_documents(docs, LSHLayout.from_config(config)), "first")
        loaded, errors = index.load([index.text_row(d.text) or 0 for d in docs])
    assert errors == []
    assert sorted(((a.document, a.batch, a.publications) for a in loaded), key=lambda x: x[0].id) == sorted(
        ((d, "first", 1) for d in docs), key=lambda x: x[0].id)


@needs_redis
def test_a_damaged_text_on_redis_is_an_error_entry(server_url: str) -> None:
    url = f"{server_url}0"
    assert runner.invoke(app, ["index", "add", "--db", url, str(CHECK / "archive")]).exit_code == 0
    config = ScanConfig()
    text = next(d.text for d in read_inputs([CHECK / "archive"], config.read).documents
                if d.id == "coastline-bridge.txt")
    with RedisIndex(url, LSHLayout.from_config(config), create=False) as index:
        n = index.text_row(text)
    assert n is not None
    _client(url).hset("dedupe:text", str(n), b"\x00\xc0\xff\xee")
    code, report = _report(url, str(CHECK / "incoming"))
    assert code == 0
    damaged = [e for e in report["errors"] if e["kind"] == "damaged-text"]
    assert [e["path"] for e in damaged] == ["archive:coastline-bridge.txt"] and url in damaged[0]["message"]
    assert {f["other"] for f in report["findings"]} == {"archive:meridian-wildfire.txt"}  # the rest is checked


@needs_redis
def test_concurrent_adds_of_the_same_new_publications_record_each_once(server_url: str, tmp_path: Path) -> None:
    url = f"{server_url}0"
    base, farm, back = tmp_path / "base", tmp_path / "farm", tmp_path / "back"
    for folder in (base, farm, back):
        folder.mkdir()
    _write_jsonl(base / "docs.jsonl", 0, 600, seed=5)
    records = [json.loads(line) for line in (base / "docs.jsonl").read_text(encoding="utf-8").splitlines()]
    # the same texts under another outlet: new publications of texts already indexed; the second run takes them in
    # the opposite order, so that the two runs meet in the middle (a record is the same document by its URL)
    farmed = [json.dumps({**r, "outlet": "Content Farm Daily", "url": f"https://farm.test/{r['id']}"})
              for r in records]
    (farm / "docs.jsonl").write_text("\n".join(farmed) + "\n", encoding="utf-8")
    (back / "docs.jsonl").write_text("\n".join(reversed(farmed)) + "\n", encoding="utf-8")
    assert runner.invoke(app, ["index", "add", "--db", url, str(base)]).exit_code == 0
    runs = [_cli("index", "add", "--db", url, str(folder)) for folder in (farm, back)]
    outputs = [run.communicate(timeout=300) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    counts = [_added(stdout) for stdout, _ in outputs]
    assert (sum(a for a, _ in counts), sum(k for _, k in counts)) == (600, 600)
    stats = _stats(url)
    assert (stats["documents"], stats["texts"], stats["integrity"]) == (1200, 600, "ok")


@needs_redis
def test_a_publication_recorded_by_another_client_meanwhile_is_not_recorded_twice(server_url: str) -> None:
    """Between reading a text's publications and recording a new one, another client records the same one: the
    transaction is refused (WATCH), read again, and the document counts as already indexed."""
    url = f"{server_url}0"
    config = ScanConfig()
    story = "The harbour board approved a new ferry terminal on Tuesday after two years of consultation. " * 4
    original, farmed = Document("one.txt", story, outlet="Gazette"), Document("one.txt", story, outlet="Farm")
    with RedisIndex(url, LSHLayout.from_config(config)) as first, \
            RedisIndex(url, LSHLayout.from_config(config)) as second:
        first.add(keyed_documents([original], LSHLayout.from_config(config)), "base")
        read = first._read_publications
        calls = []

        def meanwhile(client: Any, n: int) -> Any:
            publications = read(client, n)
            if not calls:
                assert second.add(keyed_documents([farmed], LSHLayout.from_config(config)), "other") == AddResult(1, 0)
            calls.append(n)
            return publications

        first._read_publications = meanwhile  # type: ignore[method-assign]
        assert first.add(keyed_documents([farmed], LSHLayout.from_config(config)), "mine") == AddResult(0, 1)
        assert len(calls) == 2  # read again after the refused transaction
        stats = second.stats()
        assert (stats.documents, stats.texts, stats.batches, second.integrity()) == (2, 1, 2, "ok")


def test_the_report_module_does_not_need_redis() -> None:
    code = ("import sys\n"
            "class Block:\n"
            "    def find_spec(self, name, path=None, target=None):\n"
            "        if name == 'redis' or name.startswith('redis.'):\n"
            "            raise ImportError('no redis here')\n"
            "sys.meta_path.insert(0, Block())\n"
            "import dedupe.report.build, dedupe.index.check, dedupe.cli\n"
            "assert 'redis' not in sys.modules\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-c", code], check=True, env=env, cwd=ROOT)


@needs_redis
def test_a_check_without_update_only_reads_redis(server_url: str) -> None:
    url = f"{server_url}1"
    result = runner.invoke(app, ["check", "--db", url, str(CHECK / "incoming")])
    assert result.exit_code == 3
    assert f"no index at {url}" in result.stderr
    assert _client(url).dbsize() == 0


@needs_redis
def test_candidates_on_redis_are_the_sqlite_ones(server_url: str, tmp_path: Path) -> None:
    """Looked up all at once (as a check does) or one document at a time, Redis finds the texts SQLite finds (the
    texts get the same numbers in both when added in the same order by one client)."""
    config = ScanConfig()
    layout = LSHLayout.from_config(config)
    _write_jsonl(tmp_path / "archive.jsonl", 0, 300, seed=11)
    _write_jsonl(tmp_path / "fresh.jsonl", 1000, 40, seed=12)
    archive = read_inputs([tmp_path / "archive.jsonl"], config.read).documents
    edited = [Document(f"edit{n}", d.text.replace("harbour", "port") + " Updated.") for n, d in enumerate(archive[::5])]
    queries = [*read_inputs([tmp_path / "fresh.jsonl"], config.read).documents, *archive[::7], *edited]
    keys = [k for _, k in keyed_documents(queries, layout)]
    with SQLiteIndex(tmp_path / "index.sqlite", layout) as sqlite, RedisIndex(f"{server_url}0", layout) as redis:
        for index in (sqlite, redis):
            index.add(keyed_documents(archive, layout), "archive")
        expected = sqlite.candidates_of(keys)
        assert sum(1 for found in expected if found) >= len(archive[::7]) + len(edited)  # the copies are found
        assert redis.candidates_of(keys) == expected
        assert [redis.candidates(k) for k in keys[-5:]] == expected[-5:]
        assert redis.candidates_of([]) == [] and redis.candidates(keys[0][:0]) == []
