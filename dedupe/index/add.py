"""Adding documents to the persistent index: read, segment, fingerprint, store (no attribution needed).

Fingerprinting (and hashing and compressing each text) runs in ``config.workers`` processes
(``engine.workers``: the documents reach them by fork, the band keys and compressed texts come back), while
storing stays in this process and takes the documents in their order, so the index is the same whatever the
number of workers.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from dedupe.config import ScanConfig
from dedupe.copies.batch_sketches import sketch_documents
from dedupe.copies.boilerplate import document_seed, mark_repeated, searched_for
from dedupe.copies.lsh import LSHLayout
from dedupe.engine.pipeline import Progress, corpus_repeated, read_documents
from dedupe.engine.workers import iter_tasks
from dedupe.index.prepared import KeyedDocument, PreparedDocument, compress_text, sha256_text
from dedupe.index.store import AddResult, IndexStats, IndexStore, open_index
from dedupe.models import Document, ReadError
from dedupe.text.segment import split_paragraphs

_BATCH = 64  # documents fingerprinted at once (one task), as in a scan


@dataclass(frozen=True, slots=True)
class _KeyContext:
    """What every fingerprinting task reads: handed to the worker processes once, by the pool initialiser."""

    docs: Sequence[Document]
    layout: LSHLayout
    repeated: frozenset[int] = frozenset()  # the batch's boilerplate lines (copies.boilerplate): no band keys
    carriers: frozenset[int] | None = None  # places of the documents that hold one (None: any may)


def _keys_of_range(context: _KeyContext, bounds: tuple[int, int]) -> list[np.ndarray]:
    """The distinct band keys of documents [lo, hi) of the context, fingerprinted as one batch."""
    part = context.docs[bounds[0]:bounds[1]]
    repeated = searched_for(context.repeated, context.carriers, range(*bounds))
    paragraphs = [mark_repeated(d.text, split_paragraphs(d.text, d.body_start), r, document_seed(d))
                  for d, r in zip(part, repeated, strict=True)]
    return sketch_documents(part, paragraphs, context.layout).distinct_keys()


def keyed_documents(docs: Sequence[Document], layout: LSHLayout, workers: int = 1,
                    repeated: frozenset[int] = frozenset()) -> Iterator[KeyedDocument]:
    """Each document with its distinct band keys (what the index stores), in the order of ``docs``, fingerprinted
    in batches by ``workers`` processes (1: in this one)."""
    bounds = [(lo, min(lo + _BATCH, len(docs))) for lo in range(0, len(docs), _BATCH)]
    keys = iter_tasks(_keys_of_range, bounds, _KeyContext(docs, layout, repeated), workers, "fingerprint", None,
                      [hi - lo for lo, hi in bounds])
    for (lo, hi), batch in zip(bounds, keys, strict=True):
        yield from zip(docs[lo:hi], batch, strict=True)


_Prepared = tuple[list[np.ndarray], list[str], list[bytes]]


def _prepare_range(context: _KeyContext, bounds: tuple[int, int]) -> _Prepared:
    """The band keys, text hashes and compressed texts of documents [lo, hi) of the context."""
    texts = [d.text for d in context.docs[bounds[0]:bounds[1]]]
    return _keys_of_range(context, bounds), [sha256_text(t) for t in texts], [compress_text(t) for t in texts]


def prepared_documents(docs: Sequence[Document], layout: LSHLayout, workers: int = 1,
                       repeated: frozenset[int] = frozenset(),
                       carriers: frozenset[int] | None = None) -> Iterator[PreparedDocument]:
    """``keyed_documents`` ready to store (``PreparedDocument``), in the order of ``docs``: the band keys, the hash
    and the compressed text of each computed by ``workers`` processes."""
    bounds = [(lo, min(lo + _BATCH, len(docs))) for lo in range(0, len(docs), _BATCH)]
    done = iter_tasks(_prepare_range, bounds, _KeyContext(docs, layout, repeated, carriers), workers, "fingerprint",
                      None, [hi - lo for lo, hi in bounds])
    for (lo, hi), (keys, digests, blobs) in zip(bounds, done, strict=True):
        yield from map(PreparedDocument, docs[lo:hi], keys, digests, blobs)


def add_documents(docs: Sequence[Document], index: IndexStore, layout: LSHLayout, batch: str, workers: int = 1,
                  progress: Progress | None = None, repeated: frozenset[int] = frozenset(),
                  carriers: frozenset[int] | None = None) -> AddResult:
    """Add ``docs`` to an open index, fingerprinted by ``workers`` processes and stored in their order; lines of
    ``repeated`` (the batch's boilerplate, looked for in the documents at the places ``carriers`` holds; None: in
    all) give no band keys, so a site's footer never makes a candidate later."""
    prepared = prepared_documents(docs, layout, workers, repeated, carriers)
    return index.add(_reporting(prepared, len(docs), progress), batch)


def add_to_index(paths: Iterable[str | Path], db: str | Path, config: ScanConfig, batch: str,
                 progress: Progress | None = None) -> tuple[AddResult, tuple[ReadError, ...], IndexStats]:
    """Read ``paths`` and add every readable document to the index at ``db`` (created if missing), fingerprinting
    with ``config.workers`` processes; the index does not depend on their number."""
    layout = LSHLayout.from_config(config)
    read = read_documents(paths, config)
    docs = read.documents
    repeated, carriers = corpus_repeated(docs, config.fingerprint, config.workers, progress)
    with open_index(db, layout) as index:
        added = add_documents(docs, index, layout, batch, config.workers, progress, repeated, carriers)
        return added, read.errors, index.stats()


def _reporting(items: Iterator[PreparedDocument], total: int,
               progress: Progress | None) -> Iterator[PreparedDocument]:
    for n, item in enumerate(items, 1):
        if progress is not None and (n % 100 == 0 or n == total):
            progress("index", n, total)
        yield item
