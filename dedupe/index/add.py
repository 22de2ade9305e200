"""Adding documents to the persistent index: read, segment, fingerprint, store (no attribution needed)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from dedupe.config import ScanConfig
from dedupe.copies.batch_sketches import sketch_documents
from dedupe.copies.lsh import LSHLayout
from dedupe.engine.pipeline import Progress, read_documents
from dedupe.index.store import AddResult, IndexStats, KeyedDocument, open_index
from dedupe.models import Document, ReadError
from dedupe.text.segment import split_paragraphs

_BATCH = 64  # documents fingerprinted at once, as in a scan


def keyed_documents(docs: Sequence[Document], layout: LSHLayout) -> Iterator[KeyedDocument]:
    """Each document with its distinct band keys (what the index stores), fingerprinted in batches."""
    for lo in range(0, len(docs), _BATCH):
        part = docs[lo:lo + _BATCH]
        batch = sketch_documents(part, [split_paragraphs(d.text, d.body_start) for d in part], layout)
        yield from zip(part, batch.distinct_keys(), strict=True)


def add_to_index(paths: Iterable[str | Path], db: str | Path, config: ScanConfig, batch: str,
                 progress: Progress | None = None) -> tuple[AddResult, tuple[ReadError, ...], IndexStats]:
    """Read ``paths`` and add every readable document to the index at ``db`` (created if missing)."""
    layout = LSHLayout.from_config(config)
    read = read_documents(paths, config)
    docs = read.documents
    with open_index(db, layout) as index:
        added = index.add(_reporting(keyed_documents(docs, layout), len(docs), progress), batch)
        return added, read.errors, index.stats()


def _reporting(items: Iterator[KeyedDocument], total: int, progress: Progress | None) -> Iterator[KeyedDocument]:
    for n, item in enumerate(items, 1):
        if progress is not None and (n % 100 == 0 or n == total):
            progress("index", n, total)
        yield item
