"""Quality floors on the labelled fixtures (labels in tests/labels, written with the fixtures).

The figures behind these floors are printed by ``python3 benchmarks/quality.py``.
"""

from __future__ import annotations

from typing import Any

from benchmarks.evaluation import load_attribution_labels, load_pair_labels, score_attribution, score_pairs
from tests.conftest import LABELS

# Every form of ../shared/attribution.md that the labelled set must exercise, negatives included.
REQUIRED_FORMS = {
    "dateline", "document-credit", "inline-verb", "according-to", "as-reported-by", "citing", "chain", "anaphora",
    "paragraph", "state-media", "visual", "venue", "non-verification", "poll-negative", "about-agency",
    "acronym-negative", "none",
    # forms seen on real text (fixtures/articles/realtext-forms, modelled on PolNeAR and trafilatura's pages)
    "poll", "short-form", "report-that", "person-negative", "common-word-negative",
    "item-credit", "obtained-by", "name-shape",
    # and on the article parsers' test pages
    "quote-item", "republication",
}


def _texts(result: Any) -> dict[str, str]:
    return {a.document.id: a.document.text for a in result.analyses}


def test_reuse_pairs_meet_the_floor(fixture_scan: Any) -> None:
    result, report = fixture_scan
    scores = score_pairs(report, load_pair_labels(LABELS), _texts(result))
    detail = f"false positives {scores.false_positives}, false negatives {scores.false_negatives}"
    assert scores.precision >= 0.95, detail
    assert scores.recall >= 0.9, detail


def test_reused_passages_and_kinds_are_found(fixture_scan: Any) -> None:
    result, report = fixture_scan
    scores = score_pairs(report, load_pair_labels(LABELS), _texts(result))
    assert scores.passage_recall >= 0.9
    assert scores.kind_accuracy >= 0.9


def test_labelled_attribution_set_is_large_and_covers_the_taxonomy() -> None:
    labels = load_attribution_labels(LABELS)
    sentences = [row for rows in labels.sentences.values() for row in rows]
    assert len(sentences) >= 300
    assert len(labels.sentences) >= 40
    forms = {row.get("form", "none") for row in sentences}
    assert forms >= REQUIRED_FORMS, f"forms without labels: {sorted(REQUIRED_FORMS - forms)}"


def test_attribution_meets_the_floor(fixture_scan: Any) -> None:
    _, report = fixture_scan
    scores = score_attribution(report, load_attribution_labels(LABELS))
    worst = "; ".join(f"{d}: {s[:60]!r} expected {e} got {p}" for d, s, e, p in scores.errors[:8])
    assert scores.precision >= 0.95, worst
    assert scores.recall >= 0.9, worst


def test_document_credits_are_precise(fixture_scan: Any) -> None:
    _, report = fixture_scan
    scores = score_attribution(report, load_attribution_labels(LABELS))
    assert scores.credit_precision >= 0.98
    assert scores.credit_recall >= 0.9
    assert scores.derivative_accuracy >= 0.95


def test_relay_chains_and_unverified_claims(fixture_scan: Any) -> None:
    _, report = fixture_scan
    scores = score_attribution(report, load_attribution_labels(LABELS))
    assert scores.via_accuracy >= 0.9
    assert scores.unverified_recall >= 0.9
