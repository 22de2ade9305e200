"""dedupe: near-duplicate, syndicated-passage and source-attribution detection for news text."""

from __future__ import annotations

__version__ = "0.1.0"

from dedupe.config import FingerprintConfig, MatchConfig, ReadConfig, ScanConfig
from dedupe.engine.pipeline import ScanResult, scan
from dedupe.report.build import REPORT_SCHEMA_VERSION, build_report, report_json

__all__ = [
    "REPORT_SCHEMA_VERSION",
    "FingerprintConfig",
    "MatchConfig",
    "ReadConfig",
    "ScanConfig",
    "ScanResult",
    "__version__",
    "build_report",
    "report_json",
    "scan",
]
