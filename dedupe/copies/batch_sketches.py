"""Sketches of many documents at once: the hot path of a scan.

``sketches`` gives, for a batch of documents, exactly what ``lsh.sketch(fingerprint(doc, ...))`` gives for
each one (the tests check it), but runs every numpy step once per batch instead of once per document:
word hashes over the concatenated bodies, shingles, permutations, passage blocks and band keys.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from dedupe.copies.fingerprint import (
    MAX_HASH,
    Fingerprint,
    ascii_view,
    combine_shingles,
    content_words,
    hashed_tokens,
    outside_spans,
    permuted,
)
from dedupe.copies.lsh import LSHLayout, Sketch, band_keys
from dedupe.models import Document, Paragraph
from dedupe.text.normalize import Tokens

_Words = tuple[np.ndarray, np.ndarray, np.ndarray]  # starts, ends (offsets into the document), word hashes


def batch_words(docs: Sequence[Document], paragraphs: Sequence[Sequence[Paragraph]]) -> list[_Words]:
    """``content_words`` of each document (its body's words outside boilerplate paragraphs).

    Bodies are joined by newlines (no word spans one) and tokenised in one pass; a body that is not ASCII
    after typographic replacements (see ``hashed_tokens``) is tokenised on its own.
    """
    if not docs:
        return []
    out: list[_Words | None] = [None] * len(docs)
    joined: list[str] = []
    offsets: list[int] = []
    dropped: list[tuple[int, int]] = []
    position = 0
    for n, (doc, paras) in enumerate(zip(docs, paragraphs, strict=True)):
        body = ascii_view(doc.text[doc.body_start:])
        if body is None:
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


def alignment_fingerprints(docs: Sequence[Document], paragraphs: Sequence[Sequence[Paragraph]],
                           signatures: Sequence[np.ndarray], layout: LSHLayout) -> list[Fingerprint]:
    """What verifying candidate pairs needs of each document (word offsets and shingle hashes), with the
    signature the scan already has and no passage windows; tokenised as one batch."""
    none = np.zeros((0, layout.num_perm), dtype=np.uint32)
    return [Fingerprint(d.id, Tokens((), s.astype(np.int32), e.astype(np.int32)),
                        combine_shingles(h, layout.shingle_size), sig, none, np.zeros(0, dtype=np.int64))
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
    (the same values as ``fingerprint(doc, ...).signature``, and as datasketch's ``MinHash`` given the same
    shingle hashes). A document without words gets all ``MAX_HASH``."""
    hashes, n_shingles = _shingles([h for _, _, h in batch_words(docs, paragraphs)], layout.shingle_size)
    out = np.full((len(docs), layout.num_perm), MAX_HASH, dtype=np.uint32)
    has = np.flatnonzero(n_shingles)
    if has.size:
        firsts = (np.cumsum(n_shingles) - n_shingles)[has]
        out[has] = np.minimum.reduceat(permuted(hashes, layout.num_perm, layout.seed), firsts, axis=1).T
    return out


def sketches(docs: Sequence[Document], paragraphs: Sequence[Sequence[Paragraph]],
             layout: LSHLayout) -> tuple[list[Sketch], list[np.ndarray]]:
    """``lsh.sketch(fingerprint(doc, paragraphs, fc), ...)`` of every document, computed as one batch:
    the sketches, and each document's band keys (the same set as ``document_keys``, but neither sorted nor
    deduplicated: candidate search does not need it)."""
    words = [h for _, _, h in batch_words(docs, paragraphs)]
    hashes, n_shingles = _shingles(words, layout.shingle_size)
    word_counts = [w.size for w in words]
    empty_sig = np.full(layout.num_perm, MAX_HASH, dtype=np.uint32)
    if hashes.size == 0:
        return [Sketch(c, empty_sig) for c in word_counts], [np.zeros(0, dtype=np.int64)] * len(docs)
    step, span = layout.passage_step, max(1, layout.passage_words // layout.passage_step)
    n_blocks = -(-n_shingles // step)  # ceil
    block_starts = np.repeat(np.cumsum(n_shingles) - n_shingles, n_blocks) + _local_index(n_blocks) * step
    blocks = np.minimum.reduceat(permuted(hashes, layout.num_perm, layout.seed), block_starts, axis=1)
    blocks = np.ascontiguousarray(blocks.T)
    local = _local_index(n_blocks)
    block_doc = np.repeat(np.arange(len(docs)), n_blocks)
    windows = blocks.copy()
    for k in range(1, span):
        inside = np.flatnonzero(local + k < n_blocks[block_doc])
        windows[inside] = np.minimum(windows[inside], blocks[inside + k])
    n_windows = np.maximum(1, n_blocks - span + 1)
    is_window = local < n_windows[block_doc]
    windows, window_doc = windows[is_window], block_doc[is_window]
    has = n_blocks > 0
    doc_sigs = np.minimum.reduceat(blocks, (np.cumsum(n_blocks) - n_blocks)[has], axis=0)
    whole_keys, window_keys = band_keys(doc_sigs, windows, layout)
    docs_with = np.flatnonzero(has)
    per_doc: list[np.ndarray] = [np.zeros(0, dtype=np.int64)] * len(docs)
    window_cuts = np.searchsorted(window_doc, docs_with[1:])
    for n, whole, parts in zip(docs_with.tolist(), whole_keys, np.split(window_keys, window_cuts), strict=True):
        per_doc[n] = np.concatenate([whole, parts.ravel()]).astype(np.int64)
    sig_of = dict(zip(docs_with.tolist(), doc_sigs, strict=True))
    return [Sketch(word_counts[n], sig_of.get(n, empty_sig)) for n in range(len(docs))], per_doc
