"""Adding documents to the persistent index: read, segment, fingerprint, store (no attribution needed)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from dedupe.config import ScanConfig
from dedupe.copies.fingerprint import Fingerprint, document_fingerprint
from dedupe.copies.lsh import LSHLayout
from dedupe.engine.pipeline import Progress, read_documents
from dedupe.index.store import AddResult, IndexStats, open_index
from dedupe.models import Document, ReadError


def fingerprints(docs: Iterable[Document], config: ScanConfig) -> Iterator[tuple[Document, Fingerprint]]:
    for doc in docs:
        yield doc, document_fingerprint(doc, config.fingerprint)


def add_to_index(paths: Iterable[str | Path], db: str | Path, config: ScanConfig, batch: str,
                 progress: Progress | None = None) -> tuple[AddResult, tuple[ReadError, ...], IndexStats]:
    """Read ``paths`` and add every readable document to the index at ``db`` (created if missing)."""
    read = read_documents(paths, config)
    docs = read.documents
    with open_index(db, LSHLayout.from_config(config)) as index:
        added = index.add(_reporting(fingerprints(docs, config), len(docs), progress), batch)
        return added, read.errors, index.stats()


def _reporting(items: Iterator[tuple[Document, Fingerprint]], total: int,
               progress: Progress | None) -> Iterator[tuple[Document, Fingerprint]]:
    for n, item in enumerate(items, 1):
        if progress is not None and (n % 100 == 0 or n == total):
            progress("index", n, total)
        yield item
