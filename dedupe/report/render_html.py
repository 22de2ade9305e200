"""A self-contained HTML view of a report (``--format html``): no scripts, fonts or images from the network.

Per story: the chain of custody (an inline SVG graph and its edges as a list), the claims grouped by
original source, and every match side by side with the reused passages highlighted in both texts.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from html import escape
from typing import Any

from dedupe.report.escaping import markup_text
from dedupe.report.render_text import document_names

_CSS = """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1d232a;background:#f6f7f9}
header,main{max-width:1280px;margin:0 auto;padding:12px 20px}
header{background:#1d3557;color:#fff;max-width:none}
h1{font-size:22px;margin:4px 0}h2{font-size:19px;margin:28px 0 8px}h3{font-size:16px;margin:18px 0 6px}
section.story{background:#fff;border:1px solid #d8dde3;border-radius:6px;padding:8px 18px 14px;margin:18px 0}
table{border-collapse:collapse;width:100%;font-size:14px}td,th{border-top:1px solid #e3e6ea;padding:4px 6px;
text-align:left;vertical-align:top}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:12px}
.doc{white-space:pre-wrap;font:13px/1.5 ui-monospace,Menlo,Consolas,monospace;background:#fbfbfc;
border:1px solid #e3e6ea;padding:8px;max-height:420px;overflow:auto}
mark{background:#ffe08a;padding:0}
.muted{color:#5b6670}.tag{display:inline-block;border-radius:3px;padding:0 5px;font-size:12px;background:#e8eef6}
.unknown{background:#f1e4e4}svg text{font:12px system-ui,sans-serif}
details{margin:6px 0}summary{cursor:pointer}
"""

_NODE_W, _NODE_H, _COL_GAP, _ROW_GAP = 190, 26, 70, 12


def _e(value: object) -> str:
    return escape(markup_text(str(value)), quote=True)


def _label(node: str) -> str:
    return node.removeprefix("source:")


def _doc(doc_id: str, names: dict[str, str]) -> str:
    """A document as a reader knows it (outlet: title), its id on hover."""
    return f'<span title="{_e(doc_id)}">{_e(names.get(doc_id, doc_id))}</span>'


def _node(node: str, names: dict[str, str]) -> str:
    return _e(_label(node)) if node.startswith("source:") else _doc(node, names)


def _layers(nodes: list[str], edges: list[dict[str, Any]]) -> dict[str, int]:
    """Column of each node: the longest chain of edges leading to it (cycles are cut at len(nodes))."""
    layer = dict.fromkeys(nodes, 0)
    for _ in range(len(nodes)):
        changed = False
        for e in edges:
            if layer[e["to"]] < layer[e["from"]] + 1 <= len(nodes):
                layer[e["to"]] = layer[e["from"]] + 1
                changed = True
        if not changed:
            break
    return layer


MAX_PER_COLUMN = 12  # a column of a larger story shows its 11 most connected nodes and one "+N more"


def _collapsed(columns: dict[int, list[str]], edges: list[dict[str, Any]]) -> tuple[dict[int, list[str]],
                                                                                   list[dict[str, Any]]]:
    """Columns of at most MAX_PER_COLUMN nodes; edges of the nodes left out end at their column's "+N more"."""
    degree: dict[str, int] = defaultdict(int)
    for e in edges:
        degree[e["from"]] += 1
        degree[e["to"]] += 1
    moved: dict[str, str] = {}
    out: dict[int, list[str]] = {}
    for c, col in columns.items():
        if len(col) <= MAX_PER_COLUMN:
            out[c] = col
            continue
        ranked = sorted(col, key=lambda n: (-degree[n], n))
        more = f"more:{c}:+{len(col) - MAX_PER_COLUMN + 1} more"
        out[c] = [*ranked[: MAX_PER_COLUMN - 1], more]
        moved.update((n, more) for n in ranked[MAX_PER_COLUMN - 1:])
    kept: dict[tuple[str, str, str], dict[str, Any]] = {}
    for e in edges:
        start, end = moved.get(e["from"], e["from"]), moved.get(e["to"], e["to"])
        kept.setdefault((start, end, e["kind"]), {**e, "from": start, "to": end})
    return out, list(kept.values())


def custody_svg(story: dict[str, Any]) -> str:
    """The chain of custody as a left-to-right layered graph; large columns collapse into "+N more"."""
    nodes = [n["id"] for n in story["custody"]["nodes"]]
    layer = _layers(nodes, story["custody"]["edges"])
    by_layer: dict[int, list[str]] = defaultdict(list)
    for n in nodes:
        by_layer[layer[n]].append(n)
    columns, edges = _collapsed(by_layer, story["custody"]["edges"])
    pos = {n: (c * (_NODE_W + _COL_GAP) + 10, r * (_NODE_H + _ROW_GAP) + 10)
           for c, col in columns.items() for r, n in enumerate(col)}
    width = (max(columns) + 1) * (_NODE_W + _COL_GAP) if columns else 0
    height = max((len(c) for c in columns.values()), default=0) * (_NODE_H + _ROW_GAP) + 20
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img" '
             f'aria-label="chain of custody of {_e(story["id"])}">',
             '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
             'orient="auto"><path d="M0,0L10,5L0,10z" fill="#51606f"/></marker></defs>']
    colour = {"reuse": "#c0392b", "credit": "#2471a3", "relay": "#7d3c98"}
    for e in edges:
        (x1, y1), (x2, y2) = pos[e["from"]], pos[e["to"]]
        parts.append(f'<line x1="{x1 + _NODE_W}" y1="{y1 + _NODE_H / 2}" x2="{x2}" y2="{y2 + _NODE_H / 2}" '
                     f'stroke="{colour.get(e["kind"], "#51606f")}" stroke-width="1.4" marker-end="url(#arrow)">'
                     f'<title>{_e(e["kind"])}: {_e(e["evidence"])}</title></line>')
    for n, (x, y) in pos.items():
        fill = "#e8eef6" if n.startswith("source:") else "#f2f3f4" if n.startswith("more:") else "#fdf2e9"
        text = n.rsplit(":", 1)[-1] if n.startswith("more:") else _label(n)
        name = text if n.startswith("source:") else text.rsplit("/", 1)[-1]
        short = name if len(name) <= 28 else name[:26] + "..."
        parts.append(f'<g><rect x="{x}" y="{y}" width="{_NODE_W}" height="{_NODE_H}" rx="4" fill="{fill}" '
                     f'stroke="#8a96a3"/><text x="{x + 6}" y="{y + 17}">{_e(short)}</text>'
                     f"<title>{_e(text)}</title></g>")
    parts.append("</svg>")
    return "".join(parts)


def highlighted(text: str, spans: list[list[int]]) -> str:
    """The text, escaped, with each [start, end) span wrapped in <mark> (overlaps merged)."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    out, at = [], 0
    for start, end in merged:
        out += [_e(text[at:start]), "<mark>", _e(text[start:end]), "</mark>"]
        at = end
    out.append(_e(text[at:]))
    return "".join(out)


def _claims_table(story: dict[str, Any], groups: dict[str, dict[str, Any]], claims: dict[str, dict[str, Any]],
                  names: dict[str, str]) -> str:
    rows = []
    by_source: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for gid in story["claim_groups"]:
        g = groups[gid]
        by_source[g["original_source"] or "unknown"].append(g)
    for source in sorted(by_source, key=lambda s: (-len(by_source[s]), s)):
        for g in by_source[source]:
            first = claims[g["occurrences"][0]["claim"]]
            docs = ", ".join(_doc(o["document"], names) for o in g["occurrences"])
            said = sorted({o["source"] or "none" for o in g["occurrences"]})
            rows.append(f"<tr><td>{_e(source)}</td><td>{_e(first['text'])}</td><td>{len(g['occurrences'])}</td>"
                        f"<td class=muted>{docs}</td><td class=muted>{_e(', '.join(said))}</td></tr>")
    head = ("<tr><th>original source</th><th>claim</th><th>found in</th><th>documents</th>"
            "<th>attributed there to</th></tr>")
    return f"<table>{head}{''.join(rows)}</table>" if rows else "<p class=muted>No claim found in two documents.</p>"


def _match_block(m: dict[str, Any], texts: Mapping[str, str], names: dict[str, str]) -> str:
    d = m["direction"]
    if d["status"] == "decided":
        left, right = d["source"], d["copy"]
        title = f"{_doc(left, names)} &rarr; {_doc(right, names)}"
    else:
        left, right = m["a"], m["b"]
        title = f"{_doc(left, names)} &harr; {_doc(right, names)} <span class='tag unknown'>direction unknown</span>"
    side = "a_span" if left == m["a"] else "b_span"
    other = "b_span" if side == "a_span" else "a_span"
    evidence = "".join(f"<li>{_e(e['kind'])}: {_e(e['detail'])}</li>" for e in d["evidence"])
    left_text = highlighted(texts.get(left, ""), [p[side] for p in m["passages"]])
    right_text = highlighted(texts.get(right, ""), [p[other] for p in m["passages"]])
    return (f"<details><summary><span class=tag>{_e(m['kind'])}</span> {title} "
            f"<span class=muted>Jaccard {m['similarity']:.2f}, {len(m['passages'])} passages</span></summary>"
            f"<ul class=muted>{evidence}</ul><div class=pair>"
            f"<div><h3>{_doc(left, names)}</h3><div class=doc>{left_text}</div></div>"
            f"<div><h3>{_doc(right, names)}</h3><div class=doc>{right_text}</div></div></div></details>")


def _story_section(story: dict[str, Any], report: dict[str, Any], texts: Mapping[str, str],
                   names: dict[str, str]) -> str:
    groups = {g["id"]: g for g in report["claim_groups"]}
    claims = {c["id"]: c for c in report["claims"]}
    docs = set(story["documents"])
    matches = [m for m in report["matches"] if m["a"] in docs and m["b"] in docs]
    edges = "".join(f"<li>{_node(e['from'], names)} &rarr; {_node(e['to'], names)} "
                    f"<span class=muted>({_e(e['kind'])}: {_e(e['evidence'])})</span></li>"
                    for e in story["custody"]["edges"])
    origin = story["origin"]
    return (f'<section class=story id="{_e(story["id"])}"><h2>{_e(story["id"])}: origin '
            f"{_e(origin['source'] or 'unknown')}</h2><p class=muted>{len(docs)} documents; origin document "
            f"{_doc(origin['document'], names)} ({_e(origin['evidence'])})</p><h3>Chain of custody</h3>"
            f"<div style='overflow-x:auto'>{custody_svg(story)}</div><details><summary>edges</summary><ul>{edges}</ul>"
            f"</details><h3>Claims by original source</h3>{_claims_table(story, groups, claims, names)}"
            f"<h3>Reused text</h3>{''.join(_match_block(m, texts, names) for m in matches)}</section>")


def _sources_table(report: dict[str, Any]) -> str:
    rows = "".join(f"<tr><td>{_e(s['name'])}</td><td>{_e(s['kind'])}</td><td>{_e(s['country'] or '')}</td>"
                   f"<td>{len(s['claims'])}</td><td>{len(s.get('claim_groups', []))}</td>"
                   f"<td>{len(s['documents'])}</td></tr>"
                   for s in report["sources"])
    return ("<table><tr><th>original source</th><th>kind</th><th>country</th><th>claims</th>"
            f"<th>shared claims</th><th>documents</th></tr>{rows}</table>")


def render_html(report: dict[str, Any], texts: Mapping[str, str]) -> str:
    s = report["summary"]
    errors = "".join(f"<li>{_e(e['path'])}: {_e(e['kind'])}: {_e(e['message'])}</li>" for e in report["errors"])
    names = document_names(report)
    largest_first = sorted(report["stories"], key=lambda st: (-len(st["documents"]), st["id"]))
    stories = "".join(_story_section(st, report, texts, names) for st in largest_first)
    return (
        "<!DOCTYPE html><html lang=en><head><meta charset=utf-8>"
        "<meta name=viewport content='width=device-width,initial-scale=1'>"
        f"<title>dedupe provenance report</title><style>{_CSS}</style></head><body>"
        f"<header><h1>dedupe provenance report</h1><div>{s['documents']} documents, {s['matches']} matches, "
        f"{s.get('stories', 0)} stories, {s.get('claim_groups', 0)} shared claims, {s['errors']} errors; "
        f"dedupe {_e(report['tool']['version'])}, report schema {_e(report['schema_version'])}</div></header><main>"
        f"<h2>Claims by original source</h2>{_sources_table(report)}<h2>Stories</h2>{stories or '<p>None.</p>'}"
        f"<h2>Errors</h2>{'<ul>' + errors + '</ul>' if errors else '<p>None.</p>'}</main></body></html>\n"
    )
