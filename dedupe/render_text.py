"""A readable plain-text summary of a report (the ``--format text`` output)."""

from __future__ import annotations

from typing import Any

_EXCERPT = 90
_CLAIMS_PER_SOURCE = 5


def _excerpt(text: str, span: list[int]) -> str:
    piece = " ".join(text[span[0] : span[1]].split())
    return piece if len(piece) <= _EXCERPT else piece[: _EXCERPT - 3] + "..."


def _claims_by_source(report: dict[str, Any]) -> list[str]:
    """Each source with its claims; the same sentence republished elsewhere is shown once, with a count."""
    claims = {c["id"]: c for c in report["claims"]}
    lines = ["Claims by source"]
    for src in report["sources"]:
        country = f", {src['country']}" if src.get("country") else ""
        lines.append(f"  {src['name']} ({src.get('kind') or 'unknown'}{country}): "
                     f"{len(src['claims'])} claims in {len(src['documents'])} documents")
        seen: dict[str, list[dict[str, Any]]] = {}
        for cid in src["claims"]:
            c = claims[cid]
            seen.setdefault(" ".join(c["text"].split()), []).append(c)
        for n, (text, occurrences) in enumerate(seen.items()):
            if n == _CLAIMS_PER_SOURCE:
                lines.append(f"      ... {len(seen) - n} more distinct claims")
                break
            first = occurrences[0]
            via = f" via {' -> '.join(first['via'])}" if first["via"] else ""
            flag = " [unverified]" if first["unverified"] else ""
            where = first["document"] + (f" (+{len(occurrences) - 1} more)" if len(occurrences) > 1 else "")
            excerpt = text if len(text) <= _EXCERPT else text[: _EXCERPT - 3] + "..."
            lines.append(f'      "{excerpt}"{via}{flag}  <- {where}')
    unattributed = sum(1 for c in report["claims"] if c["source"] is None)
    lines.append(f"  unattributed: {unattributed} claims")
    lines.append("")
    return lines


def render_text(report: dict[str, Any], texts: dict[str, str]) -> str:
    """Summary, duplicate groups, matches with passage excerpts, claims by source, and errors."""
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
    if report.get("sources"):
        lines.extend(_claims_by_source(report))
    if report["errors"]:
        lines.append("Errors")
        lines.extend(f"  {e['path']}: {e['kind']}: {e['message']}" for e in report["errors"])
        lines.append("")
    return "\n".join(lines)
