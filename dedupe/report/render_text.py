"""A readable plain-text view of a report (the ``--format text`` output).

Headline first: claims grouped by their original source; then stories with their chain of custody,
duplicate groups, matches with direction and passage excerpts, and errors.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from dedupe.kinds import UNKNOWN_DIRECTION
from dedupe.report.escaping import escape_lines, github_message, github_property

_EXCERPT = 90
_CLAIMS_PER_SOURCE = 5
_TITLE = 60


def document_names(report: dict[str, Any]) -> dict[str, str]:
    """How a reader knows a document: "Outlet: Title [id]" (outlet and title where the input gave them)."""
    names = {}
    for d in report["documents"]:
        title = " ".join((d.get("title") or "").split())
        title = title if len(title) <= _TITLE else title[: _TITLE - 3] + "..."
        label = ": ".join(part for part in (d.get("outlet") or "", title) if part)
        names[d["id"]] = f"{label} [{d['id']}]" if label else d["id"]
    return names


def _cut(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _EXCERPT else text[: _EXCERPT - 3] + "..."


def _excerpt(text: str, span: list[int]) -> str:
    return _cut(text[span[0] : span[1]])


def _named_with(claim: dict[str, Any], source: str) -> str:
    """" (with Fox News)": the other sources the claim's sentence names beside the one it is listed under."""
    if not claim.get("also_sources"):
        return ""
    return f" (with {', '.join(n for n in (claim['source'], *claim['also_sources']) if n and n != source)})"


def _claims_by_source(report: dict[str, Any], names: dict[str, str]) -> list[str]:
    """Each original source with its claims; a claim found in several documents is shown once, with a count."""
    claims = {c["id"]: c for c in report["claims"]}
    lines = ["Claims by original source"]
    for src in report["sources"]:
        country = f", {src['country']}" if src.get("country") else ""
        shared = len(src.get("claim_groups", []))
        lines.append(f"  {src['name']} ({src.get('kind') or 'unknown'}{country}): {len(src['claims'])} claims, "
                     f"{shared} found in several documents, {len(src['documents'])} documents")
        seen: dict[str, list[dict[str, Any]]] = {}
        for cid in src["claims"]:
            c = claims[cid]
            seen.setdefault(c["group"] or c["id"], []).append(c)
        ranked = sorted(seen.values(), key=lambda occ: (-len(occ), occ[0]["id"]))
        for n, occurrences in enumerate(ranked):
            if n == _CLAIMS_PER_SOURCE:
                lines.append(f"      ... {len(ranked) - n} more claims")
                break
            first = occurrences[0]
            via = f" via {' -> '.join(first['via'])}" if first["via"] else ""
            via += _named_with(first, src["name"])
            flag = " [unverified]" if any(c["unverified"] for c in occurrences) else ""
            more = f" (+{len(occurrences) - 1} more)" if len(occurrences) > 1 else ""
            where = names.get(first["document"], first["document"]) + more
            lines.append(f'      "{_cut(first["text"])}"{via}{flag}  <- {where}')
    unattributed = sum(1 for c in report["claims"] if c["original_source"] is None)
    lines += [f"  unattributed: {unattributed} claims", ""]
    return lines


def _label(node: str, names: dict[str, str]) -> str:
    return node.removeprefix("source:") if node.startswith("source:") else names.get(node, node)


def _stories(report: dict[str, Any], names: dict[str, str]) -> list[str]:
    """The largest stories first (the report keeps its own order)."""
    lines = ["Stories"]
    for s in sorted(report["stories"], key=lambda s: (-len(s["documents"]), s["id"])):
        origin = s["origin"]
        lines.append(f"  {s['id']}: {len(s['documents'])} documents, {len(s['claim_groups'])} shared claims; "
                     f"origin {origin['source'] or 'unknown'} ({_label(origin['document'], names)}: "
                     f"{origin['evidence']})")
        for e in s["custody"]["edges"]:
            edge = f"{_label(e['from'], names)} -> {_label(e['to'], names)}"
            lines.append(f"      {edge}  [{e['kind']}: {e['evidence']}]")
    lines.append("")
    return lines


def _matches(report: dict[str, Any], texts: Mapping[str, str], names: dict[str, str]) -> list[str]:
    lines = ["Matches"]
    for m in report["matches"]:
        d = m["direction"]
        decided = d["status"] == "decided"
        a, b = names.get(m["a"], m["a"]), names.get(m["b"], m["b"])
        src, copy = (names.get(d["source"], d["source"]), names.get(d["copy"], d["copy"])) if decided else (a, b)
        arrow = f"{src} -> {copy}" if decided else f"{a} <> {b} (direction unknown)"
        lines.append(f"  {m['kind']}: {arrow}  jaccard {m['similarity']:.2f}, "
                     f"coverage {m['coverage']['a']:.2f}/{m['coverage']['b']:.2f}, {len(m['passages'])} passage(s)")
        if d["evidence"]:
            lines.append("      evidence: " + "; ".join(e["detail"] for e in d["evidence"]))
        for p in m["passages"][:3]:
            lines.append(f'      {p["a_span"]} "{_excerpt(texts.get(m["a"], ""), p["a_span"])}"')
    lines.append("")
    return lines


def render_text(report: dict[str, Any], texts: Mapping[str, str]) -> str:
    s = report["summary"]
    lines = [
        f"dedupe {report['tool']['version']}: {s['documents']} documents from {s['files']} files, {s['errors']} errors",
        f"{s['matches']} matches: {s['near_duplicates']} near-duplicate, {s['partial_reuse']} partial reuse; "
        f"{s['duplicate_groups']} duplicate groups; {s.get('stories', 0)} stories",
        "",
    ]
    names = document_names(report)
    if report.get("sources"):
        lines += _claims_by_source(report, names)
    if report.get("stories"):
        lines += _stories(report, names)
    if report["duplicate_groups"]:
        lines.append("Duplicate groups")
        lines += [f"  [{n}] " + "; ".join(names.get(d, d) for d in g["documents"])
                  for n, g in enumerate(report["duplicate_groups"], 1)]
        lines.append("")
    if report["matches"]:
        lines += _matches(report, texts, names)
    if report["errors"]:
        lines.append("Errors")
        lines.extend(f"  {e['path']}: {e['kind']}: {e['message']}" for e in report["errors"])
        lines.append("")
    return escape_lines(lines)


def _pair_arrow(finding: dict[str, Any]) -> str:
    """" <- ": the document reuses the other; " <> ": two incoming texts whose direction is unknown."""
    return " <> " if finding["evidence"].startswith(UNKNOWN_DIRECTION) else " <- "


def render_findings(report: dict[str, Any]) -> str:
    """``dedupe check --format text``: one line per finding, failing ones marked."""
    c = report["check"]
    counts = "; ".join(f"{kind} {n['archived']} archived, {n['incoming']} incoming"
                       for kind, n in c["counts"].items() if n["archived"] or n["incoming"])
    incoming = sum(1 for d in report["documents"] if not d.get("archived"))
    lines = [f"dedupe check: {incoming} incoming documents ({c['index_documents_before']} in the index "
             f"before), {len(report['findings'])} findings{f' ({counts})' if counts else ''}, {c['failing']} failing "
             f"(--fail-on {','.join(c['fail_on']) or 'nothing'})"]
    for f in report["findings"]:
        mark = "FAIL" if f["fails"] else "note"
        other = f"{_pair_arrow(f)}{f['other']}" if f["other"] else ""
        exact = " (exact copy)" if f.get("exact") else ""
        lines.append(f"  [{mark}] {f['kind']}{exact}: {f['document']}{other}: {f['evidence']}")
    if c["seen_before"]:
        lines.append(f"  already indexed (same document, seen before): {', '.join(c['seen_before'])}")
    if c["added"] or c["already_indexed"]:
        lines.append(f"  index updated: {c['added']} added, {c['already_indexed']} already there")
    lines += [f"  error: {e['path']}: {e['kind']}: {e['message']}" for e in report["errors"]]
    return escape_lines(lines) + "\n"


def render_github(report: dict[str, Any]) -> str:
    """GitHub Actions workflow commands: an error annotation per failing finding, a warning per other one."""
    lines = []
    for f in report["findings"]:
        level = "error" if f["fails"] else "warning"
        path = f["document"].split("#", 1)[0]
        other = f" (reuses {f['other']})" if f["other"] else ""
        lines.append(f"::{level} file={github_property(path)},title={github_property('dedupe ' + f['kind'])}::"
                     f"{github_message(f['document'] + other + ': ' + f['evidence'])}")
    for e in report["errors"]:  # a record's error on its file, like a finding ("feed.jsonl#2" -> feed.jsonl)
        lines.append(f"::warning file={github_property(e['path'].split('#', 1)[0])},title=dedupe unreadable input::"
                     f"{github_message(e['path'] + ': ' + e['kind'] + ': ' + e['message'])}")
    return "\n".join(lines) + ("\n" if lines else "")
