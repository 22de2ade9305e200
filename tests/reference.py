"""The per-document fingerprinting path: the slow, obvious reference the batched path is tested against.

The package fingerprints documents only in batches (``dedupe.copies.batch_sketches.sketch_documents``); these
functions compute the same signatures, passage windows and band keys one document at a time, with plain
numpy and no batching tricks, so that a property test can compare the two on random inputs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from dedupe.copies.fingerprint import MAX_HASH, combine_shingles, content_words, permuted, word_offsets
from dedupe.copies.lsh import LSHLayout, band_keys
from dedupe.models import Document, Paragraph
from dedupe.text.normalize import Tokens
from dedupe.text.segment import split_paragraphs


@dataclass(frozen=True, slots=True)
class ReferenceFingerprint:
    """Everything the batched path computes of one document, computed on its own."""

    doc_id: str
    tokens: Tokens  # offsets of the fingerprinted words (boilerplate and header left out; forms dropped)
    hashes: np.ndarray  # shingle hashes, in text order (shingle i starts at word i)
    signature: np.ndarray  # uint32[num_perm]
    windows: np.ndarray  # uint32[n_windows, num_perm], passage signatures
    window_starts: np.ndarray  # first shingle of each window


def signature(hashes: np.ndarray, num_perm: int, seed: int) -> np.ndarray:
    """MinHash signature of a set of shingle hashes (all MAX_HASH when empty)."""
    if hashes.size == 0:
        return np.full(num_perm, MAX_HASH, dtype=np.uint32)
    out: np.ndarray = permuted(hashes, num_perm, seed).min(axis=1)
    return out


def window_signatures(hashes: np.ndarray, layout: LSHLayout) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Document signature plus sliding-window signatures, from one permutation pass.

    Blocks of ``passage_step`` shingles are reduced once; each window is the min over the
    blocks it spans.
    """
    num_perm, seed = layout.num_perm, layout.seed
    if hashes.size == 0:
        empty = np.full(num_perm, MAX_HASH, dtype=np.uint32)
        return empty, empty[None, :], np.zeros(1, dtype=np.int64)
    phv = permuted(hashes, num_perm, seed)
    block_starts = np.arange(0, hashes.size, layout.passage_step)
    blocks = np.minimum.reduceat(phv, block_starts, axis=1).T  # (n_blocks, num_perm)
    span = max(1, layout.passage_words // layout.passage_step)
    n_windows = max(1, blocks.shape[0] - span + 1)
    windows = blocks[:n_windows].copy()
    for k in range(1, min(span, blocks.shape[0])):
        np.minimum(windows, blocks[k : k + n_windows], out=windows)
    return blocks.min(axis=0), windows, block_starts[:n_windows]


def fingerprint(doc: Document, paragraphs: Sequence[Paragraph], layout: LSHLayout) -> ReferenceFingerprint:
    starts, ends, words = content_words(doc, paragraphs)
    hashes = combine_shingles(words, layout.shingle_size)
    sig, window_sigs, window_starts = window_signatures(hashes, layout)
    offsets = word_offsets(doc, starts, ends)
    return ReferenceFingerprint(doc.id, offsets, hashes, sig, window_sigs, window_starts)


def document_fingerprint(doc: Document, layout: LSHLayout) -> ReferenceFingerprint:
    """``fingerprint`` of a document on its own (its paragraphs found as ``analyse`` finds them)."""
    return fingerprint(doc, split_paragraphs(doc.text, doc.body_start), layout)


def document_keys(fp: ReferenceFingerprint, layout: LSHLayout) -> np.ndarray:
    """The distinct band keys (int64, sorted) of a document's whole-text and passage-window signatures; empty for
    a document without shingles."""
    if fp.hashes.size == 0:
        return np.zeros(0, dtype=np.int64)
    whole, windows = band_keys(fp.signature, fp.windows, layout)
    return np.unique(np.concatenate([whole.ravel(), windows.ravel()]).astype(np.int64))
