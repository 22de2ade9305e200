"""Word shingles, their 32-bit hashes and MinHash signatures, vectorised with numpy.

Signatures are datasketch-compatible (scheme ``affine32``, the same permutations for a given
``num_perm`` and ``seed``): ``MinHash(num_perm, seed, hashfunc=shingle_hash).update_batch(shingles)``
yields the same hash values, which the tests check.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from datasketch import MinHash

from dedupe.config import FingerprintConfig
from dedupe.models import Document, Paragraph
from dedupe.normalize import Tokens, tokenize

SCHEME = "affine32"
_PRIME = np.uint32(0x01000193)
_PRIME_INT = 0x01000193
_MASK = 0xFFFFFFFF
MAX_HASH = np.uint32(_MASK)


@lru_cache(maxsize=1_000_000)
def word_hash(word: str) -> int:
    """Deterministic 32-bit hash of one normalised word (CRC-32 of its UTF-8 bytes)."""
    return zlib.crc32(word.encode("utf-8"))


def shingle_hash(shingle: bytes | str) -> int:
    """Reference (slow) hash of one shingle, given as normalised words joined by single spaces."""
    text = shingle.decode("utf-8") if isinstance(shingle, bytes) else shingle
    h = 0
    for word in text.split(" "):
        h = (h * _PRIME_INT + word_hash(word)) & _MASK
    return h


def shingles(words: tuple[str, ...], size: int) -> list[str]:
    """Word n-grams joined by spaces; a text shorter than ``size`` is one shingle."""
    if not words:
        return []
    if len(words) < size:
        return [" ".join(words)]
    return [" ".join(words[i : i + size]) for i in range(len(words) - size + 1)]


def shingle_hashes(words: tuple[str, ...], size: int) -> np.ndarray:
    """Vectorised ``shingle_hash`` of every shingle of ``words`` (uint32, in text order)."""
    if not words:
        return np.zeros(0, dtype=np.uint32)
    t = np.fromiter(map(word_hash, words), dtype=np.uint32, count=len(words))
    n = min(size, len(words))
    count = len(words) - n + 1
    h = np.zeros(count, dtype=np.uint32)
    for k in range(n):
        h = h * _PRIME + t[k : k + count]
    return h


@lru_cache(maxsize=16)
def permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """The (a, b) permutation parameters datasketch uses for ``num_perm`` and ``seed``."""
    a, b = MinHash(num_perm=num_perm, seed=seed, scheme=SCHEME).permutations
    return a.astype(np.uint32), b.astype(np.uint32)


def _fmix32(h: np.ndarray) -> np.ndarray:
    h = h ^ (h >> np.uint32(16))
    h = h * np.uint32(0x85EBCA6B)
    h = h ^ (h >> np.uint32(13))
    h = h * np.uint32(0xC2B2AE35)
    out: np.ndarray = h ^ (h >> np.uint32(16))
    return out


def permuted(hashes: np.ndarray, num_perm: int, seed: int) -> np.ndarray:
    """Permuted hash values, shape (num_perm, len(hashes))."""
    a, b = permutations(num_perm, seed)
    out: np.ndarray = np.multiply.outer(a, _fmix32(hashes))
    out += b[:, None]  # in place: one (num_perm x n) array instead of two
    return out


def signature(hashes: np.ndarray, num_perm: int, seed: int) -> np.ndarray:
    """MinHash signature of a set of shingle hashes (all MAX_HASH when empty)."""
    if hashes.size == 0:
        return np.full(num_perm, MAX_HASH, dtype=np.uint32)
    out: np.ndarray = permuted(hashes, num_perm, seed).min(axis=1)
    return out


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What matching needs of one document."""

    doc_id: str
    tokens: Tokens  # offsets of the fingerprinted words (boilerplate and header left out; forms dropped)
    hashes: np.ndarray  # shingle hashes, in text order (shingle i starts at word i)
    signature: np.ndarray  # uint32[num_perm]
    windows: np.ndarray  # uint32[n_windows, num_perm], passage signatures
    window_starts: np.ndarray  # first shingle of each window


def content_tokens(doc: Document, paragraphs: list[Paragraph]) -> Tokens:
    """Tokens of the non-boilerplate paragraphs, concatenated in text order."""
    parts = [tokenize(doc.text, p.start, p.end) for p in paragraphs if p.boilerplate is None]
    if not parts:
        return tokenize("")
    return Tokens(
        tuple(w for p in parts for w in p.words),
        np.concatenate([p.starts for p in parts]),
        np.concatenate([p.ends for p in parts]),
    )


def window_signatures(hashes: np.ndarray, config: FingerprintConfig) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Document signature plus sliding-window signatures, from one permutation pass.

    Blocks of ``passage_step`` shingles are reduced once; each window is the min over the
    blocks it spans, so windows cost no extra hashing.
    """
    num_perm, seed = config.num_perm, config.seed
    if hashes.size == 0:
        empty = np.full(num_perm, MAX_HASH, dtype=np.uint32)
        return empty, empty[None, :], np.zeros(1, dtype=np.int64)
    phv = permuted(hashes, num_perm, seed)
    block_starts = np.arange(0, hashes.size, config.passage_step)
    blocks = np.minimum.reduceat(phv, block_starts, axis=1).T  # (n_blocks, num_perm)
    span = max(1, config.passage_words // config.passage_step)
    n_windows = max(1, blocks.shape[0] - span + 1)
    windows = blocks[:n_windows].copy()
    for k in range(1, min(span, blocks.shape[0])):
        np.minimum(windows, blocks[k : k + n_windows], out=windows)
    return blocks.min(axis=0), windows, block_starts[:n_windows]


def fingerprint(doc: Document, paragraphs: list[Paragraph], config: FingerprintConfig) -> Fingerprint:
    tokens = content_tokens(doc, paragraphs)
    hashes = shingle_hashes(tokens.words, config.shingle_size)
    sig, windows, starts = window_signatures(hashes, config)
    # the words themselves are not needed after hashing: keep only their offsets (memory at scale)
    offsets = Tokens((), tokens.starts.astype(np.int32), tokens.ends.astype(np.int32))
    return Fingerprint(doc.id, offsets, hashes, sig, windows, starts)
