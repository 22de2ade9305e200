"""JSON Feed (jsonfeed.org, versions 1.0 and 1.1) as Documents: one per item, id ``<file id>#<item index>``."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from dedupe.errors import InputError
from dedupe.io.feeds import html_to_text
from dedupe.models import Document, ReadError
from dedupe.text.normalize import valid_optional, valid_text

VERSION_PREFIX = "https://jsonfeed.org/version/"


def is_json_feed(data: Any) -> bool:
    """A JSON object with a jsonfeed.org ``version`` and an ``items`` array."""
    return (isinstance(data, dict) and isinstance(data.get("version"), str)
            and data["version"].startswith(VERSION_PREFIX) and isinstance(data.get("items"), list))


def _string(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _utc(value: Any) -> str | None:
    """An RFC 3339 date as UTC ``YYYY-MM-DDTHH:MM:SSZ`` (like RSS dates); anything else as given."""
    text = _string(value)
    if text is None:
        return None
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        return text
    if parsed.tzinfo is None:
        return text
    return parsed.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _authors(obj: dict[str, Any]) -> str | None:
    """Names of ``authors`` (1.1) or ``author`` (1.0)."""
    authors = obj.get("authors")
    people: list[Any] = authors if isinstance(authors, list) else [obj.get("author")]
    names = [p["name"] for p in people if isinstance(p, dict) and _string(p.get("name"))]
    return ", ".join(names) or None


def _item_text(item: dict[str, Any]) -> str:
    text = _string(item.get("content_text"))
    if text is None and _string(item.get("content_html")):
        text = html_to_text(item["content_html"]) or None
    return (text or _string(item.get("summary")) or "").strip()


def _item_document(doc_id: str, item: Any, feed: dict[str, Any]) -> Document:
    if not isinstance(item, dict):
        raise InputError("malformed-record", f"expected a JSON Feed item object, got {type(item).__name__}")
    text = _item_text(item)
    if not text:
        raise InputError("empty", "the JSON Feed item has no text (no content_text, content_html or summary)")
    item_id = item.get("id")
    return Document(
        id=doc_id, text=valid_text(text), title=valid_optional(_string(item.get("title"))),
        published=valid_optional(_utc(item.get("date_published"))),
        outlet=valid_optional(_string(feed.get("title"))), url=valid_optional(_string(item.get("url"))),
        author=valid_optional(_authors(item) or _authors(feed)),
        record_id=valid_optional(str(item_id) if isinstance(item_id, str | int) else None),
    )


def read_json_feed(file_id: str, feed: dict[str, Any]) -> tuple[list[Document], list[ReadError]]:
    """Documents of a parsed JSON Feed; a bad item is an error, the others are kept."""
    if not feed["items"]:
        return [], [ReadError(file_id, "empty", "the JSON Feed has no items")]
    docs: list[Document] = []
    errors: list[ReadError] = []
    for n, item in enumerate(feed["items"]):
        try:
            docs.append(_item_document(f"{file_id}#{n}", item, feed))
        except InputError as exc:
            errors.append(ReadError(f"{file_id}#{n}", exc.kind, exc.message))
    return docs, errors
