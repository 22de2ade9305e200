"""The report of ``dedupe check``: the scan report of the batch and its archived matches, plus the findings and
the index state (the check's report lives with the check; ``report.build`` knows nothing of the index)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from dedupe.index.check import ARCHIVE_PREFIX, CheckResult, Finding
from dedupe.index.redis_store import is_redis_url, redacted_url
from dedupe.io.readers import path_id
from dedupe.kinds import FINDING_KINDS
from dedupe.report.build import build_report


def finding_entry(f: Finding, fail_on: frozenset[str]) -> dict[str, Any]:
    return {"kind": f.kind, "document": f.document, "other": f.other, "evidence": f.evidence, "exact": f.exact,
            "fails": f.kind in fail_on}


def finding_counts(findings: tuple[Finding, ...]) -> dict[str, dict[str, int]]:
    """Findings per kind: against an archived text, or within the batch (``incoming``; derivative is always)."""
    counts = {kind: {"archived": 0, "incoming": 0} for kind in FINDING_KINDS}
    for f in findings:
        counts[f.kind]["archived" if (f.other or "").startswith(ARCHIVE_PREFIX) else "incoming"] += 1
    return counts


def check_report(result: CheckResult, tool_version: str, fail_on: frozenset[str], db: str) -> dict[str, Any]:
    """The scan report of the batch and its archived matches, plus the findings and the index state."""
    report = build_report(result.scan, tool_version)
    report["findings"] = [finding_entry(f, fail_on) for f in result.findings]
    report["check"] = {
        "index": redacted_url(db) if is_redis_url(db) else path_id(Path(db).name),
        "index_documents_before": result.index_before.documents,
        "counts": finding_counts(result.findings),
        "added": result.added.added if result.added else 0,
        "already_indexed": result.added.already_indexed if result.added else 0,
        "seen_before": list(result.seen_before),
        "fail_on": sorted(fail_on),
        "failing": sum(f.kind in fail_on for f in result.findings),
    }
    return report
