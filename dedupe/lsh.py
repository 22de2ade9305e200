"""Banding of MinHash signatures into LSH buckets, and the candidate pairs that share a bucket.

The number of bands and rows is the one datasketch's ``MinHashLSH`` picks for a threshold (recorded
in the report); the bucketing itself is vectorised with numpy: every band of every signature gets a
63-bit key (a hash of the band's values and its index) and documents with an equal key in any band
are candidates. The tests check that the pairs are the ones ``MinHashLSH`` finds.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import numpy as np
from datasketch import MinHashLSH

from dedupe.fingerprint import Fingerprint

_MIX = np.uint64(0x9E3779B97F4A7C15)
DOC_KIND, WINDOW_KIND = 1, 2


@cache
def lsh_params(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows) datasketch picks for ``threshold`` and ``num_perm``."""
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return lsh.b, lsh.r


def band_key_matrix(signatures: np.ndarray, bands: int, rows: int, kind: int) -> np.ndarray:
    """uint64[n, bands]: a key per band of each signature (row of ``signatures``); top bit clear."""
    sigs = np.atleast_2d(signatures).astype(np.uint64)
    keys = np.empty((sigs.shape[0], bands), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for b in range(bands):
            h = np.full(sigs.shape[0], np.uint64(kind * 1_000_003 + b + 1), dtype=np.uint64)
            for r in range(rows):
                h = h * _MIX + sigs[:, b * rows + r]
            keys[:, b] = h ^ (h >> np.uint64(31))
    return keys & np.uint64(0x7FFFFFFFFFFFFFFF)


def document_keys(fp: Fingerprint, threshold: float, passage_threshold: float, num_perm: int) -> np.ndarray:
    """The distinct band keys (int64) of a document's whole-text and passage-window signatures: what the
    persistent index stores and the Dask engine shuffles. Empty for a document without shingles."""
    if fp.hashes.size == 0:
        return np.zeros(0, dtype=np.int64)
    whole = band_key_matrix(fp.signature, *lsh_params(threshold, num_perm), DOC_KIND)
    windows = band_key_matrix(fp.windows, *lsh_params(passage_threshold, num_perm), WINDOW_KIND)
    return np.unique(np.concatenate([whole.ravel(), windows.ravel()]).astype(np.int64))


def bucket_pairs(owners: np.ndarray, keys: np.ndarray) -> np.ndarray:
    """Pairs (i < j) of distinct owners sharing a key: int64[n_pairs, 2], sorted, unique.

    ``owners[k]`` is the document of row k of ``keys`` (one row per signature, one column per band).
    """
    k = keys.ravel()
    o = np.repeat(owners.astype(np.int64), keys.shape[1])
    order = np.lexsort((o, k))
    k, o = k[order], o[order]
    keep = np.ones(k.size, dtype=bool)
    keep[1:] = (k[1:] != k[:-1]) | (o[1:] != o[:-1])  # one entry per (key, owner)
    k, o = k[keep], o[keep]
    if k.size < 2:
        return np.zeros((0, 2), dtype=np.int64)
    starts = np.flatnonzero(np.r_[True, k[1:] != k[:-1]])
    sizes = np.diff(np.r_[starts, k.size])
    twos = starts[sizes == 2]
    found = [np.stack([o[twos], o[twos + 1]], axis=1)]
    for s, n in zip(starts[sizes > 2], sizes[sizes > 2], strict=True):
        members = o[s:s + n]
        i, j = np.triu_indices(n, 1)
        found.append(np.stack([members[i], members[j]], axis=1))
    pairs = np.concatenate(found)  # owners are sorted within a key, so i < j already
    return np.unique(pairs, axis=0)


def candidate_pairs(
    fps: Sequence[Fingerprint], threshold: float, passage_threshold: float, num_perm: int, seed: int
) -> list[tuple[int, int]]:
    """Index pairs (i < j) of documents whose whole-text or passage signatures collide."""
    del seed  # the seed is part of the signatures already
    usable = [i for i, fp in enumerate(fps) if fp.hashes.size > 0]
    if len(usable) < 2:
        return []
    b, r = lsh_params(threshold, num_perm)
    docs = np.array(usable, dtype=np.int64)
    found = [bucket_pairs(docs, band_key_matrix(np.stack([fps[i].signature for i in usable]), b, r, DOC_KIND))]
    pb, pr = lsh_params(passage_threshold, num_perm)
    windows = np.concatenate([fps[i].windows for i in usable])
    owners = np.concatenate([np.full(fps[i].windows.shape[0], i, dtype=np.int64) for i in usable])
    found.append(bucket_pairs(owners, band_key_matrix(windows, pb, pr, WINDOW_KIND)))
    pairs = np.unique(np.concatenate(found), axis=0)
    return [(int(i), int(j)) for i, j in pairs]
