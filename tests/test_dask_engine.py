"""The Dask engine gives the report the local engine gives."""

from __future__ import annotations

from typing import Any

import pytest

from dedupe import build_report, report_json
from tests.conftest import FIXTURES

pytest.importorskip("distributed")


def test_dask_and_local_reports_are_identical(fixture_scan: Any) -> None:
    from dedupe.dask_engine import scan_dask

    _, local = fixture_scan
    result = scan_dask([FIXTURES], scheduler=None, partitions=7, processes=False)
    assert report_json(build_report(result, "test")) == report_json(local)
