"""The HTML view: self-contained (nothing fetched from the network), escaped, and showing provenance."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from dedupe import build_report, scan
from dedupe.cli import app
from dedupe.report.render_html import highlighted, render_html
from tests.test_provenance import COPY, WIRE


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(html: str) -> _Collect:
    parser = _Collect()
    parser.feed(html)
    parser.close()
    return parser


def _texts(result: Any) -> dict[str, str]:
    return {a.document.id: a.document.text for a in result.analyses}


def test_fixture_report_is_self_contained_and_shows_every_story(fixture_scan: Any) -> None:
    result, report = fixture_scan
    page = parse(render_html(report, _texts(result)))
    names = {tag for tag, _ in page.tags}
    assert not names & {"script", "link", "img", "iframe", "object", "embed"}
    for _, attrs in page.tags:
        for key, value in attrs.items():
            if key != "xmlns" and value:
                assert "http:" not in value and "https:" not in value and not value.startswith("//"), (key, value)
    sections = {attrs.get("id") for tag, attrs in page.tags if tag == "section"}
    assert sections == {s["id"] for s in report["stories"]}
    assert sum(tag == "svg" for tag, _ in page.tags) == len(report["stories"])
    marks = sum(tag == "mark" for tag, _ in page.tags)
    in_stories = {d for s in report["stories"] for d in s["documents"]}
    shown = [m for m in report["matches"] if m["a"] in in_stories and m["b"] in in_stories]
    assert marks >= sum(len(m["passages"]) for m in shown) > 0
    text = " ".join(page.text)
    for s in report["stories"]:
        assert f"origin {s['origin']['source'] or 'unknown'}" in text  # no named source: shown as unknown


def test_texts_are_escaped(tmp_path: Path) -> None:
    hostile = WIRE.replace("two days of talks", "two days of <script>alert('x')</script> talks")
    (tmp_path / "ani.txt").write_text(hostile, encoding="utf-8")
    (tmp_path / "portal.txt").write_text(COPY, encoding="utf-8")
    result = scan([tmp_path])
    html = render_html(build_report(result, "test"), _texts(result))
    assert "<script" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html


def test_highlighted_merges_overlaps_and_escapes() -> None:
    assert highlighted("a<b>cdef", [[1, 4], [3, 6]]) == "a<mark>&lt;b&gt;cd</mark>ef"
    assert highlighted("abc", []) == "abc"


def test_cli_writes_html(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "ani.txt").write_text(WIRE, encoding="utf-8")
    (tmp_path / "in" / "portal.txt").write_text(COPY, encoding="utf-8")
    out = tmp_path / "report.html"
    result = CliRunner().invoke(app, ["scan", str(tmp_path / "in"), "--format", "html", "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    page = parse(out.read_text(encoding="utf-8"))
    assert any(tag == "section" and attrs.get("id") == "story-1" for tag, attrs in page.tags)


def test_views_name_documents_by_outlet_and_title_and_show_the_largest_story_first(fixture_scan: Any) -> None:
    from dedupe.report.render_text import document_names, render_text

    result, report = fixture_scan
    names = document_names(report)
    titled = next(d for d in report["documents"] if d["outlet"] and d["title"])
    assert names[titled["id"]].startswith(f"{titled['outlet']}: ") and names[titled["id"]].endswith(f"[{titled['id']}]")
    text = render_text(report, _texts(result))
    sizes = [len(s["documents"]) for s in report["stories"]]
    story_lines = [line for line in text.splitlines() if line.startswith("  story-")]
    shown = [int(line.split(": ", 1)[1].split(" documents")[0]) for line in story_lines]
    assert shown == sorted(sizes, reverse=True) and len(shown) == len(sizes)
    page = parse(render_html(report, _texts(result)))
    order = [attrs.get("id") for tag, attrs in page.tags if tag == "section"]
    by_id = {s["id"]: len(s["documents"]) for s in report["stories"]}
    assert [by_id[i] for i in order] == sorted(by_id.values(), reverse=True)
    hover = {attrs.get("title") for tag, attrs in page.tags if tag == "span"}
    assert {d for s in report["stories"] for d in s["documents"]} & hover  # ids stay on hover


def test_a_large_custody_graph_collapses_each_column() -> None:
    from dedupe.report.render_html import MAX_PER_COLUMN, custody_svg

    docs = [f"portal-{n:02d}.txt" for n in range(60)]
    nodes = [{"id": "source:TASS"}, {"id": "wire.txt"}, *({"id": d} for d in docs)]
    edges = [{"from": "source:TASS", "to": "wire.txt", "kind": "relay", "evidence": "TASS reported"},
             *({"from": "wire.txt", "to": d, "kind": "reuse", "evidence": "copy"} for d in docs)]
    svg = custody_svg({"id": "story-1", "custody": {"nodes": nodes, "edges": edges}})
    page = parse(svg)
    assert sum(tag == "rect" for tag, _ in page.tags) == 2 + MAX_PER_COLUMN
    assert f"+{60 - MAX_PER_COLUMN + 1} more" in " ".join(page.text)
    assert sum(tag == "line" for tag, _ in page.tags) == 1 + MAX_PER_COLUMN  # one edge to "+N more", not 49
    small = custody_svg({"id": "s", "custody": {"nodes": nodes[:5], "edges": edges[:4]}})
    assert "more" not in " ".join(parse(small).text)
