from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from dedupe.copies.align import chain_seeds, compare_shingles

HASHES = st.lists(st.integers(0, 12), max_size=40).map(lambda v: np.array(v, dtype=np.uint32))


@settings(max_examples=300, deadline=None)
@given(HASHES, HASHES, st.integers(1, 5))
def test_seeds_equal_brute_force(a: np.ndarray, b: np.ndarray, limit: int) -> None:
    """Every (i, j) with a[i] == b[j], in order, unless that value occurs more than ``limit`` times on a side."""
    la, lb = a.tolist(), b.tolist()
    expected = [(i, j) for i, x in enumerate(la) for j, y in enumerate(lb)
                if x == y and la.count(x) <= limit and lb.count(y) <= limit]
    shared = compare_shingles(a, b, limit)
    assert list(zip(shared.i.tolist(), shared.j.tolist(), strict=True)) == expected
    assert (shared.distinct_a, shared.distinct_b, shared.common) == (len(set(la)), len(set(lb)), len(set(la) & set(lb)))


def _reference_chains(pairs: list[tuple[int, int]], max_gap: int) -> list[tuple[int, int, int, int, int]]:
    """The plain greedy chaining, scanning every active chain for every seed."""
    done: list[list[int]] = []
    active: list[list[int]] = []  # i0, j0, i, j, seeds
    step = max_gap + 1
    for i, j in pairs:
        done += [c for c in active if i - c[2] > step]
        active = [c for c in active if i - c[2] <= step]
        best = None
        for c in active:
            di, dj = i - c[2], j - c[3]
            fits = 0 < di <= step and 0 < dj <= step and abs(di - dj) <= max_gap
            if fits and (best is None or (di + dj, -c[4]) < (i - best[2] + j - best[3], -best[4])):
                best = c
        if best is None:
            active.append([i, j, i, j, 1])
        else:
            best[2], best[3], best[4] = i, j, best[4] + 1
    return [(c[0], c[1], c[2], c[3], c[4]) for c in done + active]


@settings(max_examples=300, deadline=None)
@given(HASHES, HASHES, st.integers(0, 6))
def test_chains_equal_plain_greedy(a: np.ndarray, b: np.ndarray, gap: int) -> None:
    shared = compare_shingles(a, b, 4)
    i, j = shared.i, shared.j
    got = sorted((c.i0, c.j0, c.i, c.j, c.seeds) for c in chain_seeds(i, j, gap))
    assert got == sorted(_reference_chains(list(zip(i.tolist(), j.tolist(), strict=True)), gap))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 60), min_size=1, max_size=90),
       st.lists(st.tuples(st.integers(0, 89), st.integers(0, 60))), st.integers(0, 40), st.integers(0, 6))
def test_chains_equal_plain_greedy_on_edited_copies(words: list[int], edits: list[tuple[int, int]], cut: int,
                                                   gap: int) -> None:
    """Copies with substitutions and a moved block: long diagonal runs, as real reuse gives."""
    a = np.array(words, dtype=np.uint32)
    copy = list(words)
    for position, value in edits:
        if position < len(copy):
            copy[position] = value
    b = np.array(copy[cut:] + copy[:cut], dtype=np.uint32)
    shared = compare_shingles(a, b, 4)
    i, j = shared.i, shared.j
    got = sorted((c.i0, c.j0, c.i, c.j, c.seeds) for c in chain_seeds(i, j, gap))
    assert got == sorted(_reference_chains(list(zip(i.tolist(), j.tolist(), strict=True)), gap))
