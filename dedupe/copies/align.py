"""Shared passages of two documents: shingle seeds chained into gapped runs.

Seeds are shingles present in both texts; a chain extends while the next seed follows within
``max_gap`` words on both sides, so substituted words (spun rewrites) do not break a passage,
and each chain is independent of paragraph order, so reordered paragraphs still match.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from dedupe.copies.fingerprint import Fingerprint
from dedupe.models import Passage, Span
from dedupe.text.normalize import WORD_UNITS


@dataclass(slots=True)
class _Chain:
    i0: int
    j0: int
    i: int
    j: int
    seeds: int


@dataclass(frozen=True, slots=True)
class SharedShingles:
    """What two shingle-hash sequences share: the seeds for chaining, and set sizes for exact Jaccard."""

    i: np.ndarray  # seed positions in a (sorted by i, then j)
    j: np.ndarray  # ... and in b
    distinct_a: int
    distinct_b: int
    common: int  # distinct hashes in both


def compare_shingles(a: np.ndarray, b: np.ndarray, max_occurrences: int) -> SharedShingles:
    """One sort of both sequences: every (i, j) with ``a[i] == b[j]``, except for hashes found more than
    ``max_occurrences`` times on either side (too repetitive to seed a passage), and the set sizes."""
    both = np.concatenate([a, b])
    order = np.argsort(both, kind="stable")  # equal hashes: positions in a first, then in b, each ascending
    values = both[order]
    first = np.flatnonzero(np.r_[True, values[1:] != values[:-1]]) if values.size else np.zeros(0, dtype=np.intp)
    size = np.diff(np.r_[first, values.size])
    in_a = np.add.reduceat((order < a.size).astype(np.int64), first) if first.size else first
    in_b = size - in_a
    common = (in_a > 0) & (in_b > 0)
    usable = common & (in_a <= max_occurrences) & (in_b <= max_occurrences)
    single = usable & (in_a == 1) & (in_b == 1)  # almost every seed
    i, j = [order[first[single]]], [order[first[single] + 1] - a.size]
    for g in np.flatnonzero(usable & ~single).tolist():
        at, na, nb = int(first[g]), int(in_a[g]), int(in_b[g])
        i.append(np.repeat(order[at : at + na], nb))
        j.append(np.tile(order[at + na : at + na + nb] - a.size, na))
    seed_i, seed_j = np.concatenate(i), np.concatenate(j)
    by_position = np.lexsort((seed_j, seed_i))
    return SharedShingles(seed_i[by_position], seed_j[by_position], int(np.count_nonzero(in_a)),
                          int(np.count_nonzero(in_b)), int(np.count_nonzero(common)))


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
    fa: Fingerprint, fb: Fingerprint, shared: SharedShingles, shingle_size: int, min_words: int, max_gap: int
) -> list[tuple[int, int, int, int]]:
    """Non-overlapping passages as token ranges [ia, ea) in a and [jb, eb) in b, longest first; a passage is at
    least ``min_words`` long on the a side, counted in words (tokens weighed by their ``units``)."""
    chains = chain_seeds(shared.i, shared.j, max_gap)
    n_a, n_b = len(fa.tokens), len(fb.tokens)
    units = fa.tokens.units  # a character of Chinese or Thai weighs part of a word (see normalize.NO_SPACE_BLOCKS)
    before = None if units is None else np.r_[0, np.cumsum(units)].tolist()  # units before each token
    runs = []
    for c in chains:
        ea, eb = min(c.i + shingle_size, n_a), min(c.j + shingle_size, n_b)
        length = ea - c.i0
        words = length if before is None else (before[ea] - before[c.i0]) / WORD_UNITS
        if words >= min_words and c.seeds * 4 >= length:
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
