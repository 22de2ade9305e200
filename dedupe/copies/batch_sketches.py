"""Fingerprints of many documents at once: the hot path, and the one fingerprinting path of scan, check and
index add.

``sketch_documents`` gives, for a batch of documents, their signatures, passage-window signatures and band keys,
running every numpy step once per batch instead of once per document: word hashes over the concatenated bodies,
shingles, permutations, passage blocks and band keys. The tests check it against a per-document reference
implementation (``tests/reference.py``) and datasketch.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from dedupe.copies.fingerprint import (
    MAX_HASH,
    Fingerprint,
    combine_shingles,
    content_words,
    hashed_tokens,
    outside_spans,
    permuted,
    vectorisable,
    word_offsets,
)
from dedupe.copies.lsh import LSHLayout, band_keys
from dedupe.models import Document, Paragraph

_Words = tuple[np.ndarray, np.ndarray, np.ndarray]  # starts, ends (offsets into the document), word hashes


def batch_words(docs: Sequence[Document], paragraphs: Sequence[Sequence[Paragraph]]) -> list[_Words]:
    """``content_words`` of each document (its body's words outside boilerplate paragraphs).

    Bodies are joined by newlines (no word spans one) and tokenised in one pass; a body that numpy cannot
    tokenise (``fingerprint.vectorisable``: combining marks, scripts without spaces ...) is tokenised on its own.
    """
    if not docs:
        return []
    out: list[_Words | None] = [None] * len(docs)
    joined: list[str] = []
    offsets: list[int] = []
    dropped: list[tuple[int, int]] = []
    position = 0
    for n, (doc, paras) in enumerate(zip(docs, paragraphs, strict=True)):
        body = doc.text[doc.body_start:]
        if not vectorisable(body):
            out[n] = content_words(doc, paras)
            body = ""
        shift = position - doc.body_start
        dropped += [(p.start + shift, p.end + shift) for p in paras if p.boilerplate is not None and body]
        joined.append(body)
        offsets.append(position - doc.body_start)
        position += len(body) + 1
    starts, ends, hashes = outside_spans(dropped, *hashed_tokens("\n".join(joined)))
    cuts = np.searchsorted(starts, [o + d.body_start for o, d in zip(offsets[1:], docs[1:], strict=True)])
    parts = zip(np.split(starts, cuts), np.split(ends, cuts), np.split(hashes, cuts), strict=True)
    for n, (s, e, h) in enumerate(parts):
        if out[n] is None:
            out[n] = (s - offsets[n], e - offsets[n], h)
    return [w for w in out if w is not None]


@dataclass(frozen=True, slots=True)
class DocumentSketch:
    """What a scan keeps of one document's fingerprint: small enough for millions of documents. (Its band
    keys go straight into ``KeyBuckets``; word offsets and shingle hashes are recomputed for candidate pairs
    only, by ``alignment_fingerprints``.)"""

    words: int  # fingerprinted words (body without boilerplate)
    signature: np.ndarray  # uint32[num_perm], whole text


@dataclass(frozen=True, slots=True)
class SketchBatch:
    """What ``sketch_documents`` gives for a batch of documents: everything scan, check and index add take of a
    document before verification."""

    words: np.ndarray  # int64[n_docs]: fingerprinted words of each document (body without boilerplate)
    signatures: np.ndarray  # uint32[n_docs, num_perm]: whole-text signatures (all MAX_HASH without shingles)
    windows: np.ndarray  # uint32[n_windows, num_perm]: passage-window signatures, document after document
    window_owners: np.ndarray  # int64[n_windows]: the document (index in the batch) of each window
    band_keys: list[np.ndarray]  # int64 keys of each document's whole text and windows, neither sorted nor distinct

    def document_sketches(self) -> list[DocumentSketch]:
        """What a scan keeps of each document."""
        return [DocumentSketch(w, s) for w, s in zip(self.words.tolist(), self.signatures, strict=True)]

    def distinct_keys(self) -> list[np.ndarray]:
        """Each document's band keys, sorted and distinct (int64): what the persistent index stores and looks up
        (empty for a document without shingles)."""
        return [np.unique(k) for k in self.band_keys]


def alignment_fingerprints(docs: Sequence[Document], paragraphs: Sequence[Sequence[Paragraph]],
                           signatures: Sequence[np.ndarray], layout: LSHLayout) -> list[Fingerprint]:
    """What verifying candidate pairs needs of each document (word offsets and shingle hashes), with the
    signature the scan already has; tokenised as one batch."""
    return [Fingerprint(d.id, word_offsets(d, s, e),
                        combine_shingles(h, layout.shingle_size), sig)
            for d, (s, e, h), sig in zip(docs, batch_words(docs, paragraphs), signatures, strict=True)]


def _shingles(words: list[np.ndarray], size: int) -> tuple[np.ndarray, np.ndarray]:
    """Concatenated shingle hashes of every document, and each document's shingle count."""
    counts = np.array([w.size for w in words], dtype=np.int64)
    if counts.sum() == 0:
        return np.zeros(0, dtype=np.uint32), np.zeros(len(words), dtype=np.int64)
    flat = np.concatenate(words)
    whole = combine_shingles(flat, size)  # shingles that may cross a document boundary
    ends = np.cumsum(counts)
    first = ends - counts
    n_shingles = np.where(counts >= size, counts - size + 1, np.minimum(counts, 1))
    if np.all((counts >= size) | (counts == 0)):
        keep = np.repeat(first, n_shingles) + _local_index(n_shingles)
        return whole[keep], n_shingles
    parts = [whole[f : f + k] if c >= size else combine_shingles(flat[f : f + c], size)
             for f, c, k in zip(first.tolist(), counts.tolist(), n_shingles.tolist(), strict=True)]
    return np.concatenate(parts), n_shingles


def _local_index(sizes: np.ndarray) -> np.ndarray:
    """0..size-1 for each group, concatenated."""
    total = int(sizes.sum())
    out: np.ndarray = np.arange(total, dtype=np.int64) - np.repeat(np.cumsum(sizes) - sizes, sizes)
    return out


def signatures(docs: Sequence[Document], paragraphs: Sequence[Sequence[Paragraph]],
               layout: LSHLayout) -> np.ndarray:
    """uint32[len(docs), num_perm]: the whole-text MinHash signature of every document, computed as one batch
    (the same values as ``sketch_documents(...).signatures`` without its passage windows and band keys, and as
    datasketch's ``MinHash`` given the same shingle hashes; the benchmarks compare it with datasketch). A
    document without words gets all ``MAX_HASH``."""
    hashes, n_shingles = _shingles([h for _, _, h in batch_words(docs, paragraphs)], layout.shingle_size)
    out = np.full((len(docs), layout.num_perm), MAX_HASH, dtype=np.uint32)
    has = np.flatnonzero(n_shingles)
    if has.size:
        firsts = (np.cumsum(n_shingles) - n_shingles)[has]
        out[has] = np.minimum.reduceat(permuted(hashes, layout.num_perm, layout.seed), firsts, axis=1).T
    return out


def sketch_documents(docs: Sequence[Document], paragraphs: Sequence[Sequence[Paragraph]],
                     layout: LSHLayout) -> SketchBatch:
    """Signatures, passage windows and band keys of every document (``paragraphs`` mark its boilerplate), computed
    as one batch: the one fingerprinting path of scan, check and index add."""
    words = [h for _, _, h in batch_words(docs, paragraphs)]
    hashes, n_shingles = _shingles(words, layout.shingle_size)
    word_counts = np.array([w.size for w in words], dtype=np.int64)
    signatures = np.full((len(docs), layout.num_perm), MAX_HASH, dtype=np.uint32)
    if hashes.size == 0:
        return SketchBatch(word_counts, signatures, np.zeros((0, layout.num_perm), dtype=np.uint32),
                           np.zeros(0, dtype=np.int64), [np.zeros(0, dtype=np.int64)] * len(docs))
    step = layout.passage_step
    n_blocks = -(-n_shingles // step)  # ceil
    block_starts = np.repeat(np.cumsum(n_shingles) - n_shingles, n_blocks) + _local_index(n_blocks) * step
    blocks = np.ascontiguousarray(_block_minima(hashes, block_starts, layout).T)
    windows, window_doc = _windows(blocks, n_blocks, max(1, layout.passage_words // step))
    docs_with = np.flatnonzero(n_blocks > 0)
    signatures[docs_with] = np.minimum.reduceat(blocks, (np.cumsum(n_blocks) - n_blocks)[docs_with], axis=0)
    whole_keys, window_keys = band_keys(signatures[docs_with], windows, layout)
    per_doc: list[np.ndarray] = [np.zeros(0, dtype=np.int64)] * len(docs)
    window_cuts = np.searchsorted(window_doc, docs_with[1:])
    for n, whole, parts in zip(docs_with.tolist(), whole_keys, np.split(window_keys, window_cuts), strict=True):
        per_doc[n] = np.concatenate([whole, parts.ravel()]).astype(np.int64)
    return SketchBatch(word_counts, signatures, windows, window_doc, per_doc)


PERMUTED_CHUNK = 1 << 18  # shingles permuted at once: num_perm x this many uint32 (128 MB at 128 permutations)


def _block_minima(hashes: np.ndarray, block_starts: np.ndarray, layout: LSHLayout) -> np.ndarray:
    """``np.minimum.reduceat(permuted(hashes), block_starts, axis=1)``, permuting at most about PERMUTED_CHUNK
    shingles at a time (whole blocks), so that one huge document does not need num_perm x its length at once."""
    if hashes.size <= PERMUTED_CHUNK:
        out: np.ndarray = np.minimum.reduceat(permuted(hashes, layout.num_perm, layout.seed), block_starts, axis=1)
        return out
    out = np.empty((layout.num_perm, block_starts.size), dtype=np.uint32)
    ends = np.r_[block_starts[1:], hashes.size]
    lo = 0
    while lo < block_starts.size:
        start = int(block_starts[lo])
        hi = max(lo + 1, int(np.searchsorted(ends, start + PERMUTED_CHUNK, side="right")))
        end = int(ends[hi - 1])
        part = permuted(hashes[start:end], layout.num_perm, layout.seed)
        out[:, lo:hi] = np.minimum.reduceat(part, block_starts[lo:hi] - start, axis=1)
        lo = hi
    return out


def _windows(blocks: np.ndarray, n_blocks: np.ndarray, span: int) -> tuple[np.ndarray, np.ndarray]:
    """Passage-window signatures (each the min over ``span`` consecutive blocks of one document; a document with
    fewer blocks has one window over all of them) and the document of each window."""
    local = _local_index(n_blocks)
    block_doc = np.repeat(np.arange(n_blocks.size), n_blocks)
    windows = blocks.copy()
    for k in range(1, span):
        inside = np.flatnonzero(local + k < n_blocks[block_doc])
        windows[inside] = np.minimum(windows[inside], blocks[inside + k])
    n_windows = np.maximum(1, n_blocks - span + 1)
    is_window = local < n_windows[block_doc]
    return windows[is_window], block_doc[is_window].astype(np.int64)
