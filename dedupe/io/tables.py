"""CSV and TSV exports: a header row, then one record per row (``.csv`` comma-, ``.tsv`` tab-separated)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from dedupe.errors import InputError

TABLE_DELIMITERS = {".csv": ",", ".tsv": "\t"}


def table_rows(text: str, delimiter: str, text_columns: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    """(row number from 0, {column: non-empty cell}) for each data row.

    Raises:
        InputError(missing-field): no column of ``text_columns`` in the header.
        InputError(empty): a header but no rows.
        InputError(malformed-csv): a row the csv module cannot read (an unclosed quote, a cell over the size
            limit); rows before it have been yielded.
    """
    csv.field_size_limit(max(csv.field_size_limit(), len(text)))  # an article may be longer than 128 KiB
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    unclosed = _unclosed_quote_line(text, delimiter) if '"' in text else None
    try:
        header = reader.fieldnames or []
        if not any(name in header for name in text_columns):
            raise InputError("missing-field", f"no text column (looked for: {', '.join(text_columns)}; "
                                              f"the header has: {', '.join(header) or 'nothing'})")
        n, start = -1, reader.line_num + 1
        for n, row in enumerate(reader):
            if start == unclosed:
                raise InputError("malformed-csv", f"unclosed quote in the row that starts at line {start}: it runs "
                                                  "to the end of the file (that row and the rest are not read)")
            yield n, {k: v for k, v in row.items() if isinstance(k, str) and isinstance(v, str) and v.strip()}
            start = reader.line_num + 1
    except csv.Error as exc:
        raise InputError("malformed-csv", f"unreadable CSV at line {reader.line_num}: {exc}") from None
    if n < 0:
        raise InputError("empty", "the table has a header but no rows")


def _unclosed_quote_line(text: str, delimiter: str) -> int | None:
    """The line where a row begins whose quoted cell is never closed (the csv module's lenient reading takes the
    rest of the file as that cell); None if there is none. Only the end of the data is judged: other slips
    (``"he"llo``) are read leniently as before."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    start = 1
    try:
        for _ in reader:
            start = reader.line_num + 1
    except csv.Error as exc:
        if "unexpected end of data" in str(exc):
            return start
    return None
