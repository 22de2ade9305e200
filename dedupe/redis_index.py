"""The persistent index on Redis, for several workers sharing one index (``pip install 'news-dedupe[redis]'``).

Band keys live in datasketch's Redis storage (``MinHashLSH`` with ``storage_config`` type ``redis``):
one LSH for whole-text signatures (key: the text's sha256) and one for passage windows (key:
``sha256:window``). Document metadata and zlib-compressed text live in a Redis hash. A document's
bands are written before its metadata, and only documents with metadata are ever returned, so an
interrupted add leaves the index usable and adding the same text again completes it.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterable, Sequence
from typing import Any
from urllib.parse import urlparse

from datasketch import LeanMinHash, MinHashLSH

from dedupe.config import FingerprintConfig, MatchConfig
from dedupe.errors import IndexMismatchError, IndexStoreError, MissingDependencyError
from dedupe.fingerprint import SCHEME, Fingerprint
from dedupe.index import AddResult, ArchivedDocument, IndexStats, index_parameters, sha256_text
from dedupe.models import Document


class RedisIndex:
    """Same interface as SQLiteIndex, on a Redis server: ``redis://host:port/db``."""

    def __init__(self, url: str, fc: FingerprintConfig, mc: MatchConfig, *, prefix: str = "dedupe") -> None:
        try:
            import redis
        except ImportError:
            raise MissingDependencyError("redis", "redis") from None
        parsed = urlparse(url)
        self.url = url
        self.seed = fc.seed
        self.prefix = prefix
        host, port = parsed.hostname or "localhost", parsed.port or 6379
        db = int((parsed.path or "/0").strip("/") or 0)
        config: dict[str, Any] = {"host": host, "port": port, "db": db}
        self.client: Any = redis.Redis(host=host, port=port, db=db)
        try:
            self.client.ping()
        except redis.RedisError as exc:
            raise IndexStoreError(f"cannot reach the Redis index at {url}: {exc}") from None
        self.parameters = index_parameters(fc, mc)
        wanted = json.dumps(self.parameters, sort_keys=True)
        self.client.setnx(f"{prefix}:parameters", wanted)
        raw = self.client.get(f"{prefix}:parameters")
        stored = raw.decode() if isinstance(raw, bytes) else raw
        if stored is not None and stored != wanted:
            raise IndexMismatchError(f"{url} was built with other settings ({stored} vs {wanted})")

        def lsh(kind: str, threshold: float) -> MinHashLSH:
            storage = {"type": "redis", "basename": f"{prefix}:{kind}".encode(), "redis": config}
            return MinHashLSH(threshold=threshold, num_perm=fc.num_perm, storage_config=storage)

        self.doc_lsh = lsh("doc", mc.threshold)
        self.window_lsh = lsh("window", mc.passage_threshold)

    def __enter__(self) -> RedisIndex:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.client.close()

    def _minhash(self, values: Any) -> LeanMinHash:
        return LeanMinHash(seed=self.seed, hashvalues=values, scheme=SCHEME)

    def add(self, items: Iterable[tuple[Document, Fingerprint]], batch: str) -> AddResult:
        added = known = 0
        for doc, fp in items:
            digest = sha256_text(doc.text)
            if self.client.hexists(f"{self.prefix}:docs", digest):
                known += 1
                continue
            if fp.hashes.size:
                self.doc_lsh.insert(digest, self._minhash(fp.signature), check_duplication=False)
                for w, sig in enumerate(fp.windows):
                    self.window_lsh.insert(f"{digest}:{w}", self._minhash(sig), check_duplication=False)
            meta = {"id": doc.id, "title": doc.title, "outlet": doc.outlet, "published": doc.published,
                    "url": doc.url, "author": doc.author, "batch": batch}
            pipe = self.client.pipeline(transaction=True)
            pipe.hset(f"{self.prefix}:text", digest, zlib.compress(doc.text.encode("utf-8"), 6))
            pipe.hset(f"{self.prefix}:docs", digest, json.dumps(meta))  # last: the document is now visible
            pipe.sadd(f"{self.prefix}:batches", batch)
            pipe.execute()
            added += 1
        return AddResult(added, known)

    def candidates(self, fp: Fingerprint) -> list[str]:
        if fp.hashes.size == 0:
            return []
        found = set(self.doc_lsh.query(self._minhash(fp.signature)))
        for sig in fp.windows:
            found.update(str(k).split(":", 1)[0] for k in self.window_lsh.query(self._minhash(sig)))
        return sorted(found)

    def contains(self, text: str) -> bool:
        return bool(self.client.hexists(f"{self.prefix}:docs", sha256_text(text)))

    def load(self, keys: Sequence[int | str]) -> list[ArchivedDocument]:
        out = []
        for key in sorted(str(k) for k in keys):
            raw = self.client.hget(f"{self.prefix}:docs", key)
            blob = self.client.hget(f"{self.prefix}:text", key)
            if raw is None or blob is None:
                continue  # bands written, metadata not yet: an interrupted add
            meta = json.loads(raw)
            text = zlib.decompress(blob).decode("utf-8")
            doc = Document(meta["id"], text, meta["title"], meta["published"], meta["outlet"], meta["url"],
                           meta["author"])
            out.append(ArchivedDocument(key, doc, meta["batch"]))
        return out

    def stats(self) -> IndexStats:
        docs = int(self.client.hlen(f"{self.prefix}:docs"))
        batches = int(self.client.scard(f"{self.prefix}:batches"))
        memory = int(self.client.info("memory").get("used_memory", 0))
        return IndexStats(self.url, docs, 0, batches, memory, dict(self.parameters))

    def integrity(self) -> str:
        return "ok" if self.client.ping() else "unreachable"
