from __future__ import annotations

import json
from pathlib import Path

from dedupe.config import ReadConfig
from dedupe.io.readers import parse_header, read_inputs

from .conftest import FIXTURES


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_header_variants() -> None:
    assert parse_header("title: A\noutlet: ANI\npublished: 2024-06-20\n\nBody.") == (
        {"title": "A", "outlet": "ANI", "published": "2024-06-20"},
        len("title: A\noutlet: ANI\npublished: 2024-06-20\n\n"),
    )
    assert parse_header("---\ntitle: 'Quoted'\ndate: 2024-01-02\n---\nBody") == (
        {"title": "Quoted", "published": "2024-01-02"},
        len("---\ntitle: 'Quoted'\ndate: 2024-01-02\n---\n"),
    )
    assert parse_header("date 2024-06-20 Russian officials said") == ({"published": "2024-06-20"}, 16)
    assert parse_header("Note: not a header key\n\nBody") == ({}, 0)
    assert parse_header("A plain article.") == ({}, 0)


def test_ids_are_relative_posix_paths_with_record_numbers(tmp_path: Path) -> None:
    write(tmp_path / "a" / "one.txt", "Body of one.")
    write(tmp_path / "feed.jsonl", json.dumps({"text": "first"}) + "\n" + json.dumps({"body": "second"}) + "\n")
    write(tmp_path / "arr.json", json.dumps([{"content": "x"}, {"text": "y", "headline": "H", "link": "u"}]))
    write(tmp_path / "obj.json", json.dumps({"text": "z", "id": "rec-9"}))
    write(tmp_path / "skip.dat", "a,b")
    result = read_inputs([tmp_path], ReadConfig())
    assert [d.id for d in result.documents] == [
        "a/one.txt", "arr.json#0", "arr.json#1", "feed.jsonl#0", "feed.jsonl#1", "obj.json",
    ]
    arr1 = result.documents[2]
    assert (arr1.title, arr1.url) == ("H", "u")
    assert result.documents[-1].record_id == "rec-9"
    assert result.errors == ()


def test_include_and_exclude_globs(tmp_path: Path) -> None:
    write(tmp_path / "keep" / "x.md", "Kept.")
    write(tmp_path / "drafts" / "y.md", "Dropped.")
    write(tmp_path / "z.txt", "Not included.")
    config = ReadConfig(include=("*.md",), exclude=("drafts/*",))
    assert [d.id for d in read_inputs([tmp_path], config).documents] == ["keep/x.md"]


def test_every_bad_fixture_is_an_error_and_the_rest_is_read() -> None:
    result = read_inputs([FIXTURES / "bad"], ReadConfig())
    kinds = {e.path: e.kind for e in result.errors}
    assert kinds == {
        "binary-image.txt": "binary",
        "empty.txt": "empty",
        "header-only.txt": "empty",
        "garbled-bytes.txt": "encoding",
        "latin1-story.txt": "decoded-as",  # read, with a warning that windows-1252 was guessed
        "mixed-records.jsonl#1": "malformed-json",
        "mixed-records.jsonl#2": "missing-field",
        "mixed-records.jsonl#3": "malformed-record",
        "truncated-export.json": "malformed-json",
        "whitespace-only.md": "empty",
    }
    assert all(len(e.message) > 10 for e in result.errors)
    assert [d.id for d in result.documents] == ["latin1-story.txt", "mixed-records.jsonl#0"]


def test_unreadable_and_missing_paths_are_errors(tmp_path: Path) -> None:
    write(tmp_path / "good.txt", "A good article.")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    result = read_inputs([tmp_path, tmp_path / "missing-dir"], ReadConfig())
    assert [d.id for d in result.documents] == ["good.txt"]
    assert {(e.path, e.kind) for e in result.errors} == {
        ("dangling.txt", "unreadable"), (str(tmp_path / "missing-dir"), "not-found"),
    }


def test_oversized_file_is_an_error(tmp_path: Path) -> None:
    write(tmp_path / "big.txt", "word " * 100)
    result = read_inputs([tmp_path], ReadConfig(max_bytes=50))
    assert [(e.kind) for e in result.errors] == ["too-large"]


def test_an_empty_json_array_is_an_error(tmp_path: Path) -> None:
    write(tmp_path / "none.json", " [ ] ")
    write(tmp_path / "one.json", json.dumps([{"text": "A story."}]))
    result = read_inputs([tmp_path], ReadConfig())
    assert [d.id for d in result.documents] == ["one.json#0"]
    assert [(e.path, e.kind) for e in result.errors] == [("none.json", "empty")]
