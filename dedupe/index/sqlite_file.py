"""Opening the SQLite file of an index without harming it or anything else.

A file that is not a dedupe index (another application's database, an index of an older layout) is
refused before anything is written to it. A run that only reads (``check`` without ``--update``,
``index stats``) opens the file read-only (``mode=ro``): it never creates the file, adds tables or
switches the journal mode; in a read-only directory, where SQLite cannot create the ``-shm`` file of a
WAL database, it opens it as immutable (nothing can write there, so nothing can change under it). Every
SQLite error becomes an ``IndexStoreError`` naming the file.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from pathlib import Path
from typing import ParamSpec, TypeVar
from urllib.parse import quote

from dedupe.errors import (
    IndexCorruptError,
    IndexLockedError,
    IndexMismatchError,
    IndexMissingError,
    IndexStoreError,
    NotAnIndexError,
)

APPLICATION_ID = 0x64647570  # "ddup", in the SQLite header (PRAGMA application_id)

P = ParamSpec("P")
R = TypeVar("R")


def translate(exc: sqlite3.Error, path: Path) -> IndexStoreError:
    """An SQLite error as an IndexStoreError naming the file."""
    message = str(exc)
    if "locked" in message or "busy" in message:
        return IndexLockedError(f"{path} is locked by another process (waited for it): {message}")
    if "not a database" in message or "malformed" in message:
        return IndexCorruptError(f"{path} is not a usable dedupe index: {message}")
    if "readonly" in message or "read-only" in message:
        return IndexStoreError(f"{path} cannot be written: {message}")
    return IndexCorruptError(f"cannot use index {path}: {message}")


@contextmanager
def sqlite_errors(path: Path) -> Iterator[None]:
    try:
        yield
    except sqlite3.Error as exc:
        raise translate(exc, path) from None


def guarded(method: Callable[P, R]) -> Callable[P, R]:
    """A method of an object with a ``path`` whose SQLite errors become IndexStoreErrors naming it."""

    @wraps(method)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with sqlite_errors(getattr(args[0], "path", Path("?"))):
            return method(*args, **kwargs)

    return wrapper


def is_new(path: Path) -> bool:
    """No index yet: no file, or an empty one (SQLite treats a 0-byte file as an empty database)."""
    return not path.exists() or (path.is_file() and path.stat().st_size == 0)


def connect(path: Path, *, write: bool, timeout: float) -> sqlite3.Connection:
    """A connection to an existing file (``write=False``: read-only) or a new one (``write=True``)."""
    if path.is_dir():
        raise NotAnIndexError(f"{path} is a directory, not an index file")
    if write:
        if not is_new(path) and not os.access(path, os.W_OK):
            raise IndexStoreError(f"{path} is read-only: it can be checked (without --update) but not added to")
        return sqlite3.connect(path, timeout=timeout, isolation_level=None)
    uri = f"file:{quote(str(path.absolute()))}?mode=ro"
    conn = sqlite3.connect(uri, uri=True, timeout=timeout, isolation_level=None)
    try:
        conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
    except sqlite3.Error:
        conn.close()
        if os.access(path.absolute().parent, os.W_OK) or Path(f"{path}-wal").exists():
            raise
        # a WAL file in a read-only directory: no -shm can be made, and no writer can exist
        conn = sqlite3.connect(uri + "&immutable=1", uri=True, timeout=timeout, isolation_level=None)
    conn.execute("PRAGMA query_only=1")
    return conn


def check_identity(conn: sqlite3.Connection, path: Path, schema: int) -> None:
    """Refuse a file that is not a dedupe index of this layout (before anything is written to it)."""
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    if app_id != APPLICATION_ID:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if {"meta", "documents", "bands"} <= tables:
            raise IndexMismatchError(f"{path} is an index of an older dedupe (index_schema 1, one row per text): "
                                     "rebuild it with 'dedupe index add' into a new file")
        raise NotAnIndexError(f"{path} is not a dedupe index (an SQLite database of another application, "
                              f"application id {app_id}, tables: {', '.join(sorted(tables)) or 'none'}); "
                              "it was left untouched")
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version != schema:
        raise IndexMismatchError(f"{path} has index_schema {version}, this dedupe reads {schema}: rebuild it "
                                 "with 'dedupe index add' into a new file")


def mark(conn: sqlite3.Connection, schema: int) -> None:
    """Stamp a new index (inside its creating transaction)."""
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {int(schema)}")


def missing(path: Path) -> IndexMissingError:
    return IndexMissingError(f"no index at {path}: create one with 'dedupe index add --db {path}' "
                             "(or check with --update)")


def check_empty(conn: sqlite3.Connection, path: Path) -> None:
    """Refuse to create an index in a database that holds tables already."""
    if conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchone():
        raise NotAnIndexError(f"{path} is not a dedupe index (it holds tables of another application): it was "
                              "left untouched")
