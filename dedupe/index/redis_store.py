"""The persistent index on Redis, for several workers sharing one index (``pip install 'news-dedupe[redis]'``).

As in the SQLite index, a text is stored once and every publication of it (id, outlet, url, ...) is
recorded; adding the same document again (``store.same_document``) changes nothing. The band keys are
the SQLite index's (``SketchBatch.distinct_keys``: whole text and passage windows). A text gets a number;
its band keys (packed, one value: ``redis_scripts``), its first publication's metadata and its
zlib-compressed text go into hashes keyed by its number, and the sha256 of the text maps to its number. A
lookup reads the band keys and searches them in the client, as the SQLite index does (``store.held_keys``).
Later publications of a text are a list ``publications:<number>`` (first recorded first); the numbers that
have one are a set.

What is atomic: one Lua script adds a chunk of new texts with their first publications: each text not
indexed yet (nor earlier in the chunk) gets a number, its band keys, metadata, text and sha256; a text
already indexed is answered with its number. Redis runs a script as one step, so concurrent adds of the
same text store and band it once, and a text is either entirely in the index or not at all. Recording
another publication of a text already there is done from Python in one optimistic transaction per
publication (WATCH the text's publication list, read its publications, ``same_document`` check, MULTI,
RPUSH and the counters, EXEC; tried again if another client changed the list in between), so concurrent
runs record a publication once and the counts stay exact. What is not atomic: an ``add`` as a whole: a
run that stops halfway leaves whole chunks of texts and whole publications, and adding the same input
again adds the rest.

Every Redis error (connection refused or lost, timeouts, a server refusing a command) becomes an
``IndexUnavailableError`` naming the URL without its password. Opening to read (``create=False``)
writes nothing, and an empty or other database is an ``IndexMissingError``. Standalone Redis only
(the scripts touch keys they compute, which Redis Cluster does not allow).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, suppress
from dataclasses import replace
from itertools import islice
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import numpy as np

from dedupe.copies.lsh import LSHLayout
from dedupe.errors import (
    IndexCorruptError,
    IndexMismatchError,
    IndexMissingError,
    IndexUnavailableError,
    MissingDependencyError,
)
from dedupe.index.prepared import KeyedDocument, PreparedDocument, prepared, sha256_text
from dedupe.index.redis_scripts import ADD, HELD, PUBLISHED
from dedupe.index.store import (
    AddResult,
    ArchivedDocument,
    IndexStats,
    candidates_by_document,
    damaged,
    held_keys,
    index_parameters,
    same_document,
    stored_text,
    wanted_keys,
)
from dedupe.models import Document, ReadError

REDIS_SCHEMES = ("redis://", "rediss://")
# 1: datasketch's MinHashLSH storage; 2: numbered texts, one document per text (never released);
# 3: numbered texts with every publication of each (metadata with body_start, publication counter);
# 4: the same in 16 band hashes instead of 1,024 (a field per band key);
# 5: a text's band keys packed in one value under its number (searched in the client, as in the SQLite index)
LAYOUT = "5"
CHUNK = 128  # documents per add script
_TEXTS_READ = 512  # texts' band keys per HMGET in a lookup (~2.5 MB)
_LOOKUP_BITS = 22  # low bits of the lookup's first filter: all of a check's keys at once, not a part of them


def is_redis_url(db: str) -> bool:
    return db.startswith(REDIS_SCHEMES)


def redacted_url(url: str) -> str:
    """The URL without its password (in the user part or as a ``password=`` query parameter)."""
    parts = urlsplit(url)
    userinfo, at, hostport = parts.netloc.rpartition("@")
    user = userinfo.split(":", 1)[0]
    netloc = f"{user}@{hostport}" if at and user else hostport
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query) if k != "password"])
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))


def _check_database(url: str, label: str) -> None:
    """redis-py reads ``redis://host/foo`` as database 0: a mistyped database would silently be another one."""
    path = urlsplit(url).path.strip("/")
    if path and not path.isdigit():
        raise IndexUnavailableError(f"{label}: the database must be a number, as in redis://host:6379/0")


class RedisIndex:
    """A ``store.IndexStore`` on a Redis server: ``redis://[:password@]host:port/db``."""

    def __init__(self, url: str, layout: LSHLayout, *, create: bool = True,
                 prefix: str = "dedupe", timeout: float = 30.0) -> None:
        try:
            import redis
            from redis.backoff import NoBackoff
            from redis.retry import Retry
        except ImportError:
            raise MissingDependencyError("redis", "redis") from None
        self.label = redacted_url(url)
        _check_database(url, self.label)
        self._redis_error: type[Exception] = redis.RedisError
        self._answered: type[Exception] = redis.ResponseError  # the server was reached and refused the command
        self.layout = layout
        self.parameters = index_parameters(layout)
        self.keys = {name: f"{prefix}:{name}"
                     for name in ("index", "sha256", "document", "text", "batches", "republished", "bands")}
        self._add_keys = [self.keys[name] for name in ("index", "sha256", "document", "text", "batches", "bands")]
        self.later_prefix = f"{prefix}:publications:"  # + a text's number: its later publications, a list
        self._legacy = f"{prefix}:parameters"
        try:  # no retries: a command sent again after a lost reply could count an added document as known
            self.client: Any = redis.Redis.from_url(url, socket_connect_timeout=min(timeout, 5.0),
                                                    socket_timeout=timeout, retry=Retry(NoBackoff(), 0))
        except ValueError as exc:  # a port or option that is not a number
            raise IndexUnavailableError(f"{self.label} is not a usable Redis URL: {exc}") from None
        with self._errors("cannot reach"):
            self._add_script = self.client.register_script(ADD)
            self._held_script = self.client.register_script(HELD)
            self._published_script = self.client.register_script(PUBLISHED)
            self._open(create)

    def _open(self, create: bool) -> None:
        wanted = json.dumps(self.parameters, sort_keys=True)
        if self.client.exists(self._legacy):
            raise IndexMismatchError(f"{self.label} holds an index built by an older dedupe (datasketch band "
                                     "storage): rebuild it in an empty database with 'dedupe index add'")
        stored, layout = self.client.hmget(self.keys["index"], "parameters", "layout")
        if stored is None:
            if not create:
                raise IndexMissingError(f"no index at {self.label}: create one with "
                                        f"'dedupe index add --db {self.label} FILES'")
            self.client.hsetnx(self.keys["index"], "layout", LAYOUT)
            self.client.hsetnx(self.keys["index"], "parameters", wanted)  # the first of concurrent creators wins
            stored, layout = self.client.hmget(self.keys["index"], "parameters", "layout")
        if layout is None or layout.decode() != LAYOUT:
            found = layout.decode(errors="replace") if layout is not None else "none"
            raise IndexMismatchError(f"{self.label} holds an index of another layout ({found}, this dedupe reads "
                                     f"{LAYOUT}): rebuild it in an empty database with 'dedupe index add'")
        if stored.decode() != wanted:
            have, want = json.loads(stored), self.parameters
            diff = ", ".join(f"{k}: index {have.get(k)} vs now {want.get(k)}"
                             for k in sorted(set(have) | set(want)) if have.get(k) != want.get(k))
            raise IndexMismatchError(f"{self.label} was built with other settings ({diff})")

    @contextmanager
    def _errors(self, doing: str, after: str = "") -> Iterator[None]:
        try:
            yield
        except self._redis_error as exc:
            if isinstance(exc, self._answered):  # "WRONGTYPE": a key of the index's names holds something else
                doing = "cannot use"
            raise IndexUnavailableError(f"{doing} the Redis index at {self.label}{after}: {exc}") from None

    def __enter__(self) -> RedisIndex:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        with suppress(self._redis_error):  # closing a connection to a server that went away
            self.client.close()

    def add(self, items: Iterable[KeyedDocument | PreparedDocument], batch: str) -> AddResult:
        """Add documents with their band keys, CHUNK per script: new texts with their first publications (the
        Lua script, atomic), or another publication of a text already indexed unless it is the same document
        (``same_document``; one optimistic transaction per publication, see the module's docstring)."""
        added = known = 0
        iterator = prepared(items)
        while chunk := list(islice(iterator, CHUNK)):
            with self._adding(added):
                numbers = [int(n) for n in self._add_script(keys=self._add_keys, args=self._add_args(chunk, batch))]
            added += sum(1 for n in numbers if n > 0)
            indexed = [(item.document, -n) for item, n in zip(chunk, numbers, strict=True) if n < 0]
            # Atomic so far: the chunk's new texts with their first publications (one script). Not atomic: what
            # follows. A text already indexed: its publications read once for the chunk (most are the same
            # documents again); publications are never removed, so a document found there is known for good, and
            # one not found is checked again inside its own transaction before it is recorded.
            with self._adding(added):
                published = self._publications_of([n for _, n in indexed])
            for doc, n in indexed:
                if any(same_document(doc, pub) for pub, _ in published[n]):
                    known += 1
                    continue
                with self._adding(added):
                    recorded = self._publish_again(n, doc, batch)  # checks again, in its transaction
                added, known = added + recorded, known + (not recorded)
        return AddResult(added, known)

    def _adding(self, added: int) -> AbstractContextManager[None]:
        return self._errors("cannot write to", f" after adding {added} documents (adding the same input again adds "
                                               "the rest)")

    def _meta(self, doc: Document, batch: str) -> str:
        return json.dumps({"id": doc.id, "title": doc.title, "outlet": doc.outlet, "published": doc.published,
                           "url": doc.url, "author": doc.author, "body_start": doc.body_start, "batch": batch})

    def _add_args(self, chunk: Sequence[PreparedDocument], batch: str) -> list[str | bytes]:
        """The add script's arguments: the batch, then each document's sha256, metadata, text and band keys."""
        args: list[str | bytes] = [batch]
        for item in chunk:
            args += [item.sha256, self._meta(item.document, batch), item.blob, item.keys.astype("<i8").tobytes()]
        return args

    def _publish_again(self, n: int, doc: Document, batch: str) -> bool:
        """Record ``doc`` as another publication of text ``n`` unless it is one already: the check and the write
        are one transaction (WATCH the list; EXEC fails, and the check runs again, if another client changed it)."""
        later = f"{self.later_prefix}{n}"

        def attempt(pipe: Any) -> bool:
            if any(same_document(doc, pub) for pub, _ in self._read_publications(pipe, n)):
                return False
            pipe.multi()
            pipe.rpush(later, self._meta(doc, batch))
            pipe.sadd(self.keys["republished"], n)
            pipe.hincrby(self.keys["index"], "publications", 1)
            pipe.sadd(self.keys["batches"], batch)
            return True

        recorded: bool = self.client.transaction(attempt, later, value_from_callable=True)
        return recorded

    def _read_publications(self, client: Any, n: int) -> list[tuple[Document, str]]:
        """The publications of text ``n`` read with ``client`` (a connection, or a pipeline in WATCH mode)."""
        first = client.hget(self.keys["document"], n)
        later = client.lrange(f"{self.later_prefix}{n}", 0, -1)
        return self._parsed(n, ([first] if first is not None else []) + list(later))

    def _publications_of(self, numbers: Sequence[int]) -> dict[int, list[tuple[Document, str]]]:
        """The publications of texts by number, first recorded first, as documents without their text."""
        wanted = sorted(set(numbers))
        if not wanted:
            return {}
        pipe = self.client.pipeline(transaction=False)
        pipe.hmget(self.keys["document"], wanted)
        for n in wanted:
            pipe.lrange(f"{self.later_prefix}{n}", 0, -1)
        firsts, *laters = pipe.execute()
        return {n: self._parsed(n, ([first] if first is not None else []) + list(later))
                for n, first, later in zip(wanted, firsts, laters, strict=True)}

    def _parsed(self, n: int, raws: Sequence[bytes]) -> list[tuple[Document, str]]:
        try:
            return [_publication(raw) for raw in raws]
        except ValueError as exc:
            raise IndexCorruptError(f"the publications of text {n} in the Redis index at {self.label} cannot be "
                                    f"read: {exc}") from None

    def candidates(self, keys: np.ndarray) -> list[int]:
        """Numbers of indexed texts sharing one of the band ``keys``."""
        return self.candidates_of([keys])[0]

    def candidates_of(self, keys: Sequence[np.ndarray]) -> list[list[int]]:
        """``candidates`` of each document's band keys: the texts' band keys read ``_TEXTS_READ`` texts at a
        time and searched for all of the keys at once."""
        wanted, owner = wanted_keys(keys)
        found: list[np.ndarray] = []
        if not wanted.size:
            return candidates_by_document(found, len(keys))
        with self._errors("cannot read"):
            last = int(self.client.hget(self.keys["index"], "last_document") or 0)
            for lo in range(1, last + 1, _TEXTS_READ):
                numbers = range(lo, min(lo + _TEXTS_READ, last + 1))
                values = [v or b"" for v in self.client.hmget(self.keys["bands"], list(numbers))]
                stored = np.frombuffer(b"".join(values), dtype="<i8")
                texts = np.repeat(np.array(numbers, dtype=np.int64), [len(v) // 8 for v in values])
                found.append(held_keys(wanted, owner, stored, texts, _LOOKUP_BITS))
        return candidates_by_document(found, len(keys))

    def text_row(self, text: str) -> int | None:
        """The number of an indexed text, or None."""
        with self._errors("cannot read"):
            n = self.client.hget(self.keys["sha256"], sha256_text(text))
        return int(n) if n is not None else None

    def seen(self, doc: Document) -> bool:
        """Is ``doc`` a publication already recorded (the same document checked again)?"""
        n = self.text_row(doc.text)
        if n is None:
            return False
        with self._errors("cannot read"):
            return any(same_document(doc, pub) for pub, _ in self._read_publications(self.client, n))

    def load(self, numbers: Sequence[int | str]) -> tuple[list[ArchivedDocument], list[ReadError]]:
        """Indexed texts by number, each as its first recorded publication with the count of all of them; a text
        (or its metadata) that cannot be decompressed, decoded or parsed is an error (``damaged-text``)."""
        wanted = sorted({int(n) for n in numbers})
        if not wanted:
            return [], []
        with self._errors("cannot read"):
            pipe = self.client.pipeline(transaction=True)  # a text and its publications as of one moment
            pipe.hmget(self.keys["document"], wanted)
            pipe.hmget(self.keys["text"], wanted)
            for n in wanted:
                pipe.llen(f"{self.later_prefix}{n}")
            metas, texts, *later = pipe.execute()
        out: list[ArchivedDocument] = []
        errors: list[ReadError] = []
        for n, raw, blob, more in zip(wanted, metas, texts, later, strict=True):
            if raw is None or blob is None:
                continue  # not a number this index gave out
            try:
                first, batch = _publication(raw)
            except ValueError as exc:
                errors.append(damaged(self.label, f"#{n}", n, exc))
                continue
            try:
                text = stored_text(blob)
            except ValueError as exc:
                errors.append(damaged(self.label, first.id, n, exc))
                continue
            out.append(ArchivedDocument(n, replace(first, text=text), batch, 1 + int(more)))
        return out, errors

    def _all_keys(self) -> list[str]:
        return list(self.keys.values())

    def stats(self) -> IndexStats:
        """Counts from one transaction (documents: publications; texts: distinct texts); bytes: Redis's MEMORY
        USAGE of this index's own keys (all elements)."""
        with self._errors("cannot read"):
            pipe = self.client.pipeline(transaction=True)
            pipe.hget(self.keys["index"], "publications")
            pipe.hlen(self.keys["sha256"])
            pipe.scard(self.keys["batches"])
            pipe.hget(self.keys["index"], "band_rows")
            pipe.smembers(self.keys["republished"])
            docs, texts, batches, rows, republished = pipe.execute()
            pipe = self.client.pipeline(transaction=False)
            for key in self._all_keys() + [f"{self.later_prefix}{int(n)}" for n in republished]:
                pipe.memory_usage(key, samples=0)
            size = sum(n for n in pipe.execute() if n)
        return IndexStats(self.label, int(docs or 0), int(texts), int(rows or 0), int(batches), size,
                          dict(self.parameters))

    def integrity(self) -> str:
        """"ok" when every text has its number, metadata and text, the band entry count adds up, and so does the
        publication count."""
        with self._errors("cannot read"):
            pipe = self.client.pipeline(transaction=True)
            for name in ("sha256", "document", "text", "bands"):
                pipe.hlen(self.keys[name])
            pipe.hget(self.keys["index"], "band_rows")
            *counts, rows = pipe.execute()
            held, broken = (int(n) for n in self._held_script(keys=[self.keys["bands"]]))
            published, counter, empty = self._published_script(
                keys=[self.keys["document"], self.keys["republished"], self.keys["index"]], args=[self.later_prefix])
        problems = []
        if len(set(counts)) > 1:
            problems.append(f"texts {counts[0]}, metadata {counts[1]}, stored texts {counts[2]}, band keys of "
                            f"{counts[3]}")
        if held != int(rows or 0) or broken:
            problems.append(f"{held} band entries where the counter says {int(rows or 0)}"
                            + (f", {broken} texts' band keys not made of 8-byte keys" if broken else ""))
        if int(published) != int(counter) or int(empty):
            problems.append(f"{int(published)} publications where the counter says {int(counter)}"
                            + (f", {int(empty)} texts listed with later publications have none" if int(empty) else ""))
        return "ok" if not problems else "inconsistent: " + "; ".join(problems)


def _publication(raw: bytes | str) -> tuple[Document, str]:
    """A publication's metadata as a document without its text, and its batch; ValueError when it is damaged."""
    try:
        m = json.loads(raw)
        doc = Document(m["id"], "", m["title"], m["published"], m["outlet"], m["url"], m["author"],
                       body_start=int(m["body_start"]))
        return doc, str(m["batch"])
    except (ValueError, KeyError, TypeError) as exc:  # JSONDecodeError and UnicodeDecodeError are ValueErrors
        raise ValueError(f"damaged publication metadata ({type(exc).__name__}: {exc})") from None
