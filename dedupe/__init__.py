"""dedupe: near-duplicate, syndicated-passage and source-attribution detection for news text."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from dedupe._version import __version__
from dedupe.config import FingerprintConfig, MatchConfig, ReadConfig, ScanConfig

if TYPE_CHECKING:
    from dedupe.engine.pipeline import ScanResult, scan
    from dedupe.report.build import REPORT_SCHEMA_VERSION, build_report, report_json

# Imported at first use (PEP 562), so that ``import dedupe.cli`` (``dedupe --version``, ``--help``) does not load
# the pipeline, numpy and the models.
_LAZY = {
    "ScanResult": "dedupe.engine.pipeline",
    "scan": "dedupe.engine.pipeline",
    "REPORT_SCHEMA_VERSION": "dedupe.report.build",
    "build_report": "dedupe.report.build",
    "report_json": "dedupe.report.build",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


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
