"""A persistent index of documents seen before: SQLite by default (one file, transactional).

It holds each document's metadata and text (zlib-compressed) and the LSH band keys of its whole-text
signature and of its passage windows, so that a new batch is compared with the archive by looking
up band keys, without rescanning the archive. The fingerprint settings are stored in the index and
must match the ones a later run uses.

Writes happen in transactions of ``CHUNK`` documents: a run killed at any point leaves the index
valid, holding the chunks that committed. A document is identified by the sha256 of its text, so
adding it again changes nothing.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from dedupe.config import FingerprintConfig, MatchConfig
from dedupe.errors import IndexCorruptError, IndexLockedError, IndexMismatchError
from dedupe.fingerprint import HASH_NAME, Fingerprint
from dedupe.lsh import document_keys, lsh_params
from dedupe.models import Document

INDEX_SCHEMA = 1
CHUNK = 200
_LOOKUP = 500  # band keys per SELECT

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    rowid INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,
    id TEXT NOT NULL,
    title TEXT, outlet TEXT, published TEXT, url TEXT, author TEXT,
    batch TEXT NOT NULL,
    text BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS bands (key INTEGER NOT NULL, doc INTEGER NOT NULL, PRIMARY KEY (key, doc))
    WITHOUT ROWID;
"""


@dataclass(frozen=True, slots=True)
class IndexStats:
    path: str
    documents: int
    band_keys: int
    batches: int
    bytes: int
    parameters: dict[str, object]


@dataclass(frozen=True, slots=True)
class AddResult:
    added: int
    already_indexed: int


@dataclass(frozen=True, slots=True)
class ArchivedDocument:
    rowid: int | str  # SQLite row id, or the text's sha256 on Redis
    document: Document
    batch: str


def index_parameters(fc: FingerprintConfig, mc: MatchConfig) -> dict[str, object]:
    """The settings that make band keys comparable: stored in the index, checked on every open."""
    bands, rows = lsh_params(mc.threshold, fc.num_perm)
    p_bands, p_rows = lsh_params(mc.passage_threshold, fc.num_perm)
    return {
        "index_schema": INDEX_SCHEMA, "word_hash": HASH_NAME, "shingle_size": fc.shingle_size, "num_perm": fc.num_perm,
        "seed": fc.seed,
        "passage_words": fc.passage_words, "passage_step": fc.passage_step, "lsh_bands": bands, "lsh_rows": rows,
        "passage_lsh_bands": p_bands, "passage_lsh_rows": p_rows,
    }


class SQLiteIndex:
    """The archive of documents seen before, in one SQLite file."""

    def __init__(self, path: str | Path, fc: FingerprintConfig, mc: MatchConfig, *, create: bool = True,
                 timeout: float = 5.0) -> None:
        self.path = Path(path)
        self.parameters = index_parameters(fc, mc)
        self._thresholds = (mc.threshold, mc.passage_threshold, fc.num_perm)
        if not create and not self.path.exists():
            raise IndexCorruptError(f"no index at {self.path}: create one with 'dedupe index add --db {self.path}'")
        try:
            self.conn = sqlite3.connect(self.path, timeout=timeout, isolation_level=None)
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA cache_size=-262144")  # 256 MiB of page cache: band-key inserts are random
            self._setup()
        except sqlite3.OperationalError as exc:
            raise _translate(exc, self.path) from None
        except sqlite3.DatabaseError as exc:
            raise IndexCorruptError(f"{self.path} is not a usable dedupe index: {exc}") from None

    def _setup(self) -> None:
        """Create the tables on first use (a write); afterwards opening only reads, so a busy writer does not
        block a check that only reads."""
        exists = self.conn.execute("SELECT name FROM sqlite_master WHERE type='table' AND name='meta'").fetchone()
        wanted = {k: json.dumps(v) for k, v in self.parameters.items()}
        if not exists:
            with self._transaction():
                for statement in filter(str.strip, _SCHEMA.split(";")):
                    self.conn.execute(statement)
                if not self.conn.execute("SELECT 1 FROM meta").fetchone():
                    self.conn.executemany("INSERT INTO meta VALUES (?, ?)", sorted(wanted.items()))
        stored = dict(self.conn.execute("SELECT key, value FROM meta").fetchall())
        if stored != wanted:
            diff = ", ".join(f"{k}: index {stored.get(k)} vs now {wanted.get(k)}"
                             for k in sorted(set(stored) | set(wanted)) if stored.get(k) != wanted.get(k))
            raise IndexMismatchError(f"{self.path} was built with other settings ({diff})")

    def _transaction(self) -> _Transaction:
        return _Transaction(self.conn, self.path)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> SQLiteIndex:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def add(self, items: Iterable[tuple[Document, Fingerprint]], batch: str) -> AddResult:
        """Add documents with their fingerprints, CHUNK per transaction; known texts are skipped."""
        added = known = 0
        for chunk in _chunks(items, CHUNK):
            with self._transaction():
                rows: list[tuple[int, int]] = []
                for doc, fp in chunk:
                    rowid = self._insert(doc, batch)
                    if rowid is None:
                        known += 1
                    else:
                        added += 1
                        rows += ((int(k), rowid) for k in self.keys_of(fp))
                rows.sort()  # one pass over the B-tree per chunk instead of a random walk per key
                self.conn.executemany("INSERT OR IGNORE INTO bands VALUES (?, ?)", rows)
        return AddResult(added, known)

    def _insert(self, doc: Document, batch: str) -> int | None:
        """The new document's row id, or None when the same text is already indexed."""
        cur = self.conn.execute(
            "INSERT OR IGNORE INTO documents (sha256, id, title, outlet, published, url, author, batch, text) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (sha256_text(doc.text), doc.id, doc.title, doc.outlet, doc.published, doc.url, doc.author, batch,
             zlib.compress(doc.text.encode("utf-8"), 6)),
        )
        return cur.lastrowid if cur.rowcount else None

    def keys_of(self, fp: Fingerprint) -> np.ndarray:
        return document_keys(fp, *self._thresholds)

    def candidates(self, fp: Fingerprint) -> list[int]:
        """Row ids of archived documents sharing a band key with ``fp``."""
        keys = [int(k) for k in self.keys_of(fp)]
        found: set[int] = set()
        for i in range(0, len(keys), _LOOKUP):
            part = keys[i:i + _LOOKUP]
            sql = f"SELECT DISTINCT doc FROM bands WHERE key IN ({','.join('?' * len(part))})"
            found.update(row[0] for row in self._query(sql, part))
        return sorted(found)

    def contains(self, text: str) -> bool:
        return bool(self._query("SELECT 1 FROM documents WHERE sha256 = ?", [sha256_text(text)]))

    def load(self, rowids: Sequence[int]) -> list[ArchivedDocument]:
        out: list[ArchivedDocument] = []
        for i in range(0, len(rowids), _LOOKUP):
            part = list(rowids[i:i + _LOOKUP])
            sql = ("SELECT rowid, id, title, outlet, published, url, author, batch, text FROM documents "
                   f"WHERE rowid IN ({','.join('?' * len(part))})")
            for rowid, doc_id, title, outlet, published, url, author, batch, blob in self._query(sql, part):
                text = zlib.decompress(blob).decode("utf-8")
                doc = Document(doc_id, text, title, published, outlet, url, author)
                out.append(ArchivedDocument(rowid, doc, batch))
        return sorted(out, key=lambda a: a.rowid)

    def stats(self) -> IndexStats:
        docs = self._query("SELECT COUNT(*), COUNT(DISTINCT batch) FROM documents", [])[0]
        keys = self._query("SELECT COUNT(*) FROM bands", [])[0][0]
        size = sum(p.stat().st_size for p in (self.path, Path(f"{self.path}-wal")) if p.exists())
        return IndexStats(str(self.path), docs[0], keys, docs[1], size, dict(self.parameters))

    def integrity(self) -> str:
        return str(self._query("PRAGMA integrity_check", [])[0][0])

    def _query(self, sql: str, args: Sequence[object]) -> list[Any]:
        try:
            rows: list[Any] = self.conn.execute(sql, args).fetchall()
            return rows
        except sqlite3.OperationalError as exc:
            raise _translate(exc, self.path) from None
        except sqlite3.DatabaseError as exc:
            raise IndexCorruptError(f"{self.path} is damaged: {exc}") from None


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT, rolled back on any exception."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path

    def __enter__(self) -> None:
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise _translate(exc, self.path) from None

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if exc_type is None:
            try:
                self.conn.execute("COMMIT")
            except sqlite3.OperationalError as err:
                raise _translate(err, self.path) from None
        else:
            self.conn.execute("ROLLBACK")


def _translate(exc: sqlite3.OperationalError, path: Path) -> Exception:
    message = str(exc)
    if "locked" in message or "busy" in message:
        return IndexLockedError(f"{path} is locked by another process (waited for it): {message}")
    if "not a database" in message or "malformed" in message:
        return IndexCorruptError(f"{path} is not a usable dedupe index: {message}")
    return IndexCorruptError(f"cannot use index {path}: {message}")


def _chunks(items: Iterable[tuple[Document, Fingerprint]], size: int) -> Iterator[list[tuple[Document, Fingerprint]]]:
    chunk: list[tuple[Document, Fingerprint]] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def open_index(db: str | Path, fc: FingerprintConfig, mc: MatchConfig, *, create: bool = True) -> Any:
    """The index at ``db``: a SQLite file, or ``redis://host:port/db`` (needs the ``redis`` extra)."""
    if str(db).startswith(("redis://", "rediss://")):
        from dedupe.redis_index import RedisIndex

        return RedisIndex(str(db), fc, mc, create=create)
    return SQLiteIndex(db, fc, mc, create=create)
