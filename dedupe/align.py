"""Shared passages of two documents: shingle seeds chained into gapped runs.

Seeds are shingles present in both texts; a chain extends while the next seed follows within
``max_gap`` words on both sides, so substituted words (spun rewrites) do not break a passage,
and each chain is independent of paragraph order, so reordered paragraphs still match.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from dedupe.fingerprint import Fingerprint
from dedupe.models import Passage, Span


@dataclass(slots=True)
class _Chain:
    i0: int
    j0: int
    i: int
    j: int
    seeds: int


def _usable(hashes: np.ndarray, common: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Positions in ``hashes`` of values in ``common`` (sorted) and the index of each one's value there."""
    where = np.searchsorted(common, hashes)
    hit = np.flatnonzero(common[np.minimum(where, common.size - 1)] == hashes) if common.size else where[:0]
    return hit, where[hit]


def seeds(a: np.ndarray, b: np.ndarray, max_occurrences: int) -> tuple[np.ndarray, np.ndarray]:
    """(i, j) positions of shingles shared by ``a`` and ``b``, sorted by i then j, skipping very repetitive
    ones (a shingle found more than ``max_occurrences`` times on either side)."""
    ua, ca = np.unique(a, return_counts=True)
    ub, cb = np.unique(b, return_counts=True)
    common, ia, ib = np.intersect1d(ua, ub, assume_unique=True, return_indices=True)
    common = common[(ca[ia] <= max_occurrences) & (cb[ib] <= max_occurrences)]
    pa, va = _usable(a, common)
    pb, vb = _usable(b, common)
    order = np.argsort(vb, kind="stable")  # by value, then position
    pb, vb = pb[order], vb[order]
    lo = np.searchsorted(vb, va, side="left")
    count = np.searchsorted(vb, va, side="right") - lo
    i = np.repeat(pa, count)
    j = pb[np.repeat(lo, count) + np.arange(i.size) - np.repeat(np.cumsum(count) - count, count)]
    return i, j


def chain_seeds(i: np.ndarray, j: np.ndarray, max_gap: int) -> list[_Chain]:
    """Greedy chaining of seeds (sorted by i, then j) into runs that move forward on both sides.

    Each seed extends the active chain it fits best (smallest step, then most seeds) or starts a chain;
    a chain stops once ``i`` has moved more than ``max_gap + 1`` past its last seed. A seed right after
    another on both sides, (i + 1, j + 1), always extends the chain of that one (no other chain ends there
    and no step is shorter), and no seed in between can join that chain, so each diagonal run of seeds is
    taken in one step. Chains come back in no particular order (each starts at a distinct seed).
    """
    if i.size == 0:
        return []
    diagonal = j - i
    by_diagonal = np.lexsort((i, diagonal))
    d, p = diagonal[by_diagonal], i[by_diagonal]
    first = np.r_[True, (d[1:] != d[:-1]) | (p[1:] != p[:-1] + 1)]  # first seed of a diagonal run
    run_length = np.diff(np.r_[np.flatnonzero(first), d.size])
    length = np.zeros(i.size, dtype=np.int64)
    length[by_diagonal[first]] = run_length
    starts = np.flatnonzero(length)  # runs, in (i, j) order
    done: list[_Chain] = []
    active: list[_Chain] = []
    step = max_gap + 1
    current = -1
    for si, sj, n in zip(i[starts].tolist(), j[starts].tolist(), length[starts].tolist(), strict=True):
        if si != current:
            current = si
            done += [c for c in active if si - c.i > step]
            active = [c for c in active if si - c.i <= step]
        best: _Chain | None = None
        for c in active:
            di, dj = si - c.i, sj - c.j
            fits = 0 < di <= step and 0 < dj <= step and abs(di - dj) <= max_gap
            if fits and (best is None or (di + dj, -c.seeds) < (si - best.i + sj - best.j, -best.seeds)):
                best = c
        if best is None:
            best = _Chain(si, sj, si, sj, 0)
            active.append(best)
        best.i, best.j, best.seeds = si + n - 1, sj + n - 1, best.seeds + n
    return done + active


def _overlap(s0: int, e0: int, s1: int, e1: int) -> int:
    return max(0, min(e0, e1) - max(s0, s1))


def shared_passages(
    fa: Fingerprint, fb: Fingerprint, shingle_size: int, min_words: int, max_gap: int, max_occurrences: int
) -> list[tuple[int, int, int, int]]:
    """Non-overlapping passages as word ranges [ia, ea) in a and [jb, eb) in b, longest first."""
    chains = chain_seeds(*seeds(fa.hashes, fb.hashes, max_occurrences), max_gap)
    n_a, n_b = len(fa.tokens), len(fb.tokens)
    runs = []
    for c in chains:
        ea, eb = min(c.i + shingle_size, n_a), min(c.j + shingle_size, n_b)
        length = ea - c.i0
        if length >= min_words and c.seeds * 4 >= length:
            runs.append((c.i0, ea, c.j0, eb))
    runs.sort(key=lambda r: (-(r[1] - r[0]), r[0], r[2]))
    kept: list[tuple[int, int, int, int]] = []
    for r in runs:
        if all(
            _overlap(r[0], r[1], k[0], k[1]) * 2 < r[1] - r[0] and _overlap(r[2], r[3], k[2], k[3]) * 2 < r[3] - r[2]
            for k in kept
        ):
            kept.append(r)
    return sorted(kept)


def to_passage(fa: Fingerprint, fb: Fingerprint, run: tuple[int, int, int, int]) -> Passage:
    ia, ea, jb, eb = run
    a_span = Span(int(fa.tokens.starts[ia]), int(fa.tokens.ends[ea - 1]))
    b_span = Span(int(fb.tokens.starts[jb]), int(fb.tokens.ends[eb - 1]))
    return Passage(a_span, b_span, ea - ia)


def coverage(runs: list[tuple[int, int]], total: int) -> float:
    """Share of ``total`` words inside the union of [start, end) ranges."""
    if total == 0:
        return 0.0
    covered = np.zeros(total, dtype=bool)
    for s, e in runs:
        covered[s:e] = True
    return float(covered.sum()) / total
