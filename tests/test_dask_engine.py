"""The Dask engine gives the report the local engine gives."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from typing import Any

import pytest

from dedupe import build_report, report_json
from tests.conftest import FIXTURES, ROOT

pytest.importorskip("distributed")


def test_dask_and_local_reports_are_identical(fixture_scan: Any) -> None:
    from dedupe.engine.dask_engine import scan_dask

    _, local = fixture_scan
    result = scan_dask([FIXTURES], scheduler=None, partitions=7, processes=False)
    assert report_json(build_report(result, "test")) == report_json(local)


@pytest.mark.parametrize("address", ["foo://bar", "nonsense", "tcp://127.0.0.1:{free}"])
def test_a_wrong_scheduler_address_is_a_clear_error(address: str) -> None:
    """Exit 3 with the address in one line, no traceback (also none from Dask's own clean-up at exit)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        address = address.format(free=s.getsockname()[1])  # nothing listens there once the socket closes
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    run = subprocess.run([sys.executable, "-m", "dedupe", "scan", "--engine", "dask", "--scheduler", address,
                          str(FIXTURES / "check" / "incoming"), "-o", os.devnull],
                         capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert run.returncode == 3, run.stderr
    assert run.stderr.startswith("Error: ") and address in run.stderr
    assert "Traceback" not in run.stderr
