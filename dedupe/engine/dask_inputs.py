"""What the Dask engine's workers read, and the corpus-boilerplate pass split between workers and client.

The client only lists files (``discover``) and their sizes; it plans *parts*: runs of whole files, or, for a
large JSONL file, byte spans (a span holds the lines that start in it). Workers read the parts, so
document texts never pass through the client or the task graph. A span's first line number (for the ids
``file#N`` and the messages "on line N") comes from a first pass in which each worker counts the lines of its
span; the same pass checks that the file reads as ``read_file`` would read it in one piece (UTF-8 without a
BOM, not binary, not blank). A file that fails the check is read whole by one worker instead, so ids, errors
and their messages are the local engine's whatever the partitioning.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from dedupe.config import ReadConfig
from dedupe.copies.boilerplate import carrier_shares, common_keys, corpus_keys
from dedupe.errors import InputError
from dedupe.io.encoding import bom_encoding
from dedupe.io.readers import JSONL_SUFFIXES, InputFile, check_text, parse_json, read_file, record_document
from dedupe.models import Document, ReadError

MIN_SPAN = 1 << 16  # bytes: the first span of a file holds at least 16 K characters, more than check_text looks at


@dataclass(frozen=True, slots=True)
class InputPart:
    """One read task: whole ``files``, or the lines of ``files[0]`` that start in the byte ``span``."""

    files: tuple[InputFile, ...]
    span: tuple[int, int] | None = None
    first_line: int = 0  # of a span: the number of lines before it


@dataclass(frozen=True, slots=True)
class SpanCheck:
    lines: int  # lines that start in the span
    plain: bool  # UTF-8 throughout (and, for the first span, no BOM and not binary or blank)


@dataclass(frozen=True, slots=True)
class ReadPart:
    """A part as read on a worker: its documents in reading order, its errors, each document's line keys."""

    docs: list[Document]
    errors: list[ReadError]
    line_keys: list[list[int]]


@dataclass(frozen=True, slots=True)
class PartMeta:
    """What the client learns of a read part: ids, errors and line keys (one array of every document's distinct
    keys), never texts."""

    ids: list[str]
    errors: list[ReadError]
    line_keys: np.ndarray


def _size(file: InputFile, config: ReadConfig) -> int | None:
    """The size of a JSONL file that may be read in spans; None for any other file (read whole by one task)."""
    if file.path.suffix.lower() not in JSONL_SUFFIXES:
        return None
    try:
        st = os.stat(file.path)
    except OSError:
        return None
    return st.st_size if stat.S_ISREG(st.st_mode) and st.st_size <= config.max_bytes else None


def plan_parts(files: Sequence[InputFile], config: ReadConfig, parts: int) -> list[InputPart]:
    """Parts of at most 1 / ``parts`` of the input's bytes (or one file), in the order of ``files``: a JSONL file
    larger than that becomes spans (settled by ``settle_spans``), other files are grouped."""
    sizes = [_size(f, config) for f in files]
    weights = [s if s is not None else _bytes(f) for f, s in zip(files, sizes, strict=True)]
    target = max(MIN_SPAN, -(-sum(weights) // max(1, parts)))
    out: list[InputPart] = []
    group: list[InputFile] = []
    held = 0
    for file, size, weight in zip(files, sizes, weights, strict=True):
        if size is not None and size > target:
            if group:
                out.append(InputPart(tuple(group)))
                group, held = [], 0
            out += [InputPart((file,), (lo, min(lo + target, size))) for lo in range(0, size, target)]
            continue
        if group and held + weight > target:  # a part holds no more than the target, unless one file does
            out.append(InputPart(tuple(group)))
            group, held = [], 0
        group.append(file)
        held += weight
    return [*out, InputPart(tuple(group))] if group else out


def _bytes(file: InputFile) -> int:
    try:
        return os.stat(file.path).st_size
    except OSError:
        return 0


def settle_spans(parts: Sequence[InputPart], checks: dict[int, SpanCheck]) -> list[InputPart]:
    """The parts with each span's first line number; the spans of a file that failed a check (``checks`` by
    index of the part) become one whole-file part."""
    out: list[InputPart] = []
    by_file: dict[Path, list[int]] = {}
    for n, part in enumerate(parts):
        if part.span is not None:
            by_file.setdefault(part.files[0].path, []).append(n)
    for n, part in enumerate(parts):
        if part.span is None:
            out.append(part)
            continue
        mine = by_file[part.files[0].path]
        if not all(checks[m].plain for m in mine):
            if n == mine[0]:
                out.append(InputPart(part.files))
            continue
        out.append(replace(part, first_line=sum(checks[m].lines for m in mine if m < n)))
    return out


def read_span(path: Path, start: int, end: int) -> bytes:
    """The lines of a file that start at a byte in [start, end)."""
    lines: list[bytes] = []
    with path.open("rb") as f:
        pos = 0
        if start > 0:
            f.seek(start - 1)
            pos = start - 1 + len(f.readline())  # the end of the line that holds byte start - 1
        while pos < end:
            line = f.readline()
            if not line:
                break
            lines.append(line)
            pos += len(line)
    return b"".join(lines)


def check_span(path: Path, span: tuple[int, int]) -> SpanCheck:
    """Runs on a worker: the number of lines of a span, and whether it decodes as it would in the whole file."""
    try:
        data = read_span(path, *span)
    except OSError:
        return SpanCheck(0, False)
    lines = data.count(b"\n") + (bool(data) and not data.endswith(b"\n"))
    try:
        text = data.decode("utf-8")
        if span[0] == 0:
            if bom_encoding(data) is not None or b"\x00" in data[:8192]:
                return SpanCheck(lines, False)
            check_text(text)
    except (UnicodeDecodeError, InputError):
        return SpanCheck(lines, False)
    return SpanCheck(lines, True)


def _span_records(file: InputFile, text: str, first_line: int, config: ReadConfig) -> tuple[list[Document],
                                                                                             list[ReadError]]:
    """``read_records`` of a JSONL file's lines from ``first_line`` on: the same ids and messages."""
    docs: list[Document] = []
    errors: list[ReadError] = []
    for i, line in enumerate(text.split("\n")):
        if line.strip():
            n = first_line + i
            try:
                docs.append(record_document(f"{file.id}#{n}", parse_json(line, n + 1), config.fields))
            except InputError as exc:
                errors.append(ReadError(f"{file.id}#{n}", exc.kind, exc.message))
    return docs, errors


def read_part(part: InputPart, config: ReadConfig, line_keys: bool, site_keys: bool = False) -> ReadPart:
    """Runs on a worker: the documents and errors of a part (as ``read_file`` gives them), and with
    ``line_keys`` each document's unit keys for the corpus-boilerplate pass (with ``site_keys``, its site's too)."""
    docs: list[Document] = []
    errors: list[ReadError] = []
    if part.span is not None:
        file = part.files[0]
        try:
            docs, errors = _span_records(file, read_span(file.path, *part.span).decode("utf-8"), part.first_line,
                                         config)
        except (OSError, UnicodeDecodeError) as exc:  # changed since its check: reported as read_file would
            errors = [ReadError(file.id, "unreadable", f"cannot read file: {exc}")]
    else:
        for file in part.files:
            d, e = read_file(file, config)
            docs += d
            errors += e
    return ReadPart(docs, errors, unit_keys(docs, line_keys, site_keys))


def unit_keys(docs: Sequence[Document], line_keys: bool, site_keys: bool) -> list[list[int]]:
    """Each document's keys for the corpus-boilerplate pass (``copies.boilerplate.corpus_keys``; none when off)."""
    return corpus_keys(docs, site_keys) if line_keys else [[] for _ in docs]


def part_meta(part: ReadPart) -> PartMeta:
    """Runs on a worker: what the client needs of a read part."""
    keys = [np.asarray(k, dtype=np.int64) for k in part.line_keys]
    return PartMeta([d.id for d in part.docs], part.errors, np.concatenate([np.zeros(0, dtype=np.int64), *keys]))


def common_lines(metas: Sequence[PartMeta], min_documents: int,
                 site_documents: int = 0) -> tuple[frozenset[int], frozenset[int]]:
    """On the client, from every part's unit keys: (keys held by several documents, keys held by enough documents:
    ``copies.boilerplate.common_keys``) -- the counts ``repeated_lines`` starts from."""
    if (min_documents < 2 and site_documents < 2) or not metas:
        return frozenset(), frozenset()
    keys, counts = np.unique(np.concatenate([m.line_keys for m in metas]), return_counts=True)
    common = common_keys(zip(keys.tolist(), counts.tolist(), strict=True), min_documents, site_documents)
    return frozenset(keys[counts > 1].tolist()), common


def part_shares(part: ReadPart, shared: frozenset[int], common: frozenset[int]) -> dict[int, list[float]]:
    """Runs on a worker: ``copies.boilerplate.carrier_shares`` of a part's documents (the client merges them with
    ``repeated_from``)."""
    return carrier_shares(part.line_keys, shared, common)
