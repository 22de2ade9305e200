"""A readable plain-text summary of a report (the ``--format text`` output)."""

from __future__ import annotations

from typing import Any

_EXCERPT = 90


def _excerpt(text: str, span: list[int]) -> str:
    piece = " ".join(text[span[0] : span[1]].split())
    return piece if len(piece) <= _EXCERPT else piece[: _EXCERPT - 3] + "..."


def render_text(report: dict[str, Any], texts: dict[str, str]) -> str:
    """Summary, duplicate groups, matches with passage excerpts, and errors."""
    s = report["summary"]
    lines = [
        f"dedupe {report['tool']['version']}: {s['documents']} documents from {s['files']} files, {s['errors']} errors",
        f"{s['matches']} matches: {s['near_duplicates']} near-duplicate, {s['partial_reuse']} partial reuse; "
        f"{s['duplicate_groups']} duplicate groups",
        "",
    ]
    if report["duplicate_groups"]:
        lines.append("Duplicate groups")
        for n, g in enumerate(report["duplicate_groups"], 1):
            lines.append(f"  [{n}] " + ", ".join(g["documents"]))
        lines.append("")
    if report["matches"]:
        lines.append("Matches")
        for m in report["matches"]:
            lines.append(
                f"  {m['kind']}: {m['a']} <> {m['b']}  jaccard {m['similarity']:.2f}, "
                f"coverage {m['coverage']['a']:.2f}/{m['coverage']['b']:.2f}, "
                f"{len(m['passages'])} passage(s)"
            )
            for p in m["passages"][:3]:
                lines.append(f'      {p["a_span"]} "{_excerpt(texts.get(m["a"], ""), p["a_span"])}"')
        lines.append("")
    if report["errors"]:
        lines.append("Errors")
        lines.extend(f"  {e['path']}: {e['kind']}: {e['message']}" for e in report["errors"])
        lines.append("")
    return "\n".join(lines)
