"""The persistent index on Redis, for several workers sharing one index (``pip install 'news-dedupe[redis]'``).

The band keys are the SQLite index's (``lsh.document_keys``: whole text and passage windows). A
document gets a number; its band keys go into ``BUCKETS`` Redis hashes (field: the 8-byte key,
value: the 4-byte numbers of the documents holding it), its metadata and zlib-compressed text into
hashes keyed by its number, and the sha256 of its text maps to its number. One Lua script adds a
document: if its text is not indexed yet, it writes all of this, else nothing; Redis runs a script
as one step, so concurrent adds of the same text store it once and count it once, and a document
is either entirely in the index or not at all. Adds are sent in pipelines of ``CHUNK`` scripts.

Every Redis error (connection refused or lost, timeouts, a server refusing a command) becomes an
``IndexUnavailableError`` naming the URL without its password. Opening to read (``create=False``)
writes nothing, and an empty or other database is an ``IndexMissingError``. Standalone Redis only
(the script touches keys it computes, which Redis Cluster does not allow).
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from itertools import islice
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import numpy as np

from dedupe.config import FingerprintConfig, MatchConfig
from dedupe.errors import IndexMismatchError, IndexMissingError, IndexUnavailableError, MissingDependencyError
from dedupe.fingerprint import Fingerprint
from dedupe.index import AddResult, ArchivedDocument, IndexStats, index_parameters, sha256_text
from dedupe.lsh import document_keys
from dedupe.models import Document

REDIS_SCHEMES = ("redis://", "rediss://")
LAYOUT = "2"  # 1: datasketch's MinHashLSH storage (dedupe <= this change); 2: this module
BUCKETS = 1024  # hashes holding the band keys; a band key's bucket is its low 16 bits modulo BUCKETS
CHUNK = 64  # documents per pipeline

_ADD = """
-- Add one document unless its text is indexed already: everything or nothing, in one step.
-- KEYS: the index's settings and counters, sha256 -> number, number -> metadata, number -> text, batches
-- ARGV: sha256, metadata JSON, zlib text, batch, band keys (8 bytes each, concatenated), band hash prefix
if redis.call('HEXISTS', KEYS[2], ARGV[1]) == 1 then return 0 end
local n = redis.call('HINCRBY', KEYS[1], 'last_document', 1)
local owner = string.char(n % 256, math.floor(n / 256) % 256, math.floor(n / 65536) % 256,
                          math.floor(n / 16777216) % 256)
local keys = ARGV[5]
for i = 1, #keys, 8 do
  local field = string.sub(keys, i, i + 7)
  local bucket = ARGV[6] .. ((string.byte(field, 7) * 256 + string.byte(field, 8)) % BUCKETS)
  if redis.call('HSETNX', bucket, field, owner) == 0 then  -- most band keys are held by one document
    redis.call('HSET', bucket, field, redis.call('HGET', bucket, field) .. owner)
  end
end
redis.call('HINCRBY', KEYS[1], 'band_rows', #keys / 8)
redis.call('HSET', KEYS[3], n, ARGV[2])
redis.call('HSET', KEYS[4], n, ARGV[3])
redis.call('SADD', KEYS[5], ARGV[4])
redis.call('HSET', KEYS[2], ARGV[1], n)
return n
""".replace("BUCKETS", str(BUCKETS))

_QUERY = """
-- The numbers (4 bytes each, concatenated) of the documents holding any of the band keys in ARGV[1].
local out = {}
local keys = ARGV[1]
for i = 1, #keys, 8 do
  local field = string.sub(keys, i, i + 7)
  local held = redis.call('HGET', ARGV[2] .. ((string.byte(field, 7) * 256 + string.byte(field, 8)) % BUCKETS), field)
  if held then out[#out + 1] = held end
end
return table.concat(out)
""".replace("BUCKETS", str(BUCKETS))

_HELD = """
-- How many (band key, document) entries one band hash holds.
local total = 0
for _, held in ipairs(redis.call('HVALS', KEYS[1])) do total = total + #held / 4 end
return total
"""


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
    """Same interface as SQLiteIndex, on a Redis server: ``redis://[:password@]host:port/db``."""

    def __init__(self, url: str, fc: FingerprintConfig, mc: MatchConfig, *, create: bool = True,
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
        self.parameters = index_parameters(fc, mc)
        self._thresholds = (mc.threshold, mc.passage_threshold, fc.num_perm)
        self.keys = {name: f"{prefix}:{name}" for name in ("index", "sha256", "document", "text", "batches")}
        self.band_prefix = f"{prefix}:bands:"
        self._legacy = f"{prefix}:parameters"
        try:  # no retries: a command sent again after a lost reply could count an added document as known
            self.client: Any = redis.Redis.from_url(url, socket_connect_timeout=min(timeout, 5.0),
                                                    socket_timeout=timeout, retry=Retry(NoBackoff(), 0))
        except ValueError as exc:  # a port or option that is not a number
            raise IndexUnavailableError(f"{self.label} is not a usable Redis URL: {exc}") from None
        with self._errors("cannot reach"):
            self._add_script = self.client.register_script(_ADD)
            self._query_script = self.client.register_script(_QUERY)
            self._held_script = self.client.register_script(_HELD)
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
            raise IndexMismatchError(f"{self.label} holds an index of another layout ({layout!r}, expected {LAYOUT})")
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
            raise IndexUnavailableError(f"{doing} the Redis index at {self.label}{after}: {exc}") from None

    def __enter__(self) -> RedisIndex:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        with suppress(self._redis_error):  # closing a connection to a server that went away
            self.client.close()

    def _band_keys(self, fp: Fingerprint) -> bytes:
        return document_keys(fp, *self._thresholds).astype(">i8").tobytes()

    def add(self, items: Iterable[tuple[Document, Fingerprint]], batch: str) -> AddResult:
        """Add documents with their fingerprints, CHUNK per pipeline; each one only if its text is new."""
        added = known = 0
        iterator = iter(items)
        while chunk := list(islice(iterator, CHUNK)):
            with self._errors("cannot write to", f" after adding {added} documents (adding the same input again "
                                                 "adds the rest)"):
                pipe = self.client.pipeline(transaction=False)
                for doc, fp in chunk:
                    self._add_script(keys=list(self.keys.values()), args=self._add_args(doc, fp, batch), client=pipe)
                numbers = pipe.execute()
            fresh = sum(1 for n in numbers if n)
            added, known = added + fresh, known + len(chunk) - fresh
        return AddResult(added, known)

    def _add_args(self, doc: Document, fp: Fingerprint, batch: str) -> list[str | bytes]:
        meta = {"id": doc.id, "title": doc.title, "outlet": doc.outlet, "published": doc.published,
                "url": doc.url, "author": doc.author, "batch": batch}
        return [sha256_text(doc.text), json.dumps(meta), zlib.compress(doc.text.encode("utf-8"), 6), batch,
                self._band_keys(fp), self.band_prefix]

    def candidates(self, fp: Fingerprint) -> list[int]:
        """Numbers of indexed documents sharing a band key with ``fp``."""
        keys = self._band_keys(fp)
        if not keys:
            return []
        with self._errors("cannot read"):
            held = self._query_script(args=[keys, self.band_prefix])
        return [int(n) for n in np.unique(np.frombuffer(held, dtype="<u4"))]

    def contains(self, text: str) -> bool:
        with self._errors("cannot read"):
            return bool(self.client.hexists(self.keys["sha256"], sha256_text(text)))

    def load(self, numbers: Sequence[int | str]) -> list[ArchivedDocument]:
        wanted = sorted({int(n) for n in numbers})
        with self._errors("cannot read"):
            pipe = self.client.pipeline(transaction=False)
            pipe.hmget(self.keys["document"], wanted)
            pipe.hmget(self.keys["text"], wanted)
            metas, texts = pipe.execute() if wanted else ([], [])
        out = []
        for n, raw, blob in zip(wanted, metas, texts, strict=True):
            if raw is None or blob is None:
                continue
            meta = json.loads(raw)
            doc = Document(meta["id"], zlib.decompress(blob).decode("utf-8"), meta["title"], meta["published"],
                           meta["outlet"], meta["url"], meta["author"])
            out.append(ArchivedDocument(n, doc, meta["batch"]))
        return out

    def _all_keys(self) -> list[str]:
        return [*self.keys.values(), *(f"{self.band_prefix}{b}" for b in range(BUCKETS))]

    def stats(self) -> IndexStats:
        """Counts from one transaction; bytes: Redis's MEMORY USAGE of this index's own keys (all elements)."""
        with self._errors("cannot read"):
            pipe = self.client.pipeline(transaction=True)
            pipe.hlen(self.keys["sha256"])
            pipe.scard(self.keys["batches"])
            pipe.hget(self.keys["index"], "band_rows")
            docs, batches, rows = pipe.execute()
            pipe = self.client.pipeline(transaction=False)
            for key in self._all_keys():
                pipe.memory_usage(key, samples=0)
            size = sum(n for n in pipe.execute() if n)
        return IndexStats(self.label, int(docs), int(rows or 0), int(batches), size, dict(self.parameters))

    def integrity(self) -> str:
        """"ok" when every document has its number, metadata and text, and the band entry count adds up."""
        with self._errors("cannot read"):
            pipe = self.client.pipeline(transaction=True)
            for name in ("sha256", "document", "text"):
                pipe.hlen(self.keys[name])
            pipe.hget(self.keys["index"], "band_rows")
            *counts, rows = pipe.execute()
            pipe = self.client.pipeline(transaction=False)
            for b in range(BUCKETS):
                self._held_script(keys=[f"{self.band_prefix}{b}"], client=pipe)
            held = sum(int(n) for n in pipe.execute())
        problems = []
        if len(set(counts)) > 1:
            problems.append(f"documents {counts[0]}, metadata {counts[1]}, texts {counts[2]}")
        if held != int(rows or 0):
            problems.append(f"{held} band entries where the counter says {int(rows or 0)}")
        return "ok" if not problems else "inconsistent: " + "; ".join(problems)
