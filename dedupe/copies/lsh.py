"""Banding of MinHash signatures into LSH buckets, and the candidate pairs that share a bucket.

The number of bands and rows is the one datasketch's ``MinHashLSH`` picks for a threshold (recorded
in the report); the bucketing itself is vectorised with numpy: every band of every signature gets a
63-bit key (a hash of the band's values and its index) and documents with an equal key in any band
are candidates. The tests check that the pairs are the ones ``MinHashLSH`` finds.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from dedupe.config import ScanConfig
from dedupe.copies.fingerprint import HASH_NAME, SCHEME

_MIX = np.uint64(0x9E3779B97F4A7C15)
DOC_KIND, WINDOW_KIND = 1, 2


@cache
def lsh_params(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows) datasketch's ``MinHashLSH`` picks for ``threshold`` and ``num_perm``: of all b x r <= num_perm,
    the first (b, then r, ascending) with the least mean of the false-positive and false-negative probabilities
    (its ``_optimal_param`` with equal weights). The two integrals of polynomials of degree b x r <= num_perm are
    exact with Gauss-Legendre nodes, here in a few milliseconds, where datasketch imports scipy's integrator
    (most of a one-document ``check``'s start-up) and calls it per (b, r); ``tests/test_lsh.py`` checks both
    choose the same on a grid of thresholds and sizes."""
    nodes, weights = np.polynomial.legendre.leggauss(num_perm // 2 + 2)
    pairs = [(b, r) for b in range(1, num_perm + 1) for r in range(1, num_perm // b + 1)]
    b = np.asarray([p[0] for p in pairs], dtype=np.float64)[:, None]
    r = np.asarray([p[1] for p in pairs], dtype=np.float64)[:, None]
    below = threshold / 2 * (nodes + 1)  # nodes mapped onto [0, threshold] and [threshold, 1]
    above = (1 - threshold) / 2 * nodes + (1 + threshold) / 2
    false_positive = threshold / 2 * ((1 - (1 - below ** r) ** b) @ weights)
    false_negative = (1 - threshold) / 2 * (((1 - above ** r) ** b) @ weights)
    return pairs[int(np.argmin(0.5 * false_positive + 0.5 * false_negative))]


def band_key_matrix(signatures: np.ndarray, bands: int, rows: int, kind: int) -> np.ndarray:
    """uint64[n, bands]: a key per band of each signature (row of ``signatures``); top bit clear."""
    sigs = np.atleast_2d(signatures)[:, : bands * rows].astype(np.uint64).reshape(-1, bands, rows)
    with np.errstate(over="ignore"):
        h = np.broadcast_to(np.arange(bands, dtype=np.uint64) + np.uint64(kind * 1_000_003 + 1), sigs.shape[:2])
        for r in range(rows):
            h = h * _MIX + sigs[:, :, r]
        keys: np.ndarray = h ^ (h >> np.uint64(31))
    return keys & np.uint64(0x7FFFFFFFFFFFFFFF)


@dataclass(frozen=True, slots=True)
class LSHLayout:
    """How a document becomes band keys: shingles, MinHash permutations, passage windows and the bands x rows
    datasketch picks for each threshold. Derived once from the config (``from_config``) and passed to every
    stage that fingerprints or bands; the index and the report record their parameters from it."""

    shingle_size: int
    num_perm: int
    seed: int
    passage_words: int  # sliding-window length for passage signatures
    passage_step: int
    threshold: float  # LSH Jaccard threshold for whole documents
    passage_threshold: float  # LSH Jaccard threshold for passage windows
    bands: int
    rows: int
    passage_bands: int
    passage_rows: int
    hash_scheme: str = SCHEME  # MinHash permutations (datasketch's)
    word_hash: str = HASH_NAME  # the word hash shingle hashes are made of

    @classmethod
    def from_config(cls, config: ScanConfig) -> LSHLayout:
        """The layout of ``config``'s fingerprint and match settings: the one place bands x rows are derived."""
        fc, mc = config.fingerprint, config.match
        bands, rows = lsh_params(mc.threshold, fc.num_perm)
        passage_bands, passage_rows = lsh_params(mc.passage_threshold, fc.num_perm)
        return cls(fc.shingle_size, fc.num_perm, fc.seed, fc.passage_words, fc.passage_step, mc.threshold,
                   mc.passage_threshold, bands, rows, passage_bands, passage_rows)


def band_keys(signatures: np.ndarray, windows: np.ndarray, layout: LSHLayout) -> tuple[np.ndarray, np.ndarray]:
    """Band keys of whole-text signatures (``layout.bands`` x ``layout.rows``) and of passage-window signatures
    (``layout.passage_bands`` x ``layout.passage_rows``); the two kinds never collide with each other."""
    return (band_key_matrix(signatures, layout.bands, layout.rows, DOC_KIND),
            band_key_matrix(windows, layout.passage_bands, layout.passage_rows, WINDOW_KIND))


def pairs_sharing_keys(owners: np.ndarray, keys: np.ndarray, prefilter_above: int = 1_000_000) -> np.ndarray:
    """Pairs (i < j) of owners sharing a key: int64[n_pairs, 2], sorted, unique. ``owners[k]`` owns ``keys[k]``
    (an owner may list a key more than once). Above ``prefilter_above`` keys, one sort of keys packed with
    their positions first keeps only the entries whose key may repeat (the argsort of all keys costs twice
    as much); the result is the same."""
    if keys.size < 2:
        return np.zeros((0, 2), dtype=np.int64)
    if keys.size > prefilter_above:  # most keys are held once: find the few that may repeat with one sort
        bits = int(keys.size - 1).bit_length()  # low bits of each key give way to its position
        packed = (keys.astype(np.uint64) >> np.uint64(bits) << np.uint64(bits)) | np.arange(keys.size, dtype=np.uint64)
        packed.sort()
        prefix = packed >> np.uint64(bits)
        same = prefix[1:] == prefix[:-1]  # every repeated key, and the rare keys that only share the prefix
        maybe = np.zeros(keys.size, dtype=bool)
        maybe[1:] |= same
        maybe[:-1] |= same
        where = (packed[maybe] & np.uint64((1 << bits) - 1)).astype(np.intp)
        owners, keys = owners[where], keys[where]
        if keys.size < 2:
            return np.zeros((0, 2), dtype=np.int64)
    order = np.argsort(keys)
    k, o = keys[order], owners[order].astype(np.int64)
    repeated = np.r_[False, k[1:] == k[:-1]] | np.r_[k[:-1] == k[1:], False]
    k, o = k[repeated], o[repeated]  # keys held by one owner pair with nobody: most of them
    if k.size == 0:
        return np.zeros((0, 2), dtype=np.int64)
    group_end = np.r_[np.flatnonzero(k[1:] != k[:-1]) + 1, k.size]
    end = np.repeat(group_end, np.diff(np.r_[0, group_end]))  # for each entry, the end of its key's group
    later = end - np.arange(k.size) - 1  # members after this one in its group
    left = np.repeat(np.arange(k.size), later)
    right = left + 1 + np.arange(left.size) - np.repeat(np.cumsum(later) - later, later)
    a, b = o[left], o[right]
    a, b = a[a != b], b[a != b]
    n = np.int64(int(o.max()) + 1)
    codes = np.unique(np.minimum(a, b) * n + np.maximum(a, b))
    return np.stack([codes // n, codes % n], axis=1)


def pairs_in_batch(keys: Sequence[np.ndarray]) -> list[tuple[int, int]]:
    """Pairs (i < j) of documents sharing a band key, sorted; document i holds ``keys[i]`` (for a batch that fits
    in memory; a scan gathers its keys in ``KeyBuckets``)."""
    owners = np.repeat(np.arange(len(keys)), [k.size for k in keys])
    return KeyBuckets.merge([pairs_sharing_keys(owners, np.concatenate([np.zeros(0, dtype=np.int64), *keys]))])


PREFIX_BITS = 16  # the top bits of a band key (63 bits) that name its prefix range


def prefix_ordered(owners: np.ndarray, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(owners int32, keys int64) ordered by the top ``PREFIX_BITS`` bits of the key (a radix sort; in reading
    order within a prefix), and where each prefix begins (int64[2**PREFIX_BITS + 1], its last the key count):
    the keys of any range of prefixes (``prefix_range``) are a slice, however many ranges the keys are cut into."""
    keys = keys.view(np.int64) if keys.dtype == np.uint64 else keys.astype(np.int64, copy=False)  # top bit clear
    prefix = (keys >> (63 - PREFIX_BITS)).astype(np.uint16)
    order = np.argsort(prefix, kind="stable")
    prefix = prefix[order]
    starts = np.searchsorted(prefix, np.arange(2**PREFIX_BITS + 1), side="left").astype(np.int64)
    del prefix  # the copies below are the part's keys: the temporaries go first
    return owners[order].astype(np.int32, copy=False), keys[order], starts


def prefix_range(partition: int, partitions: int) -> tuple[int, int]:
    """The prefixes [lo, hi) of key partition ``partition`` of ``partitions`` (at most 2**PREFIX_BITS): equal keys
    share a prefix, so they fall in the same partition."""
    return partition * 2**PREFIX_BITS // partitions, (partition + 1) * 2**PREFIX_BITS // partitions


class KeyBuckets:
    """Band keys of many documents, gathered batch by batch, and the pairs of documents that share one.

    Keys are split by their low bits into ``partitions`` as they arrive and paired one partition at a time,
    so the sort needs memory for a share of the keys only. Past ``memory_keys`` keys (12 bytes each, with
    their owner) they move to files in a temporary folder (under ``TMPDIR``), so memory stays bounded
    however many documents a scan holds; ``close`` (or the context manager) removes the folder. Each
    document's keys may arrive in several batches.
    """

    def __init__(self, partitions: int = 16, memory_keys: int = 32_000_000) -> None:
        self.partitions = partitions
        self.memory_keys = memory_keys
        self._spill: tempfile.TemporaryDirectory[str] | None = None
        self._forget()

    def _forget(self) -> None:
        """Drop the keys held in memory."""
        self._keys: list[list[np.ndarray]] = [[] for _ in range(self.partitions)]
        self._owners: list[list[np.ndarray]] = [[] for _ in range(self.partitions)]
        self._in_memory = 0

    def __enter__(self) -> KeyBuckets:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._forget()
        if self._spill is not None:
            self._spill.cleanup()
            self._spill = None

    @property
    def spilled(self) -> bool:
        return self._spill is not None

    def _file(self, kind: str, partition: int) -> Path:
        assert self._spill is not None
        return Path(self._spill.name) / f"{kind}-{partition:03d}.bin"

    def _flush(self) -> None:
        if self._spill is None:
            self._spill = tempfile.TemporaryDirectory(prefix="dedupe-keys-")
        for p in range(self.partitions):
            if self._keys[p]:
                with self._file("keys", p).open("ab") as f:
                    for k in self._keys[p]:
                        k.tofile(f)
                with self._file("owners", p).open("ab") as f:
                    for o in self._owners[p]:
                        o.tofile(f)
        self._forget()

    @staticmethod
    def partitioned(owners: np.ndarray, keys: np.ndarray, partitions: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(owners, keys) ordered by partition, and where each partition after the first begins (for ``add``;
        a worker process can do this part)."""
        part = (keys % partitions).astype(np.int16)
        order = np.argsort(part, kind="stable")
        return owners[order].astype(np.int32), keys[order].astype(np.int64), np.searchsorted(
            part[order], np.arange(1, partitions))

    def add(self, owners: np.ndarray, keys: np.ndarray, cuts: np.ndarray | None = None) -> None:
        """Add keys with their owners; with ``cuts``, they are already ``partitioned``."""
        if cuts is None:
            owners, keys, cuts = self.partitioned(owners, keys, self.partitions)
        for p, (o, k) in enumerate(zip(np.split(owners, cuts), np.split(keys, cuts), strict=True)):
            if k.size:
                self._keys[p].append(k)
                self._owners[p].append(o)
        self._in_memory += int(keys.size)
        if self._in_memory > self.memory_keys:
            self._flush()

    def _partition(self, partition: int) -> tuple[np.ndarray, np.ndarray]:
        keys, owners = list(self._keys[partition]), list(self._owners[partition])
        if self._spill is not None and self._file("keys", partition).exists():
            keys.insert(0, np.fromfile(self._file("keys", partition), dtype=np.int64))
            owners.insert(0, np.fromfile(self._file("owners", partition), dtype=np.int32))
        if not keys:
            return np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.int64)
        return np.concatenate(owners), np.concatenate(keys)

    def partition_pairs(self, partition: int) -> np.ndarray:
        """Pairs (i < j) of owners sharing a key of one partition: int64[n, 2]."""
        owners, keys = self._partition(partition)
        return pairs_sharing_keys(owners, keys)

    @staticmethod
    def merge(parts: Sequence[np.ndarray]) -> list[tuple[int, int]]:
        """The pairs of all partitions, sorted, each once."""
        if not parts:
            return []
        pairs = np.concatenate(parts)
        codes = np.unique((pairs[:, 0] << 32) | pairs[:, 1])  # document indices stay below 2**31
        return list(zip((codes >> 32).tolist(), (codes & 0xFFFFFFFF).tolist(), strict=True))

    def pairs(self) -> list[tuple[int, int]]:
        """Pairs (i < j) of owners sharing a key, sorted."""
        return self.merge([self.partition_pairs(p) for p in range(self.partitions)])
