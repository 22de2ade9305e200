"""Golden reports: ``dedupe scan`` with default options must give byte-identical JSON to the stored one.

Two goldens in ``tests/golden/``:

- ``fixtures-report.json``: the whole report of ``dedupe scan fixtures/ -o FILE`` run from the repository root
  (the way the README runs it; document ids and error paths are relative to the folder scanned, so nothing in
  it depends on where the clone lives);
- ``synthetic-300.json.sha256``: the sha256 of the report of 300 documents of the synthetic benchmark corpus
  (``benchmarks/corpus.py``, seed 1, written as JSONL into a temporary folder); its report is ~4 MB, so only
  its digest is stored.

The reports hold ``tool.version`` and ``parameters.libraries`` (the versions of datasketch, numpy, rapidfuzz
and scikit-learn): the goldens are those of this environment's pinned libraries, so a version bump of dedupe or
of one of those libraries is a reason to regenerate them, as is any intended change of results.

Regenerate (then review ``git diff tests/golden/`` and commit the new goldens with the change that explains
them)::

    DEDUPE_REGENERATE_GOLDEN=1 python3 -m pytest tests/test_golden.py

Without the variable the tests only compare, byte for byte.
"""

from __future__ import annotations

import difflib
import hashlib
import itertools
import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from benchmarks.corpus import Corpus
from dedupe.cli import app
from tests.conftest import ROOT

GOLDEN = ROOT / "tests" / "golden"
REGENERATE = os.environ.get("DEDUPE_REGENERATE_GOLDEN") == "1"
SYNTHETIC_DOCUMENTS = 300
SYNTHETIC_SEED = 1


def _scan(args: list[str], out: Path) -> bytes:
    """The report as the CLI writes it with ``-o``."""
    result = CliRunner().invoke(app, ["scan", *args, "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out.read_bytes()


def _first_differences(expected: bytes, actual: bytes, lines: int = 40) -> str:
    diff = difflib.unified_diff(expected.decode("utf-8", "replace").splitlines(),
                                actual.decode("utf-8", "replace").splitlines(), "golden", "now", lineterm="", n=1)
    return "\n".join(line[:200] for line in itertools.islice(diff, lines))


def test_fixtures_report_is_unchanged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    report = _scan(["fixtures/"], tmp_path / "report.json")
    golden = GOLDEN / "fixtures-report.json"
    if REGENERATE:
        golden.write_bytes(report)
    expected = golden.read_bytes()
    assert report == expected, ("the report of the fixtures differs from tests/golden/fixtures-report.json "
                                f"(regenerate only for an intended change, see this file's docstring):\n"
                                f"{_first_differences(expected, report)}")


def test_synthetic_corpus_report_is_unchanged(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    Corpus(seed=SYNTHETIC_SEED).write_jsonl(corpus, SYNTHETIC_DOCUMENTS)
    report = _scan([str(corpus)], tmp_path / "report.json")
    digest = hashlib.sha256(report).hexdigest()
    golden = GOLDEN / "synthetic-300.json.sha256"
    if REGENERATE:
        golden.write_text(f"{digest}  synthetic-300.json\n", encoding="utf-8")
    expected = golden.read_text(encoding="utf-8").split()[0]
    assert digest == expected, ("the report of the synthetic corpus differs from its golden digest "
                                f"(summary now: {json.loads(report)['summary']}; regenerate only for an intended "
                                "change, see this file's docstring)")
