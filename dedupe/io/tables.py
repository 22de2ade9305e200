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
    try:
        header = reader.fieldnames or []
        if not any(name in header for name in text_columns):
            raise InputError("missing-field", f"no text column (looked for: {', '.join(text_columns)}; "
                                              f"the header has: {', '.join(header) or 'nothing'})")
        n = -1
        for n, row in enumerate(reader):
            yield n, {k: v for k, v in row.items() if isinstance(k, str) and isinstance(v, str) and v.strip()}
    except csv.Error as exc:
        raise InputError("malformed-csv", f"unreadable CSV at line {reader.line_num}: {exc}") from None
    if n < 0:
        raise InputError("empty", "the table has a header but no rows")
