"""``index add --workers N``: fingerprinting in worker processes gives the same index as in one process."""

from __future__ import annotations

import json
import random
import shutil
import sqlite3
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from dedupe.cli import app
from tests.conftest import FIXTURES

runner = CliRunner()
WORDS = ["harbour", "council", "bridge", "budget", "river", "vote", "minister", "school", "flood", "storm", "rail",
         "strike", "court", "report", "water", "energy", "price", "market", "housing", "police", "hospital"]
TABLES = ("meta", "texts", "publications", "runs", "band_runs")


def _archive(folder: Path) -> None:
    """The check fixtures' archive, and 450 records (more than two chunks of a transaction, several tasks per
    worker): some texts repeated under another outlet (new publications), some records twice (already indexed)."""
    shutil.copytree(FIXTURES / "check" / "archive", folder)
    rng = random.Random(11)
    records = []
    for n in range(400):
        text = " ".join(rng.choice(WORDS) + ("s" if rng.random() < 0.3 else "") for _ in range(150))
        records.append({"id": f"doc{n}", "outlet": "Gazette", "url": f"https://gazette.test/{n}",
                        "text": f"Story number {n}. {text}."})
    records += [{**r, "outlet": "Farm", "url": f"https://farm.test/{r['id']}"} for r in records[::10]]
    records += records[5:15]
    (folder / "feed.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")


def _tables(db: Path) -> dict[str, list[Any]]:
    with sqlite3.connect(db) as conn:
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in TABLES}


def _json(*args: str) -> dict[str, Any]:
    result = runner.invoke(app, [*args, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    out: dict[str, Any] = json.loads(result.stdout)
    return out


def test_the_index_does_not_depend_on_the_number_of_workers(tmp_path: Path) -> None:
    _archive(tmp_path / "archive")
    dbs = {n: tmp_path / f"workers{n}.sqlite" for n in (1, 2)}
    for n, db in dbs.items():
        result = runner.invoke(app, ["index", "add", "--db", str(db), str(tmp_path / "archive"), "--batch", "archive",
                                     "--workers", str(n), "--quiet"])
        assert result.exit_code == 0, result.stderr
        assert "added 444 documents (10 already indexed, 0 unreadable)" in result.stdout
    stats = {n: _json("index", "stats", "--db", str(db)) for n, db in dbs.items()}
    assert {**stats[1], "path": ""} == {**stats[2], "path": ""}
    assert stats[1]["integrity"] == "ok" and stats[1]["texts"] == 404
    assert _tables(dbs[1]) == _tables(dbs[2])  # the same rows: texts, publications and band-key runs
    incoming = [str(FIXTURES / "check" / "incoming"), str(tmp_path / "archive" / "feed.jsonl")]
    reports = {n: _json("check", "--db", str(db), *incoming) for n, db in dbs.items()}
    assert reports[1]["findings"] and reports[1]["findings"] == reports[2]["findings"]
    assert reports[1]["check"]["counts"] == reports[2]["check"]["counts"]
