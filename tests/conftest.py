from __future__ import annotations

import json
import os
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
LABELS = ROOT / "tests" / "labels"
SCHEMA = ROOT / "dedupe" / "report" / "schema" / "report.schema.json"

# The role classifier's trained model goes to a folder of this test session, never the user's cache.
os.environ["DEDUPE_CACHE_DIR"] = tempfile.mkdtemp(prefix="dedupe-test-cache-")


@cache
def _validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def assert_valid_report(report: dict[str, Any]) -> None:
    """Every report a test produces goes through this: the shipped JSON Schema must accept it."""
    errors = sorted(_validator().iter_errors(report), key=lambda e: list(e.path))
    assert not errors, "; ".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


@pytest.fixture(scope="session")
def fixture_scan() -> Any:
    """One scan of the shipped fixtures, shared by the quality tests."""
    from dedupe import build_report, scan

    result = scan([FIXTURES])
    report = build_report(result, "test")
    assert_valid_report(report)
    return result, report
