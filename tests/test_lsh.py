from __future__ import annotations

import itertools
import random

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dedupe.config import ScanConfig
from dedupe.copies.fingerprint import shingle_hashes
from dedupe.copies.lsh import (
    PREFIX_BITS,
    KeyBuckets,
    LSHLayout,
    band_key_matrix,
    lsh_params,
    pairs_sharing_keys,
    prefix_ordered,
    prefix_range,
)
from dedupe.text.normalize import tokenize
from tests.reference import ReferenceFingerprint, document_keys, window_signatures

LAYOUT = LSHLayout.from_config(ScanConfig())


def fp(doc_id: str, words: list[str]) -> np.ndarray:
    hashes = shingle_hashes(tuple(words), LAYOUT.shingle_size)
    sig, windows, starts = window_signatures(hashes, LAYOUT)
    return document_keys(ReferenceFingerprint(doc_id, tokenize(" ".join(words)), hashes, sig, windows, starts), LAYOUT)


def jaccard(a: list[str], b: list[str]) -> float:
    sa = {tuple(a[i:i + 3]) for i in range(len(a) - 2)}
    sb = {tuple(b[i:i + 3]) for i in range(len(b) - 2)}
    return len(sa & sb) / len(sa | sb)


def test_bands_and_rows_cover_num_perm() -> None:
    bands, rows = lsh_params(0.3, 128)
    assert bands * rows <= 128 and bands > 1


@pytest.mark.parametrize("num_perm", [16, 64, 128, 256])
def test_bands_and_rows_are_those_datasketch_picks(num_perm: int) -> None:
    """Our quadrature chooses the (bands, rows) of datasketch's MinHashLSH, on a grid of thresholds."""
    from datasketch import MinHashLSH

    for threshold in np.round(np.arange(0.05, 1.0, 0.1 if num_perm == 256 else 0.05), 2).tolist():
        try:
            lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        except ValueError:  # datasketch refuses a single band; its choice was one band
            assert lsh_params(threshold, num_perm)[0] == 1, threshold
            continue
        assert lsh_params(threshold, num_perm) == (lsh.b, lsh.r), threshold


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 10_000))
def test_lsh_finds_every_pair_well_above_threshold(seed: int) -> None:
    """Brute force over a random corpus: every pair with Jaccard >= 0.6 (threshold 0.3) is a candidate.

    At J=0.6 with the bands x rows datasketch picks for 0.3, the miss probability of one pair is
    below 1e-9, so a failure here is a bug, not bad luck.
    """
    rng = random.Random(seed)
    vocab = [f"v{i}" for i in range(3000)]
    base = [[rng.choice(vocab) for _ in range(200)] for _ in range(6)]
    docs = list(base)
    for words in base[:4]:
        copy = list(words)
        for _ in range(rng.randint(0, 10)):
            copy[rng.randrange(len(copy))] = rng.choice(vocab)
        docs.append(copy)
    fps = [fp(f"d{i}", w) for i, w in enumerate(docs)]
    with KeyBuckets() as buckets:
        buckets.add(np.repeat(np.arange(len(fps)), [k.size for k in fps]), np.concatenate(fps))
        found = set(buckets.pairs())
    for i in range(len(docs)):
        for j in range(i + 1, len(docs)):
            if jaccard(docs[i], docs[j]) >= 0.6:
                assert (i, j) in found


@settings(max_examples=15, deadline=None)
@given(st.integers(0, 10_000), st.sampled_from([0.3, 0.5, 0.8]))
def test_vectorised_buckets_equal_datasketch_minhashlsh(seed: int, threshold: float) -> None:
    """The numpy banding yields exactly the pairs datasketch's MinHashLSH (same bands x rows) yields."""
    from datasketch import LeanMinHash, MinHashLSH

    rng = np.random.default_rng(seed)
    sigs = rng.integers(0, 50, size=(30, 128), dtype=np.uint32)  # small values: many shared bands
    sigs[10:20] = sigs[:10]
    sigs[10:20, rng.integers(0, 128, 40)] = 7
    bands, rows = lsh_params(threshold, 128)
    keys = [np.unique(row) for row in band_key_matrix(sigs, bands, rows, 1).astype(np.int64)]
    owners = np.repeat(np.arange(30), [k.size for k in keys])
    ours = {tuple(p) for p in pairs_sharing_keys(owners, np.concatenate(keys)).tolist()}
    lsh = MinHashLSH(threshold=threshold, num_perm=128)
    for i, sig in enumerate(sigs):
        lsh.insert(i, LeanMinHash(seed=1, hashvalues=sig, scheme="affine32"))
    theirs = {(min(i, j), max(i, j)) for i, sig in enumerate(sigs)
              for j in lsh.query(LeanMinHash(seed=1, hashvalues=sig, scheme="affine32")) if i != j}
    assert ours == theirs


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sets(st.integers(0, 30), max_size=8), max_size=12))
def test_pairs_sharing_keys_equal_brute_force(key_sets: list[set[int]]) -> None:
    keys = [np.array(sorted(k), dtype=np.int64) for k in key_sets]
    owners = np.repeat(np.arange(len(keys)), [k.size for k in keys]).astype(np.int64)
    flat = np.concatenate(keys) if keys else np.zeros(0, dtype=np.int64)
    expected = [[i, j] for i in range(len(keys)) for j in range(i + 1, len(keys)) if key_sets[i] & key_sets[j]]
    assert pairs_sharing_keys(owners, flat).tolist() == expected
    wide = flat * 7_919_000_003 % (1 << 62)  # spread over 62 bits, so the prefilter's packing is exercised
    assert pairs_sharing_keys(owners, wide, prefilter_above=0).tolist() == expected
    for memory_keys in (10**9, 3):  # the same pairs in batches over four partitions, in memory and spilled
        with KeyBuckets(partitions=4, memory_keys=memory_keys) as buckets:
            for lo in range(0, len(keys), 3):
                part = keys[lo:lo + 3]
                buckets.add(np.repeat(np.arange(lo, lo + len(part)), [k.size for k in part]), np.concatenate(part))
            assert buckets.pairs() == [tuple(p) for p in expected]
            assert buckets.spilled == (memory_keys == 3 and sum(k.size for k in keys) > 3)


@pytest.mark.parametrize("partitions", [1, 3, 64, 2**PREFIX_BITS])
def test_prefix_ranges_cut_the_keys_into_slices_that_keep_equal_keys_together(partitions: int) -> None:
    """Any number of key partitions: slices of the prefix-ordered keys that hold every key once, equal keys in one
    slice, and the pairs of all slices together are those of all keys."""
    rng = np.random.default_rng(5)
    keys = band_key_matrix(rng.integers(0, 2**32, size=(300, 128), dtype=np.uint64), 32, 4, 1).ravel()
    keys = np.concatenate([keys, keys[::7]]).astype(np.int64)  # some keys repeat
    owners = np.arange(keys.size, dtype=np.int32) % 211
    o, k, starts = prefix_ordered(owners, keys)
    assert starts[-1] == keys.size
    assert sorted(zip(o.tolist(), k.tolist(), strict=True)) == sorted(zip(owners.tolist(), keys.tolist(), strict=True))
    bounds = [prefix_range(p, partitions) for p in range(partitions)]
    assert bounds[0][0] == 0 and bounds[-1][1] == 2**PREFIX_BITS
    assert all(a[1] == b[0] for a, b in itertools.pairwise(bounds))
    slices = [(o[starts[lo]:starts[hi]], k[starts[lo]:starts[hi]]) for lo, hi in bounds]
    seen = [set(s.tolist()) for _, s in slices]
    assert sum(len(s) for s in seen) == len(set(keys.tolist()))  # no key in two slices
    merged = KeyBuckets.merge([pairs_sharing_keys(so, sk) for so, sk in slices])
    assert merged == KeyBuckets.merge([pairs_sharing_keys(owners, keys)])
