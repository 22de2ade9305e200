"""RSS/Atom feeds (feedparser) and HTML pages (trafilatura) as Documents.

A feed gives one document per entry, id ``<file id>#<entry index>``; an HTML page gives one
document with the main text and the page's metadata. Bad input is returned as ReadErrors:
malformed XML, entries without text, entries repeated within the feed.
"""

from __future__ import annotations

import calendar
import hashlib
import re
import time
from datetime import datetime, timezone
from typing import Any

from dedupe.errors import InputError
from dedupe.models import Document, ReadError
from dedupe.text.normalize import valid_optional, valid_text

FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
_BLOCKS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section", "article")
_SPACES = re.compile(r"[ \t\r\f\v]+")
_BLANKS = re.compile(r"\s*\n\s*\n\s*")


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment, one paragraph per block element, separated by blank lines."""
    import lxml.html

    if not fragment.strip():
        return ""
    if "<" not in fragment:
        return fragment.strip()
    try:
        root = lxml.html.fromstring(f"<div>{fragment}</div>")
    except (ValueError, lxml.etree.ParserError):
        return ""
    for el in root.iter(*_BLOCKS):
        el.tail = "\n\n" + (el.tail or "")
    lines = [_SPACES.sub(" ", line).strip() for line in root.text_content().split("\n")]
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip()


def _iso(parsed: time.struct_time | None) -> str | None:
    if parsed is None:
        return None
    return datetime.fromtimestamp(calendar.timegm(parsed), tz=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _entry_text(entry: Any) -> str:
    contents = entry.get("content") or []
    html = contents[0].get("value", "") if contents else entry.get("summary", "")
    return html_to_text(html or "")


def _entry_document(doc_id: str, entry: Any, feed_title: str | None) -> Document:
    text = _entry_text(entry)
    if not text:
        raise InputError("empty", "the feed entry has no text (no content and no summary)")
    source = entry.get("source") or {}
    return Document(
        id=doc_id, text=valid_text(text), title=valid_optional(entry.get("title")),
        published=_iso(entry.get("published_parsed") or entry.get("updated_parsed")),
        outlet=valid_optional(source.get("title") or feed_title), url=valid_optional(entry.get("link")),
        author=valid_optional(entry.get("author")), record_id=valid_optional(entry.get("id") or entry.get("link")),
    )


def read_feed(file_id: str, data: bytes) -> tuple[list[Document], list[ReadError]]:
    """Documents of an RSS or Atom feed; never raises for bad input."""
    import feedparser

    try:
        parsed = feedparser.parse(data)
    except (ValueError, RecursionError) as exc:  # feedparser itself fails on "&#xD800;" (UnicodeEncodeError)
        return [], [ReadError(file_id, "malformed-xml", f"not a readable feed: {type(exc).__name__}: {exc}")]
    if not parsed.entries:
        if parsed.get("bozo"):
            reason = str(parsed.get("bozo_exception") or "not well-formed")
            return [], [ReadError(file_id, "malformed-xml", f"not a readable feed: {reason}")]
        kind = "empty" if parsed.get("version") else "malformed-xml"
        message = "the feed has no entries" if parsed.get("version") else "not an RSS or Atom feed"
        return [], [ReadError(file_id, kind, message)]
    feed_title = parsed.feed.get("title")
    docs: list[Document] = []
    errors: list[ReadError] = []
    seen: dict[tuple[str, str], int] = {}
    for n, entry in enumerate(parsed.entries):
        doc_id = f"{file_id}#{n}"
        try:
            doc = _entry_document(doc_id, entry, feed_title)
        except InputError as exc:
            errors.append(ReadError(doc_id, exc.kind, exc.message))
            continue
        key = (doc.record_id or "", hashlib.sha256(doc.text.encode("utf-8")).hexdigest())
        if key in seen:
            errors.append(ReadError(doc_id, "duplicate-entry", f"repeats entry #{seen[key]} of the same feed"))
            continue
        seen[key] = n
        docs.append(doc)
    return docs, errors


def _extracted(text: str, *, favor_precision: bool) -> dict[str, Any]:
    """trafilatura's main text and metadata of a page, as a dict (empty when it finds nothing)."""
    import trafilatura

    extracted = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False,
                                            include_tables=False, favor_precision=favor_precision)
    if isinstance(extracted, dict):
        return extracted
    return extracted.as_dict() if extracted is not None else {}


def read_html(file_id: str, text: str) -> Document:
    """The main text and metadata of an HTML page (trafilatura), or InputError(no-text)."""
    meta = _extracted(text, favor_precision=True)
    body = (meta.get("text") or "").strip()
    if not body:  # precision first; where it keeps nothing, trafilatura's default (12 of trafilatura's own test
        meta = _extracted(text, favor_precision=False)  # pages had text only this way)
        body = (meta.get("text") or "").strip()
    if not body:
        raise InputError("no-text", "no article text found in the HTML page")
    body = "\n\n".join(line.strip() for line in body.split("\n") if line.strip())
    return Document(id=file_id, text=valid_text(body), title=valid_optional(meta.get("title")),
                    published=valid_optional(meta.get("date")), outlet=valid_optional(meta.get("sitename")),
                    url=valid_optional(meta.get("url")), author=valid_optional(meta.get("author")))
