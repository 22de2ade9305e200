"""JSON Feed (jsonfeed.org 1.0 / 1.1) files as inputs."""

from __future__ import annotations

import json
from pathlib import Path

from dedupe.config import ReadConfig
from dedupe.io.jsonfeed import is_json_feed
from dedupe.io.readers import read_inputs
from tests.conftest import FIXTURES


def test_json_feed_items_become_documents_with_metadata() -> None:
    result = read_inputs([FIXTURES / "feeds" / "newsroom.json"], ReadConfig())
    assert result.errors == ()
    docs = {d.id: d for d in result.documents}
    assert sorted(docs) == ["newsroom.json#0", "newsroom.json#1", "newsroom.json#2"]
    lock, bridge, market = docs["newsroom.json#0"], docs["newsroom.json#1"], docs["newsroom.json#2"]
    assert (lock.record_id, lock.outlet, lock.author) == ("lc-2041", "Lowland Courier", "Anke Vos")
    assert lock.published == "2026-02-09T07:30:00Z"  # UTC, like RSS dates
    assert lock.url == "https://lowland-courier.test/2026/02/canal-lock"
    assert "\n\nEngineers replaced" in lock.text
    assert bridge.text.startswith("A cycle bridge") and "<p>" not in bridge.text and "\n\n" in bridge.text
    assert bridge.author == "Courier Newsdesk"  # the feed's authors when the item has none
    assert (market.record_id, market.author, market.published) == ("2043", "Piet de Wit", None)
    assert market.text.startswith("Work on the market hall roof")


def test_bad_items_are_errors_and_an_empty_feed_is_empty(tmp_path: Path) -> None:
    feed = {"version": "https://jsonfeed.org/version/1", "title": "T",
            "items": [{"id": "1", "content_text": "A story."}, {"id": "2", "title": "no text"}, "x"]}
    (tmp_path / "f.json").write_text(json.dumps(feed), encoding="utf-8")
    (tmp_path / "none.json").write_text(json.dumps({**feed, "items": []}), encoding="utf-8")
    result = read_inputs([tmp_path], ReadConfig())
    assert [d.id for d in result.documents] == ["f.json#0"]
    assert [(e.path, e.kind) for e in result.errors] == [
        ("f.json#1", "empty"), ("f.json#2", "malformed-record"), ("none.json", "empty")]


def test_only_objects_with_a_jsonfeed_version_and_items_are_feeds() -> None:
    assert is_json_feed({"version": "https://jsonfeed.org/version/1.1", "items": []})
    assert not is_json_feed({"version": "2", "items": [], "text": "a record with a version field"})
    assert not is_json_feed([{"version": "https://jsonfeed.org/version/1.1", "items": []}])
