"""Shared passages of two documents: shingle seeds chained into gapped runs.

Seeds are shingles present in both texts; a chain extends while the next seed follows within
``max_gap`` words on both sides, so substituted words (spun rewrites) do not break a passage,
and each chain is independent of paragraph order, so reordered paragraphs still match.
"""

from __future__ import annotations

from collections import defaultdict
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


def _positions(hashes: np.ndarray) -> dict[int, list[int]]:
    pos: dict[int, list[int]] = defaultdict(list)
    for index, h in enumerate(hashes.tolist()):
        pos[h].append(index)
    return pos


def seeds(a: np.ndarray, b: np.ndarray, max_occurrences: int) -> list[tuple[int, int]]:
    """(i, j) positions of shingles shared by ``a`` and ``b``, skipping very repetitive ones."""
    pos_a, pos_b = _positions(a), _positions(b)
    out: list[tuple[int, int]] = []
    for h, ia in pos_a.items():
        jb = pos_b.get(h)
        if jb is None or len(ia) > max_occurrences or len(jb) > max_occurrences:
            continue
        out.extend((i, j) for i in ia for j in jb)
    out.sort()
    return out


def chain_seeds(pairs: list[tuple[int, int]], max_gap: int) -> list[_Chain]:
    """Greedy chaining of sorted seeds into runs that move forward on both sides."""
    done: list[_Chain] = []
    active: list[_Chain] = []
    step = max_gap + 1
    for i, j in pairs:
        still: list[_Chain] = []
        for c in active:
            (still if i - c.i <= step else done).append(c)
        active = still
        best: _Chain | None = None
        for c in active:
            di, dj = i - c.i, j - c.j
            fits = 0 < di <= step and 0 < dj <= step and abs(di - dj) <= max_gap
            if fits and (best is None or (di + dj, -c.seeds) < (i - best.i + j - best.j, -best.seeds)):
                best = c
        if best is None:
            active.append(_Chain(i, j, i, j, 1))
        else:
            best.i, best.j, best.seeds = i, j, best.seeds + 1
    return done + active


def _overlap(s0: int, e0: int, s1: int, e1: int) -> int:
    return max(0, min(e0, e1) - max(s0, s1))


def shared_passages(
    fa: Fingerprint, fb: Fingerprint, shingle_size: int, min_words: int, max_gap: int, max_occurrences: int
) -> list[tuple[int, int, int, int]]:
    """Non-overlapping passages as word ranges [ia, ea) in a and [jb, eb) in b, longest first."""
    chains = chain_seeds(seeds(fa.hashes, fb.hashes, max_occurrences), max_gap)
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
