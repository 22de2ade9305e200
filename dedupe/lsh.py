"""Banding of MinHash signatures with datasketch's MinHashLSH, and the candidate pairs it yields."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
from datasketch import LeanMinHash, MinHashLSH

from dedupe.fingerprint import SCHEME, Fingerprint


def lsh_params(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows) datasketch picks for ``threshold`` and ``num_perm``."""
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return lsh.b, lsh.r


def _bucket_pairs(
    keys_and_sigs: Iterable[tuple[tuple[int, int], np.ndarray]], threshold: float, num_perm: int, seed: int
) -> set[tuple[int, int]]:
    """Pairs of distinct documents that share at least one LSH bucket."""
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    with lsh.insertion_session() as session:
        for key, sig in keys_and_sigs:
            session.insert(key, LeanMinHash(seed=seed, hashvalues=sig, scheme=SCHEME), check_duplication=False)
    pairs: set[tuple[int, int]] = set()
    for table in lsh.hashtables:
        for band_key in table.keys():  # noqa: SIM118 - storage object, not a dict
            docs = sorted({key[0] for key in table.get(band_key)})
            for x in range(len(docs)):
                for y in range(x + 1, len(docs)):
                    pairs.add((docs[x], docs[y]))
    return pairs


def _has_shingles(fp: Fingerprint) -> bool:
    return fp.hashes.size > 0


def candidate_pairs(
    fps: Sequence[Fingerprint], threshold: float, passage_threshold: float, num_perm: int, seed: int
) -> list[tuple[int, int]]:
    """Index pairs (i < j) of documents whose whole-text or passage signatures collide."""
    docs = (((i, 0), fp.signature) for i, fp in enumerate(fps) if _has_shingles(fp))
    pairs = _bucket_pairs(docs, threshold, num_perm, seed)
    windows = (((i, w), sig) for i, fp in enumerate(fps) if _has_shingles(fp) for w, sig in enumerate(fp.windows))
    pairs |= _bucket_pairs(windows, passage_threshold, num_perm, seed)
    return sorted(pairs)
