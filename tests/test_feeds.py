"""RSS/Atom feeds, HTML pages and JSONL on stdin as inputs."""

from __future__ import annotations

import io
import json
from typing import Any

from dedupe.config import ReadConfig
from dedupe.io.feeds import html_to_text
from dedupe.io.readers import read_inputs
from tests.conftest import FIXTURES

FEEDS = FIXTURES / "feeds"


def _read(*names: str) -> tuple[dict[str, object], dict[str, tuple[str, str]]]:
    result = read_inputs([FEEDS / n for n in names], ReadConfig())
    return {d.id: d for d in result.documents}, {e.path: (e.kind, e.message) for e in result.errors}


def test_rss_entries_become_documents_with_metadata() -> None:
    docs, errors = _read("wire.rss")
    assert not errors
    assert sorted(docs) == [f"wire.rss#{n}" for n in range(4)]
    first = docs["wire.rss#0"]
    assert first.outlet == "Harbour Wire"  # type: ignore[attr-defined]
    assert first.published == "2026-02-02T01:30:00Z"  # type: ignore[attr-defined]
    assert first.url.startswith("https://harbourwire.test/")  # type: ignore[attr-defined]
    assert "<p>" not in first.text and "\n\n" in first.text  # type: ignore[attr-defined]


def test_atom_entries() -> None:
    docs, errors = _read("portal.atom")
    assert not errors and len(docs) == 3
    assert all(d.outlet == "Pacific Portal" and d.published for d in docs.values())  # type: ignore[attr-defined]


def test_malformed_feed_and_empty_html_are_errors_with_reasons() -> None:
    docs, errors = _read("broken.rss", "broken.html", "wire.rss")
    assert len(docs) == 4  # the good file is still read
    assert errors["broken.rss"][0] == "malformed-xml" and "unclosed token" in errors["broken.rss"][1]
    assert errors["broken.html"] == ("no-text", "no article text found in the HTML page")


def test_missing_dates_are_kept_and_duplicate_entries_reported() -> None:
    docs, errors = _read("no-dates.rss")
    assert sorted(docs) == ["no-dates.rss#0", "no-dates.rss#1"]
    assert all(d.published is None for d in docs.values())  # type: ignore[attr-defined]
    assert errors == {"no-dates.rss#2": ("duplicate-entry", "repeats entry #0 of the same feed")}


def test_html_page_main_text_and_metadata() -> None:
    docs, errors = _read("story.html")
    page = docs["story.html"]
    assert not errors
    assert page.outlet == "Tasman Times" and page.published == "2026-02-03"  # type: ignore[attr-defined]
    assert page.author and page.title  # type: ignore[attr-defined]
    assert "cookie" not in page.text.lower()  # type: ignore[attr-defined]
    assert "Harbour Wire reported" in page.text  # type: ignore[attr-defined]


def test_a_page_the_precise_extraction_empties_keeps_the_default_extractions_text(monkeypatch: Any) -> None:
    """Real pages (12 of trafilatura's own test pages) give text only without favor_precision: no page whose text
    trafilatura can read is lost as no-text."""
    import trafilatura

    real = trafilatura.bare_extraction

    def precise_finds_nothing(*args: Any, **kwargs: Any) -> Any:
        return None if kwargs.get("favor_precision") else real(*args, **kwargs)

    monkeypatch.setattr(trafilatura, "bare_extraction", precise_finds_nothing)
    docs, errors = _read("story.html", "broken.html")
    assert "story.html" in docs and docs["story.html"].text  # type: ignore[attr-defined]
    assert errors["broken.html"][0] == "no-text"  # nothing in either extraction is still an error


def test_html_to_text_paragraphs() -> None:
    assert html_to_text("<p>One &amp; two.</p><p>Three<br>four</p>") == "One & two.\n\nThree\n\nfour"
    assert html_to_text("plain text") == "plain text"
    assert html_to_text("") == ""


def test_jsonl_from_stdin() -> None:
    lines = [json.dumps({"id": "x", "text": "A wire story about a port strike.", "outlet": "Wire"}), "{not json"]
    result = read_inputs(["-"], ReadConfig(), io.BytesIO("\n".join(lines).encode()))
    assert [d.id for d in result.documents] == ["stdin#0"]
    assert [(e.path, e.kind) for e in result.errors] == [("stdin#1", "malformed-json")]
