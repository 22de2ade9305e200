"""A persistent index of documents seen before: SQLite by default (one file, transactional).

It holds each document's metadata and text (zlib-compressed) and the LSH band keys of its whole-text
signature and of its passage windows, so that a new batch is compared with the archive by looking
up band keys, without rescanning the archive. The band keys of a chunk are one sorted run, split into
256 parts by the top bits of the key (a row per part: keys and text row ids as int64 blobs), so that
adding writes a few hundred rows per chunk rather than a row per key; a lookup of many documents at
once (``candidates_of``) reads each part it needs once. The fingerprint settings are stored in the index and
must match the ones a later run uses.

Writes happen in transactions of ``CHUNK`` documents: a run killed at any point leaves the index
valid, holding the chunks that committed. A text is stored once (keyed by its sha256) with its band
keys; every publication of it (id, outlet, url, ...) is a row of its own. Adding the same document
again (see ``same_document``) changes nothing; the same text under another name or outlet is a new
publication.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from dedupe.copies.lsh import LSHLayout
from dedupe.errors import IndexMismatchError
from dedupe.index.prepared import KeyedDocument, PreparedDocument, prepared, sha256_text
from dedupe.index.sqlite_file import (
    APPLICATION_ID,
    check_empty,
    check_identity,
    connect,
    guarded,
    is_new,
    mark,
    missing,
    sqlite_errors,
)
from dedupe.models import Document, ReadError
from dedupe.text.normalize import TOKENS

# 3: band keys in sorted runs, one row per chunk and key part (2: a row per band key; 1: one row per text)
INDEX_SCHEMA = 3
CHUNK = 200
_LOOKUP = 500  # values per SELECT ... IN
_CHECKPOINT_PAGES = 16384  # WAL pages (4 KiB) between automatic checkpoints of a writer

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS texts (rowid INTEGER PRIMARY KEY, sha256 TEXT NOT NULL UNIQUE, text BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS publications (
    rowid INTEGER PRIMARY KEY,
    text INTEGER NOT NULL REFERENCES texts (rowid),
    id TEXT NOT NULL,
    title TEXT, outlet TEXT, published TEXT, url TEXT, author TEXT,
    body_start INTEGER NOT NULL,
    batch TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS publications_text ON publications (text);
CREATE TABLE IF NOT EXISTS runs (
    run INTEGER PRIMARY KEY, first_text INTEGER NOT NULL, last_text INTEGER NOT NULL, size INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS band_runs (
    part INTEGER NOT NULL, run INTEGER NOT NULL, keys BLOB NOT NULL, docs BLOB NOT NULL, PRIMARY KEY (part, run)
) WITHOUT ROWID;
CREATE VIEW IF NOT EXISTS bands (doc) AS
    SELECT texts.rowid FROM runs JOIN texts ON texts.rowid BETWEEN runs.first_text AND runs.last_text;
"""
_FILTER_BITS = 16  # low bits of band keys in a lookup's first filter (64 KiB: in cache)
_PART_SHIFT = 55  # a band key's part: its top 8 bits (keys are 63-bit); a lookup reads the parts of its keys


@dataclass(frozen=True, slots=True)
class IndexStats:
    path: str
    documents: int  # publications
    texts: int  # distinct texts
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
    """A stored text as its first recorded publication; ``publications`` counts all of them."""

    rowid: int | str  # the text's SQLite row id, or its number on Redis
    document: Document
    batch: str
    publications: int = 1


def _same_name(a: str, b: str) -> bool:
    """Ids naming the same file: equal, or one is the other seen from a higher root (``x/a.txt``, ``a.txt``)."""
    return a == b or a.endswith("/" + b) or b.endswith("/" + a)


def same_document(doc: Document, other: Document) -> bool:
    """Is ``doc`` the publication ``other`` checked again (the caller knows both have the same text)?

    The same outlet, and the same name (id) or, for a record or feed entry (whose id ``file#N`` is only a
    position), the same URL. A verbatim copy under another name or outlet is another publication.
    """
    if doc.outlet != other.outlet:
        return False
    if _same_name(doc.id, other.id):
        return True
    return "#" in doc.id and doc.url is not None and doc.url == other.url


def index_parameters(layout: LSHLayout) -> dict[str, object]:
    """The settings that make band keys comparable: stored in the index, checked on every open."""
    return {
        "index_schema": INDEX_SCHEMA, "tokens": TOKENS, "word_hash": layout.word_hash,
        "shingle_size": layout.shingle_size, "num_perm": layout.num_perm, "seed": layout.seed,
        "passage_words": layout.passage_words, "passage_step": layout.passage_step, "lsh_bands": layout.bands,
        "lsh_rows": layout.rows, "passage_lsh_bands": layout.passage_bands, "passage_lsh_rows": layout.passage_rows,
    }


class IndexStore(Protocol):
    """What every index store does (``SQLiteIndex``, ``redis_store.RedisIndex``); ``open_index`` returns one.

    A text is stored once with its band keys, and each publication of it once (``same_document``); texts are
    named by a row id or number the store gives out (``text_row``, ``candidates``, ``load``).
    """

    @property
    def parameters(self) -> dict[str, object]:
        """The settings stored in the index (``index_parameters``)."""
        ...

    def __enter__(self) -> IndexStore: ...

    def __exit__(self, *exc: object) -> None: ...

    def close(self) -> None: ...

    def add(self, items: Iterable[KeyedDocument | PreparedDocument], batch: str) -> AddResult:
        """Add documents with their band keys under the label ``batch``."""
        ...

    def text_row(self, text: str) -> int | None:
        """The row id (number) of a stored text, or None."""
        ...

    def seen(self, doc: Document) -> bool:
        """Is ``doc`` a publication already recorded (the same document checked again)?"""
        ...

    def candidates(self, keys: np.ndarray) -> list[int]:
        """Row ids (numbers) of stored texts sharing one of the band ``keys`` (a document's distinct keys)."""
        ...

    def candidates_of(self, keys: Sequence[np.ndarray]) -> list[list[int]]:
        """``candidates`` of each document's band keys (in one pass where the store can)."""
        ...

    def load(self, rowids: Sequence[int | str]) -> tuple[list[ArchivedDocument], list[ReadError]]:
        """Stored texts, each as its first recorded publication, and the ones that cannot be read."""
        ...

    def stats(self) -> IndexStats: ...

    def integrity(self) -> str:
        """"ok", or what is wrong."""
        ...


class SQLiteIndex:
    """The archive of documents seen before, in one SQLite file."""

    def __init__(self, path: str | Path, layout: LSHLayout, *, create: bool = True, write: bool = True,
                 timeout: float = 5.0) -> None:
        """Open the index at ``path``; ``write=False`` opens it read-only, and a missing index is an error then
        (as with ``create=False``). A file that is not a dedupe index is refused and left untouched."""
        self.path = Path(path)
        self.layout = layout
        self.parameters = index_parameters(layout)
        new = is_new(self.path)
        if new and not (create and write):
            raise missing(self.path)
        with sqlite_errors(self.path):
            self.conn = connect(self.path, write=write, timeout=timeout)
            try:
                self._open(new, write)
            except BaseException:
                self.conn.close()
                raise

    def _open(self, new: bool, write: bool) -> None:
        if not new:
            check_identity(self.conn, self.path, INDEX_SCHEMA)
        if write:
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            # checkpoints (each with an fsync) every 64 MiB of WAL rather than SQLite's 4 MiB: a bulk add spent
            # a third of its time in them. Per connection: nothing in the file changes.
            self.conn.execute(f"PRAGMA wal_autocheckpoint={_CHECKPOINT_PAGES}")
        self.conn.execute("PRAGMA cache_size=-262144")  # 256 MiB of page cache: band-key inserts are random
        self._setup()

    def _setup(self) -> None:
        """Create the tables on first use (a write); afterwards opening only reads, so a busy writer does not
        block a check that only reads."""
        exists = self.conn.execute("SELECT name FROM sqlite_master WHERE type='table' AND name='meta'").fetchone()
        wanted = {k: json.dumps(v) for k, v in self.parameters.items()}
        if not exists:
            with self._transaction():
                if self.conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
                    check_empty(self.conn, self.path)  # another process may have filled it since
                    mark(self.conn, INDEX_SCHEMA)
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

    @guarded
    def add(self, items: Iterable[KeyedDocument | PreparedDocument], batch: str) -> AddResult:
        """Add documents with their band keys, CHUNK per transaction; a text is stored (and banded) once, a
        publication of it once per document (``same_document``)."""
        added = known = 0
        for chunk in _chunks(prepared(items), CHUNK):
            with self._transaction():
                new, old = self._add_chunk(chunk, batch)
            added, known = added + new, known + old
        return AddResult(added, known)

    def _add_chunk(self, chunk: Sequence[PreparedDocument], batch: str) -> tuple[int, int]:
        """One chunk in the open transaction, with one statement per table: new texts get the row ids SQLite
        would give them (the largest plus one, in order), and a publication is checked against the ones stored
        and the ones of this chunk before it."""
        rows = self._rows_of(sorted({item.sha256 for item in chunk}))
        stored = set(rows.values())
        next_row = int(self.conn.execute("SELECT COALESCE(MAX(rowid), 0) + 1 FROM texts").fetchone()[0])
        texts: list[tuple[int, str, bytes]] = []
        keys: list[np.ndarray] = []
        owners: list[np.ndarray] = []
        chunk_pubs: dict[int, list[Document]] = {}
        publications: list[tuple[object, ...]] = []
        known = 0
        for item in chunk:
            doc = item.document
            text = rows.get(item.sha256)
            if text is None:
                text = rows[item.sha256] = next_row
                next_row += 1
                texts.append((text, item.sha256, item.blob))
                keys.append(item.keys)
                owners.append(np.full(keys[-1].size, text, dtype=np.int64))
            elif self._published_in(text, doc, chunk_pubs.get(text, []), text in stored):
                known += 1
                continue
            chunk_pubs.setdefault(text, []).append(doc)
            publications.append((text, doc.id, doc.title, doc.outlet, doc.published, doc.url, doc.author,
                                 doc.body_start, batch))
        self.conn.executemany("INSERT INTO texts (rowid, sha256, text) VALUES (?, ?, ?)", texts)
        self.conn.executemany(
            "INSERT INTO publications (text, id, title, outlet, published, url, author, body_start, batch) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", publications)
        self._insert_bands([row for row, _, _ in texts], keys, owners)
        return len(publications), known

    def _insert_bands(self, texts: Sequence[int], keys: list[np.ndarray], owners: list[np.ndarray]) -> None:
        """The chunk's band keys as one run: sorted by (key, text), split into parts by the top bits of the key, a
        row per part (keys and texts as int64 blobs); ``runs`` records the run's new ``texts`` (consecutive row
        ids, first to last) and its size."""
        if not texts:
            return
        k, o = np.concatenate(keys), np.concatenate(owners)
        order = np.argsort(k, kind="stable")  # by (key, text): the texts come in row order, each key once per text
        k, o = k[order], o[order]
        run = int(self.conn.execute("SELECT COALESCE(MAX(run), 0) + 1 FROM runs").fetchone()[0])
        self.conn.execute("INSERT INTO runs VALUES (?, ?, ?, ?)", (run, texts[0], texts[-1], int(k.size)))
        parts = k >> _PART_SHIFT
        bounds = np.searchsorted(parts, np.arange(257))
        rows = [(part, run, k[a:b].astype("<i8").tobytes(), o[a:b].astype("<i8").tobytes())
                for part, (a, b) in enumerate(zip(bounds[:-1].tolist(), bounds[1:].tolist(), strict=True)) if b > a]
        self.conn.executemany("INSERT INTO band_runs VALUES (?, ?, ?, ?)", rows)

    def _rows_of(self, digests: Sequence[str]) -> dict[str, int]:
        """Row ids of the stored texts among ``digests`` (sha256)."""
        found: dict[str, int] = {}
        for i in range(0, len(digests), _LOOKUP):
            part = digests[i:i + _LOOKUP]
            sql = f"SELECT sha256, rowid FROM texts WHERE sha256 IN ({','.join('?' * len(part))})"
            found.update((d, int(r)) for d, r in self.conn.execute(sql, part).fetchall())
        return found

    def _published_in(self, text: int, doc: Document, chunk_pubs: Sequence[Document], stored: bool) -> bool:
        """Is ``doc`` a publication of ``text`` recorded before (in the index, when it was ``stored``, or earlier in
        this chunk)?"""
        if any(same_document(doc, pub) for pub in chunk_pubs):
            return True
        return stored and self._published(text, doc)

    def _publications(self, text: int | str) -> list[tuple[Document, str]]:
        """The publications of a stored text, first recorded first, as documents without their text."""
        rows = self._query("SELECT id, title, outlet, published, url, author, body_start, batch FROM publications "
                           "WHERE text = ? ORDER BY rowid", [text])
        return [(Document(i, "", t, p, o, u, a, body_start=b), batch) for i, t, o, p, u, a, b, batch in rows]

    def _published(self, text: int | str, doc: Document) -> bool:
        return any(same_document(doc, pub) for pub, _ in self._publications(text))

    @guarded
    def text_row(self, text: str) -> int | None:
        """The row id of a stored text, or None."""
        rows = self._query("SELECT rowid FROM texts WHERE sha256 = ?", [sha256_text(text)])
        return int(rows[0][0]) if rows else None

    @guarded
    def seen(self, doc: Document) -> bool:
        """Is ``doc`` a publication already recorded (the same document checked again)?"""
        text = self.text_row(doc.text)
        return text is not None and self._published(text, doc)

    @guarded
    def candidates(self, keys: np.ndarray) -> list[int]:
        """Row ids of archived documents sharing one of the band ``keys``."""
        return self.candidates_of([keys])[0]

    @guarded
    def candidates_of(self, keys: Sequence[np.ndarray]) -> list[list[int]]:
        """``candidates`` of each document's band keys, each part of the stored keys read once for all of them."""
        wanted, owner = wanted_keys(keys)
        parts = wanted >> _PART_SHIFT
        found: list[np.ndarray] = []
        for part in np.unique(parts).tolist():
            a, b = np.searchsorted(parts, [part, part + 1])
            rows = self._query("SELECT keys, docs FROM band_runs WHERE part = ?", [part])
            if rows:
                stored, docs = (np.concatenate([np.frombuffer(r[i], dtype="<i8") for r in rows]) for i in (0, 1))
                found.append(held_keys(wanted[a:b], owner[a:b], stored, docs))
        return candidates_by_document(found, len(keys))

    @guarded
    def load(self, rowids: Sequence[int | str]) -> tuple[list[ArchivedDocument], list[ReadError]]:
        """Stored texts by row id, each as its first recorded publication; a text that cannot be decompressed
        or decoded is an error (``damaged-text``), and the others are returned."""
        out: list[ArchivedDocument] = []
        errors: list[ReadError] = []
        for i in range(0, len(rowids), _LOOKUP):
            part = list(rowids[i:i + _LOOKUP])
            sql = f"SELECT rowid, text FROM texts WHERE rowid IN ({','.join('?' * len(part))})"
            for rowid, blob in self._query(sql, part):
                pubs = self._publications(rowid)
                if not pubs:
                    continue  # cannot happen: a text and its first publication are written in one transaction
                first, batch = pubs[0]
                try:
                    text = stored_text(blob)
                except ValueError as exc:
                    errors.append(damaged(self.path, first.id, rowid, exc))
                    continue
                out.append(ArchivedDocument(rowid, replace(first, text=text), batch, len(pubs)))
        return sorted(out, key=lambda a: int(a.rowid)), errors

    @guarded
    def stats(self) -> IndexStats:
        docs = self._query("SELECT COUNT(*), COUNT(DISTINCT batch) FROM publications", [])[0]
        texts = self._query("SELECT COUNT(*) FROM texts", [])[0][0]
        keys = self._query("SELECT COALESCE(SUM(size), 0) FROM runs", [])[0][0]
        size = sum(p.stat().st_size for p in (self.path, Path(f"{self.path}-wal")) if p.exists())
        return IndexStats(str(self.path), docs[0], texts, keys, docs[1], size, dict(self.parameters))

    @guarded
    def integrity(self) -> str:
        return str(self._query("PRAGMA integrity_check", [])[0][0])

    def _query(self, sql: str, args: Sequence[object]) -> list[Any]:
        with sqlite_errors(self.path):
            rows: list[Any] = self.conn.execute(sql, args).fetchall()
            return rows


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT, rolled back on any exception."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path

    def __enter__(self) -> None:
        with sqlite_errors(self.path):
            self.conn.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        with sqlite_errors(self.path):
            if exc_type is None:
                self.conn.execute("COMMIT")
            elif self.conn.in_transaction:
                self.conn.execute("ROLLBACK")


def _chunks(items: Iterable[PreparedDocument], size: int) -> Iterator[list[PreparedDocument]]:
    chunk: list[PreparedDocument] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def wanted_keys(keys: Sequence[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """The band keys of documents looked up at once, sorted, and the position of the document holding each."""
    wanted = np.concatenate([np.zeros(0, dtype=np.int64), *keys])
    owner = np.repeat(np.arange(len(keys)), [k.size for k in keys])
    order = np.argsort(wanted, kind="stable")
    return wanted[order], owner[order]


def held_keys(wanted: np.ndarray, owner: np.ndarray, keys: np.ndarray, docs: np.ndarray,
              bits: int = _FILTER_BITS) -> np.ndarray:
    """(owner << 32 | text) of each stored text (``docs``) holding one of the ``wanted`` keys (sorted, ``owner``
    of each) among its ``keys``: a binary search of each stored key in the wanted ones (the stored keys need no
    sorting), most dropped before by their low ``bits``."""
    if not wanted.size:
        return np.zeros(0, dtype=np.int64)
    maybe = np.zeros(1 << bits, dtype=bool)
    maybe[wanted & ((1 << bits) - 1)] = True  # a first cheap pass on the low bits drops most stored keys
    keep = maybe[keys & ((1 << bits) - 1)]
    keys, docs = keys[keep], docs[keep]
    at = np.minimum(np.searchsorted(wanted, keys), wanted.size - 1)
    hit = wanted[at] == keys
    keys, docs = keys[hit], docs[hit]
    lo, hi = np.searchsorted(wanted, keys, "left"), np.searchsorted(wanted, keys, "right")
    count = hi - lo  # the incoming documents holding each stored key found
    which = np.repeat(np.arange(keys.size), count)
    at = np.repeat(lo, count) + np.arange(which.size) - np.repeat(np.cumsum(count) - count, count)
    codes: np.ndarray = (owner[at].astype(np.int64) << 32) | docs[which].astype(np.int64)
    return codes


def candidates_by_document(found: Sequence[np.ndarray], documents: int) -> list[list[int]]:
    """``held_keys``' codes as each document's texts, sorted, without repeats."""
    pairs = np.unique(np.concatenate([np.zeros(0, dtype=np.int64), *found]))
    out: list[list[int]] = [[] for _ in range(documents)]
    for code in pairs.tolist():
        out[code >> 32].append(code & 0xFFFFFFFF)
    return out


def stored_text(blob: object) -> str:
    """A text as stored (zlib-compressed UTF-8), or ValueError when it is damaged."""
    if not isinstance(blob, bytes):
        raise ValueError(f"expected compressed bytes, found {type(blob).__name__}")
    try:
        return zlib.decompress(blob).decode("utf-8")
    except (zlib.error, UnicodeDecodeError) as exc:
        raise ValueError(str(exc)) from None


def damaged(path: object, doc_id: str, row: object, exc: Exception) -> ReadError:
    return ReadError(f"archive:{doc_id}", "damaged-text",
                     f"the text stored in {path} (row {row}) cannot be read ({exc}): left out of this check")


def open_index(db: str | Path, layout: LSHLayout, *, create: bool = True, write: bool = True) -> IndexStore:
    """The index at ``db``: a SQLite file, or ``redis[s]://host:port/db`` (needs the ``redis`` extra).

    ``write=False``: read-only, and a missing index is an IndexMissingError (as with ``create=False``); on Redis
    an empty or another database is a missing index, and nothing is written to it.
    """
    if str(db).startswith(("redis://", "rediss://")):
        from dedupe.index.redis_store import RedisIndex

        return RedisIndex(str(db), layout, create=create and write)
    return SQLiteIndex(db, layout, create=create, write=write)
