"""The Redis index backend, against a real redis-server on loopback (skipped when there is none)."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator

import pytest
from typer.testing import CliRunner

from dedupe.cli import app
from tests.conftest import FIXTURES

pytest.importorskip("redis")
SERVER = shutil.which("redis-server")
pytestmark = pytest.mark.skipif(SERVER is None, reason="redis-server is not installed")
runner = CliRunner()
CHECK = FIXTURES / "check"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture()
def redis_url() -> Iterator[str]:
    port = _free_port()
    server = subprocess.Popen([str(SERVER), "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                               "--appendonly", "no"], stdout=subprocess.DEVNULL)
    try:
        for _ in range(100):
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_check_against_a_redis_index_gives_the_sqlite_findings(redis_url: str, tmp_path: object) -> None:
    added = runner.invoke(app, ["index", "add", "--db", redis_url, str(CHECK / "archive")])
    assert added.exit_code == 0, added.stderr
    assert "added 4 documents" in added.stdout
    result = runner.invoke(app, ["check", "--db", redis_url, str(CHECK / "incoming"), "--fail-on",
                                 "unattributed-reuse", "--format", "json", "--update"])
    assert result.exit_code == 1, result.stderr
    findings = {(f["kind"], f["document"], f["other"]) for f in json.loads(result.stdout)["findings"]}
    assert ("unattributed-reuse", "copied.txt", "archive:coastline-bridge.txt") in findings
    assert not any(k == "unattributed-reuse" and d == "credited.txt" for k, d, _ in findings)
    again = runner.invoke(app, ["index", "add", "--db", redis_url, str(CHECK / "incoming")])
    assert "added 0 documents (3 already indexed" in again.stdout
    stats = runner.invoke(app, ["index", "stats", "--db", redis_url, "--format", "json"])
    assert json.loads(stats.stdout)["documents"] == 7


def test_unreachable_redis_is_a_clear_error() -> None:
    result = runner.invoke(app, ["index", "stats", "--db", f"redis://127.0.0.1:{_free_port()}/0"])
    assert result.exit_code == 3
    assert "cannot reach the Redis index" in result.stderr
