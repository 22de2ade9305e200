"""Find input files and turn them into Documents; every failure becomes a ReadError."""

from __future__ import annotations

import fnmatch
import json
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, BinaryIO

from dedupe.config import FieldNames, ReadConfig
from dedupe.errors import InputError
from dedupe.io.encoding import (
    Decoded,
    bom_encoding,
    codec_name,
    declared_html_charset,
    declared_xml_encoding,
    decode_bytes,
    utf8_xml,
)
from dedupe.io.feeds import FEED_SUFFIXES, HTML_SUFFIXES, read_feed, read_html
from dedupe.io.jsonfeed import is_json_feed, read_json_feed
from dedupe.io.tables import TABLE_DELIMITERS, table_rows
from dedupe.models import Document, ReadError
from dedupe.text.normalize import SURROGATES, valid_text

HEADER_KEYS = {
    "title": "title",
    "headline": "title",
    "date": "published",
    "published": "published",
    "source": "outlet",
    "outlet": "outlet",
    "publisher": "outlet",
    "url": "url",
    "link": "url",
    "author": "author",
    "byline": "author",
}
_HEADER_LINE = re.compile(r"^([A-Za-z_]+)\s*:\s*(.*?)\s*$")
_DATE_PREFIX = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})(?:[T ][\d:]+)?\s+")
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}


@dataclass(frozen=True, slots=True)
class InputFile:
    path: Path
    id: str


@dataclass(frozen=True, slots=True)
class ReadResult:
    documents: tuple[Document, ...]
    errors: tuple[ReadError, ...]
    files: int


def path_id(path: str) -> str:
    """A file name as valid UTF-8 text: bytes that are not UTF-8 (decoded by Python as surrogate escapes)
    become ``\\xNN``, so ids, errors and reports can always be written."""
    if not SURROGATES.search(path):
        return path
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _matches(rel: str, patterns: Iterable[str]) -> bool:
    name = rel.rsplit("/", 1)[-1]
    return any(fnmatch.fnmatchcase(rel if "/" in p else name, p) for p in patterns)


def _common_root(paths: list[Path]) -> Path:
    bases = [p if p.is_dir() else p.parent for p in paths]
    return Path(os.path.commonpath([str(b) for b in bases])) if bases else Path(".")


def discover(paths: Iterable[str | Path], config: ReadConfig) -> tuple[list[InputFile], list[ReadError]]:
    """Files below ``paths`` that match the include globs, sorted by id; missing paths are errors."""
    found: list[InputFile] = []
    errors: list[ReadError] = []
    existing: list[Path] = []
    for raw in paths:
        p = Path(raw).absolute()
        if not os.path.lexists(p):
            name = path_id(str(raw))
            errors.append(ReadError(name, "not-found", f"no such file or directory: {name}"))
        else:
            existing.append(p)
    root = _common_root(existing)
    for p in existing:
        for f in _walk(p, errors, str(p.relative_to(root)) if p != root else ""):
            rel = f.relative_to(root).as_posix()
            if _matches(rel, config.include) and not _matches(rel, config.exclude):
                found.append(InputFile(f, path_id(rel)))
    unique = {f.id: f for f in found}
    return sorted(unique.values(), key=lambda f: f.id), errors


def _walk(path: Path, errors: list[ReadError], label: str) -> Iterator[Path]:
    if not path.is_dir():
        yield path
        return

    def onerror(exc: OSError) -> None:
        errors.append(ReadError(path_id(str(exc.filename or label)), "unreadable",
                                f"cannot list directory: {exc.strerror}"))

    for dirpath, dirnames, filenames in os.walk(path, onerror=onerror):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith("."):
                yield Path(dirpath) / name


def check_text(text: str) -> None:
    """InputError(empty | binary) for decoded text that cannot be a document."""
    if not text.strip():
        raise InputError("empty", "file is empty" if not text else "file holds only white space")
    controls = sum(1 for ch in text[:4096] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > max(8, len(text[:4096]) // 20):
        raise InputError("binary", "file looks binary (control characters): not a text document")


def decode(data: bytes, declared: str | None = None) -> Decoded:
    """The text of a file (BOM, ``declared`` charset, UTF-8, then a guess), or InputError(empty | binary |
    encoding)."""
    if not data.strip():
        raise InputError("empty", "file is empty" if not data else "file holds only white space")
    decoded = decode_bytes(data, declared)
    check_text(decoded.text)
    return decoded


def decoding_warnings(file_id: str, decoded: Decoded) -> list[ReadError]:
    """A ``decoded-as`` entry for errors[] when the encoding was guessed or is not the declared one."""
    return [ReadError(file_id, "decoded-as", decoded.warning)] if decoded.warning else []


def _with_encoding(docs: list[Document], encoding: str | None) -> list[Document]:
    return docs if encoding is None else [replace(d, encoding=encoding) for d in docs]


def parse_header(text: str) -> tuple[dict[str, str], int]:
    """Metadata from a leading ``key: value`` block, YAML front matter or a ``date YYYY-MM-DD`` prefix.

    Returns the metadata and the offset where the body starts.
    """
    meta: dict[str, str] = {}
    m = _DATE_PREFIX.match(text)
    if m:
        return {"published": m.group(1)}, m.end()
    lines = text.split("\n")
    fenced = bool(lines) and lines[0].strip() == "---"
    offset = len(lines[0]) + 1 if fenced else 0
    for line in lines[1:] if fenced else lines:
        stripped = line.strip()
        if fenced and stripped == "---":
            return meta, min(offset + len(line) + 1, len(text))
        hm = _HEADER_LINE.match(line)
        if not stripped and not fenced:
            return (meta, offset + len(line) + 1) if meta else ({}, 0)
        if hm is None or hm.group(1).lower() not in HEADER_KEYS:
            if fenced:
                offset += len(line) + 1
                continue
            return ({}, 0)
        meta[HEADER_KEYS[hm.group(1).lower()]] = hm.group(2).strip("'\"")
        offset += len(line) + 1
    return ({}, 0) if fenced or len(lines) < 2 else (meta, min(offset, len(text)))


def _text_document(doc_id: str, text: str) -> Document:
    meta, body_start = parse_header(text)
    if not text[body_start:].strip():
        raise InputError("empty", "the file has a metadata header but no article text")
    return Document(id=doc_id, text=text, title=meta.get("title"), published=meta.get("published"),
                    outlet=meta.get("outlet"), url=meta.get("url"), author=meta.get("author"), body_start=body_start)


def _field(record: dict[str, Any], names: tuple[str, ...]) -> str | None:
    for name in names:
        value = record.get(name)
        if value is not None and not isinstance(value, dict | list):
            return valid_text(str(value))
    return None


def record_document(doc_id: str, record: Any, fields: FieldNames) -> Document:
    """A Document from one JSON object, or InputError(malformed-record | missing-field | empty)."""
    if not isinstance(record, dict):
        raise InputError("malformed-record", f"expected a JSON object, got {type(record).__name__}")
    text = next((record[n] for n in fields.text if isinstance(record.get(n), str)), None)
    if text is None:
        raise InputError("missing-field", f"no text field (looked for: {', '.join(fields.text)})")
    if not text.strip():
        raise InputError("empty", "the record's text is empty")
    return Document(
        id=doc_id,
        text=valid_text(text),
        title=_field(record, fields.title),
        published=_field(record, fields.published),
        outlet=_field(record, fields.outlet),
        url=_field(record, fields.url),
        author=_field(record, fields.author),
        record_id=_field(record, fields.id),
    )


_JSON_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def json_depth(text: str) -> int:
    """The deepest nesting of arrays and objects in JSON text (strings skipped)."""
    depth = deepest = 0
    for m in _JSON_TOKENS.finditer(text):
        token = m.group()
        if token in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif token in "]}":
            depth -= 1
    return deepest


def parse_json(text: str, line: int | None = None) -> Any:
    """``json.loads``, or InputError(malformed-json), also for JSON nested too deeply for the parser (Python's
    recursion limit). ``line``: the line of a JSONL file that ``text`` is."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        where = f"at line {exc.lineno}" if line is None else f"on line {line}"
        raise InputError("malformed-json", f"invalid JSON {where} column {exc.colno}: {exc.msg}") from None
    except ValueError as exc:  # an integer of more than 4300 digits
        where = "" if line is None else f" on line {line}"
        raise InputError("malformed-json", f"unreadable JSON{where}: {exc}") from None
    except RecursionError:
        where = "" if line is None else f" on line {line}"
        raise InputError("malformed-json", f"JSON nested {json_depth(text)} levels deep{where}: too deep to read "
                                           f"(the limit is about {sys.getrecursionlimit()})") from None


def _json_records(data: Any) -> list[Any]:
    if data == []:
        raise InputError("empty", "the JSON array holds no records")
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        return [data]
    raise InputError("malformed-json", f"expected a JSON object or array, got {type(data).__name__}")


def read_records(file: InputFile, text: str, fields: FieldNames) -> tuple[list[Document], list[ReadError]]:
    """Documents from a .json / .jsonl file; a bad record is an error, the others are kept."""
    docs: list[Document] = []
    errors: list[ReadError] = []
    if file.path.suffix.lower() in JSONL_SUFFIXES:
        items: list[tuple[int, Any]] = []
        for n, line in enumerate(text.split("\n")):
            if line.strip():
                try:
                    items.append((n, parse_json(line, n + 1)))
                except InputError as exc:
                    errors.append(ReadError(f"{file.id}#{n}", exc.kind, exc.message))
    else:
        data = parse_json(text)
        if is_json_feed(data):
            return read_json_feed(file.id, data)
        records = _json_records(data)
        items = list(enumerate(records)) if len(records) != 1 or text.lstrip().startswith("[") else [(-1, records[0])]
    for n, record in items:
        doc_id = file.id if n < 0 else f"{file.id}#{n}"
        try:
            docs.append(record_document(doc_id, record, fields))
        except InputError as exc:
            errors.append(ReadError(doc_id, exc.kind, exc.message))
    return docs, errors


def read_table(file: InputFile, text: str, fields: FieldNames) -> tuple[list[Document], list[ReadError]]:
    """Documents from the rows of a .csv / .tsv file (columns named as JSON fields); a bad row is an error."""
    docs: list[Document] = []
    errors: list[ReadError] = []
    try:
        for n, row in table_rows(text, TABLE_DELIMITERS[file.path.suffix.lower()], fields.text):
            try:
                docs.append(record_document(f"{file.id}#{n}", row, fields))
            except InputError as exc:
                errors.append(ReadError(f"{file.id}#{n}", exc.kind, exc.message))
    except InputError as exc:
        errors.append(ReadError(file.id, exc.kind, exc.message))
    return docs, errors


def read_file(file: InputFile, config: ReadConfig) -> tuple[list[Document], list[ReadError]]:
    """Documents of one file. Never raises for bad input: failures are returned as ReadErrors."""
    try:
        data = read_regular(file.path, config.max_bytes)
        suffix = file.path.suffix.lower()
        if suffix in FEED_SUFFIXES:
            return _read_feed_file(file.id, data)
        decoded = decode(data, declared_html_charset(data) if suffix in HTML_SUFFIXES else None)
        errors: list[ReadError] = []
        if suffix in HTML_SUFFIXES:
            docs = [read_html(file.id, decoded.text)]
        elif suffix in JSON_SUFFIXES | JSONL_SUFFIXES:
            docs, errors = read_records(file, decoded.text, config.fields)
        elif suffix in TABLE_DELIMITERS:
            docs, errors = read_table(file, decoded.text, config.fields)
        else:
            docs = [_text_document(file.id, decoded.text)]
        return _with_encoding(docs, decoded.encoding), errors + decoding_warnings(file.id, decoded)
    except InputError as exc:
        return [], [ReadError(file.id, exc.kind, exc.message)]
    except OSError as exc:
        return [], [ReadError(file.id, "unreadable", f"cannot read file: {exc.strerror or exc}")]


def _read_feed_file(file_id: str, data: bytes) -> tuple[list[Document], list[ReadError]]:
    """A feed's bytes go to feedparser, which applies the XML declaration's encoding; a BOM, or bytes neither
    declared nor UTF-8, are decoded here and handed on as UTF-8."""
    if not data.strip():
        raise InputError("empty", "file is empty" if not data else "file holds only white space")
    declared = None if bom_encoding(data) else declared_xml_encoding(data)
    if declared is not None and codec_name(declared) is not None:
        docs, errors = read_feed(file_id, data)
        encoding = codec_name(declared)
        return _with_encoding(docs, None if encoding == "utf-8" else encoding), errors
    decoded = decode(data)
    if decoded.encoding is None and bom_encoding(data) is None:
        return read_feed(file_id, data)
    docs, errors = read_feed(file_id, utf8_xml(decoded.text))
    return _with_encoding(docs, decoded.encoding), errors + decoding_warnings(file_id, decoded)


def read_regular(path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file, or InputError(not-regular-file | too-large). Opened without blocking, so a
    named pipe (or a device) among the inputs is reported instead of waiting forever for a writer."""
    _check_regular(os.stat(path).st_mode)  # a socket cannot even be opened
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as f:
        st = os.fstat(fd)
        _check_regular(st.st_mode)  # replaced since the stat
        if st.st_size > max_bytes:
            raise InputError("too-large", f"file is {st.st_size} bytes, over the limit of {max_bytes}")
        return f.read()


def _check_regular(mode: int) -> None:
    if not stat.S_ISREG(mode):
        raise InputError("not-regular-file", f"not a regular file ({_file_type(mode)}): not read")


def _file_type(mode: int) -> str:
    kinds = ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
             (stat.S_ISBLK, "a block device"), (stat.S_ISDIR, "a directory"))
    return next((name for test, name in kinds if test(mode)), "a special file")


STDIN = "-"


def read_stream(data: bytes, fields: FieldNames, label: str = "stdin") -> tuple[list[Document], list[ReadError]]:
    """JSONL records from a stream (``-`` on the command line): ids ``stdin#N``."""
    try:
        decoded = decode(data)
        docs, errors = read_records(InputFile(Path(f"{label}.jsonl"), label), decoded.text, fields)
        return _with_encoding(docs, decoded.encoding), errors + decoding_warnings(label, decoded)
    except InputError as exc:
        return [], [ReadError(label, exc.kind, exc.message)]


def read_inputs(paths: Iterable[str | Path], config: ReadConfig, stdin: BinaryIO | None = None) -> ReadResult:
    """All documents and errors below ``paths``, in id order; ``-`` reads JSONL from ``stdin``."""
    paths = list(paths)
    files, errors = discover([p for p in paths if str(p) != STDIN], config)
    docs: list[Document] = []
    if any(str(p) == STDIN for p in paths):
        d, e = read_stream((stdin or sys.stdin.buffer).read(), config.fields)
        docs.extend(d)
        errors.extend(e)
    for f in files:
        d, e = read_file(f, config)
        docs.extend(d)
        errors.extend(e)
    count = len(files) + any(str(p) == STDIN for p in paths)
    return ReadResult(tuple(docs), tuple(sorted(errors, key=lambda e: (e.path, e.kind))), count)
