"""Verification of LSH candidates: exact similarity, shared passages, and the kind of reuse."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from dedupe.config import FingerprintConfig, MatchConfig
from dedupe.copies.align import SharedShingles, compare_shingles, coverage, shared_passages, to_passage
from dedupe.copies.fingerprint import Fingerprint
from dedupe.kinds import NEAR_DUPLICATE, PARTIAL_REUSE
from dedupe.models import Match


def jaccard_and_containment(shared: SharedShingles) -> tuple[float, float, float]:
    """Exact Jaccard of the shingle sets, and containment of a in b and of b in a."""
    na, nb, inter = shared.distinct_a, shared.distinct_b, shared.common
    if na == 0 or nb == 0:
        return 0.0, 0.0, 0.0
    return inter / (na + nb - inter), inter / na, inter / nb


def estimated_jaccard(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.count_nonzero(a == b)) / a.size


def verify(fa: Fingerprint, fb: Fingerprint, fconf: FingerprintConfig, mconf: MatchConfig) -> Match | None:
    """A Match when the two documents share at least one passage of ``min_passage_words``."""
    shared = compare_shingles(fa.hashes, fb.hashes, mconf.max_seed_occurrences)
    runs = shared_passages(fa, fb, shared, fconf.shingle_size, mconf.min_passage_words, mconf.max_gap)
    if not runs:
        return None
    cov_a = coverage([(r[0], r[1]) for r in runs], len(fa.tokens))
    cov_b = coverage([(r[2], r[3]) for r in runs], len(fb.tokens))
    jac, cont_a, cont_b = jaccard_and_containment(shared)
    kind = NEAR_DUPLICATE if min(cov_a, cov_b) >= mconf.near_duplicate_coverage else PARTIAL_REUSE
    return Match(
        a=fa.doc_id,
        b=fb.doc_id,
        kind=kind,
        similarity=jac,
        estimated_similarity=estimated_jaccard(fa.signature, fb.signature),
        containment_a_in_b=cont_a,
        containment_b_in_a=cont_b,
        coverage_a=cov_a,
        coverage_b=cov_b,
        passages=tuple(to_passage(fa, fb, r) for r in runs),
    )


def is_copy(m: Match, config: MatchConfig) -> bool:
    """A match that puts two documents in one duplicate group: a near-duplicate, or a trimmed or partial
    republication, whose words are at least ``copy_coverage`` inside passages shared with the other."""
    return m.kind == NEAR_DUPLICATE or max(m.coverage_a, m.coverage_b) >= config.copy_coverage


def verify_pairs(
    fps: Mapping[int, Fingerprint] | Sequence[Fingerprint], pairs: Sequence[tuple[int, int]],
    fconf: FingerprintConfig, mconf: MatchConfig,
) -> list[Match]:
    """Matches for candidate pairs, with ``a`` the smaller id; sorted by (a, b)."""
    matches = []
    for i, j in pairs:
        fa, fb = (fps[i], fps[j]) if fps[i].doc_id < fps[j].doc_id else (fps[j], fps[i])
        m = verify(fa, fb, fconf, mconf)
        if m is not None:
            matches.append(m)
    return sorted(matches, key=lambda m: (m.a, m.b))
