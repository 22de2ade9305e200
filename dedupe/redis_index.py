"""The persistent index on Redis, for several workers sharing one index (``pip install 'news-dedupe[redis]'``).

Band keys live in datasketch's Redis storage (``MinHashLSH`` with ``storage_config`` type ``redis``):
one LSH for whole-text signatures (key: the text's sha256) and one for passage windows (key:
``sha256:window``). The zlib-compressed text lives in a Redis hash, and the list of its publications
(metadata, first recorded first) in another. A text's bands are written before its first publication,
and only texts with a publication are ever returned, so an interrupted add leaves the index usable and
adding the same text again completes it.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any
from urllib.parse import urlparse

from datasketch import LeanMinHash, MinHashLSH

from dedupe.config import FingerprintConfig, MatchConfig
from dedupe.errors import IndexMismatchError, IndexStoreError, MissingDependencyError
from dedupe.fingerprint import SCHEME, Fingerprint
from dedupe.index import (
    AddResult,
    ArchivedDocument,
    IndexStats,
    damaged,
    index_parameters,
    same_document,
    sha256_text,
    stored_text,
)
from dedupe.models import Document, ReadError


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
            pubs = self._publications(digest)
            if any(same_document(doc, pub) for pub, _ in pubs):
                known += 1
                continue
            if not pubs and fp.hashes.size:
                self.doc_lsh.insert(digest, self._minhash(fp.signature), check_duplication=False)
                for w, sig in enumerate(fp.windows):
                    self.window_lsh.insert(f"{digest}:{w}", self._minhash(sig), check_duplication=False)
            meta = {"id": doc.id, "title": doc.title, "outlet": doc.outlet, "published": doc.published,
                    "url": doc.url, "author": doc.author, "body_start": doc.body_start, "batch": batch}
            pipe = self.client.pipeline(transaction=True)
            pipe.hset(f"{self.prefix}:text", digest, zlib.compress(doc.text.encode("utf-8"), 6))
            pipe.rpush(f"{self.prefix}:pubs:{digest}", json.dumps(meta))  # last: the publication is now visible
            pipe.hset(f"{self.prefix}:docs", digest, 1)
            pipe.incr(f"{self.prefix}:publications")
            pipe.sadd(f"{self.prefix}:batches", batch)
            pipe.execute()
            added += 1
        return AddResult(added, known)

    def _publications(self, digest: str) -> list[tuple[Document, str]]:
        """The publications of a stored text, first recorded first, as documents without their text."""
        out = []
        for raw in self.client.lrange(f"{self.prefix}:pubs:{digest}", 0, -1):
            m = json.loads(raw)
            out.append((Document(m["id"], "", m["title"], m["published"], m["outlet"], m["url"], m["author"],
                                 body_start=m["body_start"]), m["batch"]))
        return out

    def candidates(self, fp: Fingerprint) -> list[str]:
        if fp.hashes.size == 0:
            return []
        found = set(self.doc_lsh.query(self._minhash(fp.signature)))
        for sig in fp.windows:
            found.update(str(k).split(":", 1)[0] for k in self.window_lsh.query(self._minhash(sig)))
        return sorted(found)

    def text_row(self, text: str) -> str | None:
        digest = sha256_text(text)
        return digest if self.client.hexists(f"{self.prefix}:docs", digest) else None

    def seen(self, doc: Document) -> bool:
        return any(same_document(doc, pub) for pub, _ in self._publications(sha256_text(doc.text)))

    def load(self, keys: Sequence[int | str]) -> tuple[list[ArchivedDocument], list[ReadError]]:
        out, errors = [], []
        for key in sorted(str(k) for k in keys):
            pubs = self._publications(key)
            blob = self.client.hget(f"{self.prefix}:text", key)
            if not pubs or blob is None:
                continue  # bands written, publication not yet: an interrupted add
            try:
                text = stored_text(blob)
            except ValueError as exc:
                errors.append(damaged(self.url, pubs[0][0].id, key, exc))
                continue
            out.append(ArchivedDocument(key, replace(pubs[0][0], text=text), pubs[0][1], len(pubs)))
        return out, errors

    def stats(self) -> IndexStats:
        texts = int(self.client.hlen(f"{self.prefix}:docs"))
        docs = int(self.client.get(f"{self.prefix}:publications") or 0)
        batches = int(self.client.scard(f"{self.prefix}:batches"))
        memory = int(self.client.info("memory").get("used_memory", 0))
        return IndexStats(self.url, docs, texts, 0, batches, memory, dict(self.parameters))

    def integrity(self) -> str:
        return "ok" if self.client.ping() else "unreachable"
