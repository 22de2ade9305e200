"""Candidate claim pairs without comparing every pair of documents.

Two indexes, both near-linear in the number of claims:

1. MinHash LSH over each claim's content words (lower-cased, cut to their first five letters so that
   "arrived" and "arrives" agree): claims sharing a band are candidates. With ``rows`` rows per band a
   copied or lightly spun claim (word Jaccard >= 0.7) is found with probability >= 0.89, and two
   unrelated claims about the same event (Jaccard ~0.1) collide in ~0.1% of pairs.
2. Sparse top-k over documents: each document's ``k`` nearest documents by word TF-IDF cosine (at least
   ``threshold``), computed in blocks of rows; restated claims are looked for between these pairs only.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from typing import Any

import numpy as np

_PRIME = np.uint64((1 << 61) - 1)
_MAX_HASH = np.uint64((1 << 32) - 1)
_WORD = re.compile(r"\w+")
_STOP_WORDS = (
    "a an the of and or but to in on at by for from with as into about over after before than that this these "
    "those it its is are was were be been being has have had will would could should may might can do does did "
    "he she they we you i his her their our your him them who whom which what when where while also not no so "
    "said says say told according"
)
_STOP = frozenset(_STOP_WORDS.split())


def claim_words(text: str) -> list[str]:
    """The content words of a claim, cut to five letters (the shingles of the claim index)."""
    return sorted({w[:5] for w in _WORD.findall(text.lower()) if w not in _STOP})


def _hash(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=4).digest(), "little")


def _word_hashes(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """One uint64 hash per distinct content word of each text, and the text each hash belongs to."""
    cache: dict[str, int] = {}
    hashes: list[int] = []
    owners: list[int] = []
    for n, text in enumerate(texts):
        words = claim_words(text) or [""]
        hashes += [cache[w] if w in cache else cache.setdefault(w, _hash(w)) for w in words]
        owners += [n] * len(words)
    return np.asarray(hashes, dtype=np.uint64), np.asarray(owners, dtype=np.int64)


def claim_signatures(texts: Sequence[str], num_perm: int, seed: int = 1) -> np.ndarray:
    """MinHash signatures (uint64[len(texts), num_perm]) of the claims' content words."""
    if not texts:
        return np.zeros((0, num_perm), dtype=np.uint64)
    hashes, owners = _word_hashes(texts)
    starts = np.flatnonzero(np.r_[True, owners[1:] != owners[:-1]])
    rng = np.random.RandomState(seed)  # permutations as datasketch draws them: a in [1, p), b in [0, p)
    a = rng.randint(1, _PRIME, size=num_perm, dtype=np.uint64)
    b = rng.randint(0, _PRIME, size=num_perm, dtype=np.uint64)
    out = np.empty((len(texts), num_perm), dtype=np.uint64)
    with np.errstate(over="ignore"):  # a * h wraps around 2^64 before the modulo, as in datasketch
        for p in range(num_perm):
            out[:, p] = np.minimum.reduceat((a[p] * hashes + b[p]) % _PRIME & _MAX_HASH, starts)
    return out


def _bucket_pairs(members: np.ndarray, cap: int) -> list[tuple[int, int]]:
    """All pairs of a bucket; a bucket of more than ``cap`` claims links its first claim to the others."""
    if members.size > cap:
        return [(int(members[0]), int(x)) for x in members[1:]]
    m = members.tolist()
    return [(x, y) for i, x in enumerate(m) for y in m[i + 1:]]


def lsh_claim_pairs(signatures: np.ndarray, groups: np.ndarray, bands: int, rows: int,
                    cap: int = 64) -> np.ndarray:
    """Pairs (i < j) of claims that share a band and belong to different ``groups`` (documents)."""
    found: list[tuple[int, int]] = []
    for band in range(bands):
        part = np.ascontiguousarray(signatures[:, band * rows:(band + 1) * rows])
        _, inverse = np.unique(part, axis=0, return_inverse=True)
        inverse = inverse.reshape(-1)
        order = np.argsort(inverse, kind="stable")
        cuts = np.flatnonzero(np.diff(inverse[order])) + 1
        for members in np.split(order, cuts):
            if members.size > 1:
                found += _bucket_pairs(np.sort(members), cap)
    if not found:
        return np.zeros((0, 2), dtype=np.int64)
    pairs: np.ndarray = np.unique(np.asarray(found, dtype=np.int64), axis=0)
    kept: np.ndarray = pairs[groups[pairs[:, 0]] != groups[pairs[:, 1]]]
    return kept


def nearest_documents(vectors: Any, k: int, threshold: float, block: int = 512) -> list[tuple[int, int]]:
    """Pairs (i < j) where j is among i's ``k`` most similar rows (or i among j's), cosine >= threshold."""
    if vectors is None:
        return []
    n = vectors.shape[0]
    pairs: set[tuple[int, int]] = set()
    for lo in range(0, n, block):
        sim = (vectors[lo:lo + block] @ vectors.T).toarray()
        rows = np.arange(sim.shape[0])
        sim[rows, rows + lo] = -1.0
        top = np.argpartition(-sim, min(k, n - 1) - 1, axis=1)[:, :k] if n > 1 else np.zeros((sim.shape[0], 0), int)
        for r, cols in enumerate(top):
            i = lo + r
            pairs.update((min(i, int(j)), max(i, int(j))) for j in cols if sim[r, j] >= threshold)
    return sorted(pairs)
